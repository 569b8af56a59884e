using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

/// <summary>
/// When a person leaves a hub, is removed or blocked there, or loses a reviewer role, their reviews that are not signed
/// off are unassigned at once (audited), so the managers can assign someone else. Signed-off reviews stay on record;
/// <see cref="RequestAccess"/> no longer lets the person read the request either way.
/// </summary>
public sealed class RequestRightsEnded(AgoraDbContext db, AuditLog audit) : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        IReadOnlyList<ReviewRole> kept = ended.Reason == HubRightsEndReason.RolesChanged ? ReviewRoles.AllowedBy(ended.Remaining) : [];
        var open = await (from x in db.RequestReviews
                          join r in db.Requests on x.RequestId equals r.Id
                          where r.HubId == ended.HubId && x.ReviewerId == ended.UserId && x.SignedOffAt == null
                              && (r.State == RequestState.Submitted || r.State == RequestState.Returned || r.State == RequestState.InReview)
                          select new { Review = x, Request = r }).ToListAsync(ct);
        foreach (var x in open.Where(x => !kept.Contains(x.Review.Role)))
        {
            db.RequestReviews.Remove(x.Review);
            audit.Add(AuditActions.RequestReviewWithdrawn, ended.HubId, RequestWorkflow.Subject(x.Request), $"{x.Review.Role}: {ended.Reason}");
        }
    }
}
