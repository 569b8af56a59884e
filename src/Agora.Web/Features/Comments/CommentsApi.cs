using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Comments;

/// <summary>/api/v1/ideas/{id}/comments and /api/v1/comments: the same use cases as the discussion on the idea page.</summary>
public static class CommentsApi
{
    public sealed record CommentBody(string? Body, long? ParentId);
    public sealed record EditBody(string? Body);
    public sealed record CommentRef(long Id);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var write = ApiScopes.IdeasWrite;
        var group = api.MapGroup("").WithTags("Comments");
        group.MapGet("/ideas/{id:int}/comments", List).WithName("ListIdeaComments").AllowAnonymous().RequireScope(ApiScopes.IdeasRead)
            .WithSummary("A page of an idea's discussion (top-level comments with their first replies), or of one thread with ?thread={commentId}");
        group.MapPost("/ideas/{id:int}/comments", Post).WithName("PostComment").ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write)
            .WithSummary("Comment on an idea, or reply with parentId (Markdown; @Name mentions notify people of the hub)");
        group.MapPut("/comments/{id:long}", Edit).WithName("EditComment").RequireScope(write).WithSummary("Edit your comment (the previous text is kept as a version)");
        group.MapDelete("/comments/{id:long}", Delete).WithName("DeleteComment").RequireScope(write).WithSummary("Delete your comment");
        group.MapPut("/comments/{id:long}/official", MarkOfficial).WithName("MarkOfficialAnswer")
            .RequireScope(write).WithSummary("Mark a comment as the hub's official answer (hub managers)");
        group.MapDelete("/comments/{id:long}/official", UnmarkOfficial).WithName("UnmarkOfficialAnswer")
            .RequireScope(write).WithSummary("Unmark an official answer (hub managers)");
        group.MapGet("/comments/{id:long}/versions", Versions).WithName("ListCommentVersions").AllowAnonymous().RequireScope(ApiScopes.IdeasRead).WithSummary("Earlier texts of an edited comment");
        return api;
    }

    private static async Task<Results<Ok<CommentPage>, ValidationProblem, ProblemHttpResult>> List(int id, int? page, long? thread, CommentQueries q,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (page is < 1 or > 100_000) return ApiResults.BadQuery(t);
        var result = await q.PageAsync(id, page ?? 1, thread, ct);
        return result is null ? ApiResults.NotFound() : TypedResults.Ok(result);
    }

    private static async Task<Results<Created<CommentRef>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> Post(int id, CommentBody body,
        PostComment post, CancellationToken ct) =>
        ApiResults.FromLimited(await post.HandleAsync(id, body.ParentId, body.Body, ct),
            commentId => TypedResults.Created($"/api/v1/comments/{commentId}", new CommentRef(commentId)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Edit(long id, EditBody body, ChangeComment change, CancellationToken ct) =>
        ApiResults.From(await change.EditAsync(id, body.Body, ct), _ => TypedResults.NoContent());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(long id, ChangeComment change, CancellationToken ct) =>
        ApiResults.From(await change.DeleteAsync(id, ct), _ => TypedResults.NoContent());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MarkOfficial(long id, ChangeComment change, CancellationToken ct) =>
        ApiResults.From(await change.MarkOfficialAsync(id, true, ct), _ => TypedResults.NoContent());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UnmarkOfficial(long id, ChangeComment change, CancellationToken ct) =>
        ApiResults.From(await change.MarkOfficialAsync(id, false, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<IReadOnlyList<CommentVersionRow>>, ProblemHttpResult>> Versions(long id, ChangeComment change, CancellationToken ct) =>
        await change.VersionsAsync(id, ct) is { } versions ? TypedResults.Ok(versions) : ApiResults.NotFound();
}
