using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Agora.Bench.Load;

/// <summary>One database at one scale: data, processes, measurements, checks.</summary>
public sealed class Run(Options o, string provider, string scale)
{
    private const int LimitPort = 5190;
    private const int AgoraPort = 5191;
    private const string Hub = "hub-001";
    private const string CampaignSlug = "campaign-1";
    /// <summary>Where new ideas are published: the second hub's first campaign, so the lists measured do not grow run after run.</summary>
    private const string PublishHub = "hub-002";
    private const string PublishCampaign = "campaign-2";

    /// <summary>A campaign's id; the first campaign of every hub is open, public, with voting on (see the generator).</summary>
    private static string CampaignSql(string hub = Hub, string campaign = CampaignSlug) =>
        $"""(SELECT c."Id" FROM "Campaigns" c JOIN "Hubs" h ON h."Id" = c."HubId" WHERE h."Slug" = '{hub}' AND c."Slug" = '{campaign}')""";

    private bool Postgres => provider == "Postgres";
    private string Connection => Postgres
        ? new NpgsqlConnectionStringBuilder(o.Postgres) { Database = $"agora_bench_{scale}" }.ConnectionString
        : $"Data Source={Path.Combine(o.Dir, $"agora-{scale}.db")}";
    private string Marker => Path.Combine(o.Dir, $"{provider.ToLowerInvariant()}-{scale}.generated");
    private string Bin(string project, string dll) => Path.Combine(o.Root, project, "bin", "Release", "net10.0", dll);

    private static void Say(string s) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {s}");

