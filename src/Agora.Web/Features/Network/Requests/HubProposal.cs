using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// The hub a customer's need goes to when they do not choose one: a listed hub serving the customer's region, else one
/// of the customer's country, else any listed hub (each by name). The ask form proposes it; the API uses it when no hub
/// is given.
/// </summary>
internal static class HubProposal
{
    public sealed record Candidate(Guid Id, string Slug, string Name, string Country, IReadOnlyList<string> Regions);

    /// <summary>The listed hubs of the network, by name.</summary>
    public static async Task<List<Candidate>> CandidatesAsync(AgoraDbContext db, CancellationToken ct) =>
        (await db.HubNetworkProfiles.AsNoTracking().Where(p => p.Listed)
            .Join(db.Hubs, p => p.HubId, h => h.Id, (p, h) => new { h.Id, h.Slug, h.Name, p.Country, Regions = p.Regions.Select(x => x.RegionCode).ToList() })
            .OrderBy(h => h.Name).ToListAsync(ct))
        .Select(h => new Candidate(h.Id, h.Slug, h.Name, h.Country, h.Regions)).ToList();

    public static Candidate? Propose(IReadOnlyList<Candidate> hubs, string region, string country) =>
        hubs.FirstOrDefault(h => h.Regions.Contains(region)) ?? hubs.FirstOrDefault(h => h.Country == country) ?? hubs.FirstOrDefault();
}
