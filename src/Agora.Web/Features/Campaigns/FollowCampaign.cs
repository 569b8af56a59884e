using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

public sealed record FollowState(bool Following, int FollowerCount);

/// <summary>
/// Following a campaign (anyone who may take part). The follower row and the campaign's counter change in one
/// transaction, the counter with an atomic UPDATE, and the primary key stops a second follow.
/// </summary>
public sealed class FollowCampaign(AgoraDbContext db, Viewers viewers, CurrentUser current, TimeProvider clock)
{
    public async Task<Result<FollowState>> FollowAsync(string hubSlug, string campaignSlug, CancellationToken ct)
    {
        var c = await CampaignAccess.Find(db, hubSlug, campaignSlug).AsNoTracking()
            .Select(c => new { c.Id, c.HubId, c.State, c.Audience }).SingleOrDefaultAsync(ct);
        if (c is null) return Result<FollowState>.NotFound();
        var viewer = await viewers.ForHubAsync(c.HubId, ct);
        var policy = new CampaignPolicy(c.State, c.Audience, [], null, null);
        if (!CampaignRules.CanRead(policy, viewer)) return Result<FollowState>.NotFound();
        if (!CampaignRules.CanFollow(policy, viewer)) return Result<FollowState>.Forbidden();
        var userId = current.RequiredId;
        var now = clock.GetUtcNow();
        var state = await db.InTransactionAsync(async token =>
        {
            if (!await db.CampaignFollowers.AnyAsync(f => f.CampaignId == c.Id && f.UserId == userId, token))
            {
                var follower = new CampaignFollower { CampaignId = c.Id, UserId = userId, FollowedAt = now };
                db.CampaignFollowers.Add(follower);
                var inserted = true;
                try
                {
                    // Inside a transaction EF Core saves to a savepoint, so a lost race leaves the transaction usable.
                    await db.SaveChangesAsync(token);
                }
                catch (DbUpdateException)
                {
                    db.Entry(follower).State = EntityState.Detached;
                    inserted = false;
                }
                if (inserted)
                {
                    await db.Campaigns.Where(x => x.Id == c.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.FollowerCount, x => x.FollowerCount + 1), token);
                }
            }
            return new FollowState(true, await CountAsync(c.Id, token));
        }, ct);
        return Result<FollowState>.Ok(state);
    }

    /// <summary>Always possible for a follower, even one who may no longer take part (blocked, left the hub).</summary>
    public async Task<Result<FollowState>> UnfollowAsync(string hubSlug, string campaignSlug, CancellationToken ct)
    {
        var c = await CampaignAccess.Find(db, hubSlug, campaignSlug).AsNoTracking()
            .Select(c => new { c.Id, c.HubId, c.State, c.Audience }).SingleOrDefaultAsync(ct);
        if (c is null || current.Id is not { } userId) return Result<FollowState>.NotFound();
        var viewer = await viewers.ForHubAsync(c.HubId, ct);
        var policy = new CampaignPolicy(c.State, c.Audience, [], null, null);
        if (!CampaignRules.CanRead(policy, viewer)
            && !await db.CampaignFollowers.AnyAsync(f => f.CampaignId == c.Id && f.UserId == userId, ct))
            return Result<FollowState>.NotFound();
        var state = await db.InTransactionAsync(async token =>
        {
            var deleted = await db.CampaignFollowers.Where(f => f.CampaignId == c.Id && f.UserId == userId).ExecuteDeleteAsync(token);
            if (deleted > 0)
            {
                await db.Campaigns.Where(x => x.Id == c.Id && x.FollowerCount > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.FollowerCount, x => x.FollowerCount - 1), token);
            }
            return new FollowState(false, await CountAsync(c.Id, token));
        }, ct);
        return Result<FollowState>.Ok(state);
    }

    private Task<int> CountAsync(Guid campaignId, CancellationToken ct) =>
        db.Campaigns.Where(x => x.Id == campaignId).Select(x => x.FollowerCount).SingleAsync(ct);
}
