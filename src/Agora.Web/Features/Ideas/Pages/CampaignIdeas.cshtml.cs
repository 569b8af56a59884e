using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>A campaign's ideas with filters, sorts and pages.</summary>
[AllowAnonymous]
public sealed class CampaignIdeasModel(CampaignQueries campaigns, IdeaQueries queries) : PageModel
{
    public CampaignContext Campaign { get; private set; } = null!;
    public IdeaListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string campaign, CancellationToken ct)
    {
        var context = await campaigns.GetContextAsync(slug, campaign, ct);
        // The same answer as the campaign page.
        if (context is null || !context.CanRead) return this.Hidden();
        Campaign = context;
        var list = await IdeaLists.ForCampaignAsync(queries, context, Request, ct);
        if (list is null) return BadRequest();
        List = list;
        return Page();
    }
}
