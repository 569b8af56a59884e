namespace Agora.Web.Features.Matchmaking.Scheduling;

/// <summary>
/// Checks a schedule against every hard constraint, independently of how it was made, and says what is wrong in words
/// (for tests, the benchmark and logs; an empty list means the schedule is valid).
/// </summary>
public static class ScheduleChecker
{
    public static IReadOnlyList<string> Verify(ScheduleInput input, ScheduleResult result)
    {
        var violations = new List<string>();
        var meetings = input.Meetings.ToDictionary(m => m.Id);
        var tables = input.Tables.ToDictionary(t => t.Id);
        var participants = input.Participants.ToDictionary(p => p.Id);
        var placed = new Dictionary<int, MeetingAssignment>();
        var personSlot = new Dictionary<(int Person, int Slot), int>();
        var tableSlot = new Dictionary<(int Table, int Slot), int>();
        var perSlot = new Dictionary<int, int>();

        foreach (var a in result.Assignments)
        {
            if (!meetings.TryGetValue(a.MeetingId, out var meeting))
            {
                violations.Add($"Meeting {a.MeetingId} is placed but was not asked for.");
                continue;
            }
            if (!placed.TryAdd(a.MeetingId, a))
            {
                violations.Add($"Meeting {a.MeetingId} is placed twice.");
                continue;
            }
            if (a.Slot < 0 || a.Slot >= input.Slots.Count)
            {
                violations.Add($"Meeting {a.MeetingId} is in slot {a.Slot}, which does not exist.");
                continue;
            }
            if (input.Slots[a.Slot].IsBreak) violations.Add($"Meeting {a.MeetingId} is in slot {a.Slot}, a break.");
            if (!tables.TryGetValue(a.TableId, out var table))
                violations.Add($"Meeting {a.MeetingId} is at table {a.TableId}, which does not exist.");
            else if (!Fits(meeting.Mode, table.Kind))
                violations.Add($"Meeting {a.MeetingId} needs {meeting.Mode} but is at table {a.TableId} ({table.Kind}).");
            if (tableSlot.TryGetValue((a.TableId, a.Slot), out var other))
                violations.Add($"Table {a.TableId} holds meetings {other} and {a.MeetingId} in slot {a.Slot}.");
            else tableSlot[(a.TableId, a.Slot)] = a.MeetingId;
            perSlot[a.Slot] = perSlot.GetValueOrDefault(a.Slot) + 1;
            foreach (var person in meeting.ParticipantIds)
            {
                if (!participants.TryGetValue(person, out var participant))
                    violations.Add($"Meeting {a.MeetingId} has participant {person}, who is not registered.");
                else if (!participant.AvailableSlots.Contains(a.Slot))
                    violations.Add($"Participant {person} meets in slot {a.Slot} (meeting {a.MeetingId}) outside their availability.");
                if (personSlot.TryGetValue((person, a.Slot), out var clash))
                    violations.Add($"Participant {person} is double-booked in slot {a.Slot}: meetings {clash} and {a.MeetingId}.");
                else personSlot[(person, a.Slot)] = a.MeetingId;
            }
        }
        foreach (var (slot, count) in perSlot.Where(kv => kv.Value > input.Tables.Count))
            violations.Add($"Slot {slot} has {count} meetings but only {input.Tables.Count} tables.");

        var unplaced = new HashSet<int>();
        foreach (var u in result.Unplaced)
        {
            if (!meetings.ContainsKey(u.MeetingId)) violations.Add($"Meeting {u.MeetingId} is reported unplaced but was not asked for.");
            else if (placed.ContainsKey(u.MeetingId)) violations.Add($"Meeting {u.MeetingId} is both placed and reported unplaced.");
            else if (!unplaced.Add(u.MeetingId)) violations.Add($"Meeting {u.MeetingId} is reported unplaced twice.");
        }
        foreach (var meeting in input.Meetings)
        {
            if (!placed.ContainsKey(meeting.Id) && !unplaced.Contains(meeting.Id))
                violations.Add($"Meeting {meeting.Id} is neither placed nor reported unplaced.");
            if (meeting.Lock is not { } lk) continue;
            if (placed.TryGetValue(meeting.Id, out var at))
            {
                if (at.Slot != lk.Slot || (lk.TableId is { } table && at.TableId != table))
                    violations.Add($"Meeting {meeting.Id} is locked to slot {lk.Slot}{(lk.TableId is { } t ? $", table {t}" : "")} but placed in slot {at.Slot}, table {at.TableId}.");
            }
            else if (result.Unplaced.FirstOrDefault(u => u.MeetingId == meeting.Id) is { } u
                && u.Reason is not (UnplacedReason.LockConflict or UnplacedReason.LockUnusable))
            {
                violations.Add($"Meeting {meeting.Id} is locked to slot {lk.Slot} but left out ({u.Reason}) without a lock conflict.");
            }
        }
        if (result.Quality.Placed != result.Assignments.Count)
            violations.Add($"The report says {result.Quality.Placed} placed, the schedule has {result.Assignments.Count}.");
        return violations;
    }

    private static bool Fits(MeetingMode need, RoomKind kind) =>
        need == MeetingMode.Any || (need == MeetingMode.Online) == (kind == RoomKind.Online);
}
