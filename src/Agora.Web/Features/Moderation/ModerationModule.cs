using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Privacy;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Moderation;

public static class ModerationModule
{
    public static void AddModeration(this IServiceCollection services)
    {
        services.AddScoped<IHubBlocks, HubBlocks>();
        services.AddScoped<ReportContent>();
        services.AddScoped<ModerateContent>();
        services.AddScoped<ModerationQueries>();
        services.AddPersonalData<ModerationPersonalData>();
    }

    public sealed record ReportBody(ReportTarget Target, long Id, ReportReason Reason, string? Details);
    public sealed record ReasonBody(string? Reason);
    public sealed record BlockBody(Guid UserId, string? Reason);

    public static void MapModerationApi(this RouteGroupBuilder api)
    {
        var read = ApiScopes.IdeasRead;
        var write = ApiScopes.IdeasWrite;
        var group = api.MapGroup("").WithTags("Moderation");
        group.MapPost("/reports", Report).WithName("ReportContent").Produces(StatusCodes.Status201Created).Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write)
            .WithSummary("Report an idea or a comment (201 when recorded, 200 when you had reported it already)");
        var hub = group.MapGroup("/hubs/{slug}/moderation");
        hub.MapGet("/", Queue).WithName("ListModerationQueue").RequireScope(read).WithSummary("Reported content awaiting a decision (facilitators and hub managers); reporters are never shown");
        hub.MapPost("/{target}/{id:long}/hide", (string slug, ReportTarget target, long id, ReasonBody body, ModerateContent m, CancellationToken ct) =>
            Answer(m.HideAsync(slug, target, id, body.Reason, ct))).WithName("HideContent").RequireScope(write).WithSummary("Hide an idea or comment with a reason");
        hub.MapPost("/{target}/{id:long}/restore", (string slug, ReportTarget target, long id, ModerateContent m, CancellationToken ct) =>
            Answer(m.RestoreAsync(slug, target, id, ct))).WithName("RestoreContent").RequireScope(write).WithSummary("Show hidden content again");
        hub.MapPost("/{target}/{id:long}/dismiss", (string slug, ReportTarget target, long id, ModerateContent m, CancellationToken ct) =>
            Answer(m.DismissAsync(slug, target, id, ct))).WithName("DismissReports").RequireScope(write).WithSummary("Keep the content and close its reports");
        hub.MapGet("/blocks", Blocks).WithName("ListBlocks").RequireScope(read).WithSummary("People blocked from the hub");
        hub.MapPost("/blocks", (string slug, BlockBody body, ModerateContent m, CancellationToken ct) =>
            Answer(m.BlockAsync(slug, body.UserId, body.Reason, ct))).WithName("BlockPerson").RequireScope(write).WithSummary("Block a person from taking part in the hub (hub managers)");
        hub.MapDelete("/blocks/{userId:guid}", (string slug, Guid userId, ModerateContent m, CancellationToken ct) =>
            Answer(m.UnblockAsync(slug, userId, ct))).WithName("LiftBlock").RequireScope(write).WithSummary("Lift a block (hub managers)");
    }

    private static async Task<IResult> Answer(Task<Platform.Errors.Result<bool>> work) =>
        ApiResults.From(await work, _ => TypedResults.NoContent());

    private static async Task<IResult> Report(ReportBody body, ReportContent report, CancellationToken ct) =>
        ApiResults.From(await report.HandleAsync(body.Target, body.Id, body.Reason, body.Details, ct),
            created => created ? TypedResults.Created((string?)null, new { reported = true }) : TypedResults.Ok(new { reported = true }));

    private static async Task<IResult> Queue(string slug, int? page, int? pageSize, ModerationQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, null, ["reports"], "reports");
        if (query is null) return ApiResults.BadQuery(t);
        if (await q.ModeratedHubAsync(slug, ct) is not { } hubId) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(await q.QueueAsync(hubId, query.Page, query.PageSize, ct));
    }

    private static async Task<IResult> Blocks(string slug, ModerationQueries q, CancellationToken ct) =>
        await q.ModeratedHubAsync(slug, ct) is { } hubId ? TypedResults.Ok(await q.BlocksAsync(hubId, ct)) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);
}
