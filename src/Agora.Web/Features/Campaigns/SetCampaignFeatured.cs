using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>Shows a campaign on its hub's home page, or stops showing it (hub managers and platform admins).</summary>
public sealed class SetCampaignFeatured(AgoraDbContext db, Viewers viewers, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<bool>> SetAsync(string hubSlug, string campaignSlug, bool? featured, CancellationToken ct)
    {
        var campaign = await CampaignAccess.Find(db, hubSlug, campaignSlug).SingleOrDefaultAsync(ct);
        if (campaign is null) return Result<bool>.NotFound();
        var viewer = await viewers.ForHubAsync(campaign.HubId, ct);
        if (CampaignAccess.RefuseUnlessManager(campaign.State, campaign.Audience, viewer) is { } refused) return CampaignAccess.Refused<bool>(refused);
        if (featured is not { } value) return Result<bool>.Invalid("featured", v.Message("Validation.Required"));
        if (campaign.Featured == value) return Result<bool>.Ok(value);
        campaign.Featured = value;
        campaign.UpdatedAt = clock.GetUtcNow();
        audit.Add(value ? AuditActions.CampaignFeatured : AuditActions.CampaignUnfeatured, campaign.HubId, campaign.Slug);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(value);
    }
}
