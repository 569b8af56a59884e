using Agora.Web.Platform.Data;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// Every minute: harvests the enabled sources that are due, one after another. Each is claimed with its own lease, so
/// a "harvest now" from the admin page or another instance never harvests the same source twice at once.
/// </summary>
public sealed class HarvestJob(AgoraDbContext db, Harvester harvester, TimeProvider clock) : IJob
{
    public const string Kind = "network.harvest";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<HarvestSource>().Where(s => s.Enabled && s.NextDueAt <= now && (s.LeaseUntil == null || s.LeaseUntil < now))
            .OrderBy(s => s.NextDueAt).Select(s => s.Id).Take(20).ToListAsync(ct);
        foreach (var id in due) await harvester.HarvestAsync(id, onlyIfDue: true, ct);
    }
}
