using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>Puts one meeting in a slot at a table, with its booking rows (the caller saves, in its transaction).</summary>
public static class Placement
{
    /// <summary>The table a meeting needs from its participants' preferences: one side's wish when the other has none; Any when they differ.</summary>
    public static MeetingMode ModeOf(IEnumerable<MeetingMode> wishes)
    {
        var set = wishes.Where(w => w != MeetingMode.Any).Distinct().ToList();
        return set.Count == 1 ? set[0] : MeetingMode.Any;
    }

    public static bool Fits(MeetingMode need, RoomKind kind) =>
        need == MeetingMode.Any || (need == MeetingMode.Online) == (kind == RoomKind.Online);

    /// <summary>
    /// Places the meeting (new or already placed: its old bookings go) in <paramref name="slotId"/>, at
    /// <paramref name="tableId"/> or else the first free table of the kind it needs; answers the message of what stands
    /// in the way, or null when placed. The database's keys settle a race the reads here cannot see.
    /// </summary>
    public static async Task<string?> PlaceAsync(AgoraDbContext db, int eventId, SessionMeeting meeting, IReadOnlyList<int> participants, int slotId,
        int? tableId, Validator v, CancellationToken ct)
    {
        var slot = await db.MatchmakingSlots.AsNoTracking().SingleOrDefaultAsync(x => x.Id == slotId && x.EventId == eventId, ct);
        if (slot is null || slot.IsBreak) return v.Message("MatchSession.SlotUnknown");
        var available = await db.MatchmakingAvailability.CountAsync(a => a.SlotId == slotId && participants.Contains(a.ParticipantId), ct);
        if (available < participants.Count) return v.Message("MatchSession.NotAvailable");
        var booked = await db.MeetingBookings.AnyAsync(b => b.SlotId == slotId && participants.Contains(b.ParticipantId)
            && (meeting.Id == 0 || b.MeetingId != meeting.Id), ct);
        if (booked) return v.Message("MatchSession.SlotTaken");
        var wishes = await db.MatchmakingParticipants.Where(p => participants.Contains(p.Id)).Select(p => p.MeetingMode).ToListAsync(ct);
        var need = ModeOf(wishes);
        var taken = await db.MatchmakingMeetings.Where(m => m.SlotId == slotId && m.TableId != null && (meeting.Id == 0 || m.Id != meeting.Id))
            .Select(m => m.TableId!.Value).ToListAsync(ct);
        var tables = await db.MatchmakingTables.AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.Id).ToListAsync(ct);
        SessionTable? table;
        if (tableId is { } tid)
        {
            table = tables.FirstOrDefault(t => t.Id == tid);
            if (table is null || !Fits(need, table.Kind)) return v.Message("MatchSession.TableUnfit");
            if (taken.Contains(tid)) return v.Message("MatchSession.TableTaken");
        }
        else
        {
            table = tables.FirstOrDefault(t => Fits(need, t.Kind) && !taken.Contains(t.Id));
            if (table is null) return v.Message("MatchSession.NoTableLeft");
        }
        if (meeting.Id != 0)
        {
            await db.MeetingBookings.Where(b => b.MeetingId == meeting.Id).ExecuteDeleteAsync(ct);
            // Free the old place first, so the unique slot-and-table index never sees the meeting twice.
            await db.MatchmakingMeetings.Where(m => m.Id == meeting.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SlotId, (int?)null).SetProperty(m => m.TableId, (int?)null), ct);
        }
        meeting.SlotId = slotId;
        meeting.TableId = table.Id;
        if (meeting.Id != 0)
        {
            // The row was emptied above: write both values even when one equals what the tracker remembers.
            var entry = db.Entry(meeting);
            entry.Property(m => m.SlotId).IsModified = true;
            entry.Property(m => m.TableId).IsModified = true;
        }
        await db.SaveChangesAsync(ct);
        foreach (var p in participants) db.MeetingBookings.Add(new MeetingBooking { ParticipantId = p, SlotId = slotId, MeetingId = meeting.Id });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
