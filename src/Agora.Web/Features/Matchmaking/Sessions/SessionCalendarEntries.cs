using Agora.Web.Features.Events;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>
/// Matchmaking's answer to Events' <see cref="IPersonalCalendarEntries"/>: the person's placed meetings in the sessions
/// they still take part in (registration confirmed), with the same UID as the agenda's .ics, so a calendar that has both
/// shows each meeting once; the online room's link for a remote meeting.
/// </summary>
public sealed class SessionCalendarEntries(AgoraDbContext db, AccountLinks links) : IPersonalCalendarEntries
{
    public async Task<IReadOnlyList<CalendarEntry>> ForAsync(Guid userId, DateTimeOffset since, CancellationToken ct)
    {
        var mine = await db.MatchmakingParticipants.AsNoTracking().Where(p => p.UserId == userId && p.EndedAt == null
                && db.Registrations.Any(r => r.EventId == p.EventId && r.UserId == userId && r.State == RegistrationState.Confirmed))
            .Select(p => new { p.Id, p.EventId }).ToListAsync(ct);
        if (mine.Count == 0) return [];
        var ids = mine.Select(p => p.Id).ToList();
        var rows = await db.MeetingBookings.AsNoTracking().Where(b => ids.Contains(b.ParticipantId))
            .Join(db.MatchmakingSlots.Where(s => s.EndsAt >= since), b => b.SlotId, s => s.Id, (b, s) => new { b.MeetingId, b.ParticipantId, s.StartsAt, s.EndsAt })
            .Join(db.MatchmakingMeetings, x => x.MeetingId, m => m.Id, (x, m) => new { x.MeetingId, x.ParticipantId, x.StartsAt, x.EndsAt, m.EventId, m.TableId, m.RequestId, m.CreatedAt })
            .Join(db.MeetingRequests, x => x.RequestId, r => r.Id, (x, r) => new { x.MeetingId, x.StartsAt, x.EndsAt, x.EventId, x.TableId, x.CreatedAt,
                Other = r.FromId == x.ParticipantId ? r.ToId : r.FromId })
            .OrderBy(x => x.StartsAt).Take(500).ToListAsync(ct);
        var others = rows.Select(r => r.Other).Distinct().ToList();
        var names = await db.MatchmakingParticipants.Where(p => others.Contains(p.Id))
            .Select(p => new { p.Id, Name = db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).Single() }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var events = rows.Select(r => r.EventId).Distinct().ToList();
        var titles = await db.Events.Where(e => events.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, Slug = db.Hubs.Where(h => h.Id == e.HubId).Select(h => h.Slug).Single() }).ToDictionaryAsync(e => e.Id, ct);
        var tableIds = rows.Where(r => r.TableId != null).Select(r => r.TableId!.Value).Distinct().ToList();
        var tables = await db.MatchmakingTables.Where(t => tableIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var host = new Uri(links.Absolute("/")).Host;
        return rows.Select(r =>
        {
            var table = r.TableId is { } t ? tables.GetValueOrDefault(t) : null;
            var online = table is { Kind: RoomKind.Online, OnlineLink: { } link } ? link : null;
            var ev = titles[r.EventId];
            var with = names.GetValueOrDefault(r.Other, "");
            return new CalendarEntry($"meeting-{r.MeetingId}@{host}", $"{ev.Title}: {with}", online is null ? with : $"{with}\n{online}",
                online ?? table?.Name, online ?? links.Absolute(SessionPaths.Agenda(ev.Slug, r.EventId)), r.StartsAt, r.EndsAt, r.CreatedAt);
        }).ToList();
    }
}
