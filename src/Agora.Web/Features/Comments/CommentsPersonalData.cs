using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Agora.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>
/// The person's comments with their earlier texts. Others reply to comments, so erasure keeps them as by "a former
/// member"; with <see cref="Erasure.DeleteContributions"/> each becomes "deleted by its author" exactly as the author's
/// own deletion does (text and versions gone, the place in the thread and its replies stay, the count drops).
/// </summary>
public sealed class CommentsPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "comments";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // AuthorId: kept as an anonymised reference unless the person deletes their contributions.
        typeof(Comment),
        // No person's id of its own: the earlier texts of the person's comments.
        typeof(CommentVersion),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.IdeaId, c.ParentId, c.Body, c.CreatedAt, c.EditedAt, c.DeletedAt, Hidden = c.HiddenAt != null, c.IsOfficial,
            }).ToListAsync(ct);
        var ids = comments.Select(c => c.Id).ToList();
        var versions = (await db.CommentVersions.AsNoTracking().Where(v => ids.Contains(v.CommentId)).OrderBy(v => v.Id)
            .Select(v => new { v.CommentId, v.Body, v.ReplacedAt }).ToListAsync(ct)).ToLookup(v => v.CommentId);
        return new
        {
            comments = comments.Select(c => new { comment = c, earlierTexts = versions[c.Id].Select(v => new { v.Body, v.ReplacedAt }).ToList() }).ToList(),
        };
    }

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        if (!erasure.DeleteContributions) return;
        var me = erasure.UserId;
        // As ChangeComment.DeleteAsync: the text and its versions go, the place in the thread stays, the count drops.
        await db.CommentVersions.Where(v => db.Comments.Any(c => c.Id == v.CommentId && c.AuthorId == me)).ExecuteDeleteAsync(ct);
        var live = await db.Comments.Where(c => c.AuthorId == me && c.DeletedAt == null).Select(c => new { c.Id, c.IdeaId, Counted = c.HiddenAt == null })
            .ToListAsync(ct);
        if (live.Count == 0) return;
        var ids = live.Select(c => c.Id).ToList();
        var at = erasure.At;
        await db.Comments.Where(c => ids.Contains(c.Id) && c.DeletedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.DeletedAt, at).SetProperty(c => c.Body, "").SetProperty(c => c.BodyHtml, "").SetProperty(c => c.IsOfficial, false), ct);
        // A hidden comment already left the idea's count (ModerateContent).
        foreach (var idea in live.Where(c => c.Counted).GroupBy(c => c.IdeaId))
        {
            var n = idea.Count();
            await db.Ideas.Where(i => i.Id == idea.Key).ExecuteUpdateAsync(s => s.SetProperty(i => i.CommentCount, i => i.CommentCount - n), ct);
        }
        // ExecuteUpdate bypasses the search index interceptor: the comments' documents go here.
        await db.SearchDocuments.Where(d => d.Kind == SearchKinds.Comment && ids.Contains(d.TargetId)).ExecuteDeleteAsync(ct);
    }
}
