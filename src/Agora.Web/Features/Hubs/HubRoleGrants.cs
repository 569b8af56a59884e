using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hubs;

/// <summary>
/// Roles given and taken by another area's decision rather than by a manager on the members page (a person selected in
/// a call for a community role). The caller has decided who may do it; these stage the change, audited, in the
/// caller's unit of work and never save, so the decision and the role are one transaction.
/// </summary>
public sealed class HubRoleGrants(AgoraDbContext db, AuditLog audit, HubRights rights, CurrentUser current, TimeProvider clock)
{
    /// <summary>Gives <paramref name="role"/>, making the person a member first when they are not; true when the role is new to them.</summary>
    public async Task<bool> GrantAsync(Guid hubId, Guid userId, HubRoles role, string reason, CancellationToken ct)
    {
        var membership = await db.HubMemberships.SingleOrDefaultAsync(m => m.HubId == hubId && m.UserId == userId, ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        if (membership is null)
        {
            db.HubMemberships.Add(new HubMembership { HubId = hubId, UserId = userId, Roles = HubRoles.Member | role, JoinedAt = clock.GetUtcNow() });
            audit.Add(AuditActions.HubJoined, hubId, email, reason);
            audit.Add(AuditActions.RolesChanged, hubId, email, $"-> {Names(HubRoles.Member | role)}: {reason}");
        }
        else if (membership.Roles.HasFlag(role)) return false;
        else
        {
            var before = membership.Roles;
            membership.Roles |= role;
            audit.Add(AuditActions.RolesChanged, hubId, email, $"{Names(before)} -> {Names(membership.Roles)}: {reason}");
        }
        current.Forget(hubId);
        return true;
    }

    /// <summary>Takes <paramref name="role"/> back (the membership stays); every right that came with it ends.</summary>
    public async Task RevokeAsync(Guid hubId, Guid userId, HubRoles role, string reason, CancellationToken ct)
    {
        var membership = await db.HubMemberships.SingleOrDefaultAsync(m => m.HubId == hubId && m.UserId == userId, ct);
        if (membership is null || !membership.Roles.HasFlag(role)) return;
        var before = membership.Roles;
        membership.Roles &= ~role;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        audit.Add(AuditActions.RolesChanged, hubId, email, $"{Names(before)} -> {Names(membership.Roles)}: {reason}");
        await rights.EndedAsync(new HubRightsEnded(hubId, userId, membership.Roles, HubRightsEndReason.RolesChanged), ct);
        current.Forget(hubId);
    }

    /// <summary>
    /// Gives the hub's defined role <paramref name="roleId"/> (a title, no permission), making the person a member first
    /// when they are not; true when the role is new to them.
    /// </summary>
    public async Task<bool> GrantDefinedAsync(Guid hubId, Guid userId, int roleId, string reason, CancellationToken ct)
    {
        var key = await db.HubDefinedRoles.Where(r => r.Id == roleId && r.HubId == hubId).Select(r => r.Key).SingleAsync(ct);
        if (db.HubRoleHolders.Local.Any(h => h.RoleId == roleId && h.UserId == userId)
            || await db.HubRoleHolders.AnyAsync(h => h.RoleId == roleId && h.UserId == userId, ct)) return false;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        var now = clock.GetUtcNow();
        if (!await db.HubMemberships.AnyAsync(m => m.HubId == hubId && m.UserId == userId, ct)
            && !db.HubMemberships.Local.Any(m => m.HubId == hubId && m.UserId == userId))
        {
            db.HubMemberships.Add(new HubMembership { HubId = hubId, UserId = userId, Roles = HubRoles.Member, JoinedAt = now });
            audit.Add(AuditActions.HubJoined, hubId, email, reason);
            current.Forget(hubId);
        }
        db.HubRoleHolders.Add(new HubRoleHolder { HubId = hubId, UserId = userId, RoleId = roleId, GrantedAt = now });
        audit.Add(AuditActions.DefinedRoleGranted, hubId, email, $"{key}: {reason}");
        return true;
    }

    /// <summary>Takes the defined role back (the membership stays).</summary>
    public async Task RevokeDefinedAsync(Guid hubId, Guid userId, int roleId, string reason, CancellationToken ct)
    {
        var holder = await db.HubRoleHolders.SingleOrDefaultAsync(h => h.RoleId == roleId && h.UserId == userId && h.HubId == hubId, ct);
        if (holder is null) return;
        db.HubRoleHolders.Remove(holder);
        var key = await db.HubDefinedRoles.Where(r => r.Id == roleId).Select(r => r.Key).SingleAsync(ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        audit.Add(AuditActions.DefinedRoleRemoved, hubId, email, $"{key}: {reason}");
    }

    private static string Names(HubRoles roles) => string.Join(",", HubRoleList.Split(roles));
}
