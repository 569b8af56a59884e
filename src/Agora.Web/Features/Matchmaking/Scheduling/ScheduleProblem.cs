namespace Agora.Web.Features.Matchmaking.Scheduling;

/// <summary>
/// The input checked and indexed once for both schedulers (CP-SAT and first-fit): the organiser's locks resolved in
/// input order, and for every other meeting the slots it could take at all (not a break, every participant available,
/// none of them held by a lock, a table of the needed kind left after the locks).
/// </summary>
internal sealed class ScheduleProblem
{
    public ScheduleInput Input { get; }
    public int SlotCount { get; }
    public int[] OnlineTables { get; }   // per slot: online rooms not taken by locks
    public int[] OnSiteTables { get; }
    public int[] AllTables { get; }
    /// <summary>Participant indexes of each meeting (same order as Input.Meetings).</summary>
    public int[][] People { get; }
    /// <summary>The effective need of each meeting: its mode, or the kind of its locked table.</summary>
    public MeetingMode[] Needs { get; }
    /// <summary>The locked slot of each meeting whose lock holds, else -1.</summary>
    public int[] LockedSlot { get; }
    /// <summary>The meetings to be scheduled (index into Input.Meetings) and their possible slots, ascending.</summary>
    public int[][] Candidates { get; }
    public Dictionary<int, UnplacedMeeting> Rejected { get; } = [];
    /// <summary>Per participant and slot: the meeting a lock put there, or -1.</summary>
    public int[,] LockedBusy { get; }

    public ScheduleProblem(ScheduleInput input)
    {
        Input = input;
        SlotCount = input.Slots.Count;
        var participantIndex = new Dictionary<int, int>();
        for (var i = 0; i < input.Participants.Count; i++)
        {
            if (!participantIndex.TryAdd(input.Participants[i].Id, i))
                throw new ArgumentException($"Participant {input.Participants[i].Id} is listed twice.", nameof(input));
        }
        var tables = new Dictionary<int, ScheduleTable>();
        foreach (var table in input.Tables)
        {
            if (!tables.TryAdd(table.Id, table))
                throw new ArgumentException($"Table {table.Id} is listed twice.", nameof(input));
        }
        var meetingIds = new HashSet<int>();
        var count = input.Meetings.Count;
        People = new int[count][];
        Needs = new MeetingMode[count];
        for (var m = 0; m < count; m++)
        {
            var meeting = input.Meetings[m];
            if (!meetingIds.Add(meeting.Id))
                throw new ArgumentException($"Meeting {meeting.Id} is listed twice.", nameof(input));
            if (meeting.ParticipantIds.Count < 2 || meeting.ParticipantIds.Distinct().Count() != meeting.ParticipantIds.Count)
                throw new ArgumentException($"Meeting {meeting.Id} needs two or more different participants.", nameof(input));
            People[m] = meeting.ParticipantIds.Select(id => participantIndex.TryGetValue(id, out var p)
                ? p : throw new ArgumentException($"Meeting {meeting.Id} names unknown participant {id}.", nameof(input))).ToArray();
            Needs[m] = meeting.Mode;
        }

        var online = input.Tables.Count(t => t.Kind == RoomKind.Online);
        OnlineTables = Enumerable.Repeat(online, SlotCount).ToArray();
        OnSiteTables = Enumerable.Repeat(input.Tables.Count - online, SlotCount).ToArray();
        AllTables = Enumerable.Repeat(input.Tables.Count, SlotCount).ToArray();
        LockedSlot = Enumerable.Repeat(-1, count).ToArray();
        LockedBusy = new int[input.Participants.Count, SlotCount];
        for (var p = 0; p < input.Participants.Count; p++)
            for (var s = 0; s < SlotCount; s++) LockedBusy[p, s] = -1;

        ResolveLocks(tables);

        Candidates = new int[count][];
        for (var m = 0; m < count; m++)
        {
            if (LockedSlot[m] >= 0 || Rejected.ContainsKey(m))
            {
                Candidates[m] = [];
                continue;
            }
            var common = Enumerable.Range(0, SlotCount).Where(s => IsCommonSlot(m, s)).ToList();
            Candidates[m] = common.Where(s => People[m].All(p => LockedBusy[p, s] < 0) && Room(Needs[m], s) > 0).ToArray();
            if (Candidates[m].Length == 0)
            {
                var reason = common.Count == 0 ? UnplacedReason.NoCommonSlot
                    : common.Any(s => People[m].All(p => LockedBusy[p, s] < 0)) ? UnplacedReason.NoTableLeft
                    : UnplacedReason.ParticipantsBooked;
                Rejected[m] = new UnplacedMeeting(input.Meetings[m].Id, reason);
            }
        }
    }

    public bool IsCommonSlot(int m, int s) =>
        !Input.Slots[s].IsBreak && People[m].All(p => Input.Participants[p].AvailableSlots.Contains(s));

    /// <summary>Tables left in slot s for a meeting of the given need (before any free meeting is placed).</summary>
    public int Room(MeetingMode need, int s) => need switch
    {
        MeetingMode.Online => Math.Min(OnlineTables[s], AllTables[s]),
        MeetingMode.OnSite => Math.Min(OnSiteTables[s], AllTables[s]),
        _ => AllTables[s],
    };

