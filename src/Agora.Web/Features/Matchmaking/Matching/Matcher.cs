namespace Agora.Web.Features.Matchmaking.Matching;

/// <summary>Why a counterpart is suggested, said to the item the suggestion is for ("you").</summary>
public enum MatchReasonKind
{
    /// <summary>They offer what you seek (the terms).</summary>
    OffersWhatYouSeek,
    /// <summary>They seek what you offer (the terms).</summary>
    SeeksWhatYouOffer,
    /// <summary>Their readiness level lies in the range you seek.</summary>
    ReadinessFits,
    /// <summary>Their readiness level lies outside the range you seek (by <see cref="MatchReason.Distance"/> levels).</summary>
    ReadinessNear,
    /// <summary>You share a sector.</summary>
    SameSector,
    /// <summary>They are in a country where you seek a counterpart.</summary>
    InYourCountries,
    /// <summary>They seek a counterpart in your country.</summary>
    TheySeekYourCountry,
}

/// <summary>One reason, with what it is about (the terms, the sector, the readiness level and range, the country).</summary>
public sealed record MatchReason(MatchReasonKind Kind, IReadOnlyList<MatchTerm> Terms, IReadOnlyList<string> Sectors, int? Trl,
    TrlRange? Range, int Distance, string? Country)
{
    public static MatchReason About(MatchReasonKind kind, IReadOnlyList<MatchTerm>? terms = null, IReadOnlyList<string>? sectors = null,
        int? trl = null, TrlRange? range = null, int distance = 0, string? country = null) =>
        new(kind, terms ?? [], sectors ?? [], trl, range, distance, country);
}

