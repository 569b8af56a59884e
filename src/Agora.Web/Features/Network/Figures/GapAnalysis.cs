using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>What a cell of the gap matrix says about a region and a service category.</summary>
public enum GapState
{
    /// <summary>Nobody asked and nobody offers.</summary>
    Quiet,
    /// <summary>Offered, and nobody asked yet.</summary>
    Offered,
    /// <summary>Asked for and offered.</summary>
    Covered,
    /// <summary>Asked for (or declined or referred elsewhere) and offered by no hub serving the region.</summary>
    Gap,
}

/// <summary>The gap rule, in one place.</summary>
public static class GapRules
{
    /// <summary>
    /// A gap: demand (requests, among them declined and referred ones) and no supply (no published service of a listed
    /// hub serving the region). Declined and referred requests are part of the demand, so they make a gap on their own.
    /// </summary>
    public static GapState StateOf(int supply, int demand, int declined, int referred) =>
        supply == 0 ? (demand > 0 || declined > 0 || referred > 0 ? GapState.Gap : GapState.Quiet)
            : demand > 0 ? GapState.Covered : GapState.Offered;
}

/// <summary>One region × category: published services offered there, requests from there (declined and referred among them).</summary>
public sealed record GapCell(ServiceCategory Category, int Supply, int Demand, int Declined, int Referred, GapState State);

public sealed record GapRegion(string Code, string Name, IReadOnlyList<GapCell> Cells);

public sealed record GapCountry(string Country, IReadOnlyList<GapRegion> Regions);

/// <summary>A category and technology the hub's regions ask for that no hub in the same countries offers (technology null: any).</summary>
public sealed record HubGap(ServiceCategory Category, string? Technology, int Demand, int Declined, int Referred);

/// <summary>For one hub: what its served regions ask for that nobody near (a hub serving a region of the same country) offers.</summary>
public sealed record HubGaps(string Hub, string Name, IReadOnlyList<string> Regions, IReadOnlyList<string> Countries, IReadOnlyList<HubGap> Gaps);

/// <summary>The gap matrix (regions × EDIH categories, grouped by country) under the filters, and optionally one hub's gaps.</summary>
public sealed record GapAnalysis(string? Technology, string? Sector, string? Country, bool AllRegions, IReadOnlyList<ServiceCategory> Categories,
    IReadOnlyList<GapCountry> Countries, int GapCount, HubGaps? ForHub);

/// <summary>The filters of the gap analysis: vocabulary keys, a NUTS country code, every region of the countries, a hub.</summary>
public sealed record GapFilters(string? Technology = null, string? Sector = null, string? Country = null, bool AllRegions = false, string? Hub = null);

