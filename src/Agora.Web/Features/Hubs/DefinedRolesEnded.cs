using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hubs;

/// <summary>
/// Rights end when their source ends: leaving, removal, blocking or erasure takes every defined role the person held in
/// the hub (audited). A change of built-in roles leaves them, as they are titles, not permissions.
/// </summary>
public sealed class DefinedRolesEnded(AgoraDbContext db, AuditLog audit) : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        if (ended.Reason == HubRightsEndReason.RolesChanged) return;
        var held = await (from h in db.HubRoleHolders
                          join r in db.HubDefinedRoles on h.RoleId equals r.Id
                          where h.HubId == ended.HubId && h.UserId == ended.UserId
                          select new { Holder = h, r.Key }).ToListAsync(ct);
        if (held.Count == 0) return;
        var email = await db.Users.Where(u => u.Id == ended.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        foreach (var x in held)
        {
            db.HubRoleHolders.Remove(x.Holder);
            audit.Add(AuditActions.DefinedRoleRemoved, ended.HubId, email, $"{x.Key}: {ended.Reason}");
        }
    }
}
