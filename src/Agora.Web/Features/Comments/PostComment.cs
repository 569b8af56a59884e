using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Html;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>
/// Comments on an idea, or replies to a top-level comment (two levels). Keeps the idea's comment count and
/// activity time, makes the writer follow the idea, and notifies followers and the people @mentioned.
/// </summary>
public sealed class PostComment(AgoraDbContext db, IdeaAccess ideas, CurrentUser current, Validator v, MarkdownRenderer markdown,
    Mentions mentions, Notifier notifier, TimeProvider clock, Platform.Security.SubmissionLimits limits)
{
    public async Task<Result<long>> HandleAsync(int ideaId, long? parentId, string? body, CancellationToken ct)
    {
        var scope = await ideas.LoadAsync(ideaId, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<long>.NotFound();
        if (!CommentRules.CanComment(scope)) return Result<long>.Forbidden();
        var text = v.Text("body", body, CommentRules.MaxLength, multiline: true);
        Comment? parent = null;
        if (parentId is { } pid)
        {
            parent = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == pid && c.IdeaId == ideaId, ct);
            if (parent is null || parent.DeletedAt is not null || parent.HiddenAt is not null) v.Add("parentId", "Comments.ParentGone");
            // Threads are two levels deep: a reply to a reply joins its parent's thread.
            else if (parent.ParentId is { } grand) parent = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == grand, ct);
        }
        if (!v.IsValid) return Result<long>.Invalid(v.Errors);

        var me = current.RequiredId;
        if (await limits.RefuseAsync<long>(Platform.Security.SubmissionKinds.Comments, db.Comments.Where(c => c.AuthorId == me).Select(c => c.CreatedAt), ct) is { } tooMany)
            return tooMany;
        var mentioned = await mentions.FindAsync(text, scope.Idea.HubId, ideaId, ct);
        var followers = await db.IdeaFollowers.Where(f => f.IdeaId == ideaId).Select(f => f.UserId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var id = await db.InTransactionAsync(async () =>
        {
            var comment = new Comment
            {
                IdeaId = ideaId, ParentId = parent?.Id, AuthorId = me, Body = text, BodyHtml = markdown.ToHtml(text), CreatedAt = now,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync(ct);
            await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.CommentCount, i => i.CommentCount + 1)
                .SetProperty(i => i.LastActivityAt, now), ct);
            if (parent is not null)
                await db.Comments.Where(c => c.Id == parent.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyCount, c => c.ReplyCount + 1), ct);
            if (!followers.Contains(me) && await db.TryInsertAsync(new IdeaFollower { IdeaId = ideaId, UserId = me, FollowedAt = now }, ct))
                await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.FollowerCount, i => i.FollowerCount + 1), ct);

            var e = new NotificationEvent(NotificationKind.Commented, scope.Idea.HubId, ideaId, comment.Id, scope.Idea.CampaignId, me);
            await notifier.AddAsync(e with { Kind = NotificationKind.Mentioned }, mentioned, ct);
            // The person replied to hears of it as a comment even without following; mentioned people hear once.
            var commentedTo = followers.Append(parent?.AuthorId ?? me).Except(mentioned);
            await notifier.AddAsync(e, commentedTo, ct);
            await db.SaveChangesAsync(ct);
            return (true, comment.Id);
        }, ct);
        return Result<long>.Ok(id);
    }
}
