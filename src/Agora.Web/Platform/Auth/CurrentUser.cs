using System.Security.Claims;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Auth;

/// <summary>What the request knows about the person making it, loaded once per request.</summary>
public sealed class UserState
{
    public required Guid UserId { get; init; }
    public required bool IsPlatformAdmin { get; init; }
    public required bool TwoFactorEnabled { get; init; }
    public required bool ManagesAHub { get; init; }

    /// <summary>Hub managers and platform admins must use two-factor sign-in.</summary>
    public bool MustSetUpTwoFactor => (IsPlatformAdmin || ManagesAHub) && !TwoFactorEnabled;

    public const string ItemKey = "agora.user-state";

    /// <summary>
    /// The person's state in one query; with <paramref name="sessionId"/>, also when that session was
    /// last seen (null when it is unknown, someone else's or revoked).
    /// </summary>
    public static async Task<(UserState State, DateTimeOffset? SessionLastSeen)?> LoadAsync(
        AgoraDbContext db, IHubRoleSource roles, Guid userId, Guid? sessionId, CancellationToken ct)
    {
        var grants = roles.Grants;
        var row = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                u.IsPlatformAdmin,
                u.TwoFactorEnabled,
                ManagesAHub = grants.Any(m => m.UserId == u.Id && (m.Roles & HubRoles.HubManager) != 0),
                SessionLastSeen = db.UserSessions.Where(s => s.Id == sessionId && s.UserId == u.Id && s.RevokedAt == null)
                    .Select(s => (DateTimeOffset?)s.LastSeenAt).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var state = new UserState { UserId = userId, IsPlatformAdmin = row.IsPlatformAdmin, TwoFactorEnabled = row.TwoFactorEnabled, ManagesAHub = row.ManagesAHub };
        return (state, row.SessionLastSeen);
    }
}

/// <summary>The person behind the current request and their roles, for handlers.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, IHubRoleSource source)
{
    private readonly Dictionary<Guid, HubRoles> _roles = [];

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    public ClaimsPrincipal Principal => Http.User;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true && Id is not null;

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid RequiredId => Id ?? throw new InvalidOperationException("Not signed in.");

    public string? Email => Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.FindFirstValue(ClaimTypes.Name);

    public UserState? State => Http.Items.TryGetValue(UserState.ItemKey, out var s) ? s as UserState : null;

    public bool IsPlatformAdmin => State?.IsPlatformAdmin == true;

    /// <summary>Roles held in a hub (None when not a member).</summary>
    public async Task<HubRoles> RolesInAsync(Guid hubId, CancellationToken ct = default)
    {
        if (Id is not { } userId) return HubRoles.None;
        if (_roles.TryGetValue(hubId, out var cached)) return cached;
        var roles = await source.Grants.Where(m => m.HubId == hubId && m.UserId == userId)
            .Select(m => (HubRoles?)m.Roles).SingleOrDefaultAsync(ct) ?? HubRoles.None;
        _roles[hubId] = roles;
        return roles;
    }

    public void Forget(Guid hubId) => _roles.Remove(hubId);

    public async Task<bool> IsHubManagerAsync(Guid hubId, CancellationToken ct = default) =>
        IsPlatformAdmin || (await RolesInAsync(hubId, ct)).HasFlag(HubRoles.HubManager);
}
