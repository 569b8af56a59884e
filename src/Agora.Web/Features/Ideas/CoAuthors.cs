using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// The author invites a person with an account, by email, to co-author an editable idea (at most five).
/// The invitee sees it under "My ideas" and accepts or declines there.
/// </summary>
public sealed class InviteCoAuthor(AgoraDbContext db, IdeaAccess access, Validator v, AuditLog audit, Notifications.Notifier notifier, TimeProvider clock)
{
    public const int MaxCoAuthors = 5;

    public async Task<Result<Guid>> InviteAsync(int id, string? email, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<Guid>.NotFound();
        if (!scope.IsAuthor || !scope.CanEdit) return Result<Guid>.Forbidden();
        var address = v.Email("email", email);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var normalized = address.ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(ct);
        if (user is null) return Result<Guid>.Invalid("email", v.Message("Ideas.CoAuthorUnknown"));
        if (user.Id == scope.Idea.AuthorId) return Result<Guid>.Invalid("email", v.Message("Ideas.CoAuthorSelf"));
        var now = clock.GetUtcNow();
        var inviter = scope.UserId!.Value;
        return await db.InTransactionAsync(async () =>
        {
            var rows = await db.IdeaCoAuthors.Where(c => c.IdeaId == id).ToListAsync(ct);
            var existing = rows.FirstOrDefault(c => c.UserId == user.Id);
            if (existing is { Status: not CoAuthorStatus.Declined })
                return (false, Result<Guid>.Invalid("email", v.Message("Ideas.CoAuthorAlready")));
            if (rows.Count(c => c.Status != CoAuthorStatus.Declined) >= MaxCoAuthors)
                return (false, Result<Guid>.Invalid("email", v.Message("Ideas.TooManyCoAuthors", MaxCoAuthors)));
            if (existing is null)
            {
                existing = new IdeaCoAuthor { Id = Guid.NewGuid(), IdeaId = id, UserId = user.Id };
                db.IdeaCoAuthors.Add(existing);
            }
            existing.Status = CoAuthorStatus.Invited;
            existing.InvitedById = inviter;
            existing.InvitedAt = now;
            existing.AnsweredAt = null;
            audit.Add(AuditActions.IdeaCoAuthorInvited, scope.Idea.HubId, IdeaLifecycle.Subject(scope.Idea), user.Email);
            await notifier.AddAsync(new Notifications.NotificationEvent(Notifications.NotificationKind.CoAuthor, scope.Idea.HubId, id,
                CampaignId: scope.Idea.CampaignId, ActorId: inviter), [user.Id], ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (IdeaData.IsUniqueViolation(e))
            {
                return (false, Result<Guid>.Invalid("email", v.Message("Ideas.CoAuthorAlready")));
            }
            return (true, Result<Guid>.Ok(existing.Id));
        }, ct);
    }
}

/// <summary>The invited person accepts (and appears as author, may edit) or declines a co-author invitation.</summary>
public sealed class AnswerCoAuthorInvitation(AgoraDbContext db, CurrentUser current, TimeProvider clock)
{
    public async Task<Result<CoAuthorStatus>> AnswerAsync(int id, bool accept, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<CoAuthorStatus>.Forbidden();
        var me = current.RequiredId;
        var status = accept ? CoAuthorStatus.Accepted : CoAuthorStatus.Declined;
        var now = clock.GetUtcNow();
        var changed = await db.IdeaCoAuthors.Where(c => c.IdeaId == id && c.UserId == me && c.Status == CoAuthorStatus.Invited)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.AnsweredAt, now), ct);
        if (changed == 0) return Result<CoAuthorStatus>.NotFound();
        if (accept)
        {
            // Co-authors hear what happens to the idea, like its author.
            await db.InTransactionAsync(async () => (true, await IdeaLifecycle.FollowAsync(db, id, me, now, ct)), ct);
        }
        return Result<CoAuthorStatus>.Ok(status);
    }
}
