using Agora.Web.Features.Campaigns.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Campaigns;

/// <summary>
/// The hub home's featured campaigns, owned by Campaigns so Hubs need not know campaigns:
/// <c>@await Component.InvokeAsync("FeaturedCampaigns", new { hubId, hubSlug })</c>.
/// </summary>
public sealed class FeaturedCampaignsViewComponent(CampaignQueries campaigns) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid hubId, string hubSlug)
    {
        var items = await campaigns.FeaturedAsync(hubId, FeaturedCampaignsView.Max, HttpContext.RequestAborted);
        return View("/Features/Campaigns/Pages/_FeaturedCampaigns.cshtml", new FeaturedCampaignsView(hubSlug, items));
    }
}
