using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// Who may do what with the catalogue, for pages, API and exports alike (built on <see cref="NetworkAccess"/>): a hub's
/// managers keep its services; anyone reads a published service of a hub listed in the network; drafts and withdrawn
/// services are known only to the providing hub's managers (404 for everyone else).
/// </summary>
public sealed class CatalogueAccess(AgoraDbContext db, NetworkAccess network)
{
    /// <summary>The hub a person manages (by slug), whether it is in the network, or why not: 404 unknown hub, 403 not a manager.</summary>
    public async Task<(Guid HubId, bool InNetwork, Outcome? Refused)> ManagedHubAsync(string slug, CancellationToken ct)
    {
        if (await db.HubIdAsync(slug, ct) is not { } hub) return (Guid.Empty, false, Outcome.NotFound);
        if (!await network.ManagesHubAsync(hub, ct)) return (hub, false, Outcome.Forbidden);
        return (hub, await db.HubNetworkProfiles.AnyAsync(p => p.HubId == hub, ct), null);
    }

    public Task<bool> ManagesHubAsync(Guid hubId, CancellationToken ct) => network.ManagesHubAsync(hubId, ct);

    /// <summary>Published services of hubs listed in the network: what the catalogue and its search show.</summary>
    public static IQueryable<CatalogueService> Catalogue(AgoraDbContext db) =>
        db.CatalogueServices.Where(s => s.Status == ServiceStatus.Published && db.HubNetworkProfiles.Any(p => p.HubId == s.HubId && p.Listed));

    /// <summary>Whether the person may read the service: in the catalogue, or managed by them.</summary>
    public async Task<bool> CanReadAsync(int serviceId, Guid hubId, CancellationToken ct) =>
        await Catalogue(db).AnyAsync(s => s.Id == serviceId, ct) || await network.ManagesHubAsync(hubId, ct);

    public static Result<T> Refuse<T>(Outcome o) => o == Outcome.NotFound ? Result<T>.NotFound() : Result<T>.Forbidden();
}
