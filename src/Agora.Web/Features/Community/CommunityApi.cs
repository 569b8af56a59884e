using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agora.Web.Features.Community;

/// <summary>/api/v1/hubs/{slug}/calls: calls for community roles, with the same rules as the pages.</summary>
public static class CommunityApi
{
    public sealed record CallLink(int Id, string Page);
    public sealed record ApplicationLink(int Id);
    public sealed record ReviewLink(int Id);
    public sealed record DecisionAnswer(ApplicationStatus Status);
    public sealed record ReservePlace(int Position);
    public sealed record ReviewersBody(IReadOnlyList<Guid>? Reviewers);
    public sealed record InviteBody(string? Email);
    public sealed record InvitationRef(Guid Id);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hub = api.MapGroup("/hubs/{slug}").WithTags("Community calls");
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;
        const int notFound = StatusCodes.Status404NotFound, forbidden = StatusCodes.Status403Forbidden, conflict = StatusCodes.Status409Conflict;

        hub.MapGet("/calls", List).WithName("ListCalls").AllowAnonymous().RequireScope(read)
            .WithSummary("The hub's calls for community roles you may know (hub managers also see drafts), open ones first, with your own status")
            .ProducesProblem(notFound);
        hub.MapGet("/community/figures", Figures).WithName("GetCommunityFigures").AllowAnonymous().RequireScope(read)
            .WithSummary("The hub's community figures: people per community role, calls and selections, mentoring pairs and sessions, events by format with registrations and attendance, ideas and initiatives born at events and hackathons")
            .ProducesProblem(notFound);
        hub.MapPost("/calls", Create).WithName("CreateCall").RequireScope(write)
            .WithSummary("Draft a call (hub managers): {\"role\": AgentOfChange|Facilitator|Mentor|Fellow, or instead \"definedRoleId\": one of the hub's "
                + "active defined roles (GET /api/v1/hubs/{slug}/roles), \"title\", \"description\", "
                + "\"audience\": HubMembers|SignedIn|InvitedOnly, \"seats\", \"deadline\": an instant with its offset, answered in UTC "
                + "(the pages take a day and close at its end in the hub's time zone), \"criteria\": [{\"name\", \"weight\": 1–10}], "
                + "\"questions\": [{\"text\", \"required\"}], \"stages\": [{\"name\", \"description\", \"startsOn\", \"endsOn\", \"eventId\"}]}")
            .ProducesProblem(forbidden).ProducesProblem(notFound);
        hub.MapGet("/calls/{id:int}", Get).WithName("GetCall").AllowAnonymous().RequireScope(read)
            .WithSummary("One call: terms, criteria, questions, stages, deadline and your application's status (reserve position included)")
            .ProducesProblem(notFound);
        hub.MapPut("/calls/{id:int}", Update).WithName("ChangeCall").RequireScope(write)
            .WithSummary("Change a draft call (hub managers); the same body as creating it")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/open", Open).WithName("OpenCall").RequireScope(write)
            .WithSummary("Open a draft call for applications (hub managers); its deadline must be ahead")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/close", Close).WithName("CloseCall").RequireScope(write)
            .WithSummary("Close an open call before its deadline (hub managers)")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/decided", Finish).WithName("FinishCall").RequireScope(write)
            .WithSummary("Mark a closed call decided once every application is decided (hub managers)")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPut("/calls/{id:int}/reviewers", Reviewers).WithName("SetCallReviewers").RequireScope(write)
            .WithSummary("Set the call's reviewers (hub managers): {\"reviewers\": [user ids of hub members]}; new reviewers are notified")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/invitations", Invite).WithName("InviteToCall").RequireScope(write)
            .WithSummary("Invite a person by email to apply to an invitation-only call (hub managers): {\"email\"}")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/applications", Apply).WithName("ApplyToCall").RequireScope(write)
            .WithSummary("Apply: {\"motivation\", \"answers\": {question id: text}, \"consent\": true}. Consent means: if selected you receive the "
                + "call's role in the hub (and join it if you are not a member)")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/application/withdraw", Withdraw).WithName("WithdrawApplication").RequireScope(write)
            .WithSummary("Withdraw your application (before the deadline)")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/application/decline", Decline).WithName("DeclineSelection").RequireScope(write)
            .WithSummary("Decline your selection: the role goes again and the first person on the reserve list is selected")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapGet("/calls/{id:int}/applications", Ranking).WithName("RankCallApplications").RequireScope(read)
            .WithSummary("The applications ranked by weighted average score, with the number of reviews and of excluded reviewers (hub managers)")
            .ProducesProblem(forbidden).ProducesProblem(notFound);
        hub.MapGet("/calls/{id:int}/applications/{applicationId:int}", GetApplication).WithName("GetCallApplication").RequireScope(read)
            .WithSummary("One application for the call's reviewers and hub managers; other reviewers' scores only once you submitted your own")
            .ProducesProblem(notFound);
        hub.MapPost("/calls/{id:int}/applications/{applicationId:int}/reviews", Review).WithName("ReviewCallApplication").RequireScope(write)
            .WithSummary("Review an application (the call's reviewers, not their own): {\"scores\": {criterion id: 1–5}, \"comment\"} or "
                + "{\"conflict\": true, \"conflictReason\"} to be excluded from it")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPost("/calls/{id:int}/applications/{applicationId:int}/decision", Decide).WithName("DecideCallApplication").RequireScope(write)
            .WithSummary("Decide an application of a closed call (hub managers): {\"decision\": Selected|Reserve|Rejected}; a selected person gets the role at once")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        hub.MapPut("/calls/{id:int}/applications/{applicationId:int}/reserve-position", MoveOnReserve).WithName("MoveOnCallReserve").RequireScope(write)
            .WithSummary("Move a person on the reserve list (hub managers, not their own application): {\"position\": 1} is the first to move up; "
                + "beyond the end means last; the others close up behind")
            .ProducesProblem(forbidden).ProducesProblem(notFound).ProducesProblem(conflict);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<CallSummary>>, ProblemHttpResult>> List(string slug, HubQueries hubs, CommunityQueries q, CancellationToken ct) =>
        await hubs.FindIdAsync(slug, ct) is { } hub ? TypedResults.Ok(await q.ListAsync(hub, ct)) : ApiResults.NotFound();

