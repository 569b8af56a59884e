using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Matchmaking.Sessions;

public sealed record EventMatchmakingView(string Path, int Participants, int Slots, bool SetUp, bool CanOrganise, string OrganisePath);

/// <summary>
/// The event page's matchmaking part, owned by Matchmaking so Events need not know it:
/// <c>@await Component.InvokeAsync("EventMatchmaking", new { slug, eventId })</c>. A link to the session page (and the
/// organiser's page) for an event of format Matchmaking that the person may see; nothing otherwise.
/// </summary>
public sealed class EventMatchmakingViewComponent(SessionQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug, int eventId)
    {
        var found = await queries.GetAsync(slug, eventId, HttpContext.RequestAborted);
        if (!found.IsOk) return Content("");
        var s = found.Value!;
        return View("~/Features/Matchmaking/Sessions/Pages/_EventMatchmaking.cshtml",
            new EventMatchmakingView(SessionPaths.Session(slug, eventId), s.Participants, s.Slots.Count(x => !x.IsBreak), s.SetUp, s.CanOrganise,
                SessionPaths.Organise(slug, eventId)));
    }
}
