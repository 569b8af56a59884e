using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>Uploads or removes a campaign's cover image (hub managers and platform admins).</summary>
public sealed class CampaignCover(AgoraDbContext db, Viewers viewers, CurrentUser current, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<bool>> UploadAsync(string hubSlug, string campaignSlug, UploadInput? cover, CancellationToken ct)
    {
        var campaign = await CampaignAccess.Find(db, hubSlug, campaignSlug).SingleOrDefaultAsync(ct);
        if (campaign is null) return Result<bool>.NotFound();
        var viewer = await viewers.ForHubAsync(campaign.HubId, ct);
        if (CampaignAccess.RefuseUnlessManager(campaign.State, campaign.Audience, viewer) is { } refused) return CampaignAccess.Refused<bool>(refused);
        if (cover is null) return Result<bool>.Invalid("cover", v.Message("Validation.Required"));
        var now = clock.GetUtcNow();
        var file = CoverImages.Check(v, cover, current.RequiredId, now);
        if (file is null) return Result<bool>.Invalid(v.Errors);
        CoverImages.Replace(db, campaign, file);
        campaign.UpdatedAt = now;
        audit.Add(AuditActions.CampaignCoverChanged, campaign.HubId, campaign.Slug, $"{file.ContentType}, {file.Size} bytes");
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    public async Task<Result<bool>> RemoveAsync(string hubSlug, string campaignSlug, CancellationToken ct)
    {
        var campaign = await CampaignAccess.Find(db, hubSlug, campaignSlug).SingleOrDefaultAsync(ct);
        if (campaign is null) return Result<bool>.NotFound();
        var viewer = await viewers.ForHubAsync(campaign.HubId, ct);
        if (CampaignAccess.RefuseUnlessManager(campaign.State, campaign.Audience, viewer) is { } refused) return CampaignAccess.Refused<bool>(refused);
        if (campaign.CoverFileId is null) return Result<bool>.Ok(false);
        CoverImages.Replace(db, campaign, null);
        campaign.UpdatedAt = clock.GetUtcNow();
        audit.Add(AuditActions.CampaignCoverRemoved, campaign.HubId, campaign.Slug);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }
}
