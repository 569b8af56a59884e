using System.Diagnostics;
using System.Text.Json;
using Agora.Web.Features.Matchmaking.Matching;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>
/// Computes every item's suggestions in the background and stores them (<see cref="MatchSuggestion"/>), so pages and the
/// API read them without matching. Queued when a partnering profile changes (<see cref="Queue"/>); a sweep every few
/// minutes catches what changed elsewhere (customers' needs, catalogue services, expiries) by comparing the sources'
/// stamp with the last run's, and does nothing when they are equal. Jobs run one at a time per kind on one instance
/// (Platform/Jobs), and each run replaces the stored suggestions in one transaction.
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

    /// <summary>Stages a refresh with the caller's changes (committed together).</summary>
    public static void Queue(JobQueue jobs) => jobs.Add(Kind, "refresh");

    public Task RunAsync(JobContext job, CancellationToken ct) => RefreshAsync(force: job.Kind == Kind, ct);

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
        var rows = new List<(string For, Match Match, int Rank)>();
        foreach (var item in items)
        {
            if (!ItemRef.TryParse(item.Key, out var self) || self.Kind == ItemKind.Organisation) continue; // organisations are counterparts only
            var rank = 0;
            foreach (var match in matcher.For(item.Key, Top, SuggestionSources.CanMeet))
                rows.Add((item.Key, match, ++rank));
        }
        var elapsed = (int)watch.ElapsedMilliseconds;
        await db.InTransactionAsync(async token =>
        {
            await db.MatchSuggestions.ExecuteDeleteAsync(token);
            db.MatchSuggestions.AddRange(rows.Select(r => new MatchSuggestion
            {
                ForKey = r.For, CounterpartKey = r.Match.Key, Rank = r.Rank, Score = r.Match.Score, Forward = r.Match.Forward,
                Backward = r.Match.Backward, Reasons = JsonSerializer.Serialize(r.Match.Reasons, Json), ComputedAt = now,
            }));
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
