using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Agora.Web.Features.Matchmaking.Scheduling;

/// <summary>
/// Assigns accepted meetings to slots and tables with Google OR-Tools' CP-SAT solver.
/// <para>
/// The model. One boolean x[m,s] per meeting m and slot s it could take (ScheduleProblem.Candidates: not a break, every
/// participant available, nobody held by a lock, a table of its kind left); locked meetings are fixed beforehand.
/// <list type="bullet">
/// <item>each meeting takes at most one slot: Σ_s x[m,s] ≤ 1;</item>
/// <item>nobody is in two meetings at once: for each participant p and slot s, Σ_{m ∋ p} x[m,s] ≤ 1;</item>
/// <item>tables: in each slot, the meetings ≤ the tables left after the locks, those needing an online room ≤ the
///   online rooms left, those needing a table on site ≤ the tables on site left (Hall's condition for these nested
///   needs, so ScheduleProblem.Build can always hand out a table to each);</item>
/// <item>idle gaps: over the non-break slots in order, before[p,i] ≥ before[p,i-1], before[p,i] ≥ busy[p,i],
///   after[p,i] ≥ after[p,i+1], after[p,i] ≥ busy[p,i], idle[p,i] ≥ before[p,i] + after[p,i] − 1 − busy[p,i]; at the
///   optimum before/after are exactly "has a meeting at or before / at or after i", so Σ idle is the idle gaps.</item>
/// </list>
/// Two objectives in order (lexicographic, two solves): first maximise the meetings placed; its proven bound is
/// ScheduleQuality.PlacementBound, so placed == bound proves that every meeting that can be placed is. Then, with the
/// placed count held at that best, minimise the idle gaps, and among equal gaps maximise meetings in preferred slots
/// (weight: one idle slot outweighs every preference). Each solve starts from the previous schedule as a hint (the
/// first from first-fit), runs with interleaved search (deterministic for a given number of threads) and a
/// deterministic time limit, so the same input gives the same schedule.
/// </para>
/// </summary>
public static class MeetingScheduler
{
    public static ScheduleResult Schedule(ScheduleInput input, ScheduleOptions? options = null)
    {
        options ??= new ScheduleOptions();
        var watch = Stopwatch.StartNew();
        var problem = new ScheduleProblem(input);
        var firstFit = FirstFitScheduler.Place(problem);
        var model = new CpModel();
        var count = input.Meetings.Count;
        var x = new Dictionary<(int M, int S), BoolVar>();
        for (var m = 0; m < count; m++)
            foreach (var s in problem.Candidates[m])
                x[(m, s)] = model.NewBoolVar($"x{m}_{s}");

        var fixedCount = problem.LockedSlot.Count(s => s >= 0);
        var free = x.Keys.Select(k => k.M).Distinct().Order().ToArray();
        foreach (var m in free)
            model.AddAtMostOne(problem.Candidates[m].Select(s => (ILiteral)x[(m, s)]));

        var byPersonSlot = new Dictionary<(int P, int S), List<BoolVar>>();
        foreach (var ((m, s), v) in x)
            foreach (var p in problem.People[m])
            {
                if (!byPersonSlot.TryGetValue((p, s), out var list)) byPersonSlot[(p, s)] = list = [];
                list.Add(v);
            }
        foreach (var list in byPersonSlot.Values.Where(l => l.Count > 1))
            model.AddAtMostOne(list.Select(v => (ILiteral)v));

        for (var s = 0; s < problem.SlotCount; s++)
        {
            var here = x.Where(kv => kv.Key.S == s).ToList();
            AddCapacity(model, here.Select(kv => kv.Value), problem.AllTables[s]);
            AddCapacity(model, here.Where(kv => problem.Needs[kv.Key.M] == MeetingMode.Online).Select(kv => kv.Value), problem.OnlineTables[s]);
            AddCapacity(model, here.Where(kv => problem.Needs[kv.Key.M] == MeetingMode.OnSite).Select(kv => kv.Value), problem.OnSiteTables[s]);
        }

        var placed = LinearExpr.Sum(x.Values);
        model.Maximize(placed);
        Hint(model, x, firstFit);
        var (status1, slotOf1, solver1) = Solve(model, x, problem, options, watch, until: 0.4, work: 0.4);
        if (slotOf1 is null)
            return problem.Build(firstFit, firstFitBound(problem), SolverStatus.Heuristic, watch.Elapsed);
        var best = slotOf1.Count(s => s >= 0);
        var bound = Math.Min(fixedCount + (int)Math.Floor(solver1 + 1e-6), fixedCount + free.Length);

        // Second objective: fewest idle slots, then most preferred slots, at the best placement found.
        model.Add(placed >= best - fixedCount);
        var gaps = new List<(int P, BoolVar[] Before, BoolVar[] After, BoolVar[] Gap, int[] Open)>();
        var idle = AddIdleGaps(model, problem, x, gaps);
        var preferred = LinearExpr.NewBuilder();
        var preferenceCount = 0;
        foreach (var ((m, s), v) in x)
            foreach (var p in problem.People[m])
                if (input.Participants[p].PreferredSlots?.Contains(s) == true)
                {
                    preferred.Add(v);
                    preferenceCount++;
                }
        model.Minimize(LinearExpr.NewBuilder().AddTerm(idle, preferenceCount + 1).AddTerm(preferred, -1));
        model.ClearHints();
        // CP-SAT's first schedule is scattered; closing its gaps by local search first gives the solver a complete,
        // good starting point (it never returns worse than a feasible complete hint).
        var compact = ScheduleCompactor.Compact(problem, slotOf1);
        Hint(model, x, compact);
        HintGaps(model, gaps, compact, problem);
        var (status2, slotOf2, _) = Solve(model, x, problem, options, watch, until: 1.0, work: 0.6);
        var slotOf = slotOf2 ?? compact;
        var status = status1 == CpSolverStatus.Optimal && status2 == CpSolverStatus.Optimal ? SolverStatus.Optimal : SolverStatus.Feasible;
        return problem.Build(slotOf, bound, status, watch.Elapsed);

        static int firstFitBound(ScheduleProblem p) =>
            Enumerable.Range(0, p.Input.Meetings.Count).Count(m => p.LockedSlot[m] >= 0 || p.Candidates[m].Length > 0);
    }

