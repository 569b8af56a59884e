using System.Net.Mail;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>
/// A participant's meetings as iCalendar (RFC 5545, written with Ical.Net like Events' calendars): one VEVENT per placed
/// meeting with a stable UID, the other person and their organisation, the table (or the online room's link as
/// LOCATION and URL of a remote meeting); links from the configured public address, never from the request.
/// </summary>
public sealed class SessionCalendar(SessionQueries queries, AccountLinks links, IOptions<MailSettings> mail, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public async Task<Result<string>> AgendaAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var agenda = await queries.AgendaAsync(hubSlug, eventId, ct);
        if (!agenda.IsOk) return Result<string>.NotFound();
        var a = agenda.Value!;
        var calendar = new Calendar { ProductId = "-//Agora//Matchmaking//EN", Method = "PUBLISH" };
        var host = new Uri(links.Absolute("/")).Host;
        var from = MailAddress.TryCreate(mail.Value.From, out var address) ? address.Address : "no-reply@agora.localhost";
        var now = new CalDateTime(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        var page = links.Absolute(SessionPaths.Agenda(a.HubSlug, a.EventId));
        foreach (var item in a.Items.Where(i => i.StartsAt is not null))
        {
            var with = item.WithOrganisation is { } org ? $"{item.With} ({org})" : item.With;
            var online = item.Kind == RoomKind.Online && item.OnlineLink is not null;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"meeting-{item.MeetingId}@{host}",
                Summary = $"{a.EventTitle}: {with}",
                Description = online ? $"{with}\n{item.OnlineLink}" : with,
                Location = online ? item.OnlineLink : item.Table,
                Url = new Uri(online ? item.OnlineLink! : page),
                Organizer = new Organizer("mailto:" + from) { CommonName = a.EventTitle },
                DtStamp = now,
                DtStart = new CalDateTime(item.StartsAt!.Value.UtcDateTime, CalDateTime.UtcTzId),
                DtEnd = new CalDateTime(item.EndsAt!.Value.UtcDateTime, CalDateTime.UtcTzId),
                Status = "CONFIRMED",
            });
        }
        return Result<string>.Ok(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
