using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Transfer;

/// <summary>
/// The idea imports the person started. An import they only previewed (never confirmed) is theirs alone and goes, with
/// its uploaded file, as discarding it would; a confirmed import is the hub's record of where ideas came from and stays
/// as an anonymised reference (a running one finishes). <see cref="IdeaImportError"/> holds no personal data (its
/// messages name columns, never values) and goes with its job.
/// </summary>
public sealed class TransferPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "imports";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // CreatedById: previews deleted; confirmed imports kept as anonymised references.
        typeof(IdeaImportJob),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) => new
    {
        imports = await db.IdeaImportJobs.AsNoTracking().Where(j => j.CreatedById == userId).OrderBy(j => j.CreatedAt)
            .Select(j => new
            {
                j.Id, Campaign = db.Campaigns.Where(c => c.Id == j.CampaignId).Select(c => c.Title).FirstOrDefault(), j.FileName, j.Status,
                j.Total, j.Good, j.Bad, j.Culture, j.UiCulture, j.CreatedAt, j.StartedAt, j.FinishedAt,
            }).ToListAsync(ct),
    };

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        var previews = await db.IdeaImportJobs.Where(j => j.CreatedById == erasure.UserId && j.Status == ImportStatus.Previewed)
            .Select(j => new { j.Id, j.FileId }).ToListAsync(ct);
        if (previews.Count == 0) return;
        var ids = previews.Select(p => p.Id).ToList();
        var files = previews.Where(p => p.FileId != null).Select(p => p.FileId!.Value).ToList();
        await db.IdeaImportJobs.Where(j => ids.Contains(j.Id) && j.Status == ImportStatus.Previewed).ExecuteDeleteAsync(ct);
        await db.Files.Where(f => files.Contains(f.Id)).ExecuteDeleteAsync(ct);
    }
}