    public async Task<RunResult> ExecuteAsync()
    {
        Say($"=== {provider} {scale} ===");
        await EnsureDataAsync();
        foreach (var port in new[] { LimitPort, AgoraPort })
        {
            using var probe = new System.Net.Sockets.TcpClient();
            try { await probe.ConnectAsync(System.Net.IPAddress.Loopback, port); }
            catch (System.Net.Sockets.SocketException) { continue; }
            throw new InvalidOperationException($"Port {port} is in use: stop what listens there (an earlier run?) and start again.");
        }
        var limit = Processes.Start("dotnet", [Bin("bench/Agora.Bench.Limit", "Agora.Bench.Limit.dll"), "--provider", provider, "--connection", Connection,
            "--urls", $"http://127.0.0.1:{LimitPort}"], o.Root, log: Path.Combine(o.Dir, "limit.log"));
        Process? agora = null;
        try
        {
            // Content root src/Agora.Web (its appsettings.json and wwwroot), the Release build's program.
            var agoraBin = Path.GetDirectoryName(Bin("src/Agora.Web", "Agora.Web.dll"))!;
            var env = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{AgoraPort}",
                ["Database__Provider"] = provider,
                ["Database__ConnectionString"] = Connection,
                ["Agora__BaseUrl"] = $"http://127.0.0.1:{AgoraPort}",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Mail__PickupDirectory"] = Path.Combine(o.Dir, "mail"),
            };
            Directory.CreateDirectory(Path.Combine(o.Dir, "mail"));
            // Generated data may predate the newest migrations: upgrade first, so the start measured is on a current database.
            var upgrade = Stopwatch.StartNew();
            await Processes.RunAsync("dotnet", [Path.Combine(agoraBin, "Agora.Web.dll"), "--migrate-only"], env);
            if (Postgres)
            {
                // As after any upgrade that rewrote columns: fresh statistics, and a visibility map for index-only scans.
                await using var db = Open();
                await using var vacuum = db.CreateCommand();
                vacuum.CommandText = "VACUUM ANALYZE";
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync();
            }
            Say($"Schema up to date{(Postgres ? ", vacuumed and analysed" : "")} ({upgrade.Elapsed.TotalSeconds:F1} s)");
            var started = Stopwatch.StartNew();
            agora = Processes.Start("dotnet", [Path.Combine(agoraBin, "Agora.Web.dll")], Path.Combine(o.Root, "src", "Agora.Web"), env, Path.Combine(o.Dir, "agora.log"));
            var firstResponse = await WaitForAsync($"http://127.0.0.1:{AgoraPort}/hubs/{Hub}", started, agora);
            Say($"Agora answered {firstResponse:F0} ms after start");
            await WaitForAsync($"http://127.0.0.1:{LimitPort}/hubs/{Hub}/campaigns/{CampaignSlug}/ideas", Stopwatch.StartNew(), limit);

            _agoraPid = agora.Id;
            var paths = await DiscoverAsync();
            using var memory = new MemorySampler(agora.Id);
            var measurements = new List<Measurement>();
            var checks = new List<WriteCheck>();
            foreach (var name in Endpoints.Reads.Where(o.Measures))
                await MeasureAsync(measurements, new Endpoint(name, "get", paths[name]));
            if (o.Measures(Endpoints.Vote)) checks.Add(await MeasureWritesAsync(measurements, Endpoints.Vote, "vote", paths));
            if (o.Measures(Endpoints.Publish)) checks.Add(await MeasureWritesAsync(measurements, Endpoints.Publish, "publish", paths));
            await MeasureAsync(measurements, new Endpoint(Endpoints.Limit, "get", paths[Endpoints.Limit], Limit: true));

            var (peak, hwm) = memory.Stop();
            return new RunResult(provider, scale, DateTimeOffset.Now, Environment.ProcessorCount, Cpu(), o.Duration, firstResponse, peak, hwm,
                measurements, checks, paths, o.Command);
        }
        finally
        {
            if (agora is not null) Processes.Stop(agora);
            Processes.Stop(limit);
        }
    }

    /// <summary>Generates the data once per database and scale (a marker file records it); --fresh generates again.</summary>
    private async Task EnsureDataAsync()
    {
        if (!o.Fresh && File.Exists(Marker)) { Say($"Using the generated data ({Marker})"); return; }
        Say($"Generating {scale} on {provider} (Agora.Bench.Data)");
        File.Delete(Marker);
        using var p = Processes.Start("dotnet", [Bin("bench/Agora.Bench.Data", "Agora.Bench.Data.dll"), "--provider", provider, "--connection", Connection, "--scale", scale], o.Root);
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"The generator failed ({p.ExitCode}).");
        await File.WriteAllTextAsync(Marker, DateTimeOffset.Now.ToString("O"));
    }

    private static async Task<double> WaitForAsync(string url, Stopwatch since, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        while (since.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited) throw new InvalidOperationException($"The process stopped before answering {url} (exit {process.ExitCode}); see its log.");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode) return since.Elapsed.TotalMilliseconds;
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(10);
            }
        }
        throw new TimeoutException($"{url} did not answer within 3 minutes");
    }

    private DbConnection Open()
    {
        DbConnection c = Postgres ? new NpgsqlConnection(Connection) : new SqliteConnection(Connection);
        c.Open();
        return c;
    }

    private static async Task<List<object[]>> QueryAsync(DbConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await r.ReadAsync())
        {
            var row = new object[r.FieldCount];
            r.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<(long, long)> CountsAsync(DbConnection db, string sql)
    {
        var row = (await QueryAsync(db, sql))[0];
        return (Convert.ToInt64(row[0], CultureInfo.InvariantCulture), row[1] is DBNull ? 0 : Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The addresses measured, from the data: the hot idea, a search term and a title to find similar ideas for.</summary>
    private async Task<Dictionary<string, string>> DiscoverAsync()
    {
        await using var db = Open();
        var hot = (await QueryAsync(db, """
            SELECT i."Id", h."Slug", i."CommentCount" FROM "Ideas" i JOIN "Hubs" h ON h."Id" = i."HubId"
            WHERE i."CommentCount" >= 2000 ORDER BY i."Id" LIMIT 1
            """))[0];
        var sample = (await QueryAsync(db, $"""
            SELECT i."Title", i."Origin" FROM "Ideas" i WHERE i."CampaignId" = {CampaignSql()} AND i."State" = 'Published' ORDER BY i."Id" LIMIT 1
            """))[0];
        var title = (string)sample[0];
        // Two words of a title (the longest ones): a search with a few dozen to a few thousand hits.
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', ':', ';'))
            .OrderByDescending(w => w.Length).Take(2);
        var q = Uri.EscapeDataString(string.Join(' ', words));
        var campaign = $"/hubs/{Hub}/campaigns/{CampaignSlug}";
        return new Dictionary<string, string>
        {
            [Endpoints.HubHome] = $"/hubs/{Hub}",
            [Endpoints.Campaign] = campaign,
            [Endpoints.IdeaList] = $"{campaign}/ideas",
            [Endpoints.IdeaListFiltered] = $"{campaign}/ideas?state=Published&origin={sample[1]}&sort=supported",
            [Endpoints.Search] = $"/hubs/{Hub}/search?q={q}",
            [Endpoints.Similar] = $"/api/v1/hubs/{Hub}/similar-ideas?title={Uri.EscapeDataString(title)}",
            [Endpoints.IdeaPage] = $"/hubs/{hot[1]}/ideas/{hot[0]}",
            [Endpoints.Vote] = "/api/v1/ideas/{id}/vote",
            [Endpoints.Publish] = $"/api/v1/hubs/{PublishHub}/campaigns/{PublishCampaign}/ideas",
            [Endpoints.Limit] = $"http://127.0.0.1:{LimitPort}{campaign}/ideas",
        };
    }

    /// <summary>Warms up, then measures at each connection count; returns the warm-up's figures.</summary>
    private async Task<Measurement> MeasureAsync(List<Measurement> into, Endpoint e, string? items = null, int slices = 1)
    {
        var url = e.Path.StartsWith("http", StringComparison.Ordinal) ? e.Path : $"http://127.0.0.1:{AgoraPort}{e.Path}";
        var files = items is null ? null : SplitItems(items, slices);
        var slice = 0;
        await WaitUntilIdleAsync();
        Say($"{e.Name}: warm-up {o.Warmup} s");
        var warm = await WrkAsync(e, url, 32, o.Warmup, files?[slice++ % slices]);
        foreach (var c in o.Connections)
        {
            var m = await WrkAsync(e, url, c, o.Duration, files?[slice++ % slices]);
            Say($"{e.Name} at {c}: {m.Rps:F0}/s, p50 {m.P50:F1} ms, p99 {m.P99:F1} ms, errors {m.ErrorText}{(m.Wrapped ? ", ITEMS REUSED" : "")}");
            into.Add(m);
        }
        return warm;
    }

    private int _agoraPid;

    /// <summary>
    /// Waits until Agora has finished the requests still queued from the previous figure (wrk stops sending, not the
    /// server working): at most 5% of a core over half a second, for up to two minutes.
    /// </summary>
    private async Task WaitUntilIdleAsync()
    {
        static long Ticks(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { return 0; }
        }
        if (_agoraPid == 0) return;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            var before = Ticks(_agoraPid);
            await Task.Delay(500);
            // Clock ticks are 1/100 s: 2.5 ticks in half a second is 5% of a core.
            if (Ticks(_agoraPid) - before <= 2) break;
        }
        if (waited.Elapsed > TimeSpan.FromSeconds(2)) Say($"Waited {waited.Elapsed.TotalSeconds:F0} s for Agora to finish queued requests");
    }

    /// <summary>Splits a file of items into disjoint slices, one per wrk run, so no run repeats another's items.</summary>
    private string[] SplitItems(string file, int slices)
    {
        var lines = File.ReadAllLines(file);
        var per = lines.Length / slices;
        return Enumerable.Range(0, slices).Select(i =>
        {
            var path = $"{file}.{i}";
            File.WriteAllLines(path, lines.Skip(i * per).Take(per));
            return path;
        }).ToArray();
    }

    private async Task<Measurement> WrkAsync(Endpoint e, string url, int connections, int seconds, string? items)
    {
        var threads = Math.Min(2, connections);
        var env = new Dictionary<string, string> { ["BENCH_MODE"] = e.Mode, ["BENCH_THREADS"] = threads.ToString(CultureInfo.InvariantCulture) };
        if (items is not null) env["BENCH_ITEMS"] = items;
        if (e.Mode == "publish") env["BENCH_PATH"] = e.Path;
        var script = Path.Combine(AppContext.BaseDirectory, "wrk.lua");
        var output = await Processes.RunAsync("wrk", ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--timeout", "10s", "-s", script, url], env);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result:\n{output}");
        using var json = JsonDocument.Parse(line[6..]);
        var r = json.RootElement;
        long L(string name) => r.GetProperty(name).GetInt64();
        double Ms(string name) => L(name) / 1000.0;
        var requests = L("requests");
        var errors = L("connect") + L("read") + L("write") + L("status") + L("timeout");
        return new Measurement(e.Name, connections, requests / (L("duration_us") / 1e6), Ms("p50"), Ms("p90"), Ms("p95"), Ms("p99"), Ms("max"),
            requests, errors, L("ok"), L("failed"), L("sent"), L("wrapped") != 0,
            r.GetProperty("refused").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
    }

    /// <summary>
    /// Votes or new ideas as many different people (their API tokens), each item used once; then checks that the
    /// rows added equal the requests accepted and that the counters still match the rows.
    /// </summary>
    private async Task<WriteCheck> MeasureWritesAsync(List<Measurement> into, string name, string mode, Dictionary<string, string> paths)
    {
        var slices = 1 + o.Connections.Length;
        var items = Path.Combine(o.Dir, $"{mode}-items.txt");
        await using var db = Open();
        var sql = mode == "vote"
            ? $"""SELECT (SELECT COUNT(*) FROM "Votes" WHERE "CampaignId" = {CampaignSql()}), (SELECT SUM("VoteCount") FROM "Ideas" WHERE "CampaignId" = {CampaignSql()})"""
            : $"""SELECT (SELECT COUNT(*) FROM "Ideas" WHERE "CampaignId" = {CampaignSql(PublishHub, PublishCampaign)} AND "State" = 'Published'), (SELECT "IdeaCount" FROM "Campaigns" WHERE "Id" = {CampaignSql(PublishHub, PublishCampaign)})""";
        await File.WriteAllLinesAsync(items, mode == "vote" ? await VotePairsAsync(db, 300_000) : await MemberTokensAsync(db, PublishHub));
        var (rowsBefore, counterBefore) = await CountsAsync(db, sql);
        var before = into.Count;
        // Votes: every run gets its own pairs. Publishing: the same people may publish many ideas.
        var warm = await MeasureAsync(into, new Endpoint(name, mode, paths[name]), items, mode == "vote" ? slices : 1);
        var runs = into.Skip(before).Append(warm).ToList();
        // Requests that were in flight when wrk stopped finish on the server: wait until the counts stand still.
        var (rows, counter) = await CountsAsync(db, sql);
        for (var settled = false; !settled;)
        {
            await Task.Delay(1000);
            var again = await CountsAsync(db, sql);
            settled = again == (rows, counter);
            (rows, counter) = again;
        }
        var check = new WriteCheck(mode == "vote" ? "votes" : "published ideas", runs.Sum(m => m.Ok), runs.Sum(m => m.Unanswered),
            rows - rowsBefore, counter - counterBefore);
        Say($"{name}: {check.Accepted} accepted, {check.Unanswered} unanswered when wrk stopped, {check.RowsAdded} rows added, " +
            $"counters {(check.CountersMatch ? "match" : "DO NOT MATCH")}: {(check.Exact ? "exact" : "NOT EXACT")}");
        return check;
    }

    /// <summary>Tokens of a hub's members, in a shuffled order.</summary>
    private static async Task<List<string>> MemberTokensAsync(DbConnection db, string hub)
    {
        var members = await MembersAsync(db, hub);
        return members.Select(m => Token(m.Person)).ToList();
    }

    private static string Token(int person) => $"agora_bench-token-{person:D7}"; // Generator.TokenOf in Agora.Bench.Data

    /// <summary>
    /// A hub's plain members, shuffled: managers, facilitators and the other roles must set up two-factor sign-in
    /// before they may act (Agora answers 403), and the generated people have none.
    /// </summary>
    private static async Task<List<(Guid Id, int Person)>> MembersAsync(DbConnection db, string hub)
    {
        var rows = await QueryAsync(db, $"""
            SELECT u."Id", u."Email" FROM "HubMemberships" m JOIN "AspNetUsers" u ON u."Id" = m."UserId"
            JOIN "Hubs" h ON h."Id" = m."HubId" WHERE h."Slug" = '{hub}' AND NOT u."IsPlatformAdmin"
              AND NOT EXISTS (SELECT 1 FROM "HubMemberships" o WHERE o."UserId" = u."Id" AND o."Roles" <> 1)
            ORDER BY u."Email"
            """);
        var members = rows.Select(r => (Id: r[0] is Guid g ? g : Guid.Parse((string)r[0]),
            Person: int.Parse(((string)r[1])["person".Length..((string)r[1]).IndexOf('@')], CultureInfo.InvariantCulture))).ToList();
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(members));
        return members;
    }

    /// <summary>(token, idea) pairs of members who have not voted for the idea and did not write it: each one a new vote.</summary>
    private async Task<List<string>> VotePairsAsync(DbConnection db, int wanted)
    {
        var members = await MembersAsync(db, Hub);
        var ideas = (await QueryAsync(db, $"""
            SELECT "Id", "AuthorId" FROM "Ideas" WHERE "CampaignId" = {CampaignSql()} AND "State" = 'Published' AND "HiddenAt" IS NULL AND "MergedIntoId" IS NULL
            """)).Select(r => (Id: Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Author: r[1] is Guid g ? g : Guid.Parse((string)r[1]))).ToArray();
        new Random(8).Shuffle(ideas);
        var voted = (await QueryAsync(db, $"""SELECT "IdeaId", "UserId" FROM "Votes" WHERE "CampaignId" = {CampaignSql()}"""))
            .Select(r => (Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r[1] is Guid g ? g : Guid.Parse((string)r[1]))).ToHashSet();
        var pairs = new List<string>(wanted);
        // Round r pairs member j with idea (j + r): every (member, idea) at most once, spread over ideas and people.
        for (var round = 0; round < ideas.Length && pairs.Count < wanted; round++)
        {
            for (var j = 0; j < members.Count && pairs.Count < wanted; j++)
            {
                var idea = ideas[(j + round) % ideas.Length];
                var m = members[j];
                if (idea.Author == m.Id || voted.Contains((idea.Id, m.Id))) continue;
                pairs.Add($"{Token(m.Person)} {idea.Id}");
            }
        }
        return pairs;
    }

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException) { return "unknown"; }
    }
}

/// <summary>Samples a process's resident memory (VmRSS) every 100 ms and reads its high-water mark (VmHWM) at the end.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _peak;

    public MemorySampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, Read("VmRSS:"));
                try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    private double Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { return 0; }
    }

    public (double PeakRssMb, double HwmMb) Stop()
    {
        _stop.Cancel();
        _loop.Wait();
        return (_peak, Read("VmHWM:"));
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) Stop();
        _stop.Dispose();
    }
}
