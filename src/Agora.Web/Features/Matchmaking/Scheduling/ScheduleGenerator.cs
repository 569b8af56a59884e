namespace Agora.Web.Features.Matchmaking.Scheduling;

/// <summary>
/// A generated matchmaking session for the scheduler's tests and benchmark (and demo data): participants who are each
/// away in some slots at random, distinct pairs meeting (some bringing a colleague), a few meetings online, some people preferring the first half of the day. The same
/// seed gives the same session.
/// </summary>
public static class ScheduleGenerator
{
    public static ScheduleInput Generate(
        int participants, int meetings, int slots, int tables, int seed,
        double unavailability = 0.2, int onlineRooms = 0, double onlineShare = 0, double colleagueShare = 0.1, double preferMornings = 0)
    {
        var random = new Random(seed);
        var slotList = Enumerable.Range(0, slots).Select(_ => new ScheduleSlot()).ToList();
        var tableList = Enumerable.Range(1, tables)
            .Select(id => new ScheduleTable(id, id > tables - onlineRooms ? RoomKind.Online : RoomKind.OnSite)).ToList();
        var people = Enumerable.Range(1, participants)
            .Select(id => new ScheduleParticipant(id, Enumerable.Range(0, slots).Where(_ => random.NextDouble() >= unavailability).ToHashSet()))
            .ToList();
        // Drawn apart, so sessions with and without preferences are otherwise the same.
        var preferring = new Random(seed + 1);
        var morning = Enumerable.Range(0, slots / 2).ToHashSet();
        people = people.Select(p => preferring.NextDouble() < preferMornings ? p with { PreferredSlots = morning } : p).ToList();
        var pairs = new HashSet<(int, int)>();
        var meetingList = new List<ScheduleMeeting>();
        while (meetingList.Count < meetings)
        {
            var a = random.Next(1, participants + 1);
            var b = random.Next(1, participants + 1);
            if (a == b || !pairs.Add((Math.Min(a, b), Math.Max(a, b)))) continue;
            var ids = new List<int> { a, b };
            if (random.NextDouble() < colleagueShare)
            {
                var c = random.Next(1, participants + 1);
                if (!ids.Contains(c)) ids.Add(c);
            }
            var mode = random.NextDouble() < onlineShare ? MeetingMode.Online : MeetingMode.Any;
            meetingList.Add(new ScheduleMeeting(meetingList.Count + 1, ids, mode));
        }
        return new ScheduleInput(slotList, tableList, people, meetingList);
    }
}
