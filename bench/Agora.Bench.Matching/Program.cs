using System.Diagnostics;
using System.Globalization;
using Agora.Web.Features.Matchmaking.Matching;

// The matcher (an inverted index of what items offer, then the reciprocal score of each candidate) against the
// baseline of comparing every pair, on the same generated items in the same run: the time to suggest the top 10 for
// one changed item (what the background job does when a profile changes) and for every item (a full recompute), and
// whether both give the same suggestions. Usage: dotnet run -c Release --project bench/Agora.Bench.Matching [-- --sizes 1000,5000,20000]

var sizes = args.Length >= 2 && args[0] == "--sizes"
    ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
    : [1_000, 5_000, 20_000];
const int Top = 10;
Console.WriteLine("| items | build index | one item: matcher | one item: every pair | ratio | all items: matcher | all items: every pair (est.) | ratio | same suggestions |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
foreach (var size in sizes)
{
    var items = Generate(size, seed: 4);
    var clock = Stopwatch.StartNew();
    var matcher = new Matcher(items);
    var build = clock.Elapsed;

    // One changed item: the mean over 200 items, matcher and every pair.
    var sample = items.Where((_, i) => i % Math.Max(1, size / 200) == 0).Take(200).ToList();
    var same = true;
    clock.Restart();
    var found = sample.Select(i => matcher.For(i.Key, Top)).ToList();
    var oneMatcher = clock.Elapsed / sample.Count;
    clock.Restart();
    var expected = sample.Select(i => EveryPair(i, items)).ToList();
    var oneEveryPair = clock.Elapsed / sample.Count;
    for (var i = 0; i < sample.Count; i++)
        same &= found[i].Select(m => (m.Key, m.Score)).SequenceEqual(expected[i].Select(m => (m.Key, m.Score)));

    // Every item with the matcher; every pair estimated from the sample (n × one item).
    clock.Restart();
    var suggestions = items.Sum(i => matcher.For(i.Key, Top).Count);
    var allMatcher = clock.Elapsed;
    var allEveryPair = oneEveryPair * size;

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {size:N0} | {Ms(build)} | {Ms(oneMatcher)} | {Ms(oneEveryPair)} | {oneEveryPair / oneMatcher:F1}× faster | {Ms(allMatcher)} | {Ms(allEveryPair)} | {allEveryPair / allMatcher:F1}× faster | {(same ? "yes" : "NO")} ({suggestions:N0} suggestions) |"));
}

static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString(t.TotalMilliseconds < 10 ? "F3" : "F0", CultureInfo.InvariantCulture) + " ms";

static List<Match> EveryPair(MatchItem item, List<MatchItem> items) =>
    items.Where(o => o.Key != item.Key && o.Owner != item.Owner).Select(o => Matcher.Pair(item, o)).OfType<Match>()
        .OrderByDescending(m => m.Score).ThenBy(m => m.Key, StringComparer.Ordinal).Take(Top).ToList();

// Profiles of a network: 7 kinds, 12 technologies, 300 keywords (a few common, most rare), 4 sectors, 12 countries.
static List<MatchItem> Generate(int n, int seed)
{
    var random = new Random(seed);
    string[] kinds = ["technology-offer", "technology-request", "business-offer", "business-request", "rd-cooperation", "test-site-offer", "data-offer"];
    var technologies = new[] { "ai", "iot", "data", "hpc", "robotics", "cybersecurity", "cloud", "blockchain", "xr", "mobile", "genomics", "imaging" };
    var keywords = Enumerable.Range(1, 300).Select(i => $"keyword-{i}").ToArray();
    string[] sectors = ["health", "care", "pharma", "public-health"];
    string[] countries = ["PT", "NO", "ES", "DK", "SE", "FI", "IS", "IE", "NL", "BE", "DE", "FR"];
    string Keyword() => keywords[(int)(keywords.Length * Math.Pow(random.NextDouble(), 2))];
    HashSet<MatchTerm> Terms(int technologiesCount, int keywordCount)
    {
        var set = new HashSet<MatchTerm> { new(TermKind.ProfileKind, kinds[random.Next(kinds.Length)]) };
        for (var i = 0; i < technologiesCount; i++) set.Add(MatchTerm.Technology(technologies[random.Next(technologies.Length)]));
        for (var i = 0; i < keywordCount; i++) set.Add(MatchTerm.Keyword(Keyword()));
        return set;
    }
    return Enumerable.Range(1, n).Select(i => new MatchItem
    {
        Key = "profile:" + i.ToString("D6", CultureInfo.InvariantCulture), Owner = "org-" + (i % (n / 3 + 1)).ToString(CultureInfo.InvariantCulture),
        Offers = Terms(2, 4), Seeks = Terms(1, 2), Sectors = new HashSet<string> { sectors[random.Next(sectors.Length)] },
        Trl = random.Next(1, 10), TrlSought = random.Next(3) == 0 ? null : new TrlRange(random.Next(1, 6), random.Next(6, 10)),
        Country = countries[random.Next(countries.Length)],
        CountriesSought = random.Next(2) == 0 ? new HashSet<string>() : new HashSet<string> { countries[random.Next(countries.Length)] },
    }).ToList();
}
