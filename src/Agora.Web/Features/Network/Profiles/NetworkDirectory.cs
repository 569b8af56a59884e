using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>The network page's filters; each is optional. <see cref="Kind"/>: Edih, Dih, SealOfExcellence or Other.</summary>
public sealed record NetworkFilter(string? Country = null, string? Region = null, string? Technology = null, string? Sector = null, string? Kind = null)
{
    public bool IsEmpty => string.IsNullOrEmpty(Country) && string.IsNullOrEmpty(Region) && string.IsNullOrEmpty(Technology)
        && string.IsNullOrEmpty(Sector) && string.IsNullOrEmpty(Kind);
}

/// <summary>A hub in the network as the network page and the API list it.</summary>
public sealed record NetworkHub(string Slug, string Name, string LegalName, HubKind Kind, string Country, IReadOnlyList<RegionView> Regions,
    IReadOnlyList<string> Technologies, IReadOnlyList<string> Sectors, IReadOnlyList<string> Languages, string? Website,
    IReadOnlyList<ContactView> Contacts, int PublishedServices);

/// <summary>
/// The network of hubs: every listed hub with a profile, filtered by country, region, technology, sector and kind, with
/// the front-desk contacts the person asking may see (<see cref="ProfileAccess"/>) and its count of published services.
/// </summary>
public sealed class NetworkDirectory(AgoraDbContext db, ProfileAccess access, HubProfiles profiles, Validator v)
{
    public async Task<Result<IReadOnlyList<NetworkHub>>> ListAsync(NetworkFilter filter, CancellationToken ct)
    {
        var country = Validator.Clean(filter.Country).ToUpperInvariant();
        var region = Validator.Clean(filter.Region).ToUpperInvariant();
        var technology = Validator.Clean(filter.Technology);
        var sector = Validator.Clean(filter.Sector);
        var kindText = Validator.Clean(filter.Kind);
        if (country.Length > 0 && !NutsRegions.Countries.Contains(country)) v.Add("country", "Validation.Invalid");
        if (region.Length > 0 && !NutsRegions.IsKnown(region)) v.Add("region", "Validation.Invalid");
        if (technology.Length > 0 && !NetworkTaxonomy.Technologies.Contains(technology)) v.Add("technology", "Validation.Invalid");
        if (sector.Length > 0 && !NetworkTaxonomy.Sectors.Contains(sector)) v.Add("sector", "Validation.Invalid");
        HubKind? kind = null;
        if (kindText.Length > 0)
        {
            if (Enum.TryParse<HubKind>(kindText, false, out var k) && Enum.IsDefined(k) && !int.TryParse(kindText, out _)) kind = k;
            else v.Add("kind", "Validation.Invalid");
        }
        if (!v.IsValid) return Result<IReadOnlyList<NetworkHub>>.Invalid(v.Errors);

        var q = db.HubNetworkProfiles.AsNoTracking().Where(p => p.Listed);
        if (kind is { } wanted) q = q.Where(p => p.Kind == wanted);
        if (technology.Length > 0) { var token = Tags.Token(technology); q = q.Where(p => p.Technologies.Contains(token)); }
        if (sector.Length > 0) { var token = Tags.Token(sector); q = q.Where(p => p.Sectors.Contains(token)); }
        // A hub is in a country when it serves a region there (a national hub may serve abroad too).
        if (country.Length > 0) q = q.Where(p => p.Regions.Any(r => r.RegionCode.StartsWith(country)));
        if (region.Length > 0) q = q.Where(p => p.Regions.Any(r => r.RegionCode == region));
        var rows = await (from p in q
                          join h in db.Hubs on p.HubId equals h.Id
                          orderby h.Name
                          select new { p, h.Slug, h.Name }).ToListAsync(ct);
        if (rows.Count == 0) return Result<IReadOnlyList<NetworkHub>>.Ok([]);
        var ids = rows.Select(r => r.p.HubId).ToList();
        var regions = (await db.HubServedRegions.AsNoTracking().Where(r => ids.Contains(r.HubId)).ToListAsync(ct))
            .ToLookup(r => r.HubId, r => r.RegionCode);
        var services = await db.CatalogueServices.Where(s => ids.Contains(s.HubId) && s.Status == ServiceStatus.Published)
            .GroupBy(s => s.HubId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var contacts = await profiles.ContactsAsync(ids, await access.AudienceAsync(ct), ct);
        return Result<IReadOnlyList<NetworkHub>>.Ok(rows.Select(r => new NetworkHub(r.Slug, r.Name, r.p.LegalName, r.p.Kind, r.p.Country,
            HubProfiles.Regions(regions[r.p.HubId]), Tags.Split(r.p.Technologies), Tags.Split(r.p.Sectors), Tags.Split(r.p.Languages), r.p.Website,
            contacts.GetValueOrDefault(r.p.HubId) ?? [], services.GetValueOrDefault(r.p.HubId))).ToList());
    }

    /// <summary>The hubs grouped by the regions they serve: country, then region, then hub (a hub serving several regions appears under each).</summary>
    public static IReadOnlyList<(string Country, IReadOnlyList<(RegionView Region, IReadOnlyList<NetworkHub> Hubs)> Regions)> ByRegion(
        IReadOnlyList<NetworkHub> hubs, NetworkFilter filter)
    {
        var country = (filter.Country ?? "").Trim().ToUpperInvariant();
        var region = (filter.Region ?? "").Trim().ToUpperInvariant();
        return hubs.SelectMany(h => h.Regions.Select(r => (Region: r, Hub: h)))
            .Where(x => (country.Length == 0 || x.Region.Country == country) && (region.Length == 0 || x.Region.Code == region))
            .GroupBy(x => x.Region.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<(RegionView, IReadOnlyList<NetworkHub>)>)g.GroupBy(x => x.Region.Code).OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => (r.First().Region, (IReadOnlyList<NetworkHub>)r.Select(x => x.Hub).ToList())).ToList()))
            .ToList();
    }

    /// <summary>The hubs per technology they specialise in, in the vocabulary's order.</summary>
    public static IReadOnlyList<(string Technology, IReadOnlyList<NetworkHub> Hubs)> BySpecialisation(IReadOnlyList<NetworkHub> hubs) =>
        NetworkTaxonomy.Technologies.Select(t => (t, (IReadOnlyList<NetworkHub>)hubs.Where(h => h.Technologies.Contains(t)).ToList()))
            .Where(x => x.Item2.Count > 0).ToList();
}
