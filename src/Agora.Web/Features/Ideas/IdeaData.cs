using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>The campaign row lock the idea use cases share (transactions and unique violations: Platform/Data/Transactions).</summary>
internal static class IdeaData
{
    /// <summary>
    /// Takes the campaign's row lock until the transaction ends (a no-op UPDATE), so that counting a person's ideas
    /// against the campaign's per-person limit and publishing one happen one at a time: a second publication waits,
    /// then counts the first (PostgreSQL, read committed); SQLite already runs write transactions one at a time.
    /// </summary>
    public static Task LockCampaignForLimitAsync(this AgoraDbContext db, Guid campaignId, CancellationToken ct) =>
        db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount), ct);
}
