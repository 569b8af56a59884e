namespace Agora.Web.Features.Matchmaking.Matching;

/// <summary>What a term names: how the pages show it ("Artificial intelligence" for the technology "ai"; a keyword as written).</summary>
public enum TermKind
{
    /// <summary>A technology key of the network's vocabulary (<c>NetworkTaxonomy.Technologies</c>).</summary>
    Technology,
    /// <summary>A service category (<c>ServiceCategory</c>).</summary>
    Category,
    /// <summary>A service sub-type key.</summary>
    SubType,
    /// <summary>A kind of partnering profile (technology offer, data offer…).</summary>
    ProfileKind,
    /// <summary>A kind of customer (<c>CustomerType</c>): what a service is for and what a customer is.</summary>
    Audience,
    /// <summary>A NUTS-2 region: where a service is delivered and where a customer is.</summary>
    Region,
    /// <summary>A free keyword, lower case.</summary>
    Keyword,
}

/// <summary>One thing offered or sought.</summary>
public readonly record struct MatchTerm(TermKind Kind, string Key)
{
    public static MatchTerm Technology(string key) => new(TermKind.Technology, key);
    public static MatchTerm Keyword(string word) => new(TermKind.Keyword, word.Trim().ToLowerInvariant());

    public override string ToString() => $"{Kind}:{Key}";
}

/// <summary>A readiness range (technology readiness levels 1–9), both ends included.</summary>
public readonly record struct TrlRange(int Min, int Max)
{
    public bool Contains(int trl) => trl >= Min && trl <= Max;

    /// <summary>How many levels <paramref name="trl"/> lies outside the range (0 inside).</summary>
    public int Distance(int trl) => trl < Min ? Min - trl : trl > Max ? trl - Max : 0;
}

/// <summary>
/// One side of a possible match as the matcher sees it: a partnering profile, a customer's need, a catalogue service or
/// an organisation, reduced to what it offers and what it seeks. The area that owns the thing builds it (a technology
/// request seeks the technology-offer kind and its technologies; a service offers its category, sub-type and
/// technologies and seeks its audiences in the regions it serves; a customer's need seeks a category and technology
/// and offers its customer type and region).
/// </summary>
public sealed record MatchItem
{
    /// <summary>Unique among the items matched together ("profile:12", "need:5", "service:3").</summary>
    public required string Key { get; init; }
    /// <summary>Who holds it (an organisation or hub id): never matched with another item of the same owner.</summary>
    public string Owner { get; init; } = "";
    public IReadOnlySet<MatchTerm> Offers { get; init; } = new HashSet<MatchTerm>();
    public IReadOnlySet<MatchTerm> Seeks { get; init; } = new HashSet<MatchTerm>();
    /// <summary>Sector keys (health, care…); none: not said.</summary>
    public IReadOnlySet<string> Sectors { get; init; } = new HashSet<string>();
    /// <summary>The readiness of what it offers; null: not said.</summary>
    public int? Trl { get; init; }
    /// <summary>The readiness it seeks in a counterpart; null: any.</summary>
    public TrlRange? TrlSought { get; init; }
    /// <summary>Where it is (ISO country code); null: not said.</summary>
    public string? Country { get; init; }
    /// <summary>Countries where it seeks a counterpart; none: anywhere.</summary>
    public IReadOnlySet<string> CountriesSought { get; init; } = new HashSet<string>();
}
