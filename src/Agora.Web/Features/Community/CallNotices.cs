using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>
/// Tells people about a call (kind CommunityCall): "Applied" (to the hub's managers), "ReviewAssigned" (to reviewers),
/// "Selected", "Reserve", "Rejected" (to the applicant), "MovedUp" (to a reserve selected after someone declined).
/// Called inside the use case's transaction, so a retried attempt notifies once.
/// </summary>
public sealed class CallNotices(AgoraDbContext db, Notifier notifier)
{
    public Task TellAsync(CommunityCall call, string hubSlug, string detail, Guid actor, IReadOnlyCollection<Guid> recipients, CancellationToken ct) =>
        recipients.Count == 0
            ? Task.CompletedTask
            : notifier.AddAsync(new NotificationEvent(NotificationKind.CommunityCall, call.HubId, ActorId: actor, Detail: detail, Title: call.Title,
                Path: detail is "Applied" or "ReviewAssigned" ? $"/hubs/{hubSlug}/calls/{call.Id}/applications" : $"/hubs/{hubSlug}/calls/{call.Id}"),
                recipients, ct);

    public Task<List<Guid>> ManagersAsync(Guid hubId, CancellationToken ct) =>
        db.HubMemberships.Where(m => m.HubId == hubId && (m.Roles & HubRoles.HubManager) != 0).Select(m => m.UserId).ToListAsync(ct);
}
