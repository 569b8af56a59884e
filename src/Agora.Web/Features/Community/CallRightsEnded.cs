using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>
/// When a person leaves a hub, is removed or blocked there, their assignments as reviewer of its undecided calls end at
/// once (audited); the reviews they submitted stay on record. A role received in a call goes with the membership like
/// any other role.
/// </summary>
public sealed class CallRightsEnded(AgoraDbContext db, AuditLog audit) : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        if (ended.Reason == HubRightsEndReason.RolesChanged && ended.Remaining != HubRoles.None) return;
        var open = await (from r in db.CallReviewers
                          join c in db.CommunityCalls on r.CallId equals c.Id
                          where c.HubId == ended.HubId && r.UserId == ended.UserId && c.State != CallState.Decided
                          select new { Reviewer = r, c.Id, c.Title }).ToListAsync(ct);
        foreach (var x in open)
        {
            db.CallReviewers.Remove(x.Reviewer);
            audit.Add(AuditActions.CallReviewerEnded, ended.HubId, $"#{x.Id} {x.Title}", ended.Reason.ToString());
        }
    }
}
