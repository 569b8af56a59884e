using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// A front-desk seat comes from hub membership and ends with it: when a person leaves the hub, is removed, blocked or
/// erased, their seat (or pending proposal) goes at once, audited. A change of roles that leaves them a member keeps it.
/// </summary>
public sealed class FrontDeskRightsEnded(AgoraDbContext db, AuditLog audit) : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        if (ended.Reason == HubRightsEndReason.RolesChanged && ended.Remaining != HubRoles.None) return;
        var seats = await db.FrontDeskContacts.Where(c => c.HubId == ended.HubId && c.UserId == ended.UserId).ToListAsync(ct);
        foreach (var seat in seats)
        {
            db.FrontDeskContacts.Remove(seat);
            audit.Add(AuditActions.FrontDeskSeatEnded, ended.HubId, seat.Role, ended.Reason.ToString());
        }
    }
}
