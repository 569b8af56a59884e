using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>
/// The mentoring notifications (kind Mentoring), staged in the caller's transaction: a pair was made, a session planned,
/// a pair ended (and feedback is asked of both), a pair ended because
/// the other side left the hub or lost the role (told to the remaining side), a request waits in the queue (told to the hub's managers).
/// The text is the key Notification.Mentoring.{Detail}.
/// </summary>
public sealed class MentoringNotices(AgoraDbContext db, Notifier notifier)
{
    public Task PairedAsync(string slug, MentoringPair pair, Guid? actor, CancellationToken ct) =>
        SendAsync("Paired", pair.HubId, actor, slug, pair.Id, [pair.MentorId, pair.MenteeId], ct);

    public Task SessionPlannedAsync(string slug, MentoringPair pair, Guid actor, CancellationToken ct) =>
        SendAsync("SessionPlanned", pair.HubId, actor, slug, pair.Id, [pair.MentorId, pair.MenteeId], ct);

    public Task EndedAsync(string slug, MentoringPair pair, Guid? actor, CancellationToken ct) =>
        SendAsync("Ended", pair.HubId, actor, slug, pair.Id, [pair.MentorId, pair.MenteeId], ct);

    /// <summary>The remaining side of a pair that ended because the other lost their rights in the hub (detail MentorLeft or MenteeLeft).</summary>
    public async Task PartnerLeftAsync(MentoringPair pair, string detail, Guid remaining, CancellationToken ct)
    {
        var slug = await db.Hubs.Where(h => h.Id == pair.HubId).Select(h => h.Slug).SingleAsync(ct);
        await SendAsync(detail, pair.HubId, null, slug, pair.Id, [remaining], ct);
    }

    public async Task QueuedAsync(string slug, Guid hubId, Guid mentee, CancellationToken ct)
    {
        var managers = await db.HubMemberships.Where(m => m.HubId == hubId && (m.Roles & HubRoles.HubManager) == HubRoles.HubManager)
            .Select(m => m.UserId).ToListAsync(ct);
        await SendAsync("Queued", hubId, mentee, slug, null, managers, ct);
    }

    /// <summary>{1} is the hub's name; the notification leads to the pair, or for the managers to the programme.</summary>
    private async Task SendAsync(string detail, Guid hubId, Guid? actor, string slug, int? pairId, IEnumerable<Guid> to, CancellationToken ct)
    {
        var hub = await db.Hubs.Where(h => h.Id == hubId).Select(h => h.Name).SingleAsync(ct);
        var path = pairId is { } id ? $"/hubs/{slug}/mentoring/pairs/{id}" : $"/hubs/{slug}/mentoring/programme";
        await notifier.AddAsync(new NotificationEvent(NotificationKind.Mentoring, hubId, ActorId: actor, Detail: detail, Title: hub, Path: path), to, ct);
    }
}
