using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agora.Web.Features.Network;

/// <summary>
/// /api/v1/hubs/{slug}/network-profile, /api/v1/hubs/{slug}/front-desk/contacts and /api/v1/network/hubs: hub network
/// profiles, front-desk contacts and the network of hubs, with the same rules as the pages.
/// </summary>
public static class ProfilesApi
{
    public sealed record ContactLink(int Id);
    public sealed record ProfileLink(string Page);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hub = api.MapGroup("/hubs/{slug}").WithTags("Network profiles");
        var network = api.MapGroup("/network").WithTags("Network profiles");
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;
        const int notFound = StatusCodes.Status404NotFound, forbidden = StatusCodes.Status403Forbidden, conflict = StatusCodes.Status409Conflict;

        hub.MapGet("/network-profile", GetProfile).WithName("GetHubNetworkProfile").AllowAnonymous().RequireScope(read)
            .WithSummary("The hub's network profile: legal name, kind, country, NUTS-2 regions served, technologies, sectors, languages, first-answer days, "
                + "partners, the front-desk contacts you may see and its count of published services (404 when the hub has none or is unlisted and you do not manage it)")
            .ProducesProblem(notFound);
        hub.MapPut("/network-profile", SaveProfile).WithName("SaveHubNetworkProfile").RequireScope(write)
            .WithSummary("Create or replace the hub's network profile (hub managers); creating it puts the hub in the network: {\"legalName\", "
                + "\"kind\": Edih|Dih|SealOfExcellence|Other, \"country\": NUTS country code, \"regions\": [NUTS 2024 level-2 codes], \"technologies\": [keys], "
                + "\"sectors\": [keys], \"languages\": [culture names], \"website\", \"firstAnswerDays\": 1–30, \"listed\", "
                + "\"partners\": [{\"name\", \"organisationId\", \"website\", \"role\"}] (replaces the partners)}")
            .ProducesProblem(forbidden).ProducesProblem(notFound);
        hub.MapGet("/front-desk/contacts", ListContacts).WithName("ListFrontDeskContacts").AllowAnonymous().RequireScope(read)
            .WithSummary("The hub's confirmed front-desk contacts you may see (Public to anyone, SignedIn to people signed in, Members to the hub's members), "
                + "and the proposals not yet answered that you may see (hub managers: all; a person: their own)")
            .ProducesProblem(notFound);
        hub.MapPost("/front-desk/contacts", Propose).WithName("ProposeFrontDeskContact").RequireScope(write)
            .WithSummary("Propose a member as front-desk contact (hub managers): {\"userId\", \"role\", \"languages\": [culture names], \"hours\", "
                + "\"visibility\": Public|SignedIn|Members}; the person is told and is a contact only once they accept")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/front-desk/contacts/{id:int}/accept", Accept).WithName("AcceptFrontDeskSeat").RequireScope(write)
            .WithSummary("Accept a proposal to be a front-desk contact (the person proposed)")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/front-desk/contacts/{id:int}/refuse", Refuse).WithName("RefuseFrontDeskSeat").RequireScope(write)
            .WithSummary("Refuse a proposal to be a front-desk contact (the person proposed): it goes and was never shown")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPut("/front-desk/contacts/{id:int}", Change).WithName("ChangeFrontDeskContact").RequireScope(write)
            .WithSummary("Change a seat: {\"languages\", \"hours\", \"visibility\"} (the contact or a hub manager), {\"role\"} (hub managers)")
            .ProducesProblem(forbidden).ProducesProblem(notFound);
        hub.MapDelete("/front-desk/contacts/{id:int}", Remove).WithName("RemoveFrontDeskContact").RequireScope(write)
            .WithSummary("Step down from the front desk (the contact), or remove a contact or withdraw a proposal (hub managers)")
            .ProducesProblem(forbidden).ProducesProblem(notFound);
        network.MapGet("/hubs", ListHubs).WithName("ListNetworkHubs").AllowAnonymous().RequireScope(read)
            .WithSummary("Every listed hub in the network, filtered by ?country= (NUTS country code), ?region= (NUTS-2 code), ?technology=, ?sector=, "
                + "?kind=, with its regions, specialisations, languages, the front-desk contacts you may see and its count of published services")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<HubProfileView>, ProblemHttpResult>> GetProfile(string slug, HubProfiles profiles, CancellationToken ct) =>
        await profiles.GetAsync(slug, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    private static async Task<Results<Ok<ProfileLink>, ValidationProblem, ProblemHttpResult>> SaveProfile(string slug, ProfileInput input, HubProfiles profiles,
        CancellationToken ct) =>
        ApiResults.From(await profiles.SaveAsync(slug, input, ct), s => TypedResults.Ok(new ProfileLink($"/hubs/{s}/network")));

    private static async Task<Results<Ok<FrontDeskView>, ProblemHttpResult>> ListContacts(string slug, FrontDesk desk, CancellationToken ct) =>
        await desk.GetAsync(slug, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    private static async Task<Results<Created<ContactLink>, ValidationProblem, ProblemHttpResult>> Propose(string slug, ContactProposal input, FrontDesk desk,
        CancellationToken ct) =>
        ApiResults.From(await desk.ProposeAsync(slug, input, ct), id => TypedResults.Created($"/api/v1/hubs/{slug}/front-desk/contacts", new ContactLink(id)));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Accept(string slug, int id, FrontDesk desk, CancellationToken ct) =>
        ApiResults.From(await desk.AcceptAsync(slug, id, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Refuse(string slug, int id, FrontDesk desk, CancellationToken ct) =>
        ApiResults.From(await desk.RefuseAsync(slug, id, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Change(string slug, int id, ContactChange input, FrontDesk desk, CancellationToken ct) =>
        ApiResults.From(await desk.ChangeAsync(slug, id, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Remove(string slug, int id, FrontDesk desk, CancellationToken ct) =>
        ApiResults.From(await desk.RemoveAsync(slug, id, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<IReadOnlyList<NetworkHub>>, ValidationProblem, ProblemHttpResult>> ListHubs(string? country, string? region,
        string? technology, string? sector, string? kind, NetworkDirectory directory, CancellationToken ct) =>
        ApiResults.From(await directory.ListAsync(new NetworkFilter(country, region, technology, sector, kind), ct));
}
