using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>One comment as a reader sees it: deleted and hidden ones keep their place without their text.</summary>
public sealed record CommentView(
    long Id, long? ParentId, Guid AuthorId, string AuthorName, string BodyHtml, string Body, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    bool Deleted, bool Hidden, string? HiddenReason, bool IsOfficial, int ReplyCount, bool CanChange, bool CanMarkOfficial, bool CanModerate)
{
    public IReadOnlyList<CommentView> Replies { get; init; } = [];
    /// <summary>Replies beyond those shown (see the thread page).</summary>
    public int MoreReplies => Math.Max(0, ReplyCount - Replies.Count);
}

/// <summary>A page of an idea's discussion: top-level comments in order, each with its first replies.</summary>
public sealed record CommentPage(
    int IdeaId, string HubSlug, IReadOnlyList<CommentView> Items, IReadOnlyList<CommentView> Official,
    int Page, int PageCount, int Total, bool CanComment, bool SignedIn, CommentView? Thread);

public sealed class CommentQueries(AgoraDbContext db, IdeaAccess ideas)
{
    public const int PageSize = 20;
    public const int RepliesShown = 50;

    /// <summary>Page <paramref name="page"/> of the discussion, or of one thread when <paramref name="thread"/> is given; null when the idea is not visible.</summary>
    public async Task<CommentPage?> PageAsync(int ideaId, int page, long? thread, CancellationToken ct)
    {
        var scope = await ideas.LoadAsync(ideaId, track: false, ct);
        if (scope is null || !scope.CanSee) return null;
        var canComment = CommentRules.CanComment(scope);
        var hubSlug = scope.Campaign.HubSlug;

        if (thread is { } threadId)
        {
            var head = await Rows(db.Comments.Where(c => c.Id == threadId && c.IdeaId == ideaId && c.ParentId == null)).SingleOrDefaultAsync(ct);
            if (head is null) return null;
            var replies = db.Comments.Where(c => c.ParentId == threadId);
            var count = await replies.CountAsync(ct);
            var rows = await Rows(replies.OrderBy(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
            var headView = View(head, scope);
            return new CommentPage(ideaId, hubSlug, rows.Select(r => View(r, scope)).ToList(), [], page, Pages(count), count, canComment, scope.UserId is not null, headView);
        }

        var top = db.Comments.Where(c => c.IdeaId == ideaId && c.ParentId == null);
        var total = await top.CountAsync(ct);
        // Ordered as the (IdeaId, ParentId, Id) index is (the same order, as IdeaId and ParentId are fixed): by Id
        // alone PostgreSQL walked the primary key through every older comment of every idea (bench/, issue 4).
        var topRows = await Rows(top.OrderBy(c => c.IdeaId).ThenBy(c => c.ParentId).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        var ids = topRows.Select(r => r.Id).ToList();
        // The first replies of each comment on the page, in one query. The idea's id in both conditions lets the
        // database read the (IdeaId, ParentId, Id) index instead of scanning the comments.
        var replyRows = ids.Count == 0 ? [] : await Rows(db.Comments
                .Where(c => c.IdeaId == ideaId && c.ParentId != null && ids.Contains(c.ParentId.Value)
                    && db.Comments.Count(o => o.IdeaId == ideaId && o.ParentId == c.ParentId && o.Id < c.Id) < RepliesShown)
                .OrderBy(c => c.Id))
            .ToListAsync(ct);
        var official = await Rows(db.Comments.Where(c => c.IdeaId == ideaId && c.IsOfficial && c.DeletedAt == null && c.HiddenAt == null)
            .OrderBy(c => c.Id).Take(3)).ToListAsync(ct);
        var items = topRows.Select(r => View(r, scope) with
        {
            Replies = replyRows.Where(x => x.ParentId == r.Id).Select(x => View(x, scope)).ToList(),
        }).ToList();
        return new CommentPage(ideaId, hubSlug, items, official.Select(o => View(o, scope)).ToList(), page, Pages(total), total,
            canComment, scope.UserId is not null, null);
    }

    private static int Pages(int count) => count == 0 ? 1 : (count + PageSize - 1) / PageSize;

    private sealed record Row(long Id, long? ParentId, Guid AuthorId, string AuthorName, string BodyHtml, string Body, DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt, DateTimeOffset? DeletedAt, DateTimeOffset? HiddenAt, string? HiddenReason, bool IsOfficial, int ReplyCount);

    private IQueryable<Row> Rows(IQueryable<Comment> comments) =>
        from c in comments
        join u in db.Users on c.AuthorId equals u.Id
        select new Row(c.Id, c.ParentId, c.AuthorId, u.DisplayName, c.BodyHtml, c.Body, c.CreatedAt, c.EditedAt, c.DeletedAt, c.HiddenAt,
            c.HiddenReason, c.IsOfficial, c.ReplyCount);

    private static CommentView View(Row r, IdeaScope scope)
    {
        var moderator = scope.Viewer.CanModerate;
        var hidden = r.HiddenAt is not null;
        // Hidden text is for moderators (and its author) only; deleted text is gone for everyone.
        var showText = r.DeletedAt is null && (!hidden || moderator || scope.UserId == r.AuthorId);
        var comment = new Comment { AuthorId = r.AuthorId, DeletedAt = r.DeletedAt, HiddenAt = r.HiddenAt };
        return new CommentView(r.Id, r.ParentId, r.AuthorId, r.AuthorName, showText ? r.BodyHtml : "", showText ? r.Body : "",
            r.CreatedAt, r.EditedAt, r.DeletedAt is not null, hidden, moderator ? r.HiddenReason : null, r.IsOfficial, r.ReplyCount,
            CommentRules.CanChange(comment, scope), CommentRules.CanMarkOfficial(comment, scope), moderator);
    }
}