    // Locks are kept in input order: a lock that cannot hold alone is unusable, one that collides with an earlier kept
    // lock conflicts. A meeting whose lock fails is not scheduled elsewhere: the organiser said where it goes.
    private void ResolveLocks(Dictionary<int, ScheduleTable> tables)
    {
        var tableTaken = new Dictionary<(int Slot, int Table), int>();
        for (var m = 0; m < Input.Meetings.Count; m++)
        {
            var meeting = Input.Meetings[m];
            if (meeting.Lock is not { } lk) continue;
            var need = meeting.Mode;
            ScheduleTable? table = null;
            if (lk.Slot < 0 || lk.Slot >= SlotCount || !IsCommonSlot(m, lk.Slot)
                || (lk.TableId is { } tid && (!tables.TryGetValue(tid, out table) || !Fits(need, table.Kind))))
            {
                Rejected[m] = new UnplacedMeeting(meeting.Id, UnplacedReason.LockUnusable);
                continue;
            }
            var s = lk.Slot;
            if (table is not null) need = table.Kind == RoomKind.Online ? MeetingMode.Online : MeetingMode.OnSite;
            var personClash = People[m].Select(p => LockedBusy[p, s]).FirstOrDefault(x => x >= 0, -1);
            if (personClash >= 0)
            {
                Rejected[m] = new UnplacedMeeting(meeting.Id, UnplacedReason.LockConflict, Input.Meetings[personClash].Id);
                continue;
            }
            if (table is not null && tableTaken.TryGetValue((s, table.Id), out var tableClash))
            {
                Rejected[m] = new UnplacedMeeting(meeting.Id, UnplacedReason.LockConflict, Input.Meetings[tableClash].Id);
                continue;
            }
            // Hall's condition for three nested kinds of need: enough online rooms for the online meetings, enough
            // tables on site for those on site, enough tables for all; then a table for each can always be found.
            var fits = AllTables[s] >= 1
                && (need != MeetingMode.Online || OnlineTables[s] >= 1)
                && (need != MeetingMode.OnSite || OnSiteTables[s] >= 1);
            if (!fits)
            {
                Rejected[m] = new UnplacedMeeting(meeting.Id, UnplacedReason.LockConflict);
                continue;
            }
            AllTables[s]--;
            if (need == MeetingMode.Online) OnlineTables[s]--;
            if (need == MeetingMode.OnSite) OnSiteTables[s]--;
            if (table is not null) tableTaken[(s, table.Id)] = m;
            foreach (var p in People[m]) LockedBusy[p, s] = m;
            LockedSlot[m] = s;
            Needs[m] = need;
        }
    }

    public static bool Fits(MeetingMode need, RoomKind kind) =>
        need == MeetingMode.Any || (need == MeetingMode.Online) == (kind == RoomKind.Online);

    /// <summary>
    /// The result from a choice of slot per meeting (-1: not placed). Tables are given slot by slot: locked tables,
    /// then online rooms to the meetings that need one, tables on site to those that need one, the rest to the others
    /// (on site first); the capacity constraints (Hall's condition above) guarantee that this never runs out.
    /// </summary>
    public ScheduleResult Build(int[] slotOf, int placementBound, SolverStatus status, TimeSpan elapsed)
    {
        var assignments = new List<MeetingAssignment>();
        for (var s = 0; s < SlotCount; s++)
        {
            var here = Enumerable.Range(0, slotOf.Length).Where(m => slotOf[m] == s).ToList();
            bool TableLocked(int m) => LockedSlot[m] == s && Input.Meetings[m].Lock?.TableId is not null;
            var used = new HashSet<int>();
            foreach (var m in here.Where(TableLocked))
            {
                used.Add(Input.Meetings[m].Lock!.TableId!.Value);
                assignments.Add(new MeetingAssignment(Input.Meetings[m].Id, s, Input.Meetings[m].Lock!.TableId!.Value));
            }
            var rest = here.Where(m => !TableLocked(m)).OrderBy(m => Needs[m] == MeetingMode.Any ? 1 : 0).ThenBy(m => m);
            foreach (var m in rest)
            {
                var table = Input.Tables
                    .Where(t => !used.Contains(t.Id) && Fits(Needs[m], t.Kind))
                    .OrderBy(t => t.Kind == RoomKind.OnSite ? 0 : 1)
                    .FirstOrDefault()
                    ?? throw new InvalidOperationException($"No table left for meeting {Input.Meetings[m].Id} in slot {s}.");
                used.Add(table.Id);
                assignments.Add(new MeetingAssignment(Input.Meetings[m].Id, s, table.Id));
            }
        }
        assignments = assignments.OrderBy(a => a.Slot).ThenBy(a => a.TableId).ToList();

        var unplaced = new List<UnplacedMeeting>();
        var busy = new bool[Input.Participants.Count, SlotCount];
        var inSlot = new int[SlotCount];
        for (var m = 0; m < slotOf.Length; m++)
        {
            if (slotOf[m] < 0) continue;
            inSlot[slotOf[m]]++;
            foreach (var p in People[m]) busy[p, slotOf[m]] = true;
        }
        for (var m = 0; m < slotOf.Length; m++)
        {
            if (slotOf[m] >= 0) continue;
            if (Rejected.TryGetValue(m, out var rejected))
            {
                unplaced.Add(rejected);
                continue;
            }
            var allFree = Candidates[m].Any(s => People[m].All(p => !busy[p, s]));
            unplaced.Add(new UnplacedMeeting(Input.Meetings[m].Id, allFree ? UnplacedReason.NoTableLeft : UnplacedReason.ParticipantsBooked));
        }
        var quality = ScheduleMeasure.Measure(Input, assignments, placementBound, status, elapsed);
        return new ScheduleResult(assignments, unplaced, quality);
    }
}
