using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Matchmaking;

/// <summary>
/// Partnering profiles under /api/v1/matchmaking: the same use cases and rules as the pages. Reading needs
/// organisations:read, changing organisations:write (a profile is its organisation's).
/// </summary>
public static class PartneringApi
{
    public const string Tag = "Partnering profiles";

    public sealed record ProfileLink(int Id, string Page);
    public sealed record ProfileVersion(int Id, int Version);
    public sealed record InterestLink(int Id, int ProfileId);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var m = api.MapGroup("/matchmaking").WithTags(Tag);
        m.MapGet("/profiles", List).WithName("ListPartneringProfiles").AllowAnonymous().RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("The published partnering profiles, without who is behind them: filters kind, technology, sector, country (of the organisation), q (words); sort newest or title; paged")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        m.MapGet("/profiles/{id:int}", Get).WithName("GetPartneringProfile").AllowAnonymous().RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("One profile as you may see it: the organisation and contact only for its members and the other side of an accepted interest (404 for anyone who may not see it)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        m.MapPost("/profiles", Create).WithName("CreatePartneringProfile").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Write a draft profile for an organisation you are a member of: {\"organisation\": slug, \"hub\": slug (left out: the hub proposed for its region), \"kind\", \"title\", \"summary\", …}")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        m.MapPut("/profiles/{id:int}", Update).WithName("UpdatePartneringProfile").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Change a profile (its organisation's members) with the version it was read at; a published profile goes back to review")
            .WithDescription("Every field is sent, as on create; a change made from another version than the stored one answers 409.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapPost("/profiles/{id:int}/submit", Submit).WithName("SubmitPartneringProfile").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Submit a draft or a profile sent back to its hub for review: {\"version\", \"reply\" (optional, to the reviewer's comments)}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapPost("/profiles/{id:int}/review", Review).WithName("ReviewPartneringProfile").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("The hub's desk reviews a profile in review: {\"decision\": Approve | RequestChanges, \"comment\" (required to request changes), \"version\"}")
            .WithDescription("Never one of your own organisation's profiles. Approving publishes it for 12 months, or until its deadline.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapPost("/profiles/{id:int}/renew", Renew).WithName("RenewPartneringProfile").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Renew a published or expired profile for another 12 months (or until its deadline): {\"version\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapPost("/profiles/{id:int}/withdraw", Withdraw).WithName("WithdrawPartneringProfile").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Withdraw a profile: {\"version\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapGet("/profiles/{id:int}/interests", Received).WithName("ListPartneringProfileInterests").RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("The expressions of interest a profile received (its organisation's members); contacts only of accepted ones")
            .ProducesProblem(StatusCodes.Status404NotFound);
        m.MapPost("/profiles/{id:int}/interests", SendInterest).WithName("SendPartneringInterest").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Express interest in a published profile: {\"organisation\": slug of yours, \"senderProfile\": id of one of its published profiles (optional), \"message\"}")
            .WithDescription("One pending interest per person and profile (409 otherwise); never for the profile's own organisation.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapGet("/mine", Mine).WithName("GetMyPartnering").RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("Your organisations' profiles, the interests you sent and those your organisations' profiles received");
        m.MapPost("/interests/{id:int}/accept", Accept).WithName("AcceptPartneringInterest").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Accept a pending interest (the profile's author or organisation admins): {\"note\"}; both sides then see each other's contact")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapPost("/interests/{id:int}/decline", Decline).WithName("DeclinePartneringInterest").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Decline a pending interest (the profile's author or organisation admins): {\"note\"} (optional, shown to the sender)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapPost("/interests/{id:int}/withdraw", WithdrawInterest).WithName("WithdrawPartneringInterest").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Take back an interest you sent while it is pending")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/hubs/{slug}/matchmaking/reviews", Queue).WithName("ListPartneringReviewQueue").WithTags(Tag).RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("The hub's review queue: profiles in review, outside your own organisations (its desk; 404 for everyone else)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PagedList<ProfileCard>>, ValidationProblem, ProblemHttpResult>> List(PartneringQueries q, IStringLocalizer<SharedResource> t,
        ProfileKind? kind, string? technology, string? sector, string? country, [FromQuery(Name = "q")] string? words, string? sort, int? page, int? pageSize,
        CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, PartneringQueries.Sorts, "newest");
        if (query is null) return ApiResults.BadQuery(t);
        return ApiResults.From(await q.ListAsync(new ProfileFilter(kind, technology, sector, country, words), query, ct));
    }

    private static async Task<Results<Ok<ProfileView>, ValidationProblem, ProblemHttpResult>> Get(int id, PartneringQueries q, CancellationToken ct) =>
        ApiResults.From(await q.GetAsync(id, ct));

    private static async Task<Results<Created<ProfileLink>, ValidationProblem, ProblemHttpResult>> Create(ProfileInput input, PartneringProfiles w, CancellationToken ct) =>
        ApiResults.From(await w.CreateAsync(input, ct),
            id => TypedResults.Created($"/api/v1/matchmaking/profiles/{id}", new ProfileLink(id, PartneringProfiles.PathOf(id))));

    private static async Task<Results<Ok<ProfileVersion>, ValidationProblem, ProblemHttpResult>> Update(int id, ProfileInput input, PartneringProfiles w, CancellationToken ct) =>
        ApiResults.From(await w.UpdateAsync(id, input, ct), v => TypedResults.Ok(new ProfileVersion(id, v)));

    private static async Task<Results<Ok<ProfileVersion>, ValidationProblem, ProblemHttpResult>> Submit(int id, SubmitProfileInput? input, PartneringProfiles w, CancellationToken ct) =>
        ApiResults.From(await w.SubmitAsync(id, input ?? new SubmitProfileInput(), ct), v => TypedResults.Ok(new ProfileVersion(id, v)));

    private static async Task<Results<Ok<ProfileVersion>, ValidationProblem, ProblemHttpResult>> Review(int id, ReviewInput input, PartneringProfiles w, CancellationToken ct) =>
        ApiResults.From(await w.ReviewAsync(id, input, ct), v => TypedResults.Ok(new ProfileVersion(id, v)));

    private static async Task<Results<Ok<ProfileVersion>, ValidationProblem, ProblemHttpResult>> Renew(int id, VersionInput? input, PartneringProfiles w, CancellationToken ct) =>
        ApiResults.From(await w.RenewAsync(id, input ?? new VersionInput(), ct), v => TypedResults.Ok(new ProfileVersion(id, v)));

    private static async Task<Results<Ok<ProfileVersion>, ValidationProblem, ProblemHttpResult>> Withdraw(int id, VersionInput? input, PartneringProfiles w, CancellationToken ct) =>
        ApiResults.From(await w.WithdrawAsync(id, input ?? new VersionInput(), ct), v => TypedResults.Ok(new ProfileVersion(id, v)));

    private static async Task<Results<Ok<IReadOnlyList<InterestView>>, ValidationProblem, ProblemHttpResult>> Received(int id, PartneringQueries q, CancellationToken ct) =>
        ApiResults.From(await q.ReceivedAsync(id, ct));

    private static async Task<Results<Created<InterestLink>, ValidationProblem, ProblemHttpResult>> SendInterest(int id, InterestInput input, PartneringInterests w, CancellationToken ct) =>
        ApiResults.From(await w.SendAsync(id, input, ct), x => TypedResults.Created($"/api/v1/matchmaking/profiles/{id}/interests", new InterestLink(x, id)));

    private static async Task<Results<Ok<MyPartnering>, ValidationProblem, ProblemHttpResult>> Mine(PartneringQueries q, CancellationToken ct) =>
        ApiResults.From(await q.MineAsync(ct));

    private static async Task<Results<Ok<InterestLink>, ValidationProblem, ProblemHttpResult>> Accept(int id, InterestAnswer? input, PartneringInterests w, CancellationToken ct) =>
        ApiResults.From(await w.AcceptAsync(id, input ?? new InterestAnswer(), ct), x => TypedResults.Ok(new InterestLink(x, 0)));

    private static async Task<Results<Ok<InterestLink>, ValidationProblem, ProblemHttpResult>> Decline(int id, InterestAnswer? input, PartneringInterests w, CancellationToken ct) =>
        ApiResults.From(await w.DeclineAsync(id, input ?? new InterestAnswer(), ct), x => TypedResults.Ok(new InterestLink(x, 0)));

    private static async Task<Results<Ok<InterestLink>, ValidationProblem, ProblemHttpResult>> WithdrawInterest(int id, PartneringInterests w, CancellationToken ct) =>
        ApiResults.From(await w.WithdrawAsync(id, ct), x => TypedResults.Ok(new InterestLink(x, 0)));

    private static async Task<Results<Ok<IReadOnlyList<ProfileCard>>, ValidationProblem, ProblemHttpResult>> Queue(string slug, PartneringQueries q, CancellationToken ct) =>
        ApiResults.From(await q.ReviewQueueAsync(slug, ct));
}
