using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organisations;

/// <summary>
/// An organisation's members: anyone signed in may see who belongs; its admins (or a platform admin)
/// add people by email, make or unmake admins and remove members; a member may leave. An
/// organisation always keeps at least one admin.
/// </summary>
public sealed class OrganisationMembership(
    AgoraDbContext db, CurrentUser current, OrganisationQueries queries, OrganisationAccess access, Validator v, AuditLog audit, TimeProvider clock,
    Platform.Email.IMailer mailer, AccountLinks links, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t, Platform.Security.SubmissionLimits limits)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    /// <summary>The members, for anyone signed in; email addresses only for the organisation's admins and platform admins.</summary>
    public async Task<Result<PagedList<OrganisationMemberRow>>> ListAsync(string slug, ListQuery q, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<PagedList<OrganisationMemberRow>>.NotFound();
        var id = await queries.FindIdAsync(slug, ct);
        if (id is null) return Result<PagedList<OrganisationMemberRow>>.NotFound();
        var page = await queries.MembersAsync(id.Value, q, ct);
        if (!await access.CanSeeEmailsAsync(id.Value, ct))
            page = page with { Items = page.Items.Select(m => m with { Email = null }).ToList() };
        return Result<PagedList<OrganisationMemberRow>>.Ok(page);
    }

    /// <summary>
    /// Invites the person with this email address. The answer is the same whether the address has an account, is
    /// already invited or already belongs (nobody learns who has an account from it); the address gets the same
    /// email either way, and the person becomes a member only when they accept, signed in with that address.
    /// </summary>
    public async Task<Result<bool>> InviteAsync(string slug, string? email, bool isAdmin, CancellationToken ct)
    {
        var organisation = await ManagedAsync(slug, ct);
        if (organisation is null) return Result<bool>.NotFound();
        var address = v.Email("email", email);
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        var inviter = current.RequiredId;
        if (await limits.RefuseAsync<bool>(Platform.Security.SubmissionKinds.Invitations,
                db.OrganisationInvitations.Where(i => i.InvitedById == inviter).Select(i => i.CreatedAt), ct) is { } tooMany)
            return tooMany;
        var normalized = address.ToUpperInvariant();
        var now = clock.GetUtcNow();
        var open = await db.OrganisationInvitations.FirstOrDefaultAsync(i => i.OrganisationId == organisation.Id
            && i.NormalizedEmail == normalized && i.AnsweredAt == null && i.ExpiresAt > now, ct);
        if (open is null)
        {
            open = new OrganisationInvitation
            {
                Id = Guid.NewGuid(), OrganisationId = organisation.Id, Email = address, NormalizedEmail = normalized,
                InvitedById = inviter, CreatedAt = now,
            };
            db.OrganisationInvitations.Add(open);
        }
        open.IsAdmin = isAdmin;
        open.ExpiresAt = now + InvitationLifetime;
        audit.Add(AuditActions.OrganisationMemberInvited, subject: organisation.Slug, details: Describe(address, isAdmin));
        await db.SaveChangesAsync(ct);
        var name = await db.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.Name).SingleAsync(ct);
        await mailer.SendAsync(new Platform.Email.MailMessageData(address, t["Mail.OrganisationInvitation.Subject", name],
            t["Mail.OrganisationInvitation.Body", name, links.Absolute("/organisations/invitations"), open.ExpiresAt.ToString("d")]), ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>The open invitations addressed to the signed-in person's confirmed email.</summary>
    public async Task<IReadOnlyList<OrganisationInvitationRow>> MyInvitationsAsync(CancellationToken ct)
    {
        if (await MyConfirmedEmailAsync(ct) is not { } mine) return [];
        var now = clock.GetUtcNow();
        return await (from i in db.OrganisationInvitations.AsNoTracking()
                      join o in db.Organisations on i.OrganisationId equals o.Id
                      where i.NormalizedEmail == mine && i.AnsweredAt == null && i.ExpiresAt > now
                      orderby o.Name
                      select new OrganisationInvitationRow(i.Id, o.Slug, o.Name, i.IsAdmin, i.ExpiresAt)).ToListAsync(ct);
    }

    /// <summary>
    /// The person the invitation is addressed to accepts (and becomes a member) or declines. Once only: the answer is
    /// one guarded UPDATE of an open invitation addressed to their confirmed email; anything else is not found.
    /// </summary>
    public async Task<Result<string>> AnswerAsync(Guid invitationId, bool accept, CancellationToken ct)
    {
        if (await MyConfirmedEmailAsync(ct) is not { } mine) return Result<string>.NotFound();
        var me = current.RequiredId;
        var now = clock.GetUtcNow();
        var invitation = await (from i in db.OrganisationInvitations.AsNoTracking()
                                join o in db.Organisations on i.OrganisationId equals o.Id
                                where i.Id == invitationId && i.NormalizedEmail == mine && i.AnsweredAt == null && i.ExpiresAt > now
                                select new { i.OrganisationId, i.IsAdmin, o.Slug }).SingleOrDefaultAsync(ct);
        if (invitation is null) return Result<string>.NotFound();
        var answered = await db.OrganisationInvitations
            .Where(i => i.Id == invitationId && i.NormalizedEmail == mine && i.AnsweredAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredAt, now).SetProperty(i => i.Accepted, accept), ct);
        if (answered == 0) return Result<string>.NotFound();
        var email = await EmailOfAsync(me, ct);
        if (!accept)
        {
            audit.Add(AuditActions.OrganisationInvitationDeclined, subject: invitation.Slug, details: email);
            await db.SaveChangesAsync(ct);
            return Result<string>.Ok(invitation.Slug);
        }
        if (!await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == invitation.OrganisationId && m.UserId == me, ct))
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = invitation.OrganisationId, UserId = me, IsAdmin = invitation.IsAdmin, JoinedAt = now });
        audit.Add(AuditActions.OrganisationMemberAdded, subject: invitation.Slug, details: Describe(email, invitation.IsAdmin));
        // A concurrent acceptance of another invitation to the same organisation made the membership already.
        await TrySaveAsync(ct);
        return Result<string>.Ok(invitation.Slug);
    }

    private async Task<string?> MyConfirmedEmailAsync(CancellationToken ct)
    {
        if (!current.IsAuthenticated) return null;
        var me = current.RequiredId;
        return await db.Users.Where(u => u.Id == me && u.EmailConfirmed).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
    }

    /// <summary>Makes a member an admin or takes that away; the last admin stays one.</summary>
    public async Task<Result<bool>> SetAdminAsync(string slug, Guid userId, bool? wanted, CancellationToken ct)
    {
        var organisation = await ManagedAsync(slug, ct);
        if (organisation is null) return Result<bool>.NotFound();
        var member = await db.OrganisationMembers.SingleOrDefaultAsync(m => m.OrganisationId == organisation.Id && m.UserId == userId, ct);
        if (member is null) return Result<bool>.NotFound();
        // Checked after authorization so that a stranger learns nothing from the answer.
        if (wanted is not { } isAdmin) return Result<bool>.Invalid("isAdmin", v.Message("Validation.Required"));
        if (member.IsAdmin == isAdmin) return Result<bool>.Ok(isAdmin);
        if (!isAdmin && !await HasOtherAdminAsync(organisation.Id, userId, ct))
            return Result<bool>.Invalid("isAdmin", v.Message("Organisations.LastAdmin"));
        member.IsAdmin = isAdmin;
        var email = await EmailOfAsync(userId, ct);
        // No audit code of its own: a change of who may edit the organisation is an update of it.
        audit.Add(AuditActions.OrganisationUpdated, subject: organisation.Slug, details: Describe(email, isAdmin));
        if (!await TrySaveAsync(ct)) return Result<bool>.Conflict("", v.Message("Organisations.ChangedMeanwhile"));
        return Result<bool>.Ok(isAdmin);
    }

    /// <summary>An admin removes a member, or a member leaves; the last admin cannot go.</summary>
    public async Task<Result<bool>> RemoveAsync(string slug, Guid userId, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<bool>.NotFound();
        var organisation = await db.Organisations.Where(o => o.Slug == slug).Select(o => new { o.Id, o.Slug }).SingleOrDefaultAsync(ct);
        if (organisation is null) return Result<bool>.NotFound();
        var self = current.Id == userId;
        if (!self && !await access.CanManageAsync(organisation.Id, ct)) return Result<bool>.NotFound();
        var member = await db.OrganisationMembers.SingleOrDefaultAsync(m => m.OrganisationId == organisation.Id && m.UserId == userId, ct);
        if (member is null) return Result<bool>.NotFound();
        if (member.IsAdmin && !await HasOtherAdminAsync(organisation.Id, userId, ct))
            return Result<bool>.Invalid("", v.Message("Organisations.LastAdmin"));
        db.OrganisationMembers.Remove(member);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        // The profile names an organisation the person belongs to; once they leave it, it names none.
        if (user.OrganisationId == organisation.Id) user.OrganisationId = null;
        audit.Add(AuditActions.OrganisationMemberRemoved, subject: organisation.Slug, details: user.Email);
        if (!await TrySaveAsync(ct)) return Result<bool>.Conflict("", v.Message("Organisations.ChangedMeanwhile"));
        return Result<bool>.Ok(true);
    }

    /// <summary>The organisation when the current person may manage it; null otherwise (they get 404).</summary>
    private async Task<ManagedOrganisation?> ManagedAsync(string slug, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return null;
        var organisation = await db.Organisations.Where(o => o.Slug == slug)
            .Select(o => new ManagedOrganisation(o.Id, o.Slug)).SingleOrDefaultAsync(ct);
        return organisation is not null && await access.CanManageAsync(organisation.Id, ct) ? organisation : null;
    }

    private sealed record ManagedOrganisation(Guid Id, string Slug);

    private Task<bool> HasOtherAdminAsync(Guid organisationId, Guid userId, CancellationToken ct) =>
        db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId != userId && m.IsAdmin, ct);

    private Task<string?> EmailOfAsync(Guid userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);

    private static string Describe(string? email, bool isAdmin) => $"{email}: {(isAdmin ? "admin" : "member")}";

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent change hit a unique key or removed the row; nothing half-done is kept.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
