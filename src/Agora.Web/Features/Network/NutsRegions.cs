namespace Agora.Web.Features.Network;

/// <summary>A NUTS level-2 region: the unit the European network of hubs plans and reports by.</summary>
public sealed record NutsRegion(string Code, string Country, string Name);

/// <summary>
/// The NUTS 2024 level-2 regions of the EU and EEA countries, shipped as reference data
/// (Regions/nuts2-2024.csv, embedded; 253 regions, the "Extra-Regio" ZZ codes left out). Source: Eurostat, NUTS 2024
/// classification (Commission Delegated Regulation (EU) 2023/2651), https://ec.europa.eu/eurostat/web/nuts: the codes
/// and labels of Eurostat's NUTS 2021–2024 table, and for the Greek, Bulgarian and Cypriot regions and the EEA countries
/// (NO, IS, LI) the Latin-script names (NAME_LATN) of Eurostat GISCO's NUTS 2024 statistical units; reused under
/// Eurostat's copyright notice (free reuse with acknowledgement). Names are the official Latin-script ones.
/// </summary>
public static class NutsRegions
{
    public const string Source = "Eurostat, NUTS 2024 (Regulation (EU) 2023/2651)";
    public const string SourceUrl = "https://ec.europa.eu/eurostat/web/nuts";

    private static readonly Lazy<IReadOnlyList<NutsRegion>> all = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, NutsRegion>> byCode =
        new(() => all.Value.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every region, ordered by code.</summary>
    public static IReadOnlyList<NutsRegion> All => all.Value;

    public static NutsRegion? Find(string? code) =>
        code is not null && byCode.Value.TryGetValue(code.Trim(), out var r) ? r : null;

    public static bool IsKnown(string? code) => Find(code) is not null;

    /// <summary>The regions of one country (ISO 3166 alpha-2, "EL" for Greece as NUTS writes it).</summary>
    public static IEnumerable<NutsRegion> OfCountry(string country) =>
        All.Where(r => string.Equals(r.Country, country, StringComparison.OrdinalIgnoreCase));

    /// <summary>The countries that have regions, ordered by code.</summary>
    public static IReadOnlyList<string> Countries => All.Select(r => r.Country).Distinct().Order().ToList();

    private static IReadOnlyList<NutsRegion> Load()
    {
        using var stream = typeof(NutsRegions).Assembly.GetManifestResourceStream("Agora.Web.Network.nuts2-2024.csv")
            ?? throw new InvalidOperationException("The NUTS 2024 reference data is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<NutsRegion>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var parts = line.Split(',', 3);
            rows.Add(new NutsRegion(parts[0], parts[1], parts[2].Trim('"')));
        }
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }
}
