using System.Security.Cryptography;
using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs;

public enum JoinOutcome
{
    Joined,
    Requested,
}

/// <summary>Joining hubs, deciding requests, invitations and roles: who may do which is checked here.</summary>
public sealed class Membership(
    AgoraDbContext db, CurrentUser current, IAuthorizationService authz, Validator v, AuditLog audit,
    TimeProvider clock, IMailer mailer, AccountLinks links, IStringLocalizer<SharedResource> t, HubRights rights,
    Platform.Security.SubmissionLimits limits)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    private async Task<bool> Can(Guid hubId, HubRequirement op) =>
        (await authz.AuthorizeAsync(current.Principal, new HubResource(hubId), op)).Succeeded;

    /// <summary>Open hubs admit at once; approval hubs record a request; invitation-only hubs refuse.</summary>
    public async Task<Result<JoinOutcome>> JoinAsync(string slug, string? message, CancellationToken ct)
    {
        var hub = await db.Hubs.Where(h => h.Slug == slug).Select(h => new { h.Id, h.Slug, h.JoinPolicy }).SingleOrDefaultAsync(ct);
        if (hub is null) return Result<JoinOutcome>.NotFound();
        if (!current.IsAuthenticated) return Result<JoinOutcome>.Forbidden();
        var userId = current.RequiredId;
        if (await db.HubMemberships.AnyAsync(m => m.HubId == hub.Id && m.UserId == userId, ct))
            return Result<JoinOutcome>.Conflict("", v.Message("Hubs.AlreadyMember"));
        var text = v.Text("message", message, 1000, required: false, multiline: true);
        if (!v.IsValid) return Result<JoinOutcome>.Invalid(v.Errors);
        if (await limits.RefuseAsync<JoinOutcome>(Platform.Security.SubmissionKinds.JoinRequests, db.JoinRequests.Where(r => r.UserId == userId).Select(r => r.CreatedAt), ct) is { } tooMany) return tooMany;
        var now = clock.GetUtcNow();
        switch (hub.JoinPolicy)
        {
            case JoinPolicy.Open:
                db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = userId, Roles = HubRoles.Member, JoinedAt = now });
                audit.Add(AuditActions.HubJoined, hub.Id, current.Email);
                if (!await TrySaveAsync(ct)) return Result<JoinOutcome>.Conflict("", v.Message("Hubs.AlreadyMember"));
                current.Forget(hub.Id);
                return Result<JoinOutcome>.Ok(JoinOutcome.Joined);
            case JoinPolicy.Approval:
                if (await db.JoinRequests.AnyAsync(r => r.HubId == hub.Id && r.UserId == userId && r.Status == JoinRequestStatus.Pending, ct))
                    return Result<JoinOutcome>.Conflict("", v.Message("Hubs.RequestPending"));
                db.JoinRequests.Add(new JoinRequest { Id = Guid.NewGuid(), HubId = hub.Id, UserId = userId, Message = text, Status = JoinRequestStatus.Pending, CreatedAt = now });
                audit.Add(AuditActions.JoinRequested, hub.Id, current.Email);
                if (!await TrySaveAsync(ct)) return Result<JoinOutcome>.Conflict("", v.Message("Hubs.RequestPending"));
                return Result<JoinOutcome>.Ok(JoinOutcome.Requested);
            default:
                return Result<JoinOutcome>.Forbidden();
        }
    }

    /// <summary>A hub manager approves (the person becomes a member) or declines a pending request.</summary>
    public async Task<Result<JoinRequestStatus>> DecideAsync(string slug, Guid requestId, bool approve, CancellationToken ct)
    {
        var hubId = await db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);
        if (hubId is null || !await Can(hubId.Value, HubOperations.Manage)) return Result<JoinRequestStatus>.NotFound();
        var request = await db.JoinRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.HubId == hubId, ct);
        if (request is null) return Result<JoinRequestStatus>.NotFound();
        if (request.Status != JoinRequestStatus.Pending) return Result<JoinRequestStatus>.Conflict("", v.Message("Hubs.RequestDecided"));
        var now = clock.GetUtcNow();
        request.Status = approve ? JoinRequestStatus.Approved : JoinRequestStatus.Declined;
        request.DecidedAt = now;
        request.DecidedById = current.RequiredId;
        var email = await db.Users.Where(u => u.Id == request.UserId).Select(u => u.Email).SingleAsync(ct);
        if (approve && !await db.HubMemberships.AnyAsync(m => m.HubId == hubId && m.UserId == request.UserId, ct))
            db.HubMemberships.Add(new HubMembership { HubId = hubId.Value, UserId = request.UserId, Roles = HubRoles.Member, JoinedAt = now });
        audit.Add(approve ? AuditActions.JoinApproved : AuditActions.JoinDeclined, hubId, email);
        if (!await TrySaveAsync(ct)) return Result<JoinRequestStatus>.Conflict("", v.Message("Hubs.RequestDecided"));
        return Result<JoinRequestStatus>.Ok(request.Status);
    }

    /// <summary>Sets the roles a member holds; Member is always kept. A hub keeps at least one manager.</summary>
    public async Task<Result<HubRoles>> SetRolesAsync(string slug, Guid userId, HubRoles roles, CancellationToken ct)
    {
        var hubId = await db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);
        if (hubId is null || !await Can(hubId.Value, HubOperations.Manage)) return Result<HubRoles>.NotFound();
        var membership = await db.HubMemberships.SingleOrDefaultAsync(m => m.HubId == hubId && m.UserId == userId, ct);
        if (membership is null) return Result<HubRoles>.NotFound();
        if ((roles & ~HubRoleList.Valid) != 0) return Result<HubRoles>.Invalid("roles", v.Message("Validation.Invalid"));
        roles |= HubRoles.Member;
        if (membership.Roles.HasFlag(HubRoles.HubManager) && !roles.HasFlag(HubRoles.HubManager)
            && !await db.HubMemberships.AnyAsync(m => m.HubId == hubId && m.UserId != userId && (m.Roles & HubRoles.HubManager) != 0, ct))
            return Result<HubRoles>.Invalid("roles", v.Message("Hubs.LastManager"));
        var before = membership.Roles;
        membership.Roles = roles;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        audit.Add(AuditActions.RolesChanged, hubId, email, $"{Names(before)} -> {Names(roles)}");
        if ((before & ~roles) != 0) await rights.EndedAsync(new HubRightsEnded(hubId.Value, userId, roles, HubRightsEndReason.RolesChanged), ct);
        await db.SaveChangesAsync(ct);
        current.Forget(hubId.Value);
        return Result<HubRoles>.Ok(roles);
    }

    /// <summary>A manager removes a member, or a member leaves; the last manager cannot go.</summary>
    public async Task<Result<bool>> RemoveAsync(string slug, Guid userId, CancellationToken ct)
    {
        var hubId = await db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);
        if (hubId is null) return Result<bool>.NotFound();
        var self = current.Id == userId;
        if (!self && !await Can(hubId.Value, HubOperations.Manage)) return Result<bool>.NotFound();
        var membership = await db.HubMemberships.SingleOrDefaultAsync(m => m.HubId == hubId && m.UserId == userId, ct);
        if (membership is null) return Result<bool>.NotFound();
        if (membership.Roles.HasFlag(HubRoles.HubManager)
            && !await db.HubMemberships.AnyAsync(m => m.HubId == hubId && m.UserId != userId && (m.Roles & HubRoles.HubManager) != 0, ct))
            return Result<bool>.Invalid("", v.Message("Hubs.LastManager"));
        db.HubMemberships.Remove(membership);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        audit.Add(AuditActions.MemberRemoved, hubId, email);
        await rights.EndedAsync(new HubRightsEnded(hubId.Value, userId, HubRoles.None, self ? HubRightsEndReason.Left : HubRightsEndReason.Removed), ct);
        await db.SaveChangesAsync(ct);
        current.Forget(hubId.Value);
        return Result<bool>.Ok(true);
    }

    /// <summary>Invites a person by email with the roles they will hold; the link works once, for 14 days.</summary>
    public async Task<Result<Guid>> InviteAsync(string slug, string? email, HubRoles roles, CancellationToken ct)
    {
        var hub = await db.Hubs.Where(h => h.Slug == slug).Select(h => new { h.Id, h.Name }).SingleOrDefaultAsync(ct);
        if (hub is null || !await Can(hub.Id, HubOperations.Manage)) return Result<Guid>.NotFound();
        var address = v.Email("email", email);
        if ((roles & ~HubRoleList.Valid) != 0) v.Add("roles", "Validation.Invalid");
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var normalized = address.ToUpperInvariant();
        if (await (from m in db.HubMemberships join u in db.Users on m.UserId equals u.Id
                   where m.HubId == hub.Id && u.NormalizedEmail == normalized select m).AnyAsync(ct))
            return Result<Guid>.Invalid("email", v.Message("Hubs.AlreadyMemberEmail"));
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var invitation = new HubInvitation
        {
            Id = Guid.NewGuid(), HubId = hub.Id, Email = address, Roles = roles | HubRoles.Member,
            TokenHash = ApiTokenAuthenticationHandler.Hash(token), InvitedById = current.RequiredId,
            CreatedAt = now, ExpiresAt = now + InvitationLifetime,
        };
        db.HubInvitations.Add(invitation);
        audit.Add(AuditActions.MemberInvited, hub.Id, address, Names(invitation.Roles));
        await db.SaveChangesAsync(ct);
        await mailer.SendAsync(new MailMessageData(address, t["Mail.Invitation.Subject", hub.Name],
            t["Mail.Invitation.Body", hub.Name, links.Absolute($"/invitations/{token}"), invitation.ExpiresAt.ToString("d")]), ct);
        return Result<Guid>.Ok(invitation.Id);
    }

    public async Task<Result<bool>> RevokeInvitationAsync(string slug, Guid invitationId, CancellationToken ct)
    {
        var hubId = await db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);
        if (hubId is null || !await Can(hubId.Value, HubOperations.Manage)) return Result<bool>.NotFound();
        var invitation = await db.HubInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.HubId == hubId && i.AcceptedAt == null && i.RevokedAt == null, ct);
        if (invitation is null) return Result<bool>.NotFound();
        invitation.RevokedAt = clock.GetUtcNow();
        audit.Add(AuditActions.InvitationRevoked, hubId, invitation.Email);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>The invitation behind a link, when it is still open.</summary>
    public async Task<(HubInvitation Invitation, string HubSlug)?> FindInvitationAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 10 or > 100) return null;
        var hash = ApiTokenAuthenticationHandler.Hash(token);
        var now = clock.GetUtcNow();
        var found = await (from i in db.HubInvitations join h in db.Hubs on i.HubId equals h.Id
                           where i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                           select new { i, h.Slug }).SingleOrDefaultAsync(ct);
        return found is null ? null : (found.i, found.Slug);
    }

    /// <summary>The signed-in person accepts; the invitation must be addressed to their email.</summary>
    public async Task<Result<string>> AcceptInvitationAsync(string token, CancellationToken ct)
    {
        var found = await FindInvitationAsync(token, ct);
        if (found is null) return Result<string>.NotFound();
        var (invitation, slug) = found.Value;
        var user = await db.Users.SingleAsync(u => u.Id == current.RequiredId, ct);
        if (!string.Equals(user.NormalizedEmail, invitation.Email.ToUpperInvariant(), StringComparison.Ordinal))
            return Result<string>.Forbidden();
        var now = clock.GetUtcNow();
        var membership = await db.HubMemberships.SingleOrDefaultAsync(m => m.HubId == invitation.HubId && m.UserId == user.Id, ct);
        if (membership is null)
            db.HubMemberships.Add(new HubMembership { HubId = invitation.HubId, UserId = user.Id, Roles = invitation.Roles, JoinedAt = now });
        else membership.Roles |= invitation.Roles;
        invitation.AcceptedAt = now;
        audit.Add(AuditActions.InvitationAccepted, invitation.HubId, user.Email, Names(invitation.Roles));
        await db.SaveChangesAsync(ct);
        current.Forget(invitation.HubId);
        return Result<string>.Ok(slug);
    }

    private static string Names(HubRoles roles) => string.Join(",", HubRoleList.Split(roles));

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent duplicate hit a unique index; nothing half-done is kept.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
