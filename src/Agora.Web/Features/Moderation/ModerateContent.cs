using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Moderation;

/// <summary>
/// Facilitators and hub managers hide content with a reason (it disappears for others but stays in the
/// database and the audit trail), restore it, or dismiss the reports; hub managers block people from the hub.
/// Counters follow: a hidden idea leaves its campaign's count, a hidden comment its idea's.
/// </summary>
public sealed class ModerateContent(AgoraDbContext db, Viewers viewers, CurrentUser current, Validator v, AuditLog audit, Notifier notifier, TimeProvider clock, HubRights rights)
{
    public async Task<Result<bool>> HideAsync(string hubSlug, ReportTarget target, long id, string? reason, CancellationToken ct)
    {
        var text = v.Text("reason", reason, ModerationRules.MaxReasonLength, multiline: true);
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        return await ChangeAsync(hubSlug, target, id, hide: true, text, ct);
    }

    public Task<Result<bool>> RestoreAsync(string hubSlug, ReportTarget target, long id, CancellationToken ct) =>
        ChangeAsync(hubSlug, target, id, hide: false, null, ct);

    /// <summary>Keeps the content and closes its reports.</summary>
    public async Task<Result<bool>> DismissAsync(string hubSlug, ReportTarget target, long id, CancellationToken ct)
    {
        var hub = await HubAsync(hubSlug, ct);
        if (hub is null || !ModerationRules.CanModerate(await viewers.ForHubAsync(hub.Value, ct))) return Result<bool>.NotFound();
        var now = clock.GetUtcNow();
        var closed = await db.Reports.Where(r => r.HubId == hub && r.Target == target && r.TargetId == id && r.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), ct);
        if (closed == 0) return Result<bool>.NotFound();
        audit.Add(AuditActions.ReportsDismissed, hub, $"{target.ToString().ToLowerInvariant()}:{id}");
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    private async Task<Result<bool>> ChangeAsync(string hubSlug, ReportTarget target, long id, bool hide, string? reason, CancellationToken ct)
    {
        var hub = await HubAsync(hubSlug, ct);
        if (hub is null || !ModerationRules.CanModerate(await viewers.ForHubAsync(hub.Value, ct))) return Result<bool>.NotFound();
        var now = clock.GetUtcNow();
        var subject = $"{target.ToString().ToLowerInvariant()}:{id}";
        var changed = await db.InTransactionAsync(async () =>
        {
            Guid author;
            int ideaId;
            if (target == ReportTarget.Idea)
            {
                var idea = id is > 0 and <= int.MaxValue ? await db.Ideas.SingleOrDefaultAsync(i => i.Id == (int)id && i.HubId == hub, ct) : null;
                if (idea is null || (idea.HiddenAt is not null) == hide) return (false, false);
                idea.HiddenAt = hide ? now : null;
                idea.HiddenReason = reason;
                author = idea.AuthorId;
                ideaId = idea.Id;
                if (idea.State is not (IdeaState.Draft or IdeaState.Withdrawn) && idea.MergedIntoId is null)
                    await db.Campaigns.Where(c => c.Id == idea.CampaignId)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount + (hide ? -1 : 1)), ct);
            }
            else
            {
                var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id && db.Ideas.Any(i => i.Id == c.IdeaId && i.HubId == hub), ct);
                if (comment is null || comment.DeletedAt is not null || (comment.HiddenAt is not null) == hide) return (false, false);
                comment.HiddenAt = hide ? now : null;
                comment.HiddenReason = reason;
                author = comment.AuthorId;
                ideaId = comment.IdeaId;
                await db.Ideas.Where(i => i.Id == comment.IdeaId)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.CommentCount, i => i.CommentCount + (hide ? -1 : 1)), ct);
            }
            await db.Reports.Where(r => r.HubId == hub && r.Target == target && r.TargetId == id && r.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), ct);
            audit.Add(hide ? AuditActions.ContentHidden : AuditActions.ContentRestored, hub, subject, reason);
            await notifier.AddAsync(new NotificationEvent(NotificationKind.Moderation, hub, ideaId,
                target == ReportTarget.Comment ? id : null, ActorId: current.RequiredId,
                Detail: hide ? Truncate(reason) : null), [author], ct);
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        return changed ? Result<bool>.Ok(true) : Result<bool>.NotFound();
    }

    public async Task<Result<bool>> BlockAsync(string hubSlug, Guid userId, string? reason, CancellationToken ct)
    {
        var hub = await HubAsync(hubSlug, ct);
        if (hub is null || !ModerationRules.CanBlock(await viewers.ForHubAsync(hub.Value, ct))) return Result<bool>.NotFound();
        var text = v.Text("reason", reason, ModerationRules.MaxReasonLength, multiline: true);
        var target = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Id, u.Email, u.IsPlatformAdmin }).SingleOrDefaultAsync(ct);
        if (target is null) return Result<bool>.NotFound();
        var manager = await db.HubMemberships.AnyAsync(m => m.HubId == hub && m.UserId == userId && (m.Roles & HubRoles.HubManager) != 0, ct);
        if (manager || target.IsPlatformAdmin || userId == current.RequiredId) v.Add("userId", "Moderation.CannotBlock");
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        var inserted = await db.TryInsertAsync(new HubBlock { HubId = hub.Value, UserId = userId, Reason = text, BlockedById = current.RequiredId, BlockedAt = clock.GetUtcNow() }, ct);
        if (inserted)
        {
            audit.Add(AuditActions.PersonBlocked, hub, target.Email, text);
            // Rights end when their source ends: the roles go (an unblock does not bring them back), and every feature
            // ends what the membership gave (review assignments, team seats).
            var membership = await db.HubMemberships.SingleOrDefaultAsync(m => m.HubId == hub && m.UserId == userId, ct);
            if (membership is not null && membership.Roles != HubRoles.Member)
            {
                audit.Add(AuditActions.RolesChanged, hub, target.Email, $"{membership.Roles} -> {HubRoles.Member}");
                membership.Roles = HubRoles.Member;
            }
            await rights.EndedAsync(new HubRightsEnded(hub.Value, userId, HubRoles.None, HubRightsEndReason.Blocked), ct);
            await db.SaveChangesAsync(ct);
            viewers.Forget(hub.Value);
        }
        return Result<bool>.Ok(inserted);
    }

    public async Task<Result<bool>> UnblockAsync(string hubSlug, Guid userId, CancellationToken ct)
    {
        var hub = await HubAsync(hubSlug, ct);
        if (hub is null || !ModerationRules.CanBlock(await viewers.ForHubAsync(hub.Value, ct))) return Result<bool>.NotFound();
        var removed = await db.HubBlocks.Where(b => b.HubId == hub && b.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0) return Result<bool>.NotFound();
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        audit.Add(AuditActions.PersonUnblocked, hub, email);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    private Task<Guid?> HubAsync(string slug, CancellationToken ct) =>
        db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);

    private static string? Truncate(string? s) => s is null ? null : s.Length <= 200 ? s : s[..199] + "…";
}
