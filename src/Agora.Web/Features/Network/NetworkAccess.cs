using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// Who may do what in the network of hubs, decided here once for pages, API, exports and notifications:
/// <list type="bullet">
/// <item>a hub's <b>managers</b> keep its network profile, front desk and catalogue services;</item>
/// <item>its <b>front desk</b> (its managers, and members who agreed to be front-desk contacts, while they are members
/// and not blocked) handles the service requests the hub holds;</item>
/// <item>a <b>customer</b>'s members ask for services and follow the organisation's requests; its admins register it
/// and keep its customer data.</item>
/// </list>
/// </summary>
public sealed class NetworkAccess(AgoraDbContext db, Viewers viewers, CurrentUser current, OrganisationAccess organisations)
{
    public async Task<bool> ManagesHubAsync(Guid hubId, CancellationToken ct) =>
        current.IsAuthenticated && (await viewers.ForHubAsync(hubId, ct)).CanManage;

    public async Task<bool> IsFrontDeskAsync(Guid hubId, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return false;
        var viewer = await viewers.ForHubAsync(hubId, ct);
        if (viewer.IsBlocked) return false;
        if (viewer.CanManage) return true;
        if (!viewer.IsMember) return false;
        var me = current.RequiredId;
        return await db.FrontDeskContacts.AnyAsync(c => c.HubId == hubId && c.UserId == me && c.ConfirmedAt != null, ct);
    }

    /// <summary>The people a hub's front-desk notifications go to: its managers and its confirmed contacts who are still members.</summary>
    public static IQueryable<Guid> FrontDeskOf(AgoraDbContext db, Guid hubId) =>
        db.HubMemberships.Where(m => m.HubId == hubId && (m.Roles & HubRoles.HubManager) == HubRoles.HubManager).Select(m => m.UserId)
            .Union(db.FrontDeskContacts.Where(c => c.HubId == hubId && c.ConfirmedAt != null
                    && db.HubMemberships.Any(m => m.HubId == hubId && m.UserId == c.UserId))
                .Select(c => c.UserId));

    /// <summary>Asking for services and following the organisation's requests: its members (and platform admins).</summary>
    public async Task<bool> ActsForCustomerAsync(Guid organisationId, CancellationToken ct)
    {
        if (current.Id is not { } me || !current.IsAuthenticated) return false;
        return current.IsPlatformAdmin || await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == me, ct);
    }

    /// <summary>Registering the organisation as a customer and keeping its customer data: its admins (and platform admins).</summary>
    public Task<bool> ManagesCustomerAsync(Guid organisationId, CancellationToken ct) => organisations.CanManageAsync(organisationId, ct);
}
