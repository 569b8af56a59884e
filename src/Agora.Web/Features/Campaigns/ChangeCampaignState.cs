using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>Moves a campaign one step along its life (or closes it); each change is audited.</summary>
public sealed class ChangeCampaignState(AgoraDbContext db, Viewers viewers, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<CampaignState>> ChangeAsync(string hubSlug, string campaignSlug, CampaignState? to, CancellationToken ct)
    {
        var c = await CampaignAccess.Find(db, hubSlug, campaignSlug).AsNoTracking()
            .Select(c => new { c.Id, c.HubId, c.Slug, c.State, c.Audience }).SingleOrDefaultAsync(ct);
        if (c is null) return Result<CampaignState>.NotFound();
        var viewer = await viewers.ForHubAsync(c.HubId, ct);
        if (CampaignAccess.RefuseUnlessManager(c.State, c.Audience, viewer) is { } refused) return CampaignAccess.Refused<CampaignState>(refused);

        if (to is not { } target || !Enum.IsDefined(target))
            return Result<CampaignState>.Invalid("state", v.Message(to is null ? "Validation.Required" : "Validation.Invalid"));
        if (!CampaignRules.CanMoveTo(c.State, target))
            return Result<CampaignState>.Invalid("state",
                v.Message("Campaigns.StateNotAllowed", v.Message("CampaignState." + c.State), v.Message("CampaignState." + target)));

        var now = clock.GetUtcNow();
        // Only from the state the manager saw: two managers moving it at once cannot skip a step.
        var changed = await db.InTransactionAsync(async token =>
        {
            var rows = await db.Campaigns.Where(x => x.Id == c.Id && x.State == c.State)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, target).SetProperty(x => x.UpdatedAt, now), token);
            if (rows == 0) return false;
            audit.Add(AuditActions.CampaignStateChanged, c.HubId, c.Slug, $"{c.State} → {target}");
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<CampaignState>.Ok(target) : Result<CampaignState>.Conflict("state", v.Message("Campaigns.StateChangedMeanwhile"));
    }
}