/// <summary>
/// Reads the <see cref="GapAnalysis"/> for the page, the API and the CSV alike. Supply and demand are counted in the
/// database (GROUP BY region and category); only the per-hub view reads the near services' category and technologies
/// (a tag column) to match them in memory.
/// </summary>
public sealed class GapAnalysisQuery(AgoraDbContext db, FiguresAccess access, Validator v)
{
    public async Task<Result<GapAnalysis>> GetAsync(GapFilters filters, CancellationToken ct)
    {
        if (!access.MaySeeGaps) return Result<GapAnalysis>.Forbidden();
        var tech = Blank(filters.Technology);
        var sector = Blank(filters.Sector);
        var country = Blank(filters.Country)?.ToUpperInvariant();
        if (tech is not null && !NetworkTaxonomy.Technologies.Contains(tech))
            return Result<GapAnalysis>.Invalid("technology", v.Message("Network.Figures.UnknownTechnology"));
        if (sector is not null && !NetworkTaxonomy.Sectors.Contains(sector))
            return Result<GapAnalysis>.Invalid("sector", v.Message("Network.Figures.UnknownSector"));
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
            return Result<GapAnalysis>.Invalid("country", v.Message("Network.Figures.UnknownCountry"));
        Guid? hubId = null;
        string hubName = "";
        var hubSlug = Blank(filters.Hub);
        if (hubSlug is not null)
        {
            var hub = await db.Hubs.Where(h => h.Slug == hubSlug).Select(h => new { h.Id, h.Name }).FirstOrDefaultAsync(ct);
            if (hub is null) return Result<GapAnalysis>.NotFound();
            (hubId, hubName) = (hub.Id, hub.Name);
        }

        var services = Services(tech, sector);
        var supplyQuery = from s in services
                          join r in db.HubServedRegions on s.HubId equals r.HubId
                          select new { r.RegionCode, s.Category };
        if (country is not null) supplyQuery = supplyQuery.Where(x => x.RegionCode.StartsWith(country));
        var supply = await supplyQuery.GroupBy(x => new { x.RegionCode, x.Category })
            .Select(g => new { g.Key.RegionCode, g.Key.Category, Count = g.Count() }).ToListAsync(ct);

        var requests = Requests(tech, sector);
        if (country is not null) requests = requests.Where(r => r.RegionCode.StartsWith(country));
        var demand = await requests.GroupBy(r => new { r.RegionCode, r.Category })
            .Select(g => new { g.Key.RegionCode, g.Key.Category, Count = g.Count(), Declined = g.Sum(r => r.State == ServiceRequestState.Declined ? 1 : 0) })
            .ToListAsync(ct);
        var referred = await requests.Where(r => db.ServiceReferrals.Any(f => f.RequestId == r.Id)).GroupBy(r => new { r.RegionCode, r.Category })
            .Select(g => new { g.Key.RegionCode, g.Key.Category, Count = g.Count() }).ToListAsync(ct);

        var codes = supply.Select(x => x.RegionCode).Concat(demand.Select(x => x.RegionCode)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (filters.AllRegions)
        {
            // Every region of the countries in view: those with figures, the one asked for, and the network's hubs' own.
            var countries = codes.Select(CountryOf).ToHashSet();
            if (country is not null) countries.Add(country);
            else foreach (var c in await db.HubNetworkProfiles.Select(p => p.Country).Distinct().ToListAsync(ct)) countries.Add(c.ToUpperInvariant());
            foreach (var c in countries) foreach (var r in NutsRegions.OfCountry(c)) codes.Add(r.Code);
        }
        var rows = codes.Select(code => NutsRegions.Find(code) ?? new NutsRegion(code.ToUpperInvariant(), CountryOf(code), code))
            .GroupBy(r => r.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GapCountry(g.Key, g.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new GapRegion(r.Code, r.Name,
                NetworkTaxonomy.Categories.Select(c =>
                {
                    var s = supply.Where(x => Same(x.RegionCode, r.Code) && x.Category == c).Sum(x => x.Count);
                    var d = demand.Where(x => Same(x.RegionCode, r.Code) && x.Category == c).ToList();
                    var (n, declined) = (d.Sum(x => x.Count), d.Sum(x => x.Declined));
                    var f = referred.Where(x => Same(x.RegionCode, r.Code) && x.Category == c).Sum(x => x.Count);
                    return new GapCell(c, s, n, declined, f, GapRules.StateOf(s, n, declined, f));
                }).ToList())).ToList()))
            .ToList();

        var forHub = hubId is { } id ? await HubGapsAsync(id, hubSlug!, hubName, tech, sector, ct) : null;
        return Result<GapAnalysis>.Ok(new GapAnalysis(tech, sector, country, filters.AllRegions, NetworkTaxonomy.Categories, rows,
            rows.Sum(c => c.Regions.Sum(r => r.Cells.Count(x => x.State == GapState.Gap))), forHub));
    }

