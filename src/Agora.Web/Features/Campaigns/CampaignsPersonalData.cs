using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>
/// The campaigns the person follows, the votes they used in each, and the campaigns they created. Erasure deletes the
/// follows (the follower counts move with them) and the vote budgets (their votes stay and keep counting); a campaign
/// they created belongs to its hub and stays, naming them as "a former member".
/// </summary>
public sealed class CampaignsPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "campaigns";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // CreatedById: kept as an anonymised reference (the campaign is the hub's).
        typeof(Campaign),
        typeof(CampaignFollower),
        typeof(CampaignVoteBudget),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) => new
    {
        following = await (from f in db.CampaignFollowers.AsNoTracking()
                           join c in db.Campaigns on f.CampaignId equals c.Id
                           where f.UserId == userId
                           orderby f.FollowedAt
                           select new { f.CampaignId, c.Title, f.FollowedAt }).ToListAsync(ct),
        votesUsed = await (from b in db.CampaignVoteBudgets.AsNoTracking()
                           join c in db.Campaigns on b.CampaignId equals c.Id
                           where b.UserId == userId
                           orderby c.Title
                           select new { b.CampaignId, c.Title, b.Used }).ToListAsync(ct),
        created = await db.Campaigns.AsNoTracking().Where(c => c.CreatedById == userId).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Title, c.CreatedAt }).ToListAsync(ct),
    };

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        var me = erasure.UserId;
        var followed = await db.CampaignFollowers.Where(f => f.UserId == me).Select(f => f.CampaignId).ToListAsync(ct);
        if (followed.Count > 0)
        {
            await db.CampaignFollowers.Where(f => f.UserId == me).ExecuteDeleteAsync(ct);
            await db.Campaigns.Where(c => followed.Contains(c.Id) && c.FollowerCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FollowerCount, c => c.FollowerCount - 1), ct);
        }
        await db.CampaignVoteBudgets.Where(b => b.UserId == me).ExecuteDeleteAsync(ct);
    }
}