    private static async Task<Results<Ok<HubCommunityFigures>, ProblemHttpResult>> Figures(string slug, HubQueries hubs, HubCommunity community, CancellationToken ct) =>
        await hubs.FindIdAsync(slug, ct) is { } hub ? TypedResults.Ok(await community.FiguresAsync(hub, ct)) : ApiResults.NotFound();

    private static async Task<Results<Created<CallLink>, ValidationProblem, ProblemHttpResult>> Create(string slug, CallInput input, CallSetup setup, CancellationToken ct) =>
        ApiResults.From(await setup.CreateAsync(slug, input, ct), id => TypedResults.Created($"/api/v1/hubs/{slug}/calls/{id}", new CallLink(id, $"/hubs/{slug}/calls/{id}")));

    private static async Task<Results<Ok<CallDetail>, ProblemHttpResult>> Get(string slug, int id, CommunityQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Update(string slug, int id, CallInput input, CallSetup setup, CancellationToken ct) =>
        ApiResults.From(await setup.UpdateAsync(slug, id, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Open(string slug, int id, CallSetup setup, CancellationToken ct) =>
        ApiResults.From(await setup.OpenAsync(slug, id, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Close(string slug, int id, CallSetup setup, CancellationToken ct) =>
        ApiResults.From(await setup.CloseAsync(slug, id, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Finish(string slug, int id, CallSetup setup, CancellationToken ct) =>
        ApiResults.From(await setup.FinishAsync(slug, id, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Reviewers(string slug, int id, ReviewersBody body, CallSetup setup, CancellationToken ct) =>
        ApiResults.From(await setup.SetReviewersAsync(slug, id, body.Reviewers, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<InvitationRef>, ValidationProblem, ProblemHttpResult>> Invite(string slug, int id, InviteBody body, CallSetup setup, CancellationToken ct) =>
        ApiResults.From(await setup.InviteAsync(slug, id, body.Email, ct), i => TypedResults.Created((string?)null, new InvitationRef(i)));

    private static async Task<Results<Created<ApplicationLink>, ValidationProblem, ProblemHttpResult>> Apply(string slug, int id, ApplyInput input, CallApplications applications, CancellationToken ct) =>
        ApiResults.From(await applications.ApplyAsync(slug, id, input, ct), a => TypedResults.Created((string?)null, new ApplicationLink(a)));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Withdraw(string slug, int id, CallApplications applications, CancellationToken ct) =>
        ApiResults.From(await applications.WithdrawAsync(slug, id, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Decline(string slug, int id, CallApplications applications, CancellationToken ct) =>
        ApiResults.From(await applications.DeclineAsync(slug, id, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok<IReadOnlyList<RankedApplication>>, ValidationProblem, ProblemHttpResult>> Ranking(string slug, int id, CallDecisions decisions, CancellationToken ct) =>
        ApiResults.From(await decisions.RankingAsync(slug, id, ct));

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetApplication(string slug, int id, int applicationId, CallReviewing reviewing, CancellationToken ct) =>
        await reviewing.GetAsync(slug, id, applicationId, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    private static async Task<Results<Created<ReviewLink>, ValidationProblem, ProblemHttpResult>> Review(string slug, int id, int applicationId, ReviewInput input, CallReviewing reviewing, CancellationToken ct) =>
        ApiResults.From(await reviewing.ReviewAsync(slug, id, applicationId, input, ct), r => TypedResults.Created((string?)null, new ReviewLink(r)));

    private static async Task<Results<Ok<DecisionAnswer>, ValidationProblem, ProblemHttpResult>> Decide(string slug, int id, int applicationId, DecideInput input, CallDecisions decisions, CancellationToken ct) =>
        ApiResults.From(await decisions.DecideAsync(slug, id, applicationId, input, ct), s => TypedResults.Ok(new DecisionAnswer(s)));

    private static async Task<Results<Ok<ReservePlace>, ValidationProblem, ProblemHttpResult>> MoveOnReserve(string slug, int id, int applicationId, ReserveMove input,
        CallDecisions decisions, CancellationToken ct) =>
        ApiResults.From(await decisions.MoveOnReserveAsync(slug, id, applicationId, input, ct), p => TypedResults.Ok(new ReservePlace(p)));
}
