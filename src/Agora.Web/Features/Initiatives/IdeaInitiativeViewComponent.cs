using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Initiatives;

/// <summary>What an idea's page shows of the initiative it goes on as.</summary>
/// <param name="Start">Where a hub manager starts an initiative from the idea; null when they may not.</param>
public sealed record IdeaInitiativeView(string HubSlug, IdeaInitiative? Initiative, string? Start);

/// <summary>
/// The idea page's initiative part, owned by Initiatives so Ideas need not know initiatives:
/// <c>@await Component.InvokeAsync("IdeaInitiative", new { idea })</c>. The initiative it goes on as (already in the idea,
/// through <see cref="IIdeaInitiatives"/>), or for a hub manager a way to start one from an accepted idea that is in none.
/// </summary>
public sealed class IdeaInitiativeViewComponent(Viewers viewers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(IdeaDetail idea)
    {
        var canStart = idea.Initiative is null && idea.State == IdeaState.Accepted && !idea.Hidden
            && (await viewers.ForHubAsync(idea.HubId, HttpContext.RequestAborted)).CanManage;
        if (idea.Initiative is null && !canStart) return Content("");
        var start = canStart ? $"/hubs/{idea.HubSlug}/initiatives/new?idea={idea.Id}" : null;
        return View("~/Features/Initiatives/Pages/_IdeaInitiative.cshtml", new IdeaInitiativeView(idea.HubSlug, idea.Initiative, start));
    }
}
