using Agora.Web.Features.Matchmaking.Matching;

namespace Agora.Tests.Features.Matchmaking;

/// <summary>The reciprocal matcher: scores computed by hand, the reasons, reciprocity, exclusions and the index.</summary>
public sealed class MatcherTests
{
    private static readonly MatchTerm TechnologyOffer = new(TermKind.ProfileKind, "technology-offer");
    private static readonly MatchTerm TechnologyRequest = new(TermKind.ProfileKind, "technology-request");
    private static readonly MatchTerm Monitoring = MatchTerm.Keyword("Remote patient monitoring");
    private static readonly MatchTerm Iot = MatchTerm.Technology("iot");
    private static readonly MatchTerm Ai = MatchTerm.Technology("ai");

    private static HashSet<T> Set<T>(params T[] items) => [.. items];

    /// <summary>A hospital's technology request for remote patient monitoring (IoT), TRL 5–7, in health, in Portugal.</summary>
    private static MatchItem Hospital(params MatchTerm[] extraSought) => new()
    {
        Key = "profile:hospital", Owner = "hospital",
        Offers = Set(TechnologyRequest),
        Seeks = Set([TechnologyOffer, Iot, Monitoring, .. extraSought]),
        TrlSought = new TrlRange(5, 7), Sectors = Set("health"), Country = "PT",
    };

    /// <summary>A Norwegian SME's technology offer: remote patient monitoring on IoT, TRL 6, in health, seeking partners in Portugal.</summary>
    private static MatchItem Sme(int trl = 6, string sector = "health", string soughtCountry = "PT") => new()
    {
        Key = "profile:sme", Owner = "sme",
        Offers = Set(TechnologyOffer, Iot, Monitoring),
        Seeks = Set(TechnologyRequest),
        Trl = trl, Sectors = Set(sector), Country = "NO", CountriesSought = Set(soughtCountry),
    };

    [Fact]
    public void Pair_EverythingFits_ScoreOne_WithTheReasonsInPlainOrder()
    {
        var match = Matcher.Pair(Hospital(), Sme())!;

        // want(hospital, sme): all 2.5 sought weight found (kind 1 + technology 1 + keyword ½) → need 1; readiness 6 in 5–7 → 1;
        // sector shared → 1; the hospital seeks no country → not counted: 1 × (½ + ½ × 1) = 1. want(sme, hospital) alike: 1.
        Assert.Equal((1.0, 1.0, 1.0), (match.Score, match.Forward, match.Backward));
        Assert.Equal(
            [MatchReasonKind.OffersWhatYouSeek, MatchReasonKind.SeeksWhatYouOffer, MatchReasonKind.ReadinessFits, MatchReasonKind.SameSector,
                MatchReasonKind.TheySeekYourCountry],
            match.Reasons.Select(r => r.Kind));
        Assert.Equal([Iot, TechnologyOffer, Monitoring], match.Reasons[0].Terms);
        Assert.Equal((6, new TrlRange(5, 7)), (match.Reasons[2].Trl, match.Reasons[2].Range!.Value));
        Assert.Equal(["health"], match.Reasons[3].Sectors);
        Assert.Equal("PT", match.Reasons[4].Country);
    }

    [Fact]
    public void Pair_PartlyFits_ScoresAsComputedByHand()
    {
        var match = Matcher.Pair(Hospital(Ai), Sme(trl: 8, sector: "care", soughtCountry: "NO"))!;

        // want(hospital, sme): sought 3.5 (kind, iot, ai, keyword ½), found 2.5 → need 5/7; readiness 8 is one level above 5–7 → ⅔;
        // sectors differ → ½; want = 5/7 × (½ + ½ × (⅔ + ½) / 2) = 5/7 × 19/24 = 95/168.
        // want(sme, hospital): need 1; sectors differ → ½; hospital in PT, sme seeks NO → ⅓; want = ½ + ½ × (½ + ⅓) / 2 = 17/24.
        // Reciprocal: 2 × 95/168 × 17/24 / (95/168 + 17/24).
        double forward = 95.0 / 168, backward = 17.0 / 24;
        Assert.Equal(Math.Round(forward, 6), match.Forward);
        Assert.Equal(Math.Round(backward, 6), match.Backward);
        Assert.Equal(Math.Round(2 * forward * backward / (forward + backward), 6), match.Score);
        var readiness = Assert.Single(match.Reasons, r => r.Kind == MatchReasonKind.ReadinessNear);
        Assert.Equal(1, readiness.Distance);
        Assert.DoesNotContain(match.Reasons, r => r.Kind is MatchReasonKind.SameSector or MatchReasonKind.TheySeekYourCountry);
    }

