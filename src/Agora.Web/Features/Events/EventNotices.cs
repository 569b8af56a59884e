using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>Tells people about their registrations and the events they registered for (notification kind EventUpdate).</summary>
public sealed class EventNotices(AgoraDbContext db, CurrentUser current, Notifier notifier)
{
    /// <summary>What happens to a person by the way things go (their own registration, an offer, a lapse, a reminder): no one is named as its author.</summary>
    private static readonly string[] Unauthored = ["Registered", "Pending", "Waiting", "Offered", "Lapsed", "Reminder"];

    /// <summary>Tells everyone holding a seat (and, when <paramref name="waitingToo"/>, those waiting) that the event changed.</summary>
    public async Task TellRegisteredAsync(Event ev, string hubSlug, string detail, CancellationToken ct, bool waitingToo = false)
    {
        var people = await db.Registrations.Where(r => r.EventId == ev.Id && (r.State == RegistrationState.Confirmed
                || r.State == RegistrationState.Pending || r.State == RegistrationState.Offered || (waitingToo && r.State == RegistrationState.Waiting)))
            .Select(r => r.UserId).ToListAsync(ct);
        await TellAsync(ev, hubSlug, detail, people, ct);
    }

    /// <summary>Tells <paramref name="people"/> about <paramref name="detail"/> (text "Notification.EventUpdate.{detail}", {1} the event's title).</summary>
    public Task TellAsync(Event ev, string hubSlug, string detail, IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var actor = Unauthored.Contains(detail) ? null : current.Id;
        return notifier.AddAsync(new NotificationEvent(NotificationKind.EventUpdate, ev.HubId, ActorId: actor, Detail: detail, Title: ev.Title,
            Path: $"/hubs/{hubSlug}/events/{ev.Id}"), people, ct);
    }
}
