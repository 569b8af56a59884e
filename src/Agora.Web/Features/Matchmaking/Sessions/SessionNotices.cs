using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>
/// Tells participants about their meetings (notification kind EventUpdate, text "Notification.EventUpdate.{detail}",
/// {0} the actor, {1} the event's title), leading to the session page.
/// </summary>
public sealed class SessionNotices(AgoraDbContext db, CurrentUser current, Notifier notifier)
{
    /// <summary>What happens by the way things go (an expiry, a schedule): nobody is named as its author.</summary>
    private static readonly string[] Unauthored = ["MeetingExpired", "MeetingScheduled", "MeetingCancelled"];

    public async Task TellAsync(int eventId, string detail, IReadOnlyCollection<int> participantIds, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Title, e.HubId, Slug = db.Hubs.Where(h => h.Id == e.HubId).Select(h => h.Slug).Single() }).SingleAsync(ct);
        var people = await db.MatchmakingParticipants.Where(p => participantIds.Contains(p.Id)).Select(p => p.UserId).ToListAsync(ct);
        var actor = Unauthored.Contains(detail) ? null : current.Id;
        await notifier.AddAsync(new NotificationEvent(NotificationKind.EventUpdate, ev.HubId, ActorId: actor, Detail: detail, Title: ev.Title,
            Path: SessionPaths.Session(ev.Slug, eventId)), people, ct);
    }
}
