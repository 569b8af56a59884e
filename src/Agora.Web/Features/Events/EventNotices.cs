using Agora.Web.Features.Hubs;
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

    /// <summary>
    /// Tells <paramref name="people"/> about <paramref name="detail"/> (text "Notification.EventUpdate.{detail}", {1} the event's
    /// title). With <paramref name="at"/> (an offer's deadline, a reminded event's start) {1} also carries that time in the
    /// hub's zone, naming the zone, so the notification and its email never show a bare or UTC time.
    /// </summary>
    public async Task TellAsync(Event ev, string hubSlug, string detail, IReadOnlyCollection<Guid> people, CancellationToken ct,
        DateTimeOffset? at = null, bool dateOnly = false)
    {
        var actor = Unauthored.Contains(detail) ? null : current.Id;
        var title = ev.Title;
        if (at is { } when)
        {
            var time = EventTimes.Neutral(when, (await db.HubTimeZoneAsync(ev.HubId, ct)).Id, dateOnly);
            // Notifications keep 200 characters of a title: a long event title gives way, never the time.
            var room = NotificationTitleLength - time.Length - 3;
            title = $"{(title.Length > room ? title[..(room - 1)] + "…" : title)} · {time}";
        }
        await notifier.AddAsync(new NotificationEvent(NotificationKind.EventUpdate, ev.HubId, ActorId: actor, Detail: detail, Title: title,
            Path: $"/hubs/{hubSlug}/events/{ev.Id}"), people, ct);
    }

    private const int NotificationTitleLength = 200;
}