    [Fact]
    public void Reciprocal_OneSidedInterest_IsNotSuggested_AndAPopularOfferDoesNotSwampEveryone()
    {
        // A popular offer everyone seeks, which itself seeks only a business partner; many requests seek it.
        var popular = new MatchItem
        {
            Key = "profile:popular", Owner = "p", Offers = Set(TechnologyOffer, Iot, Ai, Monitoring),
            Seeks = Set(new MatchTerm(TermKind.ProfileKind, "business-offer")),
        };
        var modest = Sme() with { Key = "profile:modest", Owner = "m" };
        var requests = Enumerable.Range(1, 20).Select(i => Hospital(Ai) with { Key = $"profile:request-{i:D2}", Owner = $"r{i}" }).ToList();
        var matcher = new Matcher([popular, modest, .. requests]);

        // The requests want the popular offer more than the modest one (it offers AI too), but it does not want them back.
        Assert.True(Matcher.Want(requests[0], popular) > Matcher.Want(requests[0], modest));
        Assert.Null(Matcher.Pair(requests[0], popular));
        Assert.All(requests, r => Assert.Equal(["profile:modest"], matcher.For(r.Key, 5).Select(m => m.Key)));
        Assert.Empty(matcher.For("profile:popular", 5));
    }

    [Fact]
    public void Want_AudiencesRegionsAndProfileKindsSought_AreAlternatives_OneFoundIsEnough()
    {
        // A test-before-invest AI service for SMEs or the public sector, in two regions; a Centro SME's need for AI testing.
        var service = new MatchItem
        {
            Key = "service:1", Owner = "hub",
            Offers = Set(new MatchTerm(TermKind.Category, "TestBeforeInvest"), Ai),
            Seeks = Set(new MatchTerm(TermKind.Audience, "Sme"), new MatchTerm(TermKind.Audience, "PublicSector"),
                new MatchTerm(TermKind.Region, "PT16"), new MatchTerm(TermKind.Region, "PT11")),
        };
        var need = new MatchItem
        {
            Key = "need:1", Owner = "sme",
            Offers = Set(new MatchTerm(TermKind.Audience, "Sme"), new MatchTerm(TermKind.Region, "PT16")),
            Seeks = Set(new MatchTerm(TermKind.Category, "TestBeforeInvest"), Ai),
        };
        // The service seeks two alternatives of two kinds: both kinds found (Sme, PT16) → 2 of 2, not 2 of 4.
        Assert.Equal(1.0, Matcher.Want(service, need));
        // A customer elsewhere: the audience found, the region not → ½.
        Assert.Equal(0.5, Matcher.Want(service, need with { Offers = Set(new MatchTerm(TermKind.Audience, "Sme"), new MatchTerm(TermKind.Region, "NO08")) }));
        // Alternatives of one kind count once, whatever their number: a request open to three kinds of offer, one offered → whole.
        var request = Hospital(new MatchTerm(TermKind.ProfileKind, "clinical-validation-offer"), new MatchTerm(TermKind.ProfileKind, "data-offer"));
        Assert.Equal(Matcher.Want(Hospital(), Sme()), Matcher.Want(request, Sme()));
    }

