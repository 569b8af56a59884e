namespace Agora.Web.Platform.Auth;

/// <summary>A person's roles in one hub.</summary>
public sealed class HubRoleGrant
{
    public Guid HubId { get; init; }
    public Guid UserId { get; init; }
    public HubRoles Roles { get; init; }
}

/// <summary>
/// Where a person's roles in hubs come from; the area that keeps memberships (Hubs) answers it, so Platform reads no
/// feature's table. A query, not a list: <see cref="CurrentUser"/> and <see cref="UserState"/> compose it into the one
/// statement they already send.
/// </summary>
public interface IHubRoleSource
{
    IQueryable<HubRoleGrant> Grants { get; }
}
