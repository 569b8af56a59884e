using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>
/// Tells Ideas which event an idea was born at: the published event that opened its campaign (the earliest, should
/// several have opened it), only when the reader may see that event (<see cref="EventAccess.Visible"/>).
/// </summary>
public sealed class EventIdeas(AgoraDbContext db, EventAccess access, Viewers viewers) : IIdeaBirthplaces
{
    public async Task<IdeaBornAt?> ForCampaignAsync(Guid hubId, Guid campaignId, CancellationToken ct)
    {
        // Most campaigns were opened by no event: one small query, no standing to work out.
        if (!await db.Events.AnyAsync(e => e.CampaignId == campaignId && e.HubId == hubId && e.State == EventState.Published, ct)) return null;
        var viewer = await viewers.ForHubAsync(hubId, ct);
        var ev = await access.Visible(hubId, viewer).Where(e => e.CampaignId == campaignId && e.State == EventState.Published)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Title, Slug = db.Hubs.Where(h => h.Id == e.HubId).Select(h => h.Slug).Single() })
            .FirstOrDefaultAsync(ct);
        return ev is null ? null : new IdeaBornAt(ev.Id, ev.Title, $"/hubs/{ev.Slug}/events/{ev.Id}");
    }
}
