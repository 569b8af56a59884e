using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Mentoring;

/// <summary>/api/v1/hubs/{slug}/mentoring: the same rules as the pages.</summary>
public static class MentoringApi
{
    public sealed record IdAnswer(int Id);
    public sealed record DoneBody(bool Done);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/hubs/{slug}/mentoring").WithTags("Mentoring");
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;

        g.MapGet("/figures", Figures).WithName("GetMentoringFigures").AllowAnonymous().RequireScope(read)
            .WithSummary("The hub's mentoring figures: active pairs, sessions held, waiting mentees, mentors taking mentees")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/", Mine).WithName("GetMyMentoring").RequireScope(read)
            .WithSummary("Your mentoring in the hub: your mentor profile and mentees, your mentor, your waiting request and its place in the queue, the hub's mentors")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/profile", SaveProfile).WithName("SaveMentorProfile").RequireScope(write)
            .WithSummary("Write your mentor profile (the hub's Mentor role): {\"expertise\": [focus area keys], \"languages\": [en | pt-PT | nb-NO], \"capacity\": 1–20, \"availability\", \"active\"}")
            .WithDescription("The capacity cannot go below your active mentees. A new profile, a raised capacity or a profile taken up again pairs waiting requests at once.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/requests", Ask).WithName("AskForMentor").RequireScope(write)
            .WithSummary("Ask for a mentor: {\"goals\", \"focusArea\" (optional key), \"language\" (optional), \"preferredMentorId\" (optional user id)}")
            .WithDescription("Paired at once when a suitable mentor has room (pairId is set); otherwise the request waits in the hub's queue, oldest first. "
                + "A request naming a mentor waits for that mentor.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/requests/{id:int}/withdraw", Withdraw).WithName("WithdrawMentoringRequest").RequireScope(write)
            .WithSummary("Withdraw your waiting request")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/pairs", Pair).WithName("PairMentee").RequireScope(write)
            .WithSummary("Pair a member with a mentor by hand (hub managers): {\"menteeId\", \"mentorId\", \"goals\"}; 409 when the mentor is full")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/pairs/{id:int}", GetPair).WithName("GetMentoringPair").RequireScope(read)
            .WithSummary("One pair (its mentor, its mentee and the hub's managers): sessions; notes and actions for the pair alone; each side's own feedback; ratings for managers")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/pairs/{id:int}/sessions", PlanSession).WithName("PlanMentoringSession").RequireScope(write)
            .WithSummary("Plan a session (the pair): {\"at\" (date and time, UTC unless an offset is given), \"place\" (a place or a link)}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/pairs/{id:int}/sessions/{sessionId:int}", WriteSession).WithName("WriteMentoringSession").RequireScope(write)
            .WithSummary("Write a session's notes and add agreed actions (the pair): {\"notes\", \"newActions\": [text]}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPut("/pairs/{id:int}/actions/{actionId:int}", SetDone).WithName("SetMentoringActionDone").RequireScope(write)
            .WithSummary("Tick an agreed action done or not done (the pair): {\"done\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/pairs/{id:int}/end", End).WithName("EndMentoringPair").RequireScope(write)
            .WithSummary("End a pair (its mentor or mentee, or a hub manager): {\"note\"}; the seat goes to the next waiting request")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/pairs/{id:int}/feedback", Feedback).WithName("GiveMentoringFeedback").RequireScope(write)
            .WithSummary("Give your feedback on an ended pair, once: {\"rating\": 1–5, \"text\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/programme", Programme).WithName("GetMentoringProgramme").RequireScope(read)
            .WithSummary("The programme (hub managers): figures, pairs (state=Active|Ended; sort=startedAt|mentor|mentee|sessions|state, '-' for descending; page, pageSize), the queue in order, the mentors' load")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/programme/export", Export).WithName("ExportMentoringProgramme").RequireScope(read)
            .WithSummary("The programme's pairs as CSV or XLSX (hub managers; format=csv|xlsx, state): sessions held and ratings, never notes or feedback text")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<MentoringFigures>, ProblemHttpResult>> Figures(string slug, AgoraDbContext db, MentoringQueries q, CancellationToken ct) =>
        await Hubs.HubLookup.HubIdAsync(db, slug, ct) is { } hub ? TypedResults.Ok(await q.FiguresAsync(hub, ct)) : ApiResults.NotFound();

    private static async Task<Results<Ok<MyMentoring>, ValidationProblem, ProblemHttpResult>> Mine(string slug, MentoringQueries q, CancellationToken ct) =>
        ApiResults.From(await q.MineAsync(slug, ct));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> SaveProfile(string slug, ProfileInput input, SaveMentorProfile use, CancellationToken ct) =>
        ApiResults.From(await use.SaveAsync(slug, input, ct), id => TypedResults.Ok(new IdAnswer(id)));

    private static async Task<Results<Ok<AskForMentor.Asked>, ValidationProblem, ProblemHttpResult>> Ask(string slug, AskInput input, AskForMentor use, CancellationToken ct) =>
        ApiResults.From(await use.AskAsync(slug, input, ct));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> Withdraw(string slug, int id, AskForMentor use, CancellationToken ct) =>
        ApiResults.From(await use.WithdrawAsync(slug, id, ct), x => TypedResults.Ok(new IdAnswer(x)));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> Pair(string slug, PairInput input, PairByHand use, CancellationToken ct) =>
        ApiResults.From(await use.PairAsync(slug, input, ct), x => TypedResults.Ok(new IdAnswer(x)));

    private static async Task<Results<Ok<PairView>, ValidationProblem, ProblemHttpResult>> GetPair(string slug, int id, MentoringQueries q, CancellationToken ct) =>
        ApiResults.From(await q.PairAsync(slug, id, ct));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> PlanSession(string slug, int id, SessionInput input, PairSessions use, CancellationToken ct) =>
        ApiResults.From(await use.PlanAsync(slug, id, input, ct), x => TypedResults.Ok(new IdAnswer(x)));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> WriteSession(string slug, int id, int sessionId, NotesInput input, PairSessions use, CancellationToken ct) =>
        ApiResults.From(await use.WriteAsync(slug, id, sessionId, input, ct), x => TypedResults.Ok(new IdAnswer(x)));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> SetDone(string slug, int id, int actionId, DoneBody body, PairSessions use, CancellationToken ct) =>
        ApiResults.From(await use.SetDoneAsync(slug, id, actionId, body.Done, ct), x => TypedResults.Ok(new IdAnswer(x)));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> End(string slug, int id, EndInput input, EndPair use, CancellationToken ct) =>
        ApiResults.From(await use.EndAsync(slug, id, input, ct), x => TypedResults.Ok(new IdAnswer(x)));

    private static async Task<Results<Ok<IdAnswer>, ValidationProblem, ProblemHttpResult>> Feedback(string slug, int id, FeedbackInput input, EndPair use, CancellationToken ct) =>
        ApiResults.From(await use.FeedbackAsync(slug, id, input, ct), x => TypedResults.Ok(new IdAnswer(x)));

    private static async Task<Results<Ok<Programme>, ValidationProblem, ProblemHttpResult>> Programme(string slug, int? page, int? pageSize, string? sort, string? state,
        MentoringQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var list = ListQuery.Parse(page, pageSize, sort, MentoringQueries.PairSorts, "-startedAt");
        PairState? s = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<PairState>(state, ignoreCase: true, out var parsed)) return ApiResults.BadQuery(t);
            s = parsed;
        }
        if (list is null) return ApiResults.BadQuery(t);
        return ApiResults.From(await q.ProgrammeAsync(slug, list, s, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Export(string slug, string? format, string? state, MentoringQueries q,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        PairState? s = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<PairState>(state, ignoreCase: true, out var parsed)) return ApiResults.BadQuery(t);
            s = parsed;
        }
        return ApiResults.From(await q.ExportAsync(slug, s, format, ct), f => TypedResults.File(f.Content, f.ContentType, f.FileName));
    }
}
