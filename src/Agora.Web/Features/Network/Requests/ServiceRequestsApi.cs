using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network;

/// <summary>
/// Customers (/api/v1/organisations/{slug}/customer), service requests (/api/v1/network/requests) and the front desk
/// (/api/v1/hubs/{slug}/front-desk/requests): the same use cases and rules as the pages. The customer's side needs
/// organisations:* scopes, the front desk's hubs:* scopes.
/// </summary>
public static class ServiceRequestsApi
{
    public sealed record RequestLink(int Id, string Page);
    public sealed record RequestStateAnswer(int Id, ServiceRequestState State);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var org = api.MapGroup("/organisations/{slug}").WithTags("Network requests");
        org.MapGet("/customer", GetCustomer).WithName("GetNetworkCustomer").RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("The organisation's customer data in the hub network (its admins; 404 for everyone else)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        org.MapPut("/customer", SaveCustomer).WithName("SaveNetworkCustomer").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Register the organisation as a customer of the network, or update it: {\"type\": Sme | SmallMidCap | PublicSector | Other, "
                + "\"size\": Micro | Small | Medium | SmallMidCap | Large, \"sector\", \"country\", \"regionCode\" (a NUTS-2 region of that country)}")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var requests = api.MapGroup("/network/requests").WithTags("Network requests");
        requests.MapGet("", Mine).WithName("ListMyServiceRequests").RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("The service requests of the customer organisations you are a member of, newest first");
        requests.MapPost("", Ask).WithName("AskForService").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Ask for a published catalogue service ({\"serviceId\"}) or describe a need for a hub ({\"hub\": slug}; left out: the hub serving your region, else one of your country): "
                + "{\"organisation\" (slug; may be left out when you act for one customer), \"title\", \"description\", \"category\", \"technology\", \"sector\"}")
            .WithDescription("The hub's front desk owes a first answer within its working days (its country's public holidays and weekends excluded).");
        requests.MapGet("/{id:int}", Get).WithName("GetServiceRequest").AllowAnonymous().RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("One request with its timeline, delivery and what you may do (the customer's members and the front desks involved; 404 for everyone else)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{id:int}/withdraw", Withdraw).WithName("WithdrawServiceRequest").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Withdraw the request while no hub has accepted it")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPut("/{id:int}/feedback", Feedback).WithName("GiveServiceFeedback").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Rate a delivered service: {\"rating\": 1–5, \"comment\"}; you may change it for 30 days")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:int}/accept", Accept).WithName("AcceptServiceRequest").RequireScope(ApiScopes.HubsWrite)
            .WithSummary("Accept a submitted request (the front desk of the hub that holds it)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:int}/decline", Decline).WithName("DeclineServiceRequest").RequireScope(ApiScopes.HubsWrite)
            .WithSummary("Decline a submitted request with a reason the customer reads: {\"reason\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:int}/refer", Refer).WithName("ReferServiceRequest").RequireScope(ApiScopes.HubsWrite)
            .WithSummary("Refer a submitted request to another hub of the network with a note the customer reads: {\"hub\": slug, \"note\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:int}/referral/accept", AcceptReferral).WithName("AcceptServiceReferral").RequireScope(ApiScopes.HubsWrite)
            .WithSummary("Take on a request referred to your hub: your hub now handles it")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:int}/referral/decline", DeclineReferral).WithName("DeclineServiceReferral").RequireScope(ApiScopes.HubsWrite)
            .WithSummary("Decline a referral with a note: {\"note\"}; the request goes back to the referring hub's desk")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPut("/{id:int}/delivery", Delivery).WithName("RecordServiceDelivery").RequireScope(ApiScopes.HubsWrite)
            .WithSummary("Record the delivery of an accepted request: {\"status\": Planned | UnderWay | Completed | Cancelled, \"startedOn\", \"completedOn\", \"outcome\"}")
            .WithDescription("Completed makes the request Delivered and asks the customer for feedback; the outcome is required then.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/hubs/{slug}/front-desk/requests", Desk).WithName("ListFrontDeskRequests").RequireScope(ApiScopes.HubsRead).WithTags("Network requests")
            .WithSummary("The front desk's queue: requests the hub holds and those referred to it (its front desk; 404 for everyone else)")
            .WithDescription("Filters: state (Submitted, Referred, Accepted, Declined, Withdrawn, Delivered), overdue=true; sort: due (default), -due, submitted, -submitted; page, pageSize.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<CustomerView>, ValidationProblem, ProblemHttpResult>> GetCustomer(string slug, NetworkCustomers customers, CancellationToken ct) =>
        ApiResults.From(await customers.GetAsync(slug, ct));

    private static async Task<Results<Ok<CustomerView>, ValidationProblem, ProblemHttpResult>> SaveCustomer(string slug, CustomerInput input, NetworkCustomers customers, CancellationToken ct)
    {
        var saved = await customers.SaveAsync(slug, input, ct);
        return saved.IsOk ? ApiResults.From(await customers.GetAsync(slug, ct)) : ApiResults.From(saved.Select(_ => default(CustomerView)!));
    }

    private static async Task<Results<Ok<PagedList<ServiceRequestRow>>, ValidationProblem>> Mine(int? page, ServiceRequestQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        page is < 1 or > 10_000 ? ApiResults.BadQuery(t) : TypedResults.Ok(await q.MineAsync(page ?? 1, ct));

    private static async Task<Results<Created<RequestLink>, ValidationProblem, ProblemHttpResult>> Ask(AskInput input, ServiceRequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.AskAsync(input, ct),
            id => TypedResults.Created($"/api/v1/network/requests/{id}", new RequestLink(id, ServiceRequestWorkflow.PathOf(id))));

    private static async Task<Results<Ok<ServiceRequestDetail>, ProblemHttpResult>> Get(int id, ServiceRequestQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();

    private static Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult> Answer(Platform.Errors.Result<int> result, ServiceRequestState state) =>
        ApiResults.From(result, id => TypedResults.Ok(new RequestStateAnswer(id, state)));

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Withdraw(int id, ServiceRequestWorkflow w, CancellationToken ct) =>
        Answer(await w.WithdrawAsync(id, ct), ServiceRequestState.Withdrawn);

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Feedback(int id, FeedbackInput input, ServiceRequestWorkflow w, CancellationToken ct) =>
        Answer(await w.GiveFeedbackAsync(id, input, ct), ServiceRequestState.Delivered);

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Accept(int id, ServiceRequestWorkflow w, CancellationToken ct) =>
        Answer(await w.AcceptAsync(id, ct), ServiceRequestState.Accepted);

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Decline(int id, DeclineInput input, ServiceRequestWorkflow w, CancellationToken ct) =>
        Answer(await w.DeclineAsync(id, input, ct), ServiceRequestState.Declined);

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Refer(int id, ReferInput input, ServiceRequestWorkflow w, CancellationToken ct) =>
        Answer(await w.ReferAsync(id, input, ct), ServiceRequestState.Referred);

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> AcceptReferral(int id, ServiceRequestWorkflow w, CancellationToken ct) =>
        Answer(await w.AcceptReferralAsync(id, ct), ServiceRequestState.Accepted);

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> DeclineReferral(int id, ReferralAnswerInput input, ServiceRequestWorkflow w, CancellationToken ct) =>
        Answer(await w.DeclineReferralAsync(id, input, ct), ServiceRequestState.Submitted);

    private static async Task<Results<Ok<ServiceRequestDetail>, ValidationProblem, ProblemHttpResult>> Delivery(int id, DeliveryInput input, ServiceRequestWorkflow w, ServiceRequestQueries q, CancellationToken ct)
    {
        var result = await w.RecordDeliveryAsync(id, input, ct);
        if (!result.IsOk) return ApiResults.From(result.Select(_ => default(ServiceRequestDetail)!));
        return await q.GetAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();
    }

    private static async Task<Results<Ok<PagedList<ServiceRequestRow>>, ValidationProblem, ProblemHttpResult>> Desk(string slug, string? state, bool? overdue, string? sort, int? page, int? pageSize,
        ServiceRequestQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        ServiceRequestState? s = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<ServiceRequestState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return ApiResults.BadQuery(t);
            s = parsed;
        }
        if (ListQuery.Parse(page, pageSize, sort, ServiceRequestQueries.Sorts, "due") is not { } list) return ApiResults.BadQuery(t);
        var desk = await q.DeskAsync(slug, new ServiceRequestQueries.DeskFilter(s, overdue == true, list), ct);
        return desk is { } d ? TypedResults.Ok(d.List) : ApiResults.NotFound();
    }
}
