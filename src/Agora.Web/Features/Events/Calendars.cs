using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Http;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Events;

/// <summary>
/// iCalendar (RFC 5545) output, written with Ical.Net: one event's <c>.ics</c>, a hub's public events, and a person's
/// secret feed of the events they registered for. The UID is stable per event; SEQUENCE is the event's sequence (raised
/// on every change); a cancelled event keeps its UID with STATUS:CANCELLED (and METHOD:CANCEL when alone); URL links
/// back to the event page from the configured public address, never from the request.
/// </summary>
public sealed class Calendars(AgoraDbContext db, EventAccess access, AccountLinks links, IOptions<MailSettings> mail, CurrentUser current, TimeProvider clock,
    IEnumerable<IPersonalCalendarEntries> others)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private sealed record Row(Event Event, string HubSlug, string HubName, string TimeZone);

    /// <summary>The event's own calendar file, for whoever may see the event; null when they may not.</summary>
    public async Task<string?> EventAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || scope.Event.State == EventState.Draft) return null;
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Id == scope.Event.HubId).Select(h => new { h.Name, h.TimeZone }).SingleAsync(ct);
        var row = new Row(scope.Event, hubSlug, hub.Name, hub.TimeZone);
        return Write([row], scope.Event.State == EventState.Cancelled ? "CANCEL" : "PUBLISH");
    }

    /// <summary>The hub's public events (published and cancelled ones), for anyone.</summary>
    public async Task<string?> HubAsync(string hubSlug, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == hubSlug).Select(h => new { h.Id, h.Name, h.TimeZone }).SingleOrDefaultAsync(ct);
        if (hub is null) return null;
        var since = clock.GetUtcNow().AddYears(-1);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.HubId == hub.Id && e.Audience == EventAudience.Public && e.State != EventState.Draft && e.EndsAt >= since)
            .OrderBy(e => e.StartsAt).Take(500).ToListAsync(ct);
        return Write(events.Select(e => new Row(e, hubSlug, hub.Name, hub.TimeZone)), "PUBLISH");
    }

    /// <summary>The feed of the person whose secret token this is: the events they hold a seat at; null for an unknown token.</summary>
    public async Task<string?> PersonalAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var user = await db.CalendarFeeds.Where(f => f.TokenHash == hash).Select(f => (Guid?)f.UserId).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var since = clock.GetUtcNow().AddYears(-1);
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.UserId == user && (r.State == RegistrationState.Confirmed || r.State == RegistrationState.Pending || r.State == RegistrationState.Offered))
            .Join(db.Events.Where(e => e.State != EventState.Draft && e.EndsAt >= since), r => r.EventId, e => e.Id, (r, e) => e)
            .Join(db.Hubs, e => e.HubId, h => h.Id, (e, h) => new { Event = e, h.Slug, h.Name, h.TimeZone })
            .OrderBy(x => x.Event.StartsAt).Take(500).ToListAsync(ct);
        // What other areas schedule for the person (through the port Events declares), after the events.
        var entries = new List<CalendarEntry>();
        foreach (var source in others) entries.AddRange(await source.ForAsync(user.Value, since, ct));
        return Write(rows.Select(x => new Row(x.Event, x.Slug, x.Name, x.TimeZone)), "PUBLISH", entries);
    }

    /// <summary>Makes (or replaces) the person's feed token; only its hash is kept, so the address is shown once.</summary>
    public async Task<string> RenewFeedAsync(CancellationToken ct)
    {
        var me = current.RequiredId;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(async t =>
        {
            await db.CalendarFeeds.Where(f => f.UserId == me).ExecuteDeleteAsync(t);
            db.CalendarFeeds.Add(new CalendarFeed { UserId = me, TokenHash = hash, CreatedAt = now });
            await db.SaveChangesAsync(t);
            return true;
        }, ct);
        return token;
    }

    /// <summary>Revokes the person's feed: its address answers 404 from now on.</summary>
    public Task<int> RevokeFeedAsync(CancellationToken ct)
    {
        var me = current.RequiredId;
        return db.CalendarFeeds.Where(f => f.UserId == me).ExecuteDeleteAsync(ct);
    }

    public async Task<DateTimeOffset?> FeedCreatedAsync(CancellationToken ct)
    {
        var me = current.RequiredId;
        return await db.CalendarFeeds.Where(f => f.UserId == me).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(ct);
    }

    public string FeedAddress(string token) => links.Absolute($"/calendar/{token}.ics");

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private string Write(IEnumerable<Row> rows, string method, IReadOnlyList<CalendarEntry>? entries = null)
    {
        var calendar = new Calendar { ProductId = "-//Agora//Events//EN", Method = method };
        var host = new Uri(links.Absolute("/")).Host;
        var from = MailAddress.TryCreate(mail.Value.From, out var address) ? address.Address : "no-reply@agora.localhost";
        foreach (var row in rows)
        {
            var ev = row.Event;
            var zone = ZonedTime.Find(row.TimeZone);
            var item = new CalendarEvent
            {
                Uid = $"event-{ev.Id}@{host}",
                Sequence = ev.Sequence,
                Summary = ev.Title,
                Description = ev.Summary.Length > 0 ? ev.Summary : null,
                Location = Location(ev),
                Url = new Uri(links.Absolute($"/hubs/{row.HubSlug}/events/{ev.Id}")),
                Organizer = new Organizer("mailto:" + from) { CommonName = row.HubName },
                DtStamp = new CalDateTime(ev.UpdatedAt.UtcDateTime, CalDateTime.UtcTzId),
                LastModified = new CalDateTime(ev.UpdatedAt.UtcDateTime, CalDateTime.UtcTzId),
                Status = ev.State == EventState.Cancelled ? "CANCELLED" : "CONFIRMED",
            };
            if (ev.AllDay)
            {
                // Whole days as DATE values in the hub's zone; DTEND is the day after the last (exclusive).
                item.DtStart = new CalDateTime(DateOnly.FromDateTime(ZonedTime.ToLocal(ev.StartsAt, zone)));
                item.DtEnd = new CalDateTime(DateOnly.FromDateTime(ZonedTime.ToLocal(ev.EndsAt, zone)));
            }
            else
            {
                item.DtStart = new CalDateTime(ev.StartsAt.UtcDateTime, CalDateTime.UtcTzId);
                item.DtEnd = new CalDateTime(ev.EndsAt.UtcDateTime, CalDateTime.UtcTzId);
            }
            calendar.Events.Add(item);
        }
        foreach (var entry in entries ?? [])
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid, Summary = entry.Summary, Description = entry.Description, Location = entry.Location, Url = new Uri(entry.Url),
                DtStamp = new CalDateTime(entry.Stamp.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(entry.StartsAt.UtcDateTime, CalDateTime.UtcTzId),
                DtEnd = new CalDateTime(entry.EndsAt.UtcDateTime, CalDateTime.UtcTzId),
                Status = "CONFIRMED",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string? Location(Event ev)
    {
        var parts = new[] { ev.Room, ev.Address }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }
}
