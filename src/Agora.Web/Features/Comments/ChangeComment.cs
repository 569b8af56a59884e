using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Html;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>
/// An author edits (the previous text is kept as a version) or deletes (the text is gone, the place in the
/// thread stays) their comment; a hub manager marks or unmarks it as the official answer.
/// </summary>
public sealed class ChangeComment(AgoraDbContext db, IdeaAccess ideas, Validator v, MarkdownRenderer markdown, AuditLog audit, TimeProvider clock)
{
    /// <summary>The comment and the rules' view of its idea, or null when the person may not see it.</summary>
    private async Task<(Comment Comment, IdeaScope Scope)?> LoadAsync(long id, CancellationToken ct)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (comment is null) return null;
        var scope = await ideas.LoadAsync(comment.IdeaId, track: false, ct);
        if (scope is null || !scope.CanSee) return null;
        if (comment.HiddenAt is not null && !scope.Viewer.CanModerate && scope.UserId != comment.AuthorId) return null;
        return (comment, scope);
    }

    public async Task<Result<int>> EditAsync(long id, string? body, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not (Comment comment, IdeaScope scope)) return Result<int>.NotFound();
        if (!CommentRules.CanChange(comment, scope)) return Result<int>.Forbidden();
        var text = v.Text("body", body, CommentRules.MaxLength, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (text == comment.Body) return Result<int>.Ok(comment.IdeaId);
        var now = clock.GetUtcNow();
        db.CommentVersions.Add(new CommentVersion { CommentId = comment.Id, Body = comment.Body, ReplacedAt = now });
        comment.Body = text;
        comment.BodyHtml = markdown.ToHtml(text);
        comment.EditedAt = now;
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(comment.IdeaId);
    }

    public async Task<Result<int>> DeleteAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not (Comment comment, IdeaScope scope)) return Result<int>.NotFound();
        if (!CommentRules.CanChange(comment, scope)) return Result<int>.Forbidden();
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(async () =>
        {
            // The person asked for their words to go: the text and its earlier versions are removed.
            await db.CommentVersions.Where(x => x.CommentId == id).ExecuteDeleteAsync(ct);
            var updated = await db.Comments.Where(c => c.Id == id && c.DeletedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.DeletedAt, now).SetProperty(c => c.Body, "").SetProperty(c => c.BodyHtml, "").SetProperty(c => c.IsOfficial, false), ct);
            if (updated == 1)
                await db.Ideas.Where(i => i.Id == comment.IdeaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CommentCount, i => i.CommentCount - 1), ct);
            // ExecuteUpdate bypasses the change tracker: remove the comment's search document here.
            await db.SearchDocuments.Where(d => d.Kind == SearchKinds.Comment && d.TargetId == id).ExecuteDeleteAsync(ct);
            return (true, updated);
        }, ct);
        return Result<int>.Ok(comment.IdeaId);
    }

    public async Task<Result<int>> MarkOfficialAsync(long id, bool official, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not (Comment comment, IdeaScope scope)) return Result<int>.NotFound();
        if (!CommentRules.CanMarkOfficial(comment, scope)) return Result<int>.Forbidden();
        if (comment.IsOfficial == official) return Result<int>.Ok(comment.IdeaId);
        comment.IsOfficial = official;
        audit.Add(official ? AuditActions.CommentMarkedOfficial : AuditActions.CommentUnmarkedOfficial, scope.Idea.HubId, $"comment:{id}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(comment.IdeaId);
    }

    /// <summary>Earlier texts of a comment, newest first, for anyone who may see the comment.</summary>
    public async Task<IReadOnlyList<CommentVersionRow>?> VersionsAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not (Comment comment, _) || comment.DeletedAt is not null) return null;
        return await db.CommentVersions.AsNoTracking().Where(x => x.CommentId == id).OrderByDescending(x => x.Id)
            .Select(x => new CommentVersionRow(x.Body, x.ReplacedAt)).ToListAsync(ct);
    }
}

public sealed record CommentVersionRow(string Body, DateTimeOffset ReplacedAt);
