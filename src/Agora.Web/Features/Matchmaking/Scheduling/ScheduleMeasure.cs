namespace Agora.Web.Features.Matchmaking.Scheduling;

/// <summary>Measures a schedule's quality the same way for every scheduler (and for the checker's tests).</summary>
public static class ScheduleMeasure
{
    public static ScheduleQuality Measure(
        ScheduleInput input, IReadOnlyList<MeetingAssignment> assignments, int placementBound, SolverStatus status, TimeSpan elapsed)
    {
        var meetings = input.Meetings.ToDictionary(m => m.Id);
        var slotsOf = input.Participants.ToDictionary(p => p.Id, _ => new List<int>());
        var preferred = 0;
        foreach (var a in assignments)
        {
            if (!meetings.TryGetValue(a.MeetingId, out var meeting)) continue;
            foreach (var id in meeting.ParticipantIds)
            {
                if (!slotsOf.TryGetValue(id, out var slots)) continue;
                slots.Add(a.Slot);
            }
        }
        foreach (var participant in input.Participants)
            if (participant.PreferredSlots is { } wanted) preferred += slotsOf[participant.Id].Count(wanted.Contains);

        var idle = new Dictionary<int, int>();
        foreach (var (id, slots) in slotsOf)
        {
            if (slots.Count == 0) continue;
            var first = slots.Min();
            var last = slots.Max();
            var taken = slots.ToHashSet();
            idle[id] = Enumerable.Range(first, last - first + 1)
                .Count(s => s >= 0 && s < input.Slots.Count && !input.Slots[s].IsBreak && !taken.Contains(s));
        }
        var total = idle.Values.Sum();
        return new ScheduleQuality(
            Placed: assignments.Count,
            Total: input.Meetings.Count,
            PlacementBound: placementBound,
            IdleGaps: idle,
            TotalIdle: total,
            MaxIdle: idle.Count == 0 ? 0 : idle.Values.Max(),
            MeanIdle: idle.Count == 0 ? 0 : (double)total / idle.Count,
            PreferredSlotsMet: preferred,
            Status: status,
            Elapsed: elapsed);
    }
}
