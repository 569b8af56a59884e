using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Catalogue;

/// <summary>A hub's own services, drafts and withdrawn included, for its managers.</summary>
public sealed class HubServicesModel(HubQueries hubs, MaintainServices services) : PageModel
{
    public string Slug { get; private set; } = "";
    public string HubName { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    [FromQuery(Name = "sort")] public string? SortAsked { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public string Sort { get; private set; } = "title";
    public HubServiceList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var query = ListQuery.Parse(PageNumber, 20, SortAsked, MaintainServices.Sorts, "title") ?? new ListQuery(1, 20, "title", false);
        var result = await services.ListAsync(slug, query, ct);
        if (!result.IsOk) return this.Refusal(result.Outcome);
        var hub = (await hubs.GetAsync(slug, ct))!;
        Slug = hub.Slug;
        HubName = hub.Name;
        TimeZone = hub.TimeZone;
        Sort = (query.Descending ? "-" : "") + query.Sort;
        List = result.Value!;
        return Page();
    }
}
