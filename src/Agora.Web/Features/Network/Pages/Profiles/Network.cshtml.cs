using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Profiles;

/// <summary>The network of hubs: every listed hub by region (country, then region) or by specialisation, with filters that work without JavaScript.</summary>
[AllowAnonymous]
public sealed class NetworkModel(NetworkDirectory directory, HarvestedCatalogue harvested) : PageModel
{
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "technology")] public string? Technology { get; set; }
    [FromQuery(Name = "sector")] public string? Sector { get; set; }
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    /// <summary>"region" (default) or "specialisation".</summary>
    [FromQuery(Name = "view")] public string? View { get; set; }

    public IReadOnlyList<NetworkHub> Hubs { get; private set; } = [];
    public NetworkFilter Filter { get; private set; } = new();
    public bool BySpecialisation => View == "specialisation";
    /// <summary>Services of hubs in other installations, harvested from their feeds, matching the technology, sector and region filters.</summary>
    public int HarvestedCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = new NetworkFilter(Country, Region, Technology, Sector, Kind);
        var result = await directory.ListAsync(Filter, ct);
        HarvestedCount = await harvested.CountAsync(new HarvestedFilter(Technology: Technology, Sector: Sector, Region: Region), ct);
        if (result.IsOk) Hubs = result.Value!;
        else
        {
            // An unknown filter value is named on the page; the list is left empty rather than silently widened.
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
        }
    }
}