    private static void AddCapacity(CpModel model, IEnumerable<BoolVar> vars, int tables)
    {
        var list = vars.ToList();
        if (list.Count > tables) model.Add(LinearExpr.Sum(list) <= tables);
    }

    private static LinearExpr AddIdleGaps(
        CpModel model, ScheduleProblem problem, Dictionary<(int M, int S), BoolVar> x,
        List<(int P, BoolVar[] Before, BoolVar[] After, BoolVar[] Gap, int[] Open)> gaps)
    {
        var input = problem.Input;
        var open = Enumerable.Range(0, problem.SlotCount).Where(s => !input.Slots[s].IsBreak).ToArray();
        var busy = new LinearExprBuilder[input.Participants.Count, open.Length];
        var active = new bool[input.Participants.Count];
        for (var p = 0; p < input.Participants.Count; p++)
            for (var i = 0; i < open.Length; i++)
            {
                busy[p, i] = LinearExpr.NewBuilder();
                if (problem.LockedBusy[p, open[i]] >= 0)
                {
                    busy[p, i].Add(1);
                    active[p] = true;
                }
            }
        var position = open.Select((s, i) => (s, i)).ToDictionary(t => t.s, t => t.i);
        foreach (var ((m, s), v) in x)
            foreach (var p in problem.People[m])
            {
                busy[p, position[s]].Add(v);
                active[p] = true;
            }

        var idle = LinearExpr.NewBuilder();
        for (var p = 0; p < input.Participants.Count; p++)
        {
            if (!active[p] || open.Length < 3) continue;
            var before = new BoolVar[open.Length];
            var after = new BoolVar[open.Length];
            for (var i = 0; i < open.Length; i++)
            {
                before[i] = model.NewBoolVar($"b{p}_{i}");
                after[i] = model.NewBoolVar($"a{p}_{i}");
                model.Add(before[i] >= busy[p, i]);
                model.Add(after[i] >= busy[p, i]);
                if (i > 0) model.Add(before[i] >= before[i - 1]);
            }
            for (var i = open.Length - 2; i >= 0; i--) model.Add(after[i] >= after[i + 1]);
            // The first and last open slots can never be between two meetings.
            var gap = new BoolVar[open.Length];
            for (var i = 1; i < open.Length - 1; i++)
            {
                gap[i] = model.NewBoolVar($"g{p}_{i}");
                model.Add(gap[i] >= before[i - 1] + after[i + 1] - 1 - busy[p, i]);
                idle.Add(gap[i]);
            }
            gaps.Add((p, before, after, gap, open));
        }
        return idle;
    }

    private static void HintGaps(
        CpModel model, List<(int P, BoolVar[] Before, BoolVar[] After, BoolVar[] Gap, int[] Open)> gaps, int[] slotOf, ScheduleProblem problem)
    {
        var busy = new bool[problem.Input.Participants.Count, problem.SlotCount];
        for (var m = 0; m < slotOf.Length; m++)
            if (slotOf[m] >= 0)
                foreach (var p in problem.People[m]) busy[p, slotOf[m]] = true;
        foreach (var (p, before, after, gap, open) in gaps)
        {
            var n = open.Length;
            var seen = false;
            for (var i = 0; i < n; i++) model.AddHint(before[i], seen |= busy[p, open[i]]);
            seen = false;
            for (var i = n - 1; i >= 0; i--) model.AddHint(after[i], seen |= busy[p, open[i]]);
            var first = Array.FindIndex(open, s => busy[p, s]);
            var last = Array.FindLastIndex(open, s => busy[p, s]);
            for (var i = 1; i < n - 1; i++)
                model.AddHint(gap[i], first >= 0 && i > first && i < last && !busy[p, open[i]]);
        }
    }

    private static void Hint(CpModel model, Dictionary<(int M, int S), BoolVar> x, int[] slotOf)
    {
        foreach (var ((m, s), v) in x) model.AddHint(v, slotOf[m] == s);
    }

    private static (CpSolverStatus Status, int[]? SlotOf, double Bound) Solve(
        CpModel model, Dictionary<(int M, int S), BoolVar> x, ScheduleProblem problem, ScheduleOptions options, Stopwatch watch, double until, double work)
    {
        // A phase may use the wall clock up to `until` of the limit and `work` of the deterministic limit.
        var wallLeft = Math.Max(0.5, options.TimeLimit.TotalSeconds * until - watch.Elapsed.TotalSeconds);
        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:{Math.Max(1, options.Workers)} interleave_search:true random_seed:17 " +
                $"max_deterministic_time:{options.DeterministicTimeLimit * work:0.###} max_time_in_seconds:{wallLeft:0.###}"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return (status, null, 0);
        var slotOf = (int[])problem.LockedSlot.Clone();
        foreach (var ((m, s), v) in x)
            if (solver.BooleanValue(v)) slotOf[m] = s;
        return (status, slotOf, solver.BestObjectiveBound);
    }
}
