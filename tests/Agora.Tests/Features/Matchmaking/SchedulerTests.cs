using Agora.Web.Features.Matchmaking.Scheduling;

namespace Agora.Tests.Features.Matchmaking;

/// <summary>
/// The meeting scheduler (issue 17): every constraint checked on the result by ScheduleChecker, maximal placement
/// proven (against planted schedules and the solver's bound), locks kept, reasons for meetings left out, fewer idle
/// gaps than first-fit, the same schedule for the same input. Plain unit tests: no app, no database.
/// </summary>
public sealed class SchedulerTests
{
    private static readonly ScheduleOptions Options = new() { DeterministicTimeLimit = 3, TimeLimit = TimeSpan.FromSeconds(60) };

    private static ScheduleInput Issue(int seed) =>
        ScheduleGenerator.Generate(participants: 60, meetings: 150, slots: 12, tables: 20, seed, unavailability: 0.25, onlineRooms: 4, onlineShare: 0.1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Schedule_IssueSession_KeepsEveryConstraintAndPlacesAllThatCanBe(int seed)
    {
        var input = Issue(seed);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.NotEqual(SolverStatus.Heuristic, result.Quality.Status);
        Assert.True(result.Quality.PlacementProven, $"placed {result.Quality.Placed}, bound {result.Quality.PlacementBound}");
        Assert.Equal(150, result.Assignments.Count + result.Unplaced.Count);
        // Random unavailability leaves some meetings without a common slot, and some people with more meetings than
        // free slots: each meeting left out says which, truly.
        var busy = result.Assignments
            .SelectMany(a => input.Meetings.Single(m => m.Id == a.MeetingId).ParticipantIds.Select(p => (p, a.Slot)))
            .ToHashSet();
        foreach (var u in result.Unplaced)
        {
            var meeting = input.Meetings.Single(m => m.Id == u.MeetingId);
            var common = Enumerable.Range(0, 12).Where(s => meeting.ParticipantIds.All(p => input.Participants[p - 1].AvailableSlots.Contains(s))).ToList();
            if (u.Reason == UnplacedReason.NoCommonSlot)
                Assert.Empty(common);
            else
            {
                Assert.Equal(UnplacedReason.ParticipantsBooked, u.Reason);
                Assert.All(common, s => Assert.Contains(meeting.ParticipantIds, p => busy.Contains((p, s))));
            }
        }
        var meetingPeople = result.Assignments.SelectMany(a => input.Meetings.Single(m => m.Id == a.MeetingId).ParticipantIds).Distinct().Count();
        Assert.Equal(meetingPeople, result.Quality.IdleGaps.Count);
        Assert.Equal(result.Quality.IdleGaps.Values.Sum(), result.Quality.TotalIdle);
        Assert.Equal(result.Quality.IdleGaps.Values.Max(), result.Quality.MaxIdle);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Schedule_PlantedSchedule_PlacesEveryMeeting(int seed)
    {
        // A schedule is planted first (each meeting in a random slot where its people are free and a table is left),
        // then availability is that schedule plus random extra slots: a full placement exists by construction.
        var random = new Random(seed);
        const int slots = 10, tables = 8, people = 40;
        var busy = new HashSet<(int, int)>();
        var used = new int[slots];
        var available = Enumerable.Range(1, people).ToDictionary(p => p, _ => new HashSet<int>());
        var meetings = new List<ScheduleMeeting>();
        var pairs = new HashSet<(int, int)>();
        for (var tries = 0; meetings.Count < 70 && tries < 10_000; tries++)
        {
            var a = random.Next(1, people + 1);
            var b = random.Next(1, people + 1);
            var s = random.Next(slots);
            if (a >= b || used[s] == tables || busy.Contains((a, s)) || busy.Contains((b, s)) || !pairs.Add((a, b))) continue;
            busy.Add((a, s));
            busy.Add((b, s));
            used[s]++;
            available[a].Add(s);
            available[b].Add(s);
            meetings.Add(new ScheduleMeeting(meetings.Count + 1, [a, b]));
        }
        foreach (var set in available.Values)
            for (var s = 0; s < slots; s++)
                if (random.NextDouble() < 0.3) set.Add(s);
        var input = new ScheduleInput(
            Enumerable.Range(0, slots).Select(_ => new ScheduleSlot()).ToList(),
            Enumerable.Range(1, tables).Select(id => new ScheduleTable(id)).ToList(),
            available.Select(kv => new ScheduleParticipant(kv.Key, kv.Value)).ToList(),
            meetings);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Equal(70, meetings.Count);
        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.Equal(70, result.Quality.Placed);
        Assert.Empty(result.Unplaced);
    }

    [Fact]
    public void Schedule_FirstFitTrap_PlacesBoth()
    {
        // Ana meets Bo (both free in slots 0 and 1) and Cy (free in slot 0 only). First-fit gives slot 0 to Bo and
        // loses Cy; the scheduler puts Bo in slot 1.
        var input = Session(2, 1,
            [P(1, 0, 1), P(2, 0, 1), P(3, 0)],
            [M(1, 1, 2), M(2, 1, 3)]);

        var naive = FirstFitScheduler.Schedule(input);
        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Equal(1, naive.Quality.Placed);
        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.Equal(2, result.Quality.Placed);
        Assert.Equal(SolverStatus.Optimal, result.Quality.Status);
        Assert.Contains(result.Assignments, a => a.MeetingId == 1 && a.Slot == 1);
        Assert.Contains(result.Assignments, a => a.MeetingId == 2 && a.Slot == 0);
    }

    [Fact]
    public void Schedule_MoreMeetingsThanAPersonsSlots_PlacesTheBoundAndSaysWhy()
    {
        // Ana has three meetings but two free slots: two can be placed, the bound says so, the third lost to them.
        var input = Session(3, 5,
            [P(1, 0, 1), P(2, 0, 1, 2), P(3, 0, 1, 2), P(4, 0, 1, 2)],
            [M(1, 1, 2), M(2, 1, 3), M(3, 1, 4)]);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.Equal(2, result.Quality.Placed);
        Assert.Equal(2, result.Quality.PlacementBound);
        Assert.Equal(UnplacedReason.ParticipantsBooked, Assert.Single(result.Unplaced).Reason);
    }

    [Fact]
    public void Schedule_MoreMeetingsThanTables_LeavesOneOutForLackOfTables()
    {
        var input = Session(2, 1,
            [P(1, 0), P(2, 0), P(3, 0), P(4, 0)],
            [M(1, 1, 2), M(2, 3, 4)]);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.Equal(1, result.Quality.Placed);
        Assert.Equal(1, result.Quality.PlacementBound);
        Assert.Equal(UnplacedReason.NoTableLeft, Assert.Single(result.Unplaced).Reason);
    }

    [Fact]
    public void Schedule_NoCommonSlot_ReportsTheMeetingWithItsReason()
    {
        var input = Session(4, 2,
            [P(1, 0, 1), P(2, 2, 3), P(3, 0, 1, 2, 3)],
            [M(1, 1, 2), M(2, 1, 3)]);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, result));
        var unplaced = Assert.Single(result.Unplaced);
        Assert.Equal(1, unplaced.MeetingId);
        Assert.Equal(UnplacedReason.NoCommonSlot, unplaced.Reason);
        Assert.Equal(2, Assert.Single(result.Assignments).MeetingId);
    }

