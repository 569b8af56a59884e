using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Hackathons;

public sealed record EventHackathonView(string Path, int Challenges, int Teams, bool IsAccelerator);

/// <summary>
/// The event page's hackathon part, owned by Hackathons so Events need not know hackathons:
/// <c>@await Component.InvokeAsync("EventHackathon", new { slug, eventId })</c>. A link to the hackathon's challenges, teams
/// and results for an event of format Hackathon or Hackaccelerator that the person may see; nothing otherwise.
/// </summary>
public sealed class EventHackathonViewComponent(HackathonQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug, int eventId)
    {
        if (await queries.OverviewAsync(slug, eventId, HttpContext.RequestAborted) is not { } o) return Content("");
        return View("~/Features/Hackathons/Pages/_EventHackathon.cshtml",
            new EventHackathonView($"/hubs/{slug}/events/{eventId}/hackathon", o.Challenges.Count, o.Teams.Count, o.IsAccelerator));
    }
}
