using Agora.Web.Features.Events;
using Agora.Web.Features.Hackathons;
using Agora.Web.Features.Mentoring;
using Microsoft.AspNetCore.Mvc;

namespace Agora.Web.Features.Community;

/// <summary>
/// A hub's community figures, gathered from every community area: people per role, calls and selections (Community),
/// mentoring pairs and sessions (Mentoring), events by format with registrations and attendance and the ideas born at
/// them (Events), hackathon teams and the initiatives born there (Hackathons).
/// </summary>
public sealed record HubCommunityFigures(CommunityFigures Calls, MentoringFigures Mentoring, EventFigures Events, HackathonFigures Hackathons);

/// <summary>Reads <see cref="HubCommunityFigures"/> for the hub page and the API alike.</summary>
public sealed class HubCommunity(CommunityQueries calls, MentoringQueries mentoring, EventQueries events, HackathonQueries hackathons)
{
    public async Task<HubCommunityFigures> FiguresAsync(Guid hubId, CancellationToken ct) => new(
        await calls.FiguresAsync(hubId, ct),
        await mentoring.FiguresAsync(hubId, ct),
        await events.FiguresAsync(hubId, ct),
        await hackathons.FiguresAsync(hubId, ct));
}

/// <summary>
/// The hub page's community figures, owned by Community so Hubs need not know the community areas:
/// <c>@await Component.InvokeAsync("CommunityFigures", new { hubId, hubSlug })</c>.
/// </summary>
public sealed class CommunityFiguresViewComponent(HubCommunity community) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid hubId, string hubSlug) =>
        View("/Features/Community/Pages/_CommunityFigures.cshtml",
            new CommunityFiguresView(hubSlug, await community.FiguresAsync(hubId, HttpContext.RequestAborted)));
}

public sealed record CommunityFiguresView(string HubSlug, HubCommunityFigures Figures);
