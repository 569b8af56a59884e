using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>A slot: wall-clock times in the hub's zone (yyyy-MM-ddTHH:mm); <see cref="Id"/> keeps an existing slot.</summary>
public sealed record SlotInput(int? Id, string? StartsAt, string? EndsAt, bool IsBreak = false);

/// <summary>A table: on site, or online with its room's link; <see cref="Id"/> keeps an existing table.</summary>
public sealed record TableInput(int? Id, string? Name, RoomKind? Kind, string? OnlineLink);

/// <summary>The whole set-up of a session at once: modes, expiry, meeting length, slots and tables (those left out are removed).</summary>
public sealed record SetupInput(RequestMode? RequestMode, SchedulingMode? SchedulingMode, int? RequestExpiryHours, int? MeetingMinutes,
    List<SlotInput>? Slots, List<TableInput>? Tables);

/// <summary>
/// The organiser sets the session up: slots inside the event's time and not overlapping, at least one slot that is not
/// a break, at least one table (an online room needs its link). A slot or table holding a placed meeting cannot be removed.
/// </summary>
public sealed class SessionSetup(AgoraDbContext db, SessionAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<int>> SaveAsync(string hubSlug, int eventId, SetupInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null) return Result<int>.NotFound();
        if (!s.CanOrganise) return Result<int>.NotFound();
        var ev = s.Event.Event;
        var zone = await db.HubTimeZoneAsync(ev.HubId, ct);

        var requestMode = input.RequestMode ?? s.Session?.RequestMode ?? RequestMode.Participants;
        var schedulingMode = input.SchedulingMode ?? s.Session?.SchedulingMode ?? SchedulingMode.ParticipantsPick;
        if (!Enum.IsDefined(requestMode)) v.Add("requestMode", "Validation.Invalid");
        if (!Enum.IsDefined(schedulingMode)) v.Add("schedulingMode", "Validation.Invalid");
        var expiry = input.RequestExpiryHours ?? s.Session?.RequestExpiryHours ?? 48;
        if (expiry < 1 || expiry > SessionLimits.MaxExpiryHours) v.Add("requestExpiryHours", "Validation.Range", 1, SessionLimits.MaxExpiryHours);
        var minutes = input.MeetingMinutes ?? s.Session?.MeetingMinutes ?? 20;
        if (minutes < 5 || minutes > 240) v.Add("meetingMinutes", "Validation.Range", 5, 240);

        var slots = new List<(int? Id, DateTimeOffset Start, DateTimeOffset End, bool Break)>();
        var slotInputs = input.Slots ?? [];
        if (slotInputs.Count > SessionLimits.MaxSlots) v.Add("slots", "MatchSession.TooManySlots", SessionLimits.MaxSlots);
        for (var i = 0; i < slotInputs.Count && i < SessionLimits.MaxSlots; i++)
        {
            var si = slotInputs[i];
            var field = $"slots[{i.ToString(CultureInfo.InvariantCulture)}]";
            var start = Parse(si.StartsAt, zone);
            var end = Parse(si.EndsAt, zone);
            if (start is null) { v.Add(field + ".startsAt", "Validation.Invalid"); continue; }
            if (end is null) { v.Add(field + ".endsAt", "Validation.Invalid"); continue; }
            if (end <= start) { v.Add(field + ".endsAt", "MatchSession.SlotEndsBeforeStart"); continue; }
            if (start < ev.StartsAt || end > ev.EndsAt) { v.Add(field, "MatchSession.SlotOutsideEvent"); continue; }
            slots.Add((si.Id, start.Value, end.Value, si.IsBreak));
        }
        var ordered = slots.OrderBy(x => x.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].Start < ordered[i - 1].End) v.Add("slots", "MatchSession.SlotsOverlap");
        if (slotInputs.Count > 0 && slots.Count == slotInputs.Count && slots.All(x => x.Break)) v.Add("slots", "MatchSession.NoMeetingSlot");
        if (slotInputs.Count == 0) v.Add("slots", "MatchSession.NoMeetingSlot");

        var tables = new List<(int? Id, string Name, RoomKind Kind, string? Link)>();
        var tableInputs = input.Tables ?? [];
        if (tableInputs.Count == 0) v.Add("tables", "MatchSession.NoTable");
        if (tableInputs.Count > SessionLimits.MaxTables) v.Add("tables", "MatchSession.TooManyTables", SessionLimits.MaxTables);
        for (var i = 0; i < tableInputs.Count && i < SessionLimits.MaxTables; i++)
        {
            var ti = tableInputs[i];
            var field = $"tables[{i.ToString(CultureInfo.InvariantCulture)}]";
            var name = v.Text(field + ".name", ti.Name, SessionLimits.TableName);
            var kind = ti.Kind ?? RoomKind.OnSite;
            if (!Enum.IsDefined(kind)) { v.Add(field + ".kind", "Validation.Invalid"); continue; }
            string? link = null;
            if (kind == RoomKind.Online)
            {
                link = v.Url(field + ".onlineLink", ti.OnlineLink);
                if (link is null) v.Add(field + ".onlineLink", "MatchSession.OnlineRoomNeedsLink");
            }
            tables.Add((ti.Id, name, kind, link));
        }
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async token =>
        {
            var session = await db.MatchmakingSessions.SingleOrDefaultAsync(x => x.EventId == eventId, token);
            if (session is null)
            {
                session = new MatchmakingSession { EventId = eventId, CreatedAt = now };
                db.MatchmakingSessions.Add(session);
            }
            session.RequestMode = requestMode;
            session.SchedulingMode = schedulingMode;
            session.RequestExpiryHours = expiry;
            session.MeetingMinutes = minutes;
            session.UpdatedAt = now;

            var existingSlots = await db.MatchmakingSlots.Where(x => x.EventId == eventId).ToListAsync(token);
            var keptSlots = slots.Where(x => x.Id is not null).Select(x => x.Id!.Value).ToHashSet();
            if (keptSlots.Any(id => existingSlots.All(x => x.Id != id))) return Result<int>.Invalid("slots", v.Message("Validation.Invalid"));
            var goneSlots = existingSlots.Where(x => !keptSlots.Contains(x.Id)).Select(x => x.Id).ToList();
            if (await db.MatchmakingMeetings.AnyAsync(m => m.SlotId != null && goneSlots.Contains(m.SlotId.Value), token))
                return Result<int>.Conflict("slots", v.Message("MatchSession.SlotInUse"));
            foreach (var slot in slots)
            {
                var row = slot.Id is { } id ? existingSlots.Single(x => x.Id == id) : new SessionSlot { EventId = eventId };
                if (slot.Id is null) db.MatchmakingSlots.Add(row);
                else if (slot.Break && !row.IsBreak && await db.MatchmakingMeetings.AnyAsync(m => m.SlotId == row.Id, token))
                    return Result<int>.Conflict("slots", v.Message("MatchSession.SlotInUse"));
                row.StartsAt = slot.Start;
                row.EndsAt = slot.End;
                row.IsBreak = slot.Break;
            }
            db.MatchmakingSlots.RemoveRange(existingSlots.Where(x => goneSlots.Contains(x.Id)));

            var existingTables = await db.MatchmakingTables.Where(x => x.EventId == eventId).ToListAsync(token);
            var keptTables = tables.Where(x => x.Id is not null).Select(x => x.Id!.Value).ToHashSet();
            if (keptTables.Any(id => existingTables.All(x => x.Id != id))) return Result<int>.Invalid("tables", v.Message("Validation.Invalid"));
            var goneTables = existingTables.Where(x => !keptTables.Contains(x.Id)).Select(x => x.Id).ToList();
            if (await db.MatchmakingMeetings.AnyAsync(m => m.TableId != null && goneTables.Contains(m.TableId.Value), token))
                return Result<int>.Conflict("tables", v.Message("MatchSession.TableInUse"));
            foreach (var table in tables)
            {
                var row = table.Id is { } id ? existingTables.Single(x => x.Id == id) : new SessionTable { EventId = eventId };
                if (table.Id is null) db.MatchmakingTables.Add(row);
                else if (row.Kind != table.Kind && await db.MatchmakingMeetings.AnyAsync(m => m.TableId == row.Id, token))
                    return Result<int>.Conflict("tables", v.Message("MatchSession.TableInUse"));
                row.Name = table.Name;
                row.Kind = table.Kind;
                row.OnlineLink = table.Link;
            }
            db.MatchmakingTables.RemoveRange(existingTables.Where(x => goneTables.Contains(x.Id)));
            audit.Add(AuditActions.MatchmakingSessionSetUp, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title),
                $"{slots.Count} slots, {tables.Count} tables, {requestMode}, {schedulingMode}");
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(eventId);
        }, ct);
    }

    /// <summary>A wall-clock time of the hub's zone (yyyy-MM-ddTHH:mm) in UTC; null when it is no time or one the zone skips.</summary>
    public static DateTimeOffset? Parse(string? value, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local)) return null;
        return ZonedTime.ToUtc(local, zone);
    }
}

public static class SessionAudit
{
    public static string Subject(int eventId, string title) => $"#{eventId.ToString(CultureInfo.InvariantCulture)} {title}";
}
