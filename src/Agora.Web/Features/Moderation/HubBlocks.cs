using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Moderation;

/// <summary>Tells the authorization model who is blocked in a hub.</summary>
public sealed class HubBlocks(AgoraDbContext db) : IHubBlocks
{
    public Task<bool> IsBlockedAsync(Guid hubId, Guid userId, CancellationToken ct) =>
        db.HubBlocks.AnyAsync(b => b.HubId == hubId && b.UserId == userId, ct);
}