/// <summary>
/// A counterpart suggested for an item: the reciprocal <see cref="Score"/> (0–1), how much you want them
/// (<see cref="Forward"/>) and they want you (<see cref="Backward"/>), and the reasons in the order they weigh.
/// </summary>
public sealed record Match(string Key, double Score, double Forward, double Backward, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Suggests counterparts for an item among many, ranked by a reciprocal score, each with the reasons that produced it.
/// </summary>
/// <remarks>
/// <para>How much A wants B, <c>want(A, B)</c>, from 0 to 1:</para>
/// <list type="number">
/// <item><b>Need fit</b> <c>n</c>: the weighted share of what A seeks that B offers (the kinds of term weigh alike, a
/// keyword half). Terms of the kinds profile kind, audience and region are alternatives: all those A seeks of one such
/// kind count as one term, found when B offers any of them (a service for SMEs or the public sector, in the regions
/// its hub serves, wants a customer of one kind in one region, not all). Nothing shared: 0, and the pair is not
/// suggested.</item>
/// <item><b>Conditions</b>, each counted only when both sides say something about it: readiness (B's level in the range
/// A seeks: 1; each level outside takes a third off, down to 0), sector (a shared sector: 1, none: ½), country (B in a
/// country A seeks a counterpart in: 1, elsewhere: ⅓).</item>
/// <item><c>want(A, B) = n × (½ + ½ × mean of the conditions)</c>: the conditions can halve the need fit, never raise it;
/// with no condition said it is <c>n</c>.</item>
/// </list>
/// <para>The <b>reciprocal score</b> is the harmonic mean of <c>want(A, B)</c> and <c>want(B, A)</c>: zero unless both want
/// each other, and pulled down to the weaker side, so a profile that many want but that wants few of them is not put in
/// front of everyone (as in reciprocal recommenders for online dating and job markets, e.g. RECON, Pizzato et al. 2010).
/// Ties are broken by key, so the result does not depend on the order of the items.</para>
/// <para>Candidates come from two inverted indexes, of what items offer and of what they seek: only items that offer
/// something A seeks <i>and</i> seek something A offers can score above zero, so only those are scored; the reasons are
/// written for the best ones only. This keeps one item's suggestions fast among thousands (bench/Agora.Bench.Matching).</para>
/// </remarks>
public sealed class Matcher
{
    private const double KeywordWeight = 0.5;
    private readonly Dictionary<string, MatchItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<MatchTerm, List<MatchItem>> _offering = [];
    private readonly Dictionary<MatchTerm, List<MatchItem>> _seeking = [];

    public Matcher(IEnumerable<MatchItem> items)
    {
        foreach (var item in items)
        {
            if (!_items.TryAdd(item.Key, item)) throw new ArgumentException($"Two items have the key {item.Key}.", nameof(items));
            foreach (var term in item.Offers) Index(_offering, term, item);
            foreach (var term in item.Seeks) Index(_seeking, term, item);
        }
    }

    private static void Index(Dictionary<MatchTerm, List<MatchItem>> index, MatchTerm term, MatchItem item)
    {
        if (!index.TryGetValue(term, out var list)) index[term] = list = [];
        list.Add(item);
    }

    /// <summary>
    /// The best <paramref name="top"/> counterparts of the item with key <paramref name="key"/> (none when it is not
    /// known), leaving out items of the same owner, those <paramref name="canMeet"/> refuses (e.g. two offers) and those
    /// the item's people dismissed (<paramref name="dismissed"/>, keys of counterparts).
    /// </summary>
    public IReadOnlyList<Match> For(string key, int top, Func<MatchItem, MatchItem, bool>? canMeet = null, IReadOnlySet<string>? dismissed = null)
    {
        if (top <= 0 || !_items.TryGetValue(key, out var item)) return [];
        // Those who seek something the item offers, then among them those who offer something it seeks.
        var seekers = new HashSet<MatchItem>(ReferenceEqualityComparer.Instance);
        foreach (var term in item.Offers)
            if (_seeking.TryGetValue(term, out var seeking)) seekers.UnionWith(seeking);
        var scored = new List<(MatchItem Other, double Score, double Forward, double Backward)>();
        var seen = new HashSet<MatchItem>(ReferenceEqualityComparer.Instance);
        foreach (var term in item.Seeks)
        {
            if (!_offering.TryGetValue(term, out var offering)) continue;
            foreach (var other in offering)
            {
                if (!seekers.Contains(other) || !seen.Add(other)) continue;
                if (other.Key == item.Key || (item.Owner.Length > 0 && other.Owner == item.Owner)) continue;
                if (dismissed?.Contains(other.Key) == true || (canMeet is not null && !canMeet(item, other))) continue;
                var forward = Want(item, other);
                var backward = forward > 0 ? Want(other, item) : 0;
                if (backward > 0) scored.Add((other, Reciprocal(forward, backward), forward, backward));
            }
        }
        return scored.OrderByDescending(x => x.Score).ThenBy(x => x.Other.Key, StringComparer.Ordinal).Take(top)
            .Select(x => new Match(x.Other.Key, x.Score, Math.Round(x.Forward, 6), Math.Round(x.Backward, 6), Reasons(item, x.Other))).ToList();
    }

    /// <summary>The match of <paramref name="you"/> with <paramref name="them"/>, seen from your side; null when either does not want the other.</summary>
    public static Match? Pair(MatchItem you, MatchItem them)
    {
        var forward = Want(you, them);
        var backward = Want(them, you);
        if (forward <= 0 || backward <= 0) return null;
        return new Match(them.Key, Reciprocal(forward, backward), Math.Round(forward, 6), Math.Round(backward, 6), Reasons(you, them));
    }

    /// <summary>The harmonic mean of both directions, rounded to six decimals (so equal scores tie and the key decides).</summary>
    private static double Reciprocal(double forward, double backward) => Math.Round(2 * forward * backward / (forward + backward), 6);

    /// <summary>How much <paramref name="a"/> wants <paramref name="b"/>, 0–1 (see the class's remarks).</summary>
    public static double Want(MatchItem a, MatchItem b)
    {
        if (a.Seeks.Count == 0) return 0;
        double sought = 0, found = 0;
        int seen = 0, hit = 0; // bit per alternative kind: sought, found
        foreach (var term in a.Seeks)
        {
            if (IsAlternative(term.Kind))
            {
                var flag = 1 << (int)term.Kind;
                if ((seen & flag) == 0) { seen |= flag; sought += 1; }
                if ((hit & flag) == 0 && b.Offers.Contains(term)) { hit |= flag; found += 1; }
                continue;
            }
            var weight = term.Kind == TermKind.Keyword ? KeywordWeight : 1;
            sought += weight;
            if (b.Offers.Contains(term)) found += weight;
        }
        if (found == 0) return 0;
        var need = found / sought;
        var conditions = new List<double>(3);
        if (a.TrlSought is { } range && b.Trl is { } trl) conditions.Add(Math.Max(0, 1 - range.Distance(trl) / 3.0));
        if (a.Sectors.Count > 0 && b.Sectors.Count > 0) conditions.Add(a.Sectors.Overlaps(b.Sectors) ? 1 : 0.5);
        if (a.CountriesSought.Count > 0 && b.Country is { } country) conditions.Add(a.CountriesSought.Contains(country) ? 1 : 1 / 3.0);
        return conditions.Count == 0 ? need : need * (0.5 + 0.5 * conditions.Average());
    }

    /// <summary>Kinds whose sought terms are alternatives (one found is enough).</summary>
    private static bool IsAlternative(TermKind kind) => kind is TermKind.ProfileKind or TermKind.Audience or TermKind.Region;

    private static List<MatchReason> Reasons(MatchItem you, MatchItem them)
    {
        static List<MatchTerm> Ordered(IEnumerable<MatchTerm> terms) =>
            terms.OrderBy(t => t.Kind == TermKind.Keyword).ThenBy(t => t.Kind).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var reasons = new List<MatchReason>
        {
            MatchReason.About(MatchReasonKind.OffersWhatYouSeek, Ordered(you.Seeks.Where(them.Offers.Contains))),
        };
        var back = Ordered(them.Seeks.Where(you.Offers.Contains));
        if (back.Count > 0) reasons.Add(MatchReason.About(MatchReasonKind.SeeksWhatYouOffer, back));
        if (you.TrlSought is { } range && them.Trl is { } trl)
        {
            var distance = range.Distance(trl);
            reasons.Add(MatchReason.About(distance == 0 ? MatchReasonKind.ReadinessFits : MatchReasonKind.ReadinessNear, trl: trl, range: range, distance: distance));
        }
        var sectors = you.Sectors.Intersect(them.Sectors).Order(StringComparer.Ordinal).ToList();
        if (sectors.Count > 0) reasons.Add(MatchReason.About(MatchReasonKind.SameSector, sectors: sectors));
        if (them.Country is { } there && you.CountriesSought.Contains(there)) reasons.Add(MatchReason.About(MatchReasonKind.InYourCountries, country: there));
        if (you.Country is { } here && them.CountriesSought.Contains(here)) reasons.Add(MatchReason.About(MatchReasonKind.TheySeekYourCountry, country: here));
        return reasons;
    }
}
