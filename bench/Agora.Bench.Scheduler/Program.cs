using System.Diagnostics;
using System.Globalization;
using Agora.Web.Features.Matchmaking.Scheduling;

namespace Agora.Bench.Scheduler;

/// <summary>
/// Generates matchmaking sessions of growing size, schedules each with the naive first-fit and with the CP-SAT
/// scheduler in the same run, checks both with ScheduleChecker and prints a Markdown table with ratios to first-fit.
/// dotnet run -c Release --project bench/Agora.Bench.Scheduler -- [--seed 1] [--limit 5] [--workers 2]
/// </summary>
public static class BenchSchedulerProgram
{
    private static readonly (int Participants, int Meetings, int Slots, int Tables)[] Sizes =
    [
        (60, 150, 12, 20),    // the session
        (120, 320, 14, 30),
        (200, 600, 16, 40),
    ];

    public static int Main(string[] args)
    {
        var seed = 1;
        var limit = 5.0;
        var workers = 2;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--limit": limit = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        var options = new ScheduleOptions { DeterministicTimeLimit = limit, Workers = workers, TimeLimit = TimeSpan.FromSeconds(limit * 4) };

        // Warm up the native solver once, so the first size does not pay for loading it.
        MeetingScheduler.Schedule(ScheduleGenerator.Generate(10, 10, 4, 4, seed), options with { DeterministicTimeLimit = 0.1 });

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"Seed {seed}, deterministic limit {limit.ToString(c)}, {workers} worker(s), 25% random unavailability, 4 online rooms, 10% online meetings, 30% of people preferring mornings.");
        Console.WriteLine();
        Console.WriteLine("| participants / meetings / slots / tables | scheduler | time (ms) | placed | bound | idle total | idle mean | idle max | preferred | violations | time ×ff | placed ×ff | idle ×ff |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var failures = 0;
        foreach (var (participants, meetings, slots, tables) in Sizes)
        {
            var input = ScheduleGenerator.Generate(participants, meetings, slots, tables, seed, unavailability: 0.25, onlineRooms: 4, onlineShare: 0.1, preferMornings: 0.3);
            var name = $"{participants} / {meetings} / {slots} / {tables}";
            var watch = Stopwatch.StartNew();
            var naive = FirstFitScheduler.Schedule(input);
            var naiveMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var solved = MeetingScheduler.Schedule(input, options);
            var solvedMs = watch.Elapsed.TotalMilliseconds;
            failures += Row(name, "first-fit", naive, naiveMs, naive, naiveMs, input);
            failures += Row(name, $"CP-SAT ({solved.Quality.Status})", solved, solvedMs, naive, naiveMs, input);
        }
        Console.WriteLine();
        Console.WriteLine("bound: the most meetings any schedule can place (CP-SAT's proven bound; for first-fit only the meetings with a possible slot).");
        Console.WriteLine("idle: slots without a meeting between a person's first and last meeting (breaks excluded), over the people with a meeting.");
        return failures == 0 ? 0 : 1;
    }

    private static int Row(string name, string scheduler, ScheduleResult r, double ms, ScheduleResult baseline, double baselineMs, ScheduleInput input)
    {
        var violations = ScheduleChecker.Verify(input, r);
        var q = r.Quality;
        var b = baseline.Quality;
        var c = CultureInfo.InvariantCulture;
        string Ratio(double value, double reference) => reference == 0 ? "–" : (value / reference).ToString("0.00", c);
        Console.WriteLine(string.Create(c,
            $"| {name} | {scheduler} | {ms:0.0} | {q.Placed} | {q.PlacementBound} | {q.TotalIdle} | {q.MeanIdle:0.00} | {q.MaxIdle} | {q.PreferredSlotsMet} | {violations.Count} | {Ratio(ms, baselineMs)} | {Ratio(q.Placed, b.Placed)} | {Ratio(q.TotalIdle, b.TotalIdle)} |"));
        foreach (var v in violations.Take(5)) Console.Error.WriteLine($"{scheduler}: {v}");
        return violations.Count;
    }
}
