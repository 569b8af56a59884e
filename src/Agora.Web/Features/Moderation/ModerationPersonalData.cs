using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Moderation;

/// <summary>
/// The reports the person filed, and the hubs that blocked them. Reports filed by others about the person's content are
/// the reporters' and the hub's: not exported. Who reported is never shown, and only open reports are ever read (the
/// moderation queue counts them), so erasure deletes the person's resolved reports and keeps their open ones as
/// anonymised references until a moderator decides (their explanation goes too when they delete their contributions).
/// A block of the person is deleted; a block they made stays as an anonymised reference.
/// </summary>
public sealed class ModerationPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "moderation";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // ReporterId: resolved reports deleted; open reports kept as anonymised references so the queue's counts hold.
        typeof(Report),
        // UserId: deleted. BlockedById: kept as an anonymised reference.
        typeof(HubBlock),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) => new
    {
        reportsFiled = await db.Reports.AsNoTracking().Where(r => r.ReporterId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Target, r.TargetId, r.Reason, r.Details, r.CreatedAt, r.ResolvedAt }).ToListAsync(ct),
        // The reason a hub gave is the moderators' note: the export says which hub and when.
        blockedIn = await (from b in db.HubBlocks.AsNoTracking()
                           join h in db.Hubs on b.HubId equals h.Id
                           where b.UserId == userId
                           select new { Hub = h.Name, b.BlockedAt }).ToListAsync(ct),
    };

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        var me = erasure.UserId;
        await db.Reports.Where(r => r.ReporterId == me && r.ResolvedAt != null).ExecuteDeleteAsync(ct);
        if (erasure.DeleteContributions)
            await db.Reports.Where(r => r.ReporterId == me && r.Details != "").ExecuteUpdateAsync(s => s.SetProperty(r => r.Details, ""), ct);
        await db.HubBlocks.Where(b => b.UserId == me).ExecuteDeleteAsync(ct);
    }
}
