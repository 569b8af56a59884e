using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Files;

/// <summary>
/// Which stored files the person uploaded. The bytes belong to whatever links the file (an idea's attachment, a campaign
/// cover, an import) and reach the archive through that feature's source; on erasure a file stays with what links it
/// and only loses its uploader (the column is nullable for this).
/// </summary>
public sealed class FilesPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "files";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(StoredFile)];

    /// <summary>After the features, which may delete the person's files themselves.</summary>
    public int EraseOrder => 100;

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) => new
    {
        uploaded = await db.Files.AsNoTracking().Where(f => f.UploadedById == userId).OrderBy(f => f.UploadedAt)
            .Select(f => new { f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt }).ToListAsync(ct),
    };

    public Task EraseAsync(Erasure erasure, CancellationToken ct) =>
        db.Files.Where(f => f.UploadedById == erasure.UserId).ExecuteUpdateAsync(s => s.SetProperty(f => f.UploadedById, (Guid?)null), ct);
}