    [Fact]
    public void For_LeavesOutTheSameOwner_TheDismissed_AndWhatCannotMeet_RankedThenByKey()
    {
        var hospital = Hospital();
        var sameOwner = Sme() with { Key = "profile:own", Owner = "hospital" };
        var items = new List<MatchItem> { hospital, sameOwner };
        items.AddRange(new[] { "c", "a", "b" }.Select(k => Sme() with { Key = $"profile:{k}", Owner = k }));
        var weaker = Sme(trl: 9) with { Key = "profile:0-weaker", Owner = "w" };
        items.Add(weaker);
        var matcher = new Matcher(items);

        Assert.Equal(["profile:a", "profile:b", "profile:c", "profile:0-weaker"], matcher.For(hospital.Key, 10).Select(m => m.Key));
        Assert.Equal(["profile:a", "profile:b"], matcher.For(hospital.Key, 2).Select(m => m.Key));
        Assert.Equal(["profile:a", "profile:c", "profile:0-weaker"], matcher.For(hospital.Key, 10, dismissed: Set("profile:b")).Select(m => m.Key));
        Assert.Equal(["profile:0-weaker"], matcher.For(hospital.Key, 10, canMeet: (_, other) => other.Owner == "w").Select(m => m.Key));
        Assert.Empty(matcher.For("profile:unknown", 10));
        Assert.Throws<ArgumentException>(() => new Matcher([hospital, hospital]));
    }

    [Fact]
    public void For_TheIndexFindsWhatComparingEveryPairFinds()
    {
        var random = new Random(17);
        string[] technologies = ["ai", "iot", "data", "hpc", "robotics", "cybersecurity"];
        string[] kinds = ["technology-offer", "technology-request", "business-offer", "business-request", "data-offer"];
        string[] keywords = ["telemonitoring", "triage", "imaging", "fhir", "sensors", "dementia", "rehabilitation", "logistics"];
        string[] sectors = ["health", "care", "pharma"];
        string[] countries = ["PT", "NO", "ES", "DK"];
        MatchTerm[] Pick(int n, Func<string, MatchTerm> make, string[] from) => Enumerable.Range(0, n).Select(_ => make(from[random.Next(from.Length)])).ToArray();
        var items = Enumerable.Range(1, 400).Select(i => new MatchItem
        {
            Key = $"item:{i:D3}", Owner = $"o{i % 150}",
            Offers = Set([.. Pick(1, k => new MatchTerm(TermKind.ProfileKind, k), kinds), .. Pick(2, MatchTerm.Technology, technologies), .. Pick(2, MatchTerm.Keyword, keywords)]),
            Seeks = Set([.. Pick(1, k => new MatchTerm(TermKind.ProfileKind, k), kinds), .. Pick(1, MatchTerm.Technology, technologies), .. Pick(1, MatchTerm.Keyword, keywords)]),
            Sectors = Set(sectors[random.Next(sectors.Length)]), Trl = random.Next(1, 10), TrlSought = random.Next(3) == 0 ? null : new TrlRange(3, 7),
            Country = countries[random.Next(countries.Length)], CountriesSought = random.Next(2) == 0 ? Set<string>() : Set(countries[random.Next(countries.Length)]),
        }).ToList();
        var matcher = new Matcher(items);

        var suggested = 0;
        foreach (var item in items.Where((_, i) => i % 7 == 0))
        {
            var expected = items.Where(o => o.Key != item.Key && o.Owner != item.Owner).Select(o => Matcher.Pair(item, o)).OfType<Match>()
                .OrderByDescending(m => m.Score).ThenBy(m => m.Key, StringComparer.Ordinal).Take(10).Select(m => (m.Key, m.Score)).ToList();
            var found = matcher.For(item.Key, 10).Select(m => (m.Key, m.Score)).ToList();
            Assert.Equal(expected, found);
            Assert.All(matcher.For(item.Key, 10), m => Assert.InRange(m.Score, 0.000001, 1));
            suggested += found.Count;
        }
        Assert.True(suggested > 100, $"the generated items should match often enough to test something ({suggested} suggestions)");
    }
}
