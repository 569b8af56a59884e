using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;

namespace Agora.Web.Features.Hubs;

/// <summary>Tells Platform's authorization the roles memberships give (<see cref="IHubRoleSource"/>).</summary>
public sealed class HubRoleSource(AgoraDbContext db) : IHubRoleSource
{
    public IQueryable<HubRoleGrant> Grants =>
        db.HubMemberships.Select(m => new HubRoleGrant { HubId = m.HubId, UserId = m.UserId, Roles = m.Roles });
}
