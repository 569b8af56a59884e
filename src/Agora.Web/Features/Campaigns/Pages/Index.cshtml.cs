using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Campaigns.Pages;

[AllowAnonymous]
public sealed class IndexModel(HubQueries hubs, CampaignQueries campaigns, Viewers viewers) : PageModel
{
    public const int PageSize = 12;

    [FromQuery] public string? State { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public HubDetail Hub { get; private set; } = null!;
    public PagedList<CampaignSummary> Result { get; private set; } = new([], 1, PageSize, 0);
    public bool CanManage { get; private set; }
    public bool Filtered => !string.IsNullOrEmpty(State);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var query = ListQuery.Parse(PageNumber, PageSize, Sort, CampaignQueries.Sorts, CampaignQueries.DefaultSort);
        if (query is null || !CampaignQueries.TryParseState(State, out var state)) return BadRequest();
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        Hub = hub;
        Sort = string.IsNullOrWhiteSpace(Sort) ? CampaignQueries.DefaultSort : Sort.Trim();
        State = state?.ToString();
        CanManage = (await viewers.ForHubAsync(hub.Id, ct)).CanManage;
        if (await campaigns.ListAsync(slug, state, query, ct) is not { } list) return NotFound();
        Result = list;
        return Page();
    }
}