    [Fact]
    public void Schedule_LockedMeetings_KeepTheirSlotAndTable()
    {
        // Ten meetings locked by the organiser, half of them to a table too, none colliding with another lock.
        var input = Issue(5);
        var held = new HashSet<(int Person, int Slot)>();
        var locks = new Dictionary<int, MeetingLock>();
        foreach (var m in input.Meetings.Where(m => m.Mode == MeetingMode.Any))
        {
            var slot = Enumerable.Range(0, 12).Reverse().Cast<int?>().FirstOrDefault(s =>
                m.ParticipantIds.All(p => input.Participants[p - 1].AvailableSlots.Contains(s!.Value) && !held.Contains((p, s.Value))));
            if (slot is null) continue;
            foreach (var p in m.ParticipantIds) held.Add((p, slot.Value));
            locks[m.Id] = new MeetingLock(slot.Value, locks.Count % 2 == 0 ? locks.Count + 1 : null);
            if (locks.Count == 10) break;
        }
        input = input with { Meetings = input.Meetings.Select(m => locks.TryGetValue(m.Id, out var lk) ? m with { Lock = lk } : m).ToList() };
        var locked = input.Meetings.Where(m => m.Lock is not null).ToList();
        Assert.Equal(10, locked.Count);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, result));
        foreach (var m in locked)
        {
            var a = Assert.Single(result.Assignments, a => a.MeetingId == m.Id);
            Assert.Equal(m.Lock!.Slot, a.Slot);
            if (m.Lock.TableId is { } table) Assert.Equal(table, a.TableId);
        }
    }

    [Fact]
    public void Schedule_ConflictingAndUnusableLocks_AreReportedNotMoved()
    {
        // Meeting 2 is locked to the slot where Ana is already locked (meeting 1); meeting 3 to the table meeting 1
        // holds; meeting 4 to a break; meeting 5 to a slot where Eve is away. None is moved elsewhere.
        var input = new ScheduleInput(
            [new(), new(IsBreak: true), new()],
            [new(1), new(2)],
            [P(1, 0, 1, 2), P(2, 0, 1, 2), P(3, 0, 1, 2), P(4, 0, 1, 2), P(5, 0), P(6, 0, 1, 2)],
            [
                M(1, 1, 2) with { Lock = new MeetingLock(0, 1) },
                M(2, 1, 3) with { Lock = new MeetingLock(0) },
                M(3, 4, 6) with { Lock = new MeetingLock(0, 1) },
                M(4, 3, 4) with { Lock = new MeetingLock(1) },
                M(5, 5, 6) with { Lock = new MeetingLock(2) },
                M(6, 3, 6),
            ]);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.Equal(new MeetingAssignment(1, 0, 1), Assert.Single(result.Assignments, a => a.MeetingId == 1));
        Assert.Equal(new UnplacedMeeting(2, UnplacedReason.LockConflict, 1), Assert.Single(result.Unplaced, u => u.MeetingId == 2));
        Assert.Equal(new UnplacedMeeting(3, UnplacedReason.LockConflict, 1), Assert.Single(result.Unplaced, u => u.MeetingId == 3));
        Assert.Equal(UnplacedReason.LockUnusable, Assert.Single(result.Unplaced, u => u.MeetingId == 4).Reason);
        Assert.Equal(UnplacedReason.LockUnusable, Assert.Single(result.Unplaced, u => u.MeetingId == 5).Reason);
        Assert.Contains(result.Assignments, a => a.MeetingId == 6);
        Assert.DoesNotContain(result.Assignments, a => a.Slot == 1);
    }

    [Fact]
    public void Schedule_MeetingsAroundALateArrival_LeaveNoIdleGap()
    {
        // Cy arrives for the last slot only. First-fit puts Ana and Bo first and Ana waits two slots; the scheduler
        // puts them just before, with no gap (and it proves no schedule does better).
        var input = Session(4, 2,
            [P(1, 0, 1, 2, 3), P(2, 0, 1, 2, 3), P(3, 3)],
            [M(1, 1, 2), M(2, 1, 3)]);

        var naive = FirstFitScheduler.Schedule(input);
        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Equal(2, naive.Quality.TotalIdle);
        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.Equal(0, result.Quality.TotalIdle);
        Assert.Equal(SolverStatus.Optimal, result.Quality.Status);
    }

    [Fact]
    public void Schedule_PreferredSlots_AreTakenWhenTheyCostNoGap()
    {
        var input = Session(4, 1,
            [new(1, new HashSet<int> { 0, 1, 2, 3 }, new HashSet<int> { 2 }), P(2, 0, 1, 2, 3)],
            [M(1, 1, 2)]);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Equal(new MeetingAssignment(1, 2, 1), Assert.Single(result.Assignments));
        Assert.Equal(1, result.Quality.PreferredSlotsMet);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Schedule_IssueSession_HasFewerIdleGapsThanFirstFit(int seed)
    {
        var input = Issue(seed);

        var naive = FirstFitScheduler.Schedule(input);
        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, naive));
        Assert.True(result.Quality.Placed >= naive.Quality.Placed);
        Assert.True(result.Quality.TotalIdle < naive.Quality.TotalIdle, $"idle {result.Quality.TotalIdle} vs first-fit {naive.Quality.TotalIdle}");
        Assert.True(result.Quality.MeanIdle < naive.Quality.MeanIdle);
    }

    [Fact]
    public void Schedule_SameInput_SameSchedule()
    {
        var first = MeetingScheduler.Schedule(Issue(4), Options);
        var second = MeetingScheduler.Schedule(Issue(4), Options);

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Unplaced, second.Unplaced);
        Assert.Equal(first.Quality.TotalIdle, second.Quality.TotalIdle);
    }

    [Fact]
    public void Schedule_BreaksAndOnlineRooms_AreRespectedAndBreaksAreNotIdle()
    {
        // Slot 1 is a break; meeting 2 must be online; Ana meets in slots 0 and 2, which is no idle gap.
        var input = new ScheduleInput(
            [new(), new(IsBreak: true), new()],
            [new(1), new(2, RoomKind.Online)],
            [P(1, 0, 1, 2), P(2, 0, 1), P(3, 1, 2), P(4, 0, 1, 2), P(5, 0, 1, 2)],
            [M(1, 1, 2), M(2, 1, 3) with { Mode = MeetingMode.Online }, M(3, 4, 5) with { Mode = MeetingMode.Online }]);

        var result = MeetingScheduler.Schedule(input, Options);

        Assert.Empty(ScheduleChecker.Verify(input, result));
        Assert.Equal(3, result.Quality.Placed);
        Assert.DoesNotContain(result.Assignments, a => a.Slot == 1);
        Assert.Equal(new MeetingAssignment(2, 2, 2), Assert.Single(result.Assignments, a => a.MeetingId == 2));
        Assert.Equal(new MeetingAssignment(3, 0, 2), Assert.Single(result.Assignments, a => a.MeetingId == 3));
        Assert.Equal(0, result.Quality.IdleGaps[1]);
    }

    [Fact]
    public void Verify_BrokenSchedule_NamesEveryViolation()
    {
        var input = new ScheduleInput(
            [new(), new(IsBreak: true), new()],
            [new(1), new(2, RoomKind.Online)],
            [P(1, 0, 2), P(2, 0, 2), P(3, 0)],
            [M(1, 1, 2), M(2, 1, 3), M(3, 2, 3) with { Lock = new MeetingLock(2) }, M(4, 1, 3), M(5, 2, 3) with { Mode = MeetingMode.Online }]);
        var assignments = new List<MeetingAssignment>
        {
            new(1, 0, 1),
            new(2, 0, 1),   // Ana twice in slot 0, table 1 twice
            new(3, 0, 2),   // lock to slot 2 not kept; three meetings in slot 0 with two tables
            new(4, 1, 1),   // a break, and outside availability
            new(5, 2, 1),   // needs an online room
        };
        var broken = new ScheduleResult(assignments, [], ScheduleMeasure.Measure(input, assignments, 5, SolverStatus.Heuristic, TimeSpan.Zero));

        var violations = ScheduleChecker.Verify(input, broken);

        Assert.Contains(violations, v => v.Contains("double-booked") && v.Contains("Participant 1"));
        Assert.Contains(violations, v => v.Contains("Table 1 holds meetings 1 and 2"));
        Assert.Contains(violations, v => v.Contains("only 2 tables"));
        Assert.Contains(violations, v => v.Contains("locked to slot 2"));
        Assert.Contains(violations, v => v.Contains("a break"));
        Assert.Contains(violations, v => v.Contains("outside their availability"));
        Assert.Contains(violations, v => v.Contains("needs Online"));
    }

    private static ScheduleInput Session(int slots, int tables, List<ScheduleParticipant> people, List<ScheduleMeeting> meetings) =>
        new(Enumerable.Range(0, slots).Select(_ => new ScheduleSlot()).ToList(),
            Enumerable.Range(1, tables).Select(id => new ScheduleTable(id)).ToList(),
            people, meetings);

    private static ScheduleParticipant P(int id, params int[] slots) => new(id, slots.ToHashSet());

    private static ScheduleMeeting M(int id, params int[] people) => new(id, people);
}
