using System.Diagnostics;

namespace Agora.Web.Features.Matchmaking.Scheduling;

/// <summary>
/// The naive baseline, and the scheduler's fallback when the solver finds nothing in time: locks first, then each
/// meeting in input order into the earliest slot where its participants are free and a table of its kind is left.
/// It never breaks a constraint but may leave meetings out that a better order would place, and leaves idle gaps.
/// </summary>
public static class FirstFitScheduler
{
    public static ScheduleResult Schedule(ScheduleInput input)
    {
        var watch = Stopwatch.StartNew();
        var problem = new ScheduleProblem(input);
        var slotOf = Place(problem);
        // Its bound is only the trivial one: the meetings that have a possible slot at all.
        var bound = Enumerable.Range(0, slotOf.Length).Count(m => problem.LockedSlot[m] >= 0 || problem.Candidates[m].Length > 0);
        return problem.Build(slotOf, bound, SolverStatus.Heuristic, watch.Elapsed);
    }

    internal static int[] Place(ScheduleProblem problem)
    {
        var count = problem.Input.Meetings.Count;
        var slotOf = (int[])problem.LockedSlot.Clone();
        var busy = new bool[problem.Input.Participants.Count, problem.SlotCount];
        var all = (int[])problem.AllTables.Clone();
        var online = (int[])problem.OnlineTables.Clone();
        var onSite = (int[])problem.OnSiteTables.Clone();
        for (var m = 0; m < count; m++)
        {
            foreach (var s in problem.Candidates[m])
            {
                var need = problem.Needs[m];
                if (all[s] == 0 || (need == MeetingMode.Online && online[s] == 0) || (need == MeetingMode.OnSite && onSite[s] == 0)) continue;
                if (problem.People[m].Any(p => busy[p, s])) continue;
                slotOf[m] = s;
                all[s]--;
                if (need == MeetingMode.Online) online[s]--;
                if (need == MeetingMode.OnSite) onSite[s]--;
                foreach (var p in problem.People[m]) busy[p, s] = true;
                break;
            }
        }
        return slotOf;
    }
}
