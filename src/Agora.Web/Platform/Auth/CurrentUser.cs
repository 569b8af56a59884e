using System.Security.Claims;
using Agora.Web.Features.Hubs;
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

    public static async Task<UserState?> LoadAsync(AgoraDbContext db, Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId)
            .Select(u => new UserState
            {
                UserId = u.Id,
                IsPlatformAdmin = u.IsPlatformAdmin,
                TwoFactorEnabled = u.TwoFactorEnabled,
                ManagesAHub = db.HubMemberships.Any(m => m.UserId == u.Id && (m.Roles & HubRoles.HubManager) != 0),
            })
            .SingleOrDefaultAsync(ct);
}

/// <summary>The person behind the current request and their roles, for handlers.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, AgoraDbContext db)
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
        var roles = await db.HubMemberships.Where(m => m.HubId == hubId && m.UserId == userId)
            .Select(m => (HubRoles?)m.Roles).SingleOrDefaultAsync(ct) ?? HubRoles.None;
        _roles[hubId] = roles;
        return roles;
    }

    public void Forget(Guid hubId) => _roles.Remove(hubId);

    public async Task<bool> IsHubManagerAsync(Guid hubId, CancellationToken ct = default) =>
        IsPlatformAdmin || (await RolesInAsync(hubId, ct)).HasFlag(HubRoles.HubManager);

    public async Task<bool> IsHubMemberAsync(Guid hubId, CancellationToken ct = default) =>
        IsPlatformAdmin || (await RolesInAsync(hubId, ct)) != HubRoles.None;
}
