using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network.Pages.Catalogue;

/// <summary>The catalogue search: every published service of the network's listed hubs, filtered (a GET form that works without script).</summary>
[AllowAnonymous]
public sealed class IndexModel(CatalogueQueries catalogue, HarvestedCatalogue harvested, AgoraDbContext db) : PageModel
{
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public string? Category { get; set; }
    [FromQuery] public string? SubType { get; set; }
    [FromQuery] public string? Technology { get; set; }
    [FromQuery] public string? Sector { get; set; }
    [FromQuery] public string? Audience { get; set; }
    [FromQuery] public string? Delivery { get; set; }
    [FromQuery] public string? Price { get; set; }
    [FromQuery] public int? Trl { get; set; }
    [FromQuery] public string? Language { get; set; }
    [FromQuery] public string? Hub { get; set; }
    [FromQuery] public string? Region { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public PagedList<CatalogueRow> Result { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyList<NetworkHubRef> Hubs { get; private set; } = [];
    public IReadOnlyList<NutsRegion> Regions { get; private set; } = [];
    public bool Filtered { get; private set; }
    /// <summary>
    /// Services harvested from other installations that match the search (their first page), marked with their origin;
    /// null when a filter they cannot answer is set (a hub of this installation, sub-type, audience, delivery, price, TRL, language).
    /// </summary>
    public PagedList<HarvestedServiceRow>? Harvested { get; private set; }
    public string EffectiveSort { get; private set; } = "title";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var searching = !string.IsNullOrWhiteSpace(Q);
        var query = ListQuery.Parse(PageNumber, 20, Sort, CatalogueQueries.Sorts, searching ? "relevance" : "title")
            ?? new ListQuery(1, 20, searching ? "relevance" : "title", false);
        EffectiveSort = (query.Descending ? "-" : "") + query.Sort;
        var filter = new CatalogueFilter(Q, Category, SubType, Technology, Sector, Audience, Delivery, Price, Trl, Language, Hub, Region);
        Filtered = filter != new CatalogueFilter();
        var result = await catalogue.SearchAsync(filter, query, ct);
        if (result.IsOk) Result = result.Value!;
        else ModelState.AddErrors(result.Errors, "", (_, field) => field);
        var culture = CultureInfo.CurrentUICulture.Name;
        var harvestable = string.IsNullOrWhiteSpace(Hub) && string.IsNullOrWhiteSpace(SubType) && string.IsNullOrWhiteSpace(Audience)
            && string.IsNullOrWhiteSpace(Delivery) && string.IsNullOrWhiteSpace(Price) && Trl is null && string.IsNullOrWhiteSpace(Language);
        ServiceCategory? category = Enum.TryParse<ServiceCategory>(Category, ignoreCase: true, out var c) ? c : null;
        if (harvestable && (string.IsNullOrWhiteSpace(Category) || category is not null))
            Harvested = await harvested.SearchAsync(new HarvestedFilter(category, Technology, Sector, Q, Region), culture, 1, 20, ct);
        var hubs = await db.Hubs.AsNoTracking().Where(h => db.HubNetworkProfiles.Any(p => p.HubId == h.Id && p.Listed)).Named(culture).ToListAsync(ct);
        Hubs = hubs.Select(h => new NetworkHubRef(h.Slug, h.Name)).OrderBy(h => h.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var served = await db.HubServedRegions.AsNoTracking().Select(r => r.RegionCode).Distinct().ToListAsync(ct);
        Regions = served.Select(NutsRegions.Find).OfType<NutsRegion>().OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return Page();
    }

    /// <summary>The CSV export of the same search.</summary>
    public string ExportUrl => "/api/v1/network/services/export" + Request.QueryString;
}
