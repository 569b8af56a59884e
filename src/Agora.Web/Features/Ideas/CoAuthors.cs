using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// The author invites a person, by email, to co-author an editable idea (at most five co-authors and open invitations).
/// The answer is the same whether the address has an account, was invited already or co-authors already, so nobody
/// learns who has an account; the address gets the same email either way. The invitee sees the invitation under
/// "My ideas" once signed in with that confirmed address, and appears as co-author only after accepting.
/// </summary>
public sealed class InviteCoAuthor(AgoraDbContext db, IdeaAccess access, Validator v, AuditLog audit, Notifications.Notifier notifier,
    TimeProvider clock, SubmissionLimits limits, IMailer mailer, AccountLinks links, IStringLocalizer<SharedResource> t)
{
    public const int MaxCoAuthors = 5;
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public async Task<Result<bool>> InviteAsync(int id, string? email, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<bool>.NotFound();
        if (!scope.IsAuthor || !scope.CanEdit) return Result<bool>.Forbidden();
        var address = v.Email("email", email);
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        var normalized = address.ToUpperInvariant();
        var inviter = scope.UserId!.Value;
        // The author's own address is theirs to know.
        if (await db.Users.AnyAsync(u => u.Id == scope.Idea.AuthorId && u.NormalizedEmail == normalized, ct))
            return Result<bool>.Invalid("email", v.Message("Ideas.CoAuthorSelf"));
        if (await limits.RefuseAsync<bool>(SubmissionKinds.Invitations,
                db.IdeaCoAuthorInvitations.Where(i => i.InvitedById == inviter).Select(i => i.CreatedAt), ct) is { } tooMany)
            return tooMany;
        var now = clock.GetUtcNow();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        var result = await db.InTransactionAsync(async () =>
        {
            var open = await db.IdeaCoAuthorInvitations.Where(i => i.IdeaId == id && i.AnsweredAt == null && i.ExpiresAt > now).ToListAsync(ct);
            var again = open.FirstOrDefault(i => i.NormalizedEmail == normalized);
            // Counted over addresses (invitations) and accepted co-authors, never over who has an account.
            var accepted = await db.IdeaCoAuthors.CountAsync(c => c.IdeaId == id && c.Status == CoAuthorStatus.Accepted, ct);
            if (again is null && open.Count + accepted >= MaxCoAuthors)
                return (false, Result<IdeaCoAuthorInvitation?>.Invalid("email", v.Message("Ideas.TooManyCoAuthors", MaxCoAuthors)));
            if (userId is { } already && await db.IdeaCoAuthors.AnyAsync(c => c.IdeaId == id && c.UserId == already && c.Status == CoAuthorStatus.Accepted, ct))
                return (false, Result<IdeaCoAuthorInvitation?>.Ok(null));
            if (again is null)
            {
                again = new IdeaCoAuthorInvitation { Id = Guid.NewGuid(), IdeaId = id, Email = address, NormalizedEmail = normalized, InvitedById = inviter, CreatedAt = now };
                db.IdeaCoAuthorInvitations.Add(again);
            }
            again.ExpiresAt = now + InvitationLifetime;
            audit.Add(AuditActions.IdeaCoAuthorInvited, scope.Idea.HubId, IdeaLifecycle.Subject(scope.Idea), address);
            // The person with an account hears of it in Agora too; the inviter cannot tell.
            if (userId is { } invitee)
                await notifier.AddAsync(new Notifications.NotificationEvent(Notifications.NotificationKind.CoAuthor, scope.Idea.HubId, id,
                    CampaignId: scope.Idea.CampaignId, ActorId: inviter), [invitee], ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<IdeaCoAuthorInvitation?>.Ok(again));
        }, ct);
        if (!result.IsOk) return result.Select(_ => false);
        var expires = result.Value?.ExpiresAt ?? now + InvitationLifetime;
        await mailer.SendAsync(new MailMessageData(address, t["Mail.CoAuthorInvitation.Subject"],
            t["Mail.CoAuthorInvitation.Body", scope.Idea.Title, links.Absolute("/ideas/mine"), expires.ToString("d")]), ct);
        return Result<bool>.Ok(true);
    }
}

/// <summary>
/// The invited person accepts (and appears as author, may edit) or declines a co-author invitation addressed to their
/// confirmed email. Once only: answering is one guarded UPDATE of the open invitation.
/// </summary>
public sealed class AnswerCoAuthorInvitation(AgoraDbContext db, CurrentUser current, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<CoAuthorStatus>> AnswerAsync(int id, bool accept, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<CoAuthorStatus>.Forbidden();
        var me = current.RequiredId;
        var status = accept ? CoAuthorStatus.Accepted : CoAuthorStatus.Declined;
        var now = clock.GetUtcNow();
        // Invitations made before they were addressed to emails.
        var changed = await db.IdeaCoAuthors.Where(c => c.IdeaId == id && c.UserId == me && c.Status == CoAuthorStatus.Invited)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.AnsweredAt, now), ct);
        if (changed == 0)
        {
            var person = await db.Users.Where(u => u.Id == me && u.EmailConfirmed).Select(u => new { u.NormalizedEmail, u.Email }).SingleOrDefaultAsync(ct);
            if (person?.NormalizedEmail is not { } mine) return Result<CoAuthorStatus>.NotFound();
            var invitation = await db.IdeaCoAuthorInvitations.AsNoTracking()
                .Where(i => i.IdeaId == id && i.NormalizedEmail == mine && i.AnsweredAt == null && i.ExpiresAt > now)
                .Select(i => new { i.Id, i.InvitedById }).FirstOrDefaultAsync(ct);
            if (invitation is null) return Result<CoAuthorStatus>.NotFound();
            var answered = await db.IdeaCoAuthorInvitations.Where(i => i.Id == invitation.Id && i.AnsweredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredAt, now).SetProperty(i => i.Accepted, accept), ct);
            if (answered == 0) return Result<CoAuthorStatus>.NotFound();
            var hubId = await db.Ideas.Where(i => i.Id == id).Select(i => i.HubId).SingleAsync(ct);
            audit.Add(AuditActions.IdeaCoAuthorAnswered, hubId, $"#{id}", $"{person.Email}: {status}");
            if (accept)
            {
                var row = await db.IdeaCoAuthors.SingleOrDefaultAsync(c => c.IdeaId == id && c.UserId == me, ct);
                if (row is null)
                    db.IdeaCoAuthors.Add(new IdeaCoAuthor { Id = Guid.NewGuid(), IdeaId = id, UserId = me, Status = status, InvitedById = invitation.InvitedById, InvitedAt = now, AnsweredAt = now });
                else
                {
                    row.Status = status;
                    row.AnsweredAt = now;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        if (accept)
        {
            // Co-authors hear what happens to the idea, like its author.
            await db.InTransactionAsync(async () => (true, await IdeaLifecycle.FollowAsync(db, id, me, now, ct)), ct);
        }
        return Result<CoAuthorStatus>.Ok(status);
    }
}