    private async Task<HubGaps> HubGapsAsync(Guid hubId, string slug, string name, string? tech, string? sector, CancellationToken ct)
    {
        var regions = await db.HubServedRegions.Where(r => r.HubId == hubId).Select(r => r.RegionCode).OrderBy(c => c).ToListAsync(ct);
        var countries = regions.Select(CountryOf).Distinct().Order(StringComparer.Ordinal).ToList();
        if (regions.Count == 0) return new HubGaps(slug, name, regions, countries, []);

        var requests = Requests(tech, sector).Where(r => regions.Contains(r.RegionCode));
        var demand = await requests.GroupBy(r => new { r.Category, r.Technology })
            .Select(g => new { g.Key.Category, g.Key.Technology, Count = g.Count(), Declined = g.Sum(r => r.State == ServiceRequestState.Declined ? 1 : 0) })
            .ToListAsync(ct);
        var referred = await requests.Where(r => db.ServiceReferrals.Any(f => f.RequestId == r.Id)).GroupBy(r => new { r.Category, r.Technology })
            .Select(g => new { g.Key.Category, g.Key.Technology, Count = g.Count() }).ToListAsync(ct);

        // "Near": a hub serving one of these regions, or any region of the same countries.
        var near = await Services(tech, sector)
            .Where(s => db.HubServedRegions.Any(r => r.HubId == s.HubId && (regions.Contains(r.RegionCode) || countries.Contains(r.RegionCode.Substring(0, 2)))))
            .Select(s => new { s.Category, s.Technologies }).ToListAsync(ct);
        var offered = near.SelectMany(s => Tags.Split(s.Technologies).Select(t => (s.Category, Technology: (string?)t))
            .Append((s.Category, Technology: (string?)null))).ToHashSet();

        var gaps = demand.Where(d => d.Category is not null && !offered.Contains((d.Category.Value, d.Technology)))
            .Select(d => new HubGap(d.Category!.Value, d.Technology, d.Count, d.Declined,
                referred.Where(x => x.Category == d.Category && x.Technology == d.Technology).Sum(x => x.Count)))
            .OrderBy(g => g.Category).ThenBy(g => g.Technology, StringComparer.Ordinal).ToList();
        return new HubGaps(slug, name, regions, countries, gaps);
    }

    /// <summary>Published services of listed hubs, under the filters.</summary>
    private IQueryable<CatalogueService> Services(string? tech, string? sector)
    {
        var services = db.CatalogueServices.Where(s => s.Status == ServiceStatus.Published && db.HubNetworkProfiles.Any(p => p.HubId == s.HubId && p.Listed));
        if (tech is not null)
        {
            var token = Tags.Token(tech);
            services = services.Where(s => s.Technologies.Contains(token));
        }
        if (sector is not null)
        {
            var token = Tags.Token(sector);
            services = services.Where(s => s.Sectors.Contains(token));
        }
        return services;
    }

    /// <summary>Service requests that name a category, under the filters.</summary>
    private IQueryable<ServiceRequest> Requests(string? tech, string? sector)
    {
        var requests = db.ServiceRequests.Where(r => r.Category != null);
        if (tech is not null) requests = requests.Where(r => r.Technology == tech);
        if (sector is not null) requests = requests.Where(r => r.Sector == sector);
        return requests;
    }

    /// <summary>The matrix as one CSV table: a row per region and category.</summary>
    public async Task<Result<FiguresFile>> CsvAsync(GapFilters filters, CancellationToken ct)
    {
        var result = await GetAsync(filters, ct);
        if (!result.IsOk) return result.Select(_ => (FiguresFile)null!);
        var a = result.Value!;
        using var stream = new MemoryStream();
        var csv = new CsvSheetWriter(stream);
        csv.AddRow(["country", "region", "regionName", "category", "supply", "demand", "declined", "referred", "state"]);
        foreach (var c in a.Countries)
            foreach (var r in c.Regions)
                foreach (var x in r.Cells)
                    csv.AddRow([c.Country, r.Code, r.Name, x.Category.ToString(), x.Supply, x.Demand, x.Declined, x.Referred, x.State.ToString()]);
        await csv.FlushAsync(ct);
        return Result<FiguresFile>.Ok(new FiguresFile("network-gaps.csv", "text/csv; charset=utf-8", stream.ToArray()));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    private static string CountryOf(string code) => NutsRegions.Find(code)?.Country ?? (code.Length >= 2 ? code[..2].ToUpperInvariant() : code.ToUpperInvariant());
}
