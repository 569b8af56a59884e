using Agora.Web.Features.Matchmaking.Sessions;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agora.Web.Features.Matchmaking;

/// <summary>
/// /api/v1/hubs/{slug}/events/{id}/matchmaking: the same use cases and rules as the session's pages. Reading needs
/// hubs:read, every change hubs:write (as for events).
/// </summary>
public static class SessionsApi
{
    private const string Tag = "Matchmaking sessions";

    public sealed record SessionLink(int EventId, string Page);
    public sealed record ItemLink(int Id);
    public sealed record AcceptAnswer(int RequestId, int? MeetingId);
    public sealed record Done(bool Ok);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/hubs/{slug}/events/{id:int}/matchmaking").WithTags(Tag);
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;

        g.MapGet("", Get).WithName("GetMatchmakingSession").AllowAnonymous().RequireScope(read)
            .WithSummary("The matchmaking session of an event: modes, slots, tables, your participation; for organisers the tables' links and the scheduler's report")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("", Setup).WithName("SetUpMatchmakingSession").RequireScope(write)
            .WithSummary("Set the session up (organisers): {\"requestMode\": Participants | Organiser, \"schedulingMode\": ParticipantsPick | Organiser, "
                + "\"requestExpiryHours\", \"meetingMinutes\", \"slots\": [{\"id\"?, \"startsAt\", \"endsAt\" (yyyy-MM-ddTHH:mm in the hub's zone), \"isBreak\"}], "
                + "\"tables\": [{\"id\"?, \"name\", \"kind\": OnSite | Online, \"onlineLink\"}]}")
            .WithDescription("Slots lie inside the event's time and do not overlap; at least one slot is not a break; at least one table. Slots and tables left out are removed, unless a meeting is placed in them (409).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPut("/participation", Join).WithName("JoinMatchmakingSession").RequireScope(write)
            .WithSummary("Join the session or change your participation (a confirmed registration for the event is needed): "
                + "{\"organisation\": slug?, \"profileId\"?, \"introduction\", \"meetingMode\": Any | OnSite | Online, \"slots\": [slot ids you are available in]}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapDelete("/participation", Leave).WithName("LeaveMatchmakingSession").RequireScope(write)
            .WithSummary("Leave the session: your pending requests are cancelled and your meetings freed")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/participants", Participants).WithName("ListMatchmakingParticipants").RequireScope(read)
            .WithSummary("The participants (for participants and organisers): name, organisation, profile, introduction")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/requests", Requests).WithName("ListMeetingRequests").RequireScope(read)
            .WithSummary("Your meeting requests sent and received (organisers: all), with the slots you may pick when accepting")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/requests", Request).WithName("RequestMeeting").RequireScope(write)
            .WithSummary("Ask another participant for a meeting: {\"to\": participant id, \"message\"}")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/requests/{requestId:int}/accept", Accept).WithName("AcceptMeetingRequest").RequireScope(write)
            .WithSummary("Accept a request sent to you: {\"slotId\"} where participants pick (a slot both of you are available and free in)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/requests/{requestId:int}/decline", Decline).WithName("DeclineMeetingRequest").RequireScope(write)
            .WithSummary("Decline a request sent to you")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/requests/{requestId:int}/withdraw", Withdraw).WithName("WithdrawMeetingRequest").RequireScope(write)
            .WithSummary("Take back a request you sent, while it is pending")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/meetings", Meetings).WithName("ListMatchmakingMeetings").RequireScope(read)
            .WithSummary("Every meeting with its slot, table, lock and outcomes (organisers)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/meetings", Arrange).WithName("ArrangeMatchmakingMeeting").RequireScope(write)
            .WithSummary("Arrange a meeting between two participants (organisers): {\"a\", \"b\"} participant ids")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPut("/meetings/{meetingId:int}/placement", Place).WithName("PlaceMatchmakingMeeting").RequireScope(write)
            .WithSummary("Place or move a meeting (organisers): {\"slotId\", \"tableId\"?, \"locked\" (default true: the scheduler keeps it)}")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapDelete("/meetings/{meetingId:int}/lock", Unlock).WithName("UnlockMatchmakingMeeting").RequireScope(write)
            .WithSummary("Unlock a meeting (organisers): the scheduler may move it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/meetings/{meetingId:int}/outcome", Outcome).WithName("RecordMeetingOutcome").RequireScope(write)
            .WithSummary("Record what came of your meeting, after its slot: {\"outcome\": Nothing | FollowUp | Partnership | Project | Contract, \"note\"}")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/schedule", Schedule).WithName("ScheduleMatchmakingSession").RequireScope(write)
            .WithSummary("Run the scheduler in the background (organisers): places every accepted meeting it can, keeps locked ones; the report appears on the session")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/outcomes", Outcomes).WithName("CountMeetingOutcomes").RequireScope(read)
            .WithSummary("How many sides recorded each outcome (organisers)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/agenda", GetAgenda).WithName("GetMatchmakingAgenda").RequireScope(read)
            .WithSummary("Your meetings in time order, with the table or the online room's link")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/agenda.ics", AgendaCalendar).WithName("GetMatchmakingAgendaCalendar").RequireScope(read)
            .WithSummary("Your meetings as an iCalendar file")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<SessionView>, ValidationProblem, ProblemHttpResult>> Get(string slug, int id, SessionQueries q, CancellationToken ct) =>
        ApiResults.From(await q.GetAsync(slug, id, ct));

    private static async Task<Results<Ok<SessionLink>, ValidationProblem, ProblemHttpResult>> Setup(string slug, int id, SetupInput input, SessionSetup w, CancellationToken ct) =>
        ApiResults.From(await w.SaveAsync(slug, id, input, ct), e => TypedResults.Ok(new SessionLink(e, SessionPaths.Session(slug, e))));

    private static async Task<Results<Ok<ItemLink>, ValidationProblem, ProblemHttpResult>> Join(string slug, int id, JoinInput input, Participation w, CancellationToken ct) =>
        ApiResults.From(await w.JoinAsync(slug, id, input, ct), p => TypedResults.Ok(new ItemLink(p)));

    private static async Task<Results<Ok<Done>, ValidationProblem, ProblemHttpResult>> Leave(string slug, int id, Participation w, CancellationToken ct) =>
        ApiResults.From(await w.LeaveAsync(slug, id, ct), x => TypedResults.Ok(new Done(x)));

    private static async Task<Results<Ok<List<ParticipantView>>, ValidationProblem, ProblemHttpResult>> Participants(string slug, int id, SessionQueries q, CancellationToken ct) =>
        ApiResults.From(await q.ParticipantsAsync(slug, id, ct));

    private static async Task<Results<Ok<List<RequestView>>, ValidationProblem, ProblemHttpResult>> Requests(string slug, int id, SessionQueries q, CancellationToken ct) =>
        ApiResults.From(await q.RequestsAsync(slug, id, ct));

    private static async Task<Results<Created<ItemLink>, ValidationProblem, ProblemHttpResult>> Request(string slug, int id, RequestInput input, MeetingRequests w, CancellationToken ct) =>
        ApiResults.From(await w.RequestAsync(slug, id, input, ct), r => TypedResults.Created($"/api/v1/hubs/{slug}/events/{id}/matchmaking/requests", new ItemLink(r)));

    private static async Task<Results<Ok<AcceptAnswer>, ValidationProblem, ProblemHttpResult>> Accept(string slug, int id, int requestId, AcceptInput? input, MeetingRequests w,
        CancellationToken ct) =>
        ApiResults.From(await w.AcceptAsync(slug, id, requestId, input ?? new AcceptInput(null), ct), m => TypedResults.Ok(new AcceptAnswer(requestId, m)));

    private static async Task<Results<Ok<Done>, ValidationProblem, ProblemHttpResult>> Decline(string slug, int id, int requestId, MeetingRequests w, CancellationToken ct) =>
        ApiResults.From(await w.DeclineAsync(slug, id, requestId, ct), x => TypedResults.Ok(new Done(x)));

    private static async Task<Results<Ok<Done>, ValidationProblem, ProblemHttpResult>> Withdraw(string slug, int id, int requestId, MeetingRequests w, CancellationToken ct) =>
        ApiResults.From(await w.WithdrawAsync(slug, id, requestId, ct), x => TypedResults.Ok(new Done(x)));

    private static async Task<Results<Ok<List<MeetingView>>, ValidationProblem, ProblemHttpResult>> Meetings(string slug, int id, SessionQueries q, CancellationToken ct) =>
        ApiResults.From(await q.MeetingsAsync(slug, id, ct));

    private static async Task<Results<Ok<ItemLink>, ValidationProblem, ProblemHttpResult>> Arrange(string slug, int id, ArrangeInput input, MeetingRequests w, CancellationToken ct) =>
        ApiResults.From(await w.ArrangeAsync(slug, id, input, ct), m => TypedResults.Ok(new ItemLink(m)));

    private static async Task<Results<Ok<Done>, ValidationProblem, ProblemHttpResult>> Place(string slug, int id, int meetingId, PlaceInput input, SessionMeetings w,
        CancellationToken ct) =>
        ApiResults.From(await w.PlaceAsync(slug, id, meetingId, input, ct), x => TypedResults.Ok(new Done(x)));

    private static async Task<Results<Ok<Done>, ValidationProblem, ProblemHttpResult>> Unlock(string slug, int id, int meetingId, SessionMeetings w, CancellationToken ct) =>
        ApiResults.From(await w.UnlockAsync(slug, id, meetingId, ct), x => TypedResults.Ok(new Done(x)));

    private static async Task<Results<Ok<Done>, ValidationProblem, ProblemHttpResult>> Outcome(string slug, int id, int meetingId, OutcomeInput input, SessionMeetings w,
        CancellationToken ct) =>
        ApiResults.From(await w.RecordOutcomeAsync(slug, id, meetingId, input, ct), x => TypedResults.Ok(new Done(x)));

    private static async Task<Results<Accepted<Done>, ValidationProblem, ProblemHttpResult>> Schedule(string slug, int id, SessionMeetings w, CancellationToken ct) =>
        ApiResults.From(await w.QueueScheduleAsync(slug, id, ct), x => TypedResults.Accepted($"/api/v1/hubs/{slug}/events/{id}/matchmaking", new Done(x)));

    private static async Task<Results<Ok<OutcomeCounts>, ValidationProblem, ProblemHttpResult>> Outcomes(string slug, int id, SessionQueries q, CancellationToken ct) =>
        ApiResults.From(await q.OutcomesAsync(slug, id, ct));

    private static async Task<Results<Ok<Agenda>, ValidationProblem, ProblemHttpResult>> GetAgenda(string slug, int id, SessionQueries q, CancellationToken ct) =>
        ApiResults.From(await q.AgendaAsync(slug, id, ct));

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> AgendaCalendar(string slug, int id, SessionCalendar calendar, CancellationToken ct)
    {
        var ics = await calendar.AgendaAsync(slug, id, ct);
        return ics.IsOk ? TypedResults.Content(ics.Value!, SessionCalendar.ContentType) : ApiResults.NotFound();
    }
}
