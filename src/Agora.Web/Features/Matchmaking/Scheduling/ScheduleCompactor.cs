namespace Agora.Web.Features.Matchmaking.Scheduling;

/// <summary>
/// A local search that closes idle gaps without placing fewer meetings: it moves one meeting at a time to another of
/// its possible slots where all its people are free and a table of its kind is left, whenever that lowers its people's
/// idle slots, until no move helps. Deterministic (meetings and slots in order). The scheduler uses it to give CP-SAT a
/// good complete starting point for the gap objective, so the solver only ever improves on it.
/// </summary>
internal static class ScheduleCompactor
{
    public static int[] Compact(ScheduleProblem problem, int[] slotOf, int maxPasses = 50)
    {
        var result = (int[])slotOf.Clone();
        var input = problem.Input;
        var slots = problem.SlotCount;
        var open = Enumerable.Range(0, slots).Select(s => !input.Slots[s].IsBreak).ToArray();
        var busy = new bool[input.Participants.Count, slots];
        var all = (int[])problem.AllTables.Clone();
        var online = (int[])problem.OnlineTables.Clone();
        var onSite = (int[])problem.OnSiteTables.Clone();
        for (var m = 0; m < result.Length; m++)
        {
            if (result[m] < 0) continue;
            foreach (var p in problem.People[m]) busy[p, result[m]] = true;
            if (problem.LockedSlot[m] >= 0) continue;   // locks were taken off the tables already
            Take(m, result[m], -1);
        }

        for (var pass = 0; pass < maxPasses; pass++)
        {
            var moved = false;
            for (var m = 0; m < result.Length; m++)
            {
                var from = result[m];
                if (from < 0 || problem.LockedSlot[m] >= 0) continue;
                var people = problem.People[m];
                var before = people.Sum(Idle);
                var bestSlot = -1;
                var bestGain = 0;
                foreach (var to in problem.Candidates[m])
                {
                    if (to == from || !HasRoom(m, to) || people.Any(p => busy[p, to])) continue;
                    foreach (var p in people) { busy[p, from] = false; busy[p, to] = true; }
                    var gain = before - people.Sum(Idle);
                    foreach (var p in people) { busy[p, to] = false; busy[p, from] = true; }
                    if (gain > bestGain) (bestGain, bestSlot) = (gain, to);
                }
                if (bestSlot < 0) continue;
                foreach (var p in people) { busy[p, from] = false; busy[p, bestSlot] = true; }
                Take(m, from, +1);
                Take(m, bestSlot, -1);
                result[m] = bestSlot;
                moved = true;
            }
            if (!moved) break;
        }
        return result;

        int Idle(int p)
        {
            int first = -1, last = -1, meetings = 0, openSlots = 0;
            for (var s = 0; s < slots; s++)
            {
                if (!busy[p, s]) continue;
                if (first < 0) first = s;
                last = s;
                meetings++;
            }
            if (first < 0) return 0;
            for (var s = first; s <= last; s++) if (open[s]) openSlots++;
            return openSlots - meetings;
        }

        bool HasRoom(int m, int s) => all[s] > 0
            && (problem.Needs[m] != MeetingMode.Online || online[s] > 0)
            && (problem.Needs[m] != MeetingMode.OnSite || onSite[s] > 0);

        void Take(int m, int s, int delta)
        {
            all[s] += delta;
            if (problem.Needs[m] == MeetingMode.Online) online[s] += delta;
            if (problem.Needs[m] == MeetingMode.OnSite) onSite[s] += delta;
        }
    }
}
