using System.Diagnostics;
using System.Text.Json;
using Agora.Web.Features.Matchmaking.Matching;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>
/// Computes the suggestions in the background and stores them (<see cref="MatchSuggestion"/>), so pages and the API
/// read them without matching. When a partnering profile changes (<see cref="Queue"/>, with the profile's key) only the
/// lists it can change are computed again: its own, its organisation's, and those of every item it can now match or
/// was suggested to (<see cref="RefreshItemAsync"/>). A sweep every few minutes catches what changed elsewhere
/// (customers' needs, catalogue services, expiries) by comparing the sources' stamp with the last full run's, and does
/// nothing when they are equal. Each run writes its lists in one transaction.
/// </summary>
public sealed class SuggestionRefresh(AgoraDbContext db, SuggestionSources sources, TimeProvider clock, ILogger<SuggestionRefresh> log) : IJob
{
    public const string Kind = "matchmaking.suggestions";
    public const string SweepKind = "matchmaking.suggestions.sweep";
    /// <summary>How many counterparts are kept per item.</summary>
    public const int Top = 10;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>
    /// Stages the refresh of what a changed profile touches, with the caller's changes (committed together). The job's key
    /// is the profile's and a unique suffix ("profile:12@…"): a job is queued once per kind and key, and a second change
    /// while the first job waits must queue its own.
    /// </summary>
    public static void Queue(JobQueue jobs, int profileId) => jobs.Add(Kind, $"{ItemRef.Profile(profileId).Key}@{Guid.NewGuid():N}");

    public Task RunAsync(JobContext job, CancellationToken ct) =>
        job.Kind == Kind && ItemRef.TryParse(job.Key.Split('@')[0], out var item) ? RefreshItemAsync(item, ct) : RefreshAsync(force: job.Kind == Kind, ct);

    /// <summary>
    /// Computes again the lists a changed profile can change: its own, its organisation's (an offer counts there), every
    /// item either of them can match now, and every item they were suggested to. Answers how many lists it wrote.
    /// </summary>
    public async Task<int> RefreshItemAsync(ItemRef changed, CancellationToken ct)
    {
        var changedKeys = new List<string> { changed.Key };
        if (changed.Kind == ItemKind.Profile)
        {
            var organisation = await db.PartneringProfiles.Where(p => p.Id == changed.IntId).Select(p => (Guid?)p.OrganisationId).FirstOrDefaultAsync(ct);
            if (organisation is { } o) changedKeys.Add(ItemRef.Organisation(o).Key);
        }
        var items = await sources.LoadAsync(ct);
        var matcher = new Matcher(items);
        var affected = new HashSet<string>(changedKeys, StringComparer.Ordinal);
        foreach (var key in changedKeys)
            foreach (var match in matcher.For(key, int.MaxValue, SuggestionSources.CanMeet)) affected.Add(match.Key);
        affected.UnionWith(await db.MatchSuggestions.Where(s => changedKeys.Contains(s.CounterpartKey)).Select(s => s.ForKey).Distinct().ToListAsync(ct));
        var known = items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var rows = affected.Where(known.Contains).SelectMany(key => Rows(matcher, key)).ToList();
        var now = clock.GetUtcNow();
        var lists = affected.ToList();
        await db.InTransactionAsync(async token =>
        {
            foreach (var chunk in lists.Chunk(500))
                await db.MatchSuggestions.Where(s => chunk.Contains(s.ForKey)).ExecuteDeleteAsync(token);
            db.MatchSuggestions.AddRange(rows.Select(r => Row(r, now)));
            await db.SaveChangesAsync(token);
            return rows.Count;
        }, ct);
        return lists.Count;
    }

    private static IEnumerable<(string For, Match Match, int Rank)> Rows(Matcher matcher, string key)
    {
        if (!ItemRef.TryParse(key, out var self) || self.Kind == ItemKind.Organisation) yield break; // organisations are counterparts only
        var rank = 0;
        foreach (var match in matcher.For(key, Top, SuggestionSources.CanMeet)) yield return (key, match, ++rank);
    }

    private static MatchSuggestion Row((string For, Match Match, int Rank) r, DateTimeOffset now) => new()
    {
        ForKey = r.For, CounterpartKey = r.Match.Key, Rank = r.Rank, Score = r.Match.Score, Forward = r.Match.Forward,
        Backward = r.Match.Backward, Reasons = JsonSerializer.Serialize(r.Match.Reasons, Json), ComputedAt = now,
    };

    /// <summary>Recomputes and stores the suggestions; unless <paramref name="force"/>d, only when the sources changed. Answers whether it did.</summary>
    public async Task<bool> RefreshAsync(bool force, CancellationToken ct)
    {
        var stamp = await sources.StampAsync(ct);
        var last = await db.MatchSuggestionRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == 1, ct);
        if (!force && last?.SourceStamp == stamp) return false;

        var watch = Stopwatch.StartNew();
        var items = await sources.LoadAsync(ct);
        var matcher = new Matcher(items);
        var now = clock.GetUtcNow();
        var rows = items.SelectMany(item => Rows(matcher, item.Key)).ToList();
        var elapsed = (int)watch.ElapsedMilliseconds;
        await db.InTransactionAsync(async token =>
        {
            await db.MatchSuggestions.ExecuteDeleteAsync(token);
            db.MatchSuggestions.AddRange(rows.Select(r => Row(r, now)));
            var run = await db.MatchSuggestionRuns.FirstOrDefaultAsync(r => r.Id == 1, token);
            if (run is null) db.MatchSuggestionRuns.Add(run = new MatchSuggestionRun { Id = 1 });
            run.SourceStamp = stamp;
            run.ComputedAt = now;
            run.Items = items.Count;
            run.Suggestions = rows.Count;
            run.ElapsedMilliseconds = elapsed;
            await db.SaveChangesAsync(token);
            return rows.Count;
        }, ct);
        log.LogInformation("Matchmaking suggestions: {Suggestions} for {Items} items in {Elapsed} ms", rows.Count, items.Count, elapsed);
        return true;
    }
}
