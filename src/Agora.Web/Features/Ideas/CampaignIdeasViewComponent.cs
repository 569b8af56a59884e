using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// The first page of a campaign's ideas for the campaign page, owned by Ideas so Campaigns need not know ideas:
/// <c>@await Component.InvokeAsync("CampaignIdeas", new { campaign, canSubmit })</c>. Nothing when the query is not valid.
/// </summary>
public sealed class CampaignIdeasViewComponent(IdeaQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CampaignContext campaign, bool canSubmit)
    {
        if (await IdeaLists.ForCampaignAsync(queries, campaign, Request, HttpContext.RequestAborted) is not { } list) return Content("");
        return View("~/Features/Ideas/Pages/_CampaignIdeas.cshtml", list with { NewIdeaUrl = canSubmit ? list.NewIdeaUrl : null });
    }
}
