using System.Globalization;
using System.Text;

namespace Agora.Bench.Load;

/// <summary>Renders docs/performance.md from the results of the runs: targets first, then every figure.</summary>
public static class Report
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] ScaleOrder = ["10k", "100k", "1m"];
    private const int TargetConnections = 32;

    private static string Db(string provider) => provider == "Postgres" ? "PostgreSQL" : "SQLite";
    private static string N(double v, int decimals = 0) => v.ToString(decimals == 0 ? "N0" : $"N{decimals}", C);

    public static string Render(List<RunResult> runs)
    {
        runs = runs.OrderBy(r => r.Provider == "Postgres").ThenBy(r => Array.IndexOf(ScaleOrder, r.Scale)).ToList();
        var s = new StringBuilder();
        var first = runs.FirstOrDefault();
        s.AppendLine("# Performance");
        s.AppendLine();
        s.AppendLine("Written by the load harness (`bench/Agora.Bench.Load`, see `bench/README.md`); do not edit by hand. To reproduce:");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine("bench/run.sh                                  # SQLite and PostgreSQL, 10k, 100k and 1m ideas");
        s.AppendLine("bench/run.sh --providers sqlite --scales 10k  # one database, one scale");
        s.AppendLine("```");
        s.AppendLine();
        if (first is null) return s.AppendLine("No runs yet.").ToString();
        s.AppendLine(string.Create(C, $"Measured {string.Join(", ", runs.Select(r => r.Date.ToString("yyyy-MM-dd", C)).Distinct())} on **{first.Cores} cores** ({first.Cpu}); ") +
            $"Agora, the limit program, the database and wrk share the machine. wrk runs 2 threads for {first.DurationSeconds} s per figure, after a warm-up at 32 connections. " +
            "Latencies in milliseconds. \"× limit\" is the throughput divided by the limit program's at the same connection count in the same run. " +
            "Runs in this file:");
        s.AppendLine();
        foreach (var r in runs) s.AppendLine(CultureInfo.InvariantCulture, $"- {Db(r.Provider)} {r.Scale}: {r.Date:yyyy-MM-dd HH:mm}, `{r.Command}`");
        s.AppendLine();

        Targets(s, runs);
        Growth(s, runs);
        foreach (var r in runs) Detail(s, r);
        return s.ToString();
    }

    private static Measurement? At(RunResult r, string endpoint, int c = TargetConnections) =>
        r.Measurements.FirstOrDefault(m => m.Endpoint == endpoint && m.Connections == c);

    private static string Mark(bool ok) => ok ? "met" : "**not met**";

    private static void Targets(StringBuilder s, List<RunResult> runs)
    {
        var top = runs.GroupBy(r => r.Provider).Select(g => g.OrderBy(r => Array.IndexOf(ScaleOrder, r.Scale)).Last()).ToList();
        s.AppendLine("## Targets");
        s.AppendLine();
        s.AppendLine("At the largest scale measured for each database, 32 connections unless the target says otherwise.");
        s.AppendLine();
        s.Append("| target |");
        foreach (var r in top) s.Append(CultureInfo.InvariantCulture, $" {Db(r.Provider)} {r.Scale} |");
        s.AppendLine();
        s.Append("| --- |");
        foreach (var _ in top) s.Append(" --- |");
        s.AppendLine();

        void Row(string target, Func<RunResult, string> cell)
        {
            s.Append(CultureInfo.InvariantCulture, $"| {target} |");
            foreach (var r in top) s.Append(CultureInfo.InvariantCulture, $" {cell(r)} |");
            s.AppendLine();
        }

        Row("Idea list ≥ 40% of the limit's throughput", r =>
        {
            var list = At(r, Endpoints.IdeaList);
            var limit = At(r, Endpoints.Limit);
            if (list is null || limit is null) return "not measured";
            var ratio = list.Rps / limit.Rps;
            return $"{ratio:P0} ({N(list.Rps)} vs {N(limit.Rps)}/s): {Mark(ratio >= 0.4)}";
        });
        foreach (var name in Endpoints.Reads)
        {
            Row($"{name}: p99 < 100 ms", r => At(r, name) is { } m ? $"{m.P99:F1} ms: {Mark(m.P99 < 100 && m.Errors == 0)}" : "not measured");
        }
        Row("Search page: p95 < 50 ms", r => At(r, Endpoints.Search) is { } m ? $"{m.P95:F1} ms: {Mark(m.P95 < 50)}" : "not measured");
        Row("Similar ideas: p95 < 30 ms", r => At(r, Endpoints.Similar) is { } m ? $"{m.P95:F1} ms: {Mark(m.P95 < 30)}" : "not measured");
        Row("Vote: p99 < 50 ms", r => At(r, Endpoints.Vote) is { } m ? $"{m.P99:F1} ms: {Mark(m.P99 < 50 && m.Errors == 0)}" : "not measured");
        Row("No vote lost or duplicated", r => r.Checks.FirstOrDefault(c => c.What == "votes") is { } c
            ? $"{N(c.Accepted)} accepted (+{N(c.Unanswered)} in flight at the end), {N(c.RowsAdded)} rows added, counters {(c.CountersMatch ? "match" : "differ")}: {Mark(c.Exact)}" : "not measured");
        Row("No published idea lost or duplicated", r => r.Checks.FirstOrDefault(c => c.What == "published ideas") is { } c
            ? $"{N(c.Accepted)} accepted (+{N(c.Unanswered)} in flight at the end), {N(c.RowsAdded)} rows added, counter {(c.CountersMatch ? "matches" : "differs")}: {Mark(c.Exact)}" : "not measured");
        Row("Latency (p50) at 1m within 1.5× of 10k, every page", r =>
        {
            var small = runs.FirstOrDefault(x => x.Provider == r.Provider && x.Scale == "10k");
            if (small is null || r.Scale == "10k") return "needs 10k and 1m";
            var ratios = Endpoints.Order.Where(e => e != Endpoints.Limit)
                .Select(e => (e, a: At(small, e), b: At(r, e))).Where(x => x.a is not null && x.b is not null)
                .Select(x => (x.e, ratio: x.b!.P50 / x.a!.P50)).ToList();
            var worst = ratios.MaxBy(x => x.ratio);
            return $"worst {worst.ratio:F2}× ({worst.e}): {Mark(ratios.All(x => x.ratio <= 1.5))}";
        });
        Row("Memory under load < 400 MB", r => $"{N(r.PeakRssMb)} MB peak RSS: {Mark(r.PeakRssMb < 400)}");
        Row("First response < 3 s after start", r => $"{N(r.FirstResponseMs)} ms: {Mark(r.FirstResponseMs < 3000)}");
        s.AppendLine();
    }

    private static void Growth(StringBuilder s, List<RunResult> runs)
    {
        s.AppendLine("## Latency as the data grows");
        s.AppendLine();
        s.AppendLine("p50 and p99 at 32 connections; the ratio is the largest scale's p50 over 10k's.");
        s.AppendLine();
        foreach (var g in runs.GroupBy(r => r.Provider))
        {
            var scales = g.OrderBy(r => Array.IndexOf(ScaleOrder, r.Scale)).ToList();
            s.Append(CultureInfo.InvariantCulture, $"| {Db(g.Key)} |");
            foreach (var r in scales) s.Append(CultureInfo.InvariantCulture, $" {r.Scale} p50 / p99 |");
            s.AppendLine(" ratio |");
            s.Append("| --- |");
            foreach (var _ in scales) s.Append(" ---: |");
            s.AppendLine(" ---: |");
            foreach (var e in Endpoints.Order)
            {
                s.Append(CultureInfo.InvariantCulture, $"| {e} |");
                foreach (var r in scales) s.Append(At(r, e) is { } m ? $" {m.P50:F1} / {m.P99:F1} |" : " |");
                var a = At(scales[0], e);
                var b = At(scales[^1], e);
                s.AppendLine(a is not null && b is not null && scales.Count > 1 ? $" {b.P50 / a.P50:F2}× |" : " |");
            }
            s.AppendLine();
        }
    }

    private static void Detail(StringBuilder s, RunResult r)
    {
        s.AppendLine(CultureInfo.InvariantCulture, $"## {Db(r.Provider)}, {r.Scale} ideas");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"First response {N(r.FirstResponseMs)} ms after start; Agora's memory: {N(r.PeakRssMb)} MB peak resident under load (high-water mark {N(r.PeakHwmMb)} MB).");
        foreach (var c in r.Checks)
            s.AppendLine(CultureInfo.InvariantCulture, $"Writes ({c.What}): {N(c.Accepted)} accepted, {N(c.Unanswered)} unanswered when wrk stopped, {N(c.RowsAdded)} rows added, counters {(c.CountersMatch ? "match the rows" : "DO NOT match the rows")}: {(c.Exact ? "exact" : "NOT EXACT")}.");
        s.AppendLine();
        s.AppendLine("| request | connections | requests/s | × limit | p50 | p90 | p95 | p99 | max | errors |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var e in Endpoints.Order)
        {
            foreach (var m in r.Measurements.Where(m => m.Endpoint == e).OrderBy(m => m.Connections))
            {
                var limit = At(r, Endpoints.Limit, m.Connections);
                var ratio = limit is null ? "" : (m.Rps / limit.Rps).ToString("P0", C);
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {e} | {m.Connections} | {N(m.Rps)} | {ratio} | {m.P50:F1} | {m.P90:F1} | {m.P95:F1} | {m.P99:F1} | {m.Max:F1} | {m.ErrorText}{(m.Wrapped ? " (items reused)" : "")} |");
            }
        }
        s.AppendLine();
        s.AppendLine("Addresses: " + string.Join("; ", r.Paths.Select(p => $"{p.Key}: `{p.Value}`")) + ".");
        s.AppendLine();
    }
}
