using System.Globalization;
using System.Text.Json;
using Agora.Web.Features.Matchmaking.Matching;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>A counterpart as the reader may see it: a profile without who is behind it, a service, a need, an organisation.</summary>
public sealed record Counterpart(string Key, ItemKind Kind, string Title, string Detail, string Path);

public sealed record SuggestionView(Counterpart Counterpart, int Rank, double Score, double Forward, double Backward,
    IReadOnlyList<MatchReason> Reasons, IReadOnlyList<string> Words, SuggestionVerdict? Verdict);

/// <summary>The suggestions for one item, for the people who act on it.</summary>
public sealed record SuggestionList(string For, ItemKind Kind, string Title, string Path, DateTimeOffset? ComputedAt,
    IReadOnlyList<SuggestionView> Items, IReadOnlyList<SuggestionView> Dismissed);

public sealed record FeedbackInput(string? Counterpart, SuggestionVerdict? Verdict);

public sealed record FeedbackRow(string PairKind, int Suggestions, int ItemsWithSuggestions, int Useful, int Dismissed, double? MeanUsefulRank);

public sealed record SuggestionReport(DateTimeOffset? ComputedAt, int Items, int Suggestions, int ElapsedMilliseconds, IReadOnlyList<FeedbackRow> Rows);

/// <summary>
/// Who sees which suggestions, decided here for pages and API alike, from each thing's own rule: a profile's suggestions
/// are for its organisation's members; a need's for whoever may know the need (ServiceRequestAccess: the customer and the
/// desks it passed through); a service's for its hub's managers and front desk. Counterparts are shown only as the
/// reader may see them anyway: a live profile without who is behind it, a published service, a need the reader knows;
/// organisations (named from their published offers) only to a need's front desk, who brokers introductions as
/// advisors in the Enterprise Europe Network do. Someone who may not act on the item gets 404, unless they may know the item
/// (a live profile, a profile they review, a published service): then 403.
/// </summary>
public sealed class Suggestions(AgoraDbContext db, CurrentUser current, SuggestionSources sources, ServiceRequestAccess requests,
    NetworkAccess network, PartneringAccess profiles, ReasonWords words, TimeProvider clock)
{
    private sealed record Standing(string Title, string Path, bool SeesOrganisations);

    private async Task<(Standing? Standing, Outcome Refusal)> StandingAsync(ItemRef item, CancellationToken ct)
    {
        switch (item.Kind)
        {
            case ItemKind.Profile:
            {
                // The profile's own rule (PartneringAccess): its organisation's members act on it; others who may know it
                // (anyone, once published; its reviewers) are refused; the rest are not told it exists.
                var p = await profiles.LoadAsync(item.IntId, ct);
                if (p is null) return (null, Outcome.NotFound);
                if (p.IsMember) return (new Standing(p.Profile.Title, ProfilePath(p.Profile.Id), false), Outcome.Ok);
                return (null, Outcome.Forbidden);
            }
            case ItemKind.Need:
            {
                var standing = await requests.LoadAsync(item.IntId, ct);
                if (standing is null || !standing.Knows) return (null, Outcome.NotFound);
                return (new Standing(standing.Request.Title, ServiceRequestWorkflow.PathOf(standing.Request.Id), standing.IsDesk), Outcome.Ok);
            }
            case ItemKind.Service:
            {
                var s = await db.CatalogueServices.AsNoTracking().Where(x => x.Id == item.IntId).Select(x => new { x.Id, x.HubId }).FirstOrDefaultAsync(ct);
                if (s is null) return (null, Outcome.NotFound);
                if (await network.IsFrontDeskAsync(s.HubId, ct))
                    return (new Standing((await ServiceTitlesAsync([s.Id], ct)).GetValueOrDefault(s.Id, ""), ServicePath(s.Id), false), Outcome.Ok);
                return (null, await CatalogueAccess.Catalogue(db).AnyAsync(x => x.Id == s.Id, ct) ? Outcome.Forbidden : Outcome.NotFound);
            }
            default:
                return (null, Outcome.NotFound);
        }
    }

    public static string ProfilePath(int id) => $"/matchmaking/profiles/{id.ToString(CultureInfo.InvariantCulture)}";
    public static string ServicePath(int id) => $"/network/services/{id.ToString(CultureInfo.InvariantCulture)}";
    public static string PathOf(ItemRef item) => $"/matchmaking/suggestions/{ItemRef.Name(item.Kind)}/{item.Id}";

    private static Result<T> Refuse<T>(Outcome o) => o == Outcome.Forbidden ? Result<T>.Forbidden() : Result<T>.NotFound();

    /// <summary>Parses the kind and id of a page or endpoint ("profile", "12"): only the kinds that have suggestions.</summary>
    public static bool TryItem(string? kind, int id, out ItemRef item) =>
        ItemRef.TryParse($"{kind}:{id.ToString(CultureInfo.InvariantCulture)}", out item) && item.Kind != ItemKind.Organisation;

    public async Task<Result<SuggestionList>> ListAsync(ItemRef item, CancellationToken ct)
    {
        var (standing, refusal) = await StandingAsync(item, ct);
        if (standing is null) return Refuse<SuggestionList>(refusal);
        var rows = await db.MatchSuggestions.AsNoTracking().Where(s => s.ForKey == item.Key).OrderBy(s => s.Rank).ToListAsync(ct);
        var mine = current.Id is { } me
            ? await db.MatchFeedback.AsNoTracking().Where(f => f.PersonId == me && f.ForKey == item.Key).ToDictionaryAsync(f => f.CounterpartKey, f => f.Verdict, ct)
            : [];
        var shown = await CounterpartsAsync(rows.Select(r => r.CounterpartKey).ToList(), standing.SeesOrganisations, ct);
        var list = new List<SuggestionView>();
        var dismissed = new List<SuggestionView>();
        foreach (var row in rows)
        {
            if (!shown.TryGetValue(row.CounterpartKey, out var counterpart)) continue;
            var verdict = mine.TryGetValue(row.CounterpartKey, out var v) ? v : (SuggestionVerdict?)null;
            var reasons = JsonSerializer.Deserialize<List<MatchReason>>(row.Reasons, SuggestionRefresh.Json) ?? [];
            (verdict == SuggestionVerdict.Dismissed ? dismissed : list)
                .Add(new SuggestionView(counterpart, row.Rank, row.Score, row.Forward, row.Backward, reasons, words.Describe(reasons), verdict));
        }
        var computed = await db.MatchSuggestionRuns.AsNoTracking().Where(r => r.Id == 1).Select(r => (DateTimeOffset?)r.ComputedAt).FirstOrDefaultAsync(ct);
        return Result<SuggestionList>.Ok(new SuggestionList(item.Key, item.Kind, standing.Title, standing.Path, computed, list, dismissed));
    }

    /// <summary>
    /// Records the person's verdict on one of the item's suggestions (useful, dismissed), or clears it (no verdict).
    /// Only a suggestion the item has now can be judged; the score and rank are kept with the verdict for the report.
    /// </summary>
    public async Task<Result<SuggestionVerdict?>> FeedbackAsync(ItemRef item, FeedbackInput input, CancellationToken ct)
    {
        var (standing, refusal) = await StandingAsync(item, ct);
        if (standing is null) return Refuse<SuggestionVerdict?>(refusal);
        if (!ItemRef.TryParse(input.Counterpart, out var other)) return Result<SuggestionVerdict?>.Invalid("counterpart", "Validation.Invalid");
        if (input.Verdict is { } given && !Enum.IsDefined(given)) return Result<SuggestionVerdict?>.Invalid("verdict", "Validation.Invalid");
        var me = current.RequiredId;
        var key = other.Key;
        return await db.InTransactionAsync(async token =>
        {
            var suggestion = await db.MatchSuggestions.AsNoTracking().FirstOrDefaultAsync(s => s.ForKey == item.Key && s.CounterpartKey == key, token);
            var existing = await db.MatchFeedback.FirstOrDefaultAsync(f => f.PersonId == me && f.ForKey == item.Key && f.CounterpartKey == key, token);
            if (suggestion is null && existing is null) return Result<SuggestionVerdict?>.NotFound();
            if (input.Verdict is null)
            {
                if (existing is not null) db.MatchFeedback.Remove(existing);
            }
            else if (existing is null)
                db.MatchFeedback.Add(new MatchFeedback
                {
                    PersonId = me, ForKey = item.Key, CounterpartKey = key, Verdict = input.Verdict.Value,
                    Score = suggestion!.Score, Rank = suggestion.Rank, At = clock.GetUtcNow(),
                });
            else
            {
                existing.Verdict = input.Verdict.Value;
                existing.At = clock.GetUtcNow();
            }
            await db.SaveChangesAsync(token);
            return Result<SuggestionVerdict?>.Ok(input.Verdict);
        }, ct);
    }

    /// <summary>
    /// How the suggestions are received, per kind of pair: how many are shown now, for how many items, and how many
    /// people marked useful or dismissed (with the mean rank of the useful ones). For the network's managers and
    /// platform admins; counts only, no one's identity.
    /// </summary>
    public async Task<Result<SuggestionReport>> ReportAsync(CancellationToken ct)
    {
        if (!await MaySeeReportAsync(ct)) return Result<SuggestionReport>.Forbidden();
        var stored = await db.MatchSuggestions.AsNoTracking().Select(s => new { s.ForKey, s.CounterpartKey }).ToListAsync(ct);
        var feedback = await db.MatchFeedback.AsNoTracking().Select(f => new { f.ForKey, f.CounterpartKey, f.Verdict, f.Rank }).ToListAsync(ct);
        static string Pair(string a, string b) =>
            ItemRef.TryParse(a, out var x) && ItemRef.TryParse(b, out var y) ? $"{ItemRef.Name(x.Kind)}-{ItemRef.Name(y.Kind)}" : "other";
        var pairs = stored.Select(s => Pair(s.ForKey, s.CounterpartKey)).Concat(feedback.Select(f => Pair(f.ForKey, f.CounterpartKey)))
            .Distinct().Order(StringComparer.Ordinal);
        var rows = pairs.Select(pair =>
        {
            var s = stored.Where(x => Pair(x.ForKey, x.CounterpartKey) == pair).ToList();
            var f = feedback.Where(x => Pair(x.ForKey, x.CounterpartKey) == pair).ToList();
            var useful = f.Where(x => x.Verdict == SuggestionVerdict.Useful).ToList();
            return new FeedbackRow(pair, s.Count, s.Select(x => x.ForKey).Distinct().Count(), useful.Count,
                f.Count(x => x.Verdict == SuggestionVerdict.Dismissed), useful.Count == 0 ? null : Math.Round(useful.Average(x => x.Rank), 2));
        }).ToList();
        var run = await db.MatchSuggestionRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == 1, ct);
        return Result<SuggestionReport>.Ok(new SuggestionReport(run?.ComputedAt, run?.Items ?? 0, run?.Suggestions ?? 0, run?.ElapsedMilliseconds ?? 0, rows));
    }

    /// <summary>Platform admins and the managers of a hub in the network.</summary>
    public async Task<bool> MaySeeReportAsync(CancellationToken ct)
    {
        if (!current.IsAuthenticated || current.Id is not { } me) return false;
        if (current.IsPlatformAdmin) return true;
        return await db.HubMemberships.AnyAsync(m => m.UserId == me && (m.Roles & Platform.Auth.HubRoles.HubManager) == Platform.Auth.HubRoles.HubManager
            && db.HubNetworkProfiles.Any(p => p.HubId == m.HubId), ct);
    }

    private async Task<Dictionary<string, Counterpart>> CounterpartsAsync(List<string> keys, bool seesOrganisations, CancellationToken ct)
    {
        var result = new Dictionary<string, Counterpart>(StringComparer.Ordinal);
        var refs = keys.Select(k => ItemRef.TryParse(k, out var r) ? r : (ItemRef?)null).OfType<ItemRef>().ToList();

        var profileIds = refs.Where(r => r.Kind == ItemKind.Profile).Select(r => r.IntId).ToList();
        if (profileIds.Count > 0)
            foreach (var p in await sources.LiveProfiles().AsNoTracking().Where(p => profileIds.Contains(p.Id))
                         .Select(p => new { p.Id, p.Title, p.Kind, p.Summary }).ToListAsync(ct))
                result[ItemRef.Profile(p.Id).Key] = new Counterpart(ItemRef.Profile(p.Id).Key, ItemKind.Profile, p.Title,
                    words.Kind(p.Kind), ProfilePath(p.Id));

        var serviceIds = refs.Where(r => r.Kind == ItemKind.Service).Select(r => r.IntId).ToList();
        if (serviceIds.Count > 0)
        {
            var live = await CatalogueAccess.Catalogue(db).Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.HubId, s.Category }).ToListAsync(ct);
            var titles = await ServiceTitlesAsync(live.Select(s => s.Id).ToList(), ct);
            var culture = CultureInfo.CurrentUICulture.Name;
            var hubIds = live.Select(s => s.HubId).Distinct().ToList();
            var hubs = await db.Hubs.Where(h => hubIds.Contains(h.Id)).Named(culture).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
            foreach (var s in live)
                result[ItemRef.Service(s.Id).Key] = new Counterpart(ItemRef.Service(s.Id).Key, ItemKind.Service, titles.GetValueOrDefault(s.Id, ""),
                    hubs.GetValueOrDefault(s.HubId, ""), ServicePath(s.Id));
        }

        foreach (var need in refs.Where(r => r.Kind == ItemKind.Need))
        {
            var standing = await requests.LoadAsync(need.IntId, ct);
            if (standing is not { Knows: true }) continue;
            result[need.Key] = new Counterpart(need.Key, ItemKind.Need, standing.Request.Title, ServiceRequestWorkflow.Subject(standing.Request),
                ServiceRequestWorkflow.PathOf(standing.Request.Id));
        }

        if (seesOrganisations)
        {
            var orgIds = refs.Where(r => r.Kind == ItemKind.Organisation).Select(r => Guid.ParseExact(r.Id, "N")).ToList();
            foreach (var o in await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Slug, o.Country }).ToListAsync(ct))
                result[ItemRef.Organisation(o.Id).Key] = new Counterpart(ItemRef.Organisation(o.Id).Key, ItemKind.Organisation, o.Name, o.Country,
                    $"/organisations/{o.Slug}");
        }
        return result;
    }

    private async Task<Dictionary<int, string>> ServiceTitlesAsync(List<int> ids, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var texts = await db.CatalogueServices.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.DefaultCulture, Texts = s.Texts.Select(t => new { t.Culture, t.Title }).ToList() }).ToListAsync(ct);
        return texts.ToDictionary(s => s.Id, s =>
            (s.Texts.FirstOrDefault(t => t.Culture == culture) ?? s.Texts.FirstOrDefault(t => t.Culture == s.DefaultCulture) ?? s.Texts.FirstOrDefault())?.Title ?? "");
    }
}
