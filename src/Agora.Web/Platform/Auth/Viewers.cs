namespace Agora.Web.Platform.Auth;

/// <summary>Builds the <see cref="Viewer"/> of the current request for a hub (cached per request and hub).</summary>
public sealed class Viewers(CurrentUser current, IHubBlocks blocks)
{
    private readonly Dictionary<Guid, Viewer> _cache = [];

    public async Task<Viewer> ForHubAsync(Guid hubId, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Viewer.Anonymous;
        if (_cache.TryGetValue(hubId, out var cached)) return cached;
        var roles = await current.RolesInAsync(hubId, ct);
        var userId = current.RequiredId;
        var blocked = await blocks.IsBlockedAsync(hubId, userId, ct);
        var viewer = Viewer.Of(roles, current.IsPlatformAdmin, blocked);
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

/// <summary>Whether a person is blocked in a hub; the area that blocks people (Moderation) answers it.</summary>
public interface IHubBlocks
{
    Task<bool> IsBlockedAsync(Guid hubId, Guid userId, CancellationToken ct);
}
