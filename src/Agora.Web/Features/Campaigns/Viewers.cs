using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Campaigns;

/// <summary>Builds the <see cref="Viewer"/> of the current request for a hub (cached per request and hub).</summary>
public sealed class Viewers(CurrentUser current, AgoraDbContext db)
{
    private readonly Dictionary<Guid, Viewer> _cache = [];

    public async Task<Viewer> ForHubAsync(Guid hubId, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Viewer.Anonymous;
        if (_cache.TryGetValue(hubId, out var cached)) return cached;
        var roles = await current.RolesInAsync(hubId, ct);
        var userId = current.RequiredId;
        var blocked = await db.HubBlocks.AnyAsync(b => b.HubId == hubId && b.UserId == userId, ct);
        var viewer = new Viewer(
            IsAuthenticated: true,
            IsMember: roles != HubRoles.None || current.IsPlatformAdmin,
            IsManager: roles.HasFlag(HubRoles.HubManager) || current.IsPlatformAdmin,
            IsBlocked: blocked,
            // A block ends every right a role gave in the hub (ModerateContent also takes the roles away).
            IsFacilitator: !blocked && roles.HasFlag(HubRoles.Facilitator),
            IsGatekeeper: !blocked && roles.HasFlag(HubRoles.Gatekeeper),
            IsEvaluator: !blocked && roles.HasFlag(HubRoles.Evaluator));
        _cache[hubId] = viewer;
        return viewer;
    }

    /// <summary>Call after changing the person's roles or block in the hub.</summary>
    public void Forget(Guid hubId)
    {
        _cache.Remove(hubId);
        current.Forget(hubId);
    }
}
