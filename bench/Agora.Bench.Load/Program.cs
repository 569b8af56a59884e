using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Agora.Bench.Load;

/// <summary>
/// The load harness of issue 4. For each database and scale: makes sure the generated data exists (runs
/// Agora.Bench.Data when it does not), starts the limit program and Agora on 127.0.0.1, measures Agora's time to
/// first response, warms up, drives every measured request with wrk at fixed connection counts, samples Agora's
/// memory, checks that no vote or idea was lost or duplicated, and writes bench/results/{provider}-{scale}.json and
/// the report (docs/performance.md) from every result present. Run it through bench/run.sh, which builds Release
/// and provides PostgreSQL and wrk.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var o = Options.Parse(args);
        if (o is null) return 2;
        var results = Path.Combine(o.Root, "bench", "results");
        Directory.CreateDirectory(results);
        Directory.CreateDirectory(o.Dir);
        foreach (var provider in o.ReportOnly ? Array.Empty<string>() : o.Providers)
        {
            foreach (var scale in o.Scales)
            {
                var run = await new Run(o, provider, scale).ExecuteAsync();
                await File.WriteAllTextAsync(Path.Combine(results, $"{provider.ToLowerInvariant()}-{scale}.json"),
                    JsonSerializer.Serialize(run, Json.Options));
            }
        }
        var all = Directory.GetFiles(results, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<RunResult>(File.ReadAllText(f), Json.Options)!).ToList();
        await File.WriteAllTextAsync(o.Out, Report.Render(all));
        Console.WriteLine($"Report written to {o.Out} ({all.Count} runs).");
        return 0;
    }
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}

public sealed record Options(string[] Providers, string[] Scales, string Postgres, string Dir, int Duration, int Warmup,
    int[] Connections, string Out, bool Fresh, string Root, string Command, string[] Only, bool ReportOnly)
{
    /// <summary>Whether a request kind is measured in this run (--only: names containing one of the words; the limit always).</summary>
    public bool Measures(string endpoint) =>
        Only.Length == 0 || endpoint == Endpoints.Limit || Only.Any(w => endpoint.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static Options? Parse(string[] args)
    {
        var root = FindRoot();
        var providers = new[] { "Sqlite", "Postgres" };
        var scales = new[] { "10k", "100k", "1m" };
        var postgres = "Host=127.0.0.1;Port=5432;Username=agora;Password=agora";
        var dir = "/var/tmp/agora-bench";
        int duration = 10, warmup = 5;
        var connections = new[] { 8, 32, 64 };
        var output = Path.Combine(root, "docs", "performance.md");
        var fresh = false;
        string[] only = [];
        var reportOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--providers": providers = Next().Split(',').Select(p => p.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite").ToArray(); break;
                case "--scales": scales = Next().ToLowerInvariant().Split(','); break;
                case "--postgres": postgres = Next(); break;
                case "--dir": dir = Next(); break;
                case "--duration": duration = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--connections": connections = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--out": output = Path.GetFullPath(Next()); break;
                case "--fresh": fresh = true; break;
                case "--report-only": reportOnly = true; break;
                case "--only": only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Options: --providers sqlite,postgres --scales 10k,100k,1m " +
                        "--postgres \"Host=...\" --dir /var/tmp/agora-bench --duration 10 --warmup 5 --connections 8,32,64 --out docs/performance.md --fresh --only vote,search --report-only");
                    return null;
            }
        }
        if (scales.Any(s => s is not ("10k" or "100k" or "1m"))) { Console.Error.WriteLine("--scales takes 10k, 100k, 1m"); return null; }
        // bench/run.sh passes the command as typed (it adds --dir and --postgres of its own).
        var command = Environment.GetEnvironmentVariable("AGORA_BENCH_COMMAND") ?? "bench/run.sh" + (args.Length == 0 ? "" : " " + string.Join(' ', args.Select(a => a.Contains(' ') || a.Contains(';') ? $"\"{a}\"" : a)));
        return new Options(providers, scales, postgres, dir, duration, warmup, connections, output, fresh, root, command, only, reportOnly);
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Agora.slnx"))) return d.FullName;
        throw new InvalidOperationException("Run from the repository (Agora.slnx not found above the program).");
    }
}

/// <summary>One request kind measured at one connection count.</summary>
public sealed record Measurement(string Endpoint, int Connections, double Rps, double P50, double P90, double P95, double P99, double Max,
    long Requests, long Errors, long Ok, long Failed, long Sent, bool Wrapped, Dictionary<string, long>? Refused = null)
{
    /// <summary>The errors, with the HTTP statuses of refused writes, e.g. "3 (409: 2, 500: 1)".</summary>
    public string ErrorText => Refused is { Count: > 0 }
        ? $"{Errors} ({string.Join(", ", Refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}"))})"
        : Errors.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes sent that had no answer when wrk stopped: the server may still have done them.</summary>
    public long Unanswered => Math.Max(0, Sent - Ok - Failed);
}

/// <summary>
/// Whether the writes under load kept the data right: every accepted write is a row, no row beyond the writes sent
/// (each vote is a new (person, idea) pair, so a duplicate would be a row too many), and the counters equal the rows.
/// Requests still in flight when wrk stopped (unanswered) may or may not have been done.
/// </summary>
public sealed record WriteCheck(string What, long Accepted, long Unanswered, long RowsAdded, long CounterAdded)
{
    public bool CountersMatch => CounterAdded == RowsAdded;
    public bool Exact => CountersMatch && RowsAdded >= Accepted && RowsAdded <= Accepted + Unanswered;
}

public sealed record RunResult(string Provider, string Scale, DateTimeOffset Date, int Cores, string Cpu, int DurationSeconds,
    double FirstResponseMs, double PeakRssMb, double PeakHwmMb, List<Measurement> Measurements, List<WriteCheck> Checks,
    Dictionary<string, string> Paths, string Command);

/// <summary>What is measured: a name, what wrk sends, and the address.</summary>
public sealed record Endpoint(string Name, string Mode, string Path, bool Limit = false);

public static class Endpoints
{
    public const string HubHome = "Hub home";
    public const string Campaign = "Campaign page";
    public const string IdeaList = "Idea list";
    public const string IdeaListFiltered = "Idea list, filtered and sorted";
    public const string Search = "Search page";
    public const string Similar = "Similar ideas (API)";
    public const string IdeaPage = "Idea page, 2,000+ comments";
    public const string Vote = "Vote (API PUT)";
    public const string Publish = "Publish idea (API POST)";
    public const string Limit = "Limit program";

    public static readonly string[] Reads = [HubHome, Campaign, IdeaList, IdeaListFiltered, Search, Similar, IdeaPage];
    public static readonly string[] Order = [.. Reads, Vote, Publish, Limit];
}

internal static class Processes
{
    public static Process Start(string file, IEnumerable<string> args, string workDir, IDictionary<string, string>? env = null, string? log = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workDir, UseShellExecute = false, RedirectStandardOutput = log is not null, RedirectStandardError = log is not null };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        var p = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        if (log is not null)
        {
            var writer = new StreamWriter(log) { AutoFlush = true };
            p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
        }
        return p;
    }

    public static async Task<string> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} exited with {p.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }

    public static void Stop(Process p)
    {
        if (p.HasExited) return;
        p.Kill(entireProcessTree: true);
        p.WaitForExit(10_000);
    }
}
