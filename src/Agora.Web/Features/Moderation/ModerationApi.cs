using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Moderation;

/// <summary>/api/v1/reports and /api/v1/hubs/{slug}/moderation: reports, hidden content and blocks.</summary>
public static class ModerationApi
{
    public sealed record ReportBody(ReportTarget Target, long Id, ReportReason Reason, string? Details);
    public sealed record ReasonBody(string? Reason);
    public sealed record BlockBody(Guid UserId, string? Reason);
    public sealed record ReportAnswer(bool Reported);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var read = ApiScopes.IdeasRead;
        var write = ApiScopes.IdeasWrite;
        var group = api.MapGroup("").WithTags("Moderation");
        group.MapPost("/reports", Report).WithName("ReportContent").ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write)
            .WithSummary("Report an idea or a comment (201 when recorded, 200 when you had reported it already)");
        var hub = group.MapGroup("/hubs/{slug}/moderation");
        hub.MapGet("/", Queue).WithName("ListModerationQueue").RequireScope(read).WithSummary("Reported content awaiting a decision (facilitators and hub managers); reporters are never shown");
        hub.MapPost("/{target}/{id:long}/hide", Hide).WithName("HideContent").RequireScope(write).WithSummary("Hide an idea or comment with a reason");
        hub.MapPost("/{target}/{id:long}/restore", Restore).WithName("RestoreContent").RequireScope(write).WithSummary("Show hidden content again");
        hub.MapPost("/{target}/{id:long}/dismiss", Dismiss).WithName("DismissReports").RequireScope(write).WithSummary("Keep the content and close its reports");
        hub.MapGet("/blocks", Blocks).WithName("ListBlocks").RequireScope(read).WithSummary("People blocked from the hub");
        hub.MapPost("/blocks", Block).WithName("BlockPerson").RequireScope(write).WithSummary("Block a person from taking part in the hub (hub managers)");
        hub.MapDelete("/blocks/{userId:guid}", Unblock).WithName("LiftBlock").RequireScope(write).WithSummary("Lift a block (hub managers)");
        return api;
    }

    private static async Task<Results<Results<Created<ReportAnswer>, Ok<ReportAnswer>>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> Report(
        ReportBody body, ReportContent report, CancellationToken ct) =>
        ApiResults.FromLimited(await report.HandleAsync(body.Target, body.Id, body.Reason, body.Details, ct),
            created => created
                ? (Results<Created<ReportAnswer>, Ok<ReportAnswer>>)TypedResults.Created((string?)null, new ReportAnswer(true))
                : TypedResults.Ok(new ReportAnswer(true)));

    private static async Task<Results<Ok<PagedList<QueueItem>>, ValidationProblem, ProblemHttpResult>> Queue(string slug, int? page, int? pageSize,
        ModerationQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, null, ["reports"], "reports");
        if (query is null) return ApiResults.BadQuery(t);
        if (await q.ModeratedHubAsync(slug, ct) is not { } hubId) return ApiResults.NotFound();
        return TypedResults.Ok(await q.QueueAsync(hubId, query.Page, query.PageSize, ct));
    }

    private static async Task<Results<Ok<List<BlockRow>>, ProblemHttpResult>> Blocks(string slug, ModerationQueries q, CancellationToken ct) =>
        await q.ModeratedHubAsync(slug, ct) is { } hubId ? TypedResults.Ok(await q.BlocksAsync(hubId, ct)) : ApiResults.NotFound();

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Hide(string slug, ReportTarget target, long id, ReasonBody body,
        ModerateContent m, CancellationToken ct) =>
        Done(await m.HideAsync(slug, target, id, body.Reason, ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Restore(string slug, ReportTarget target, long id, ModerateContent m,
        CancellationToken ct) =>
        Done(await m.RestoreAsync(slug, target, id, ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Dismiss(string slug, ReportTarget target, long id, ModerateContent m,
        CancellationToken ct) =>
        Done(await m.DismissAsync(slug, target, id, ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Block(string slug, BlockBody body, ModerateContent m, CancellationToken ct) =>
        Done(await m.BlockAsync(slug, body.UserId, body.Reason, ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Unblock(string slug, Guid userId, ModerateContent m, CancellationToken ct) =>
        Done(await m.UnblockAsync(slug, userId, ct));

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Done(Result<bool> result) => ApiResults.From(result, _ => TypedResults.NoContent());
}
