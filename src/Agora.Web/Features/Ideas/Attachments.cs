using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>Authors attach files to an editable idea: checked by content, at most 10 MB each and 5 per idea.</summary>
public sealed class AddIdeaAttachment(AgoraDbContext db, IdeaAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerIdea = 5;

    public async Task<Result<AttachmentView>> AddAsync(int id, UploadInput? upload, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<AttachmentView>.NotFound();
        if (!scope.CanEdit) return Result<AttachmentView>.Forbidden();
        if (upload is null || upload.Size == 0) return Result<AttachmentView>.Invalid("file", v.Message("Validation.Required"));
        if (upload.Size > MaxBytes) return Result<AttachmentView>.Invalid("file", v.Message("Ideas.AttachmentTooLarge", MaxBytes / 1024 / 1024));
        var type = AttachmentTypes.Detect(upload.Content);
        if (type is null) return Result<AttachmentView>.Invalid("file", v.Message("Ideas.AttachmentType"));
        var name = AttachmentTypes.SafeFileName(upload.FileName, type);
        var now = clock.GetUtcNow();
        var userId = scope.UserId!.Value;
        var fileId = Guid.NewGuid();
        var hash = Convert.ToHexStringLower(SHA256.HashData(upload.Content));
        return await db.InTransactionAsync(async () =>
        {
            var positions = await db.IdeaAttachments.Where(a => a.IdeaId == id).Select(a => a.Position).ToListAsync(ct);
            if (positions.Count >= MaxPerIdea)
                return (false, Result<AttachmentView>.Invalid("file", v.Message("Ideas.TooManyAttachments", MaxPerIdea)));
            db.Files.Add(new StoredFile
            {
                Id = fileId, FileName = name, ContentType = type.ContentType, Size = upload.Content.Length, Sha256 = hash,
                Content = upload.Content, UploadedById = userId, UploadedAt = now,
            });
            db.IdeaAttachments.Add(new IdeaAttachment { IdeaId = id, FileId = fileId, Position = positions.Count == 0 ? 0 : positions.Max() + 1 });
            audit.Add(AuditActions.IdeaAttachmentAdded, scope.Idea.HubId, IdeaLifecycle.Subject(scope.Idea), name);
            await db.SaveChangesAsync(ct);
            return (true, Result<AttachmentView>.Ok(new AttachmentView(fileId, name, type.ContentType, upload.Content.Length, $"/api/v1/ideas/{id}/attachments/{fileId}")));
        }, ct);
    }
}

/// <summary>Authors remove an attachment while the idea is editable; the stored bytes go with it.</summary>
public sealed class RemoveIdeaAttachment(AgoraDbContext db, IdeaAccess access, AuditLog audit)
{
    public async Task<Result<bool>> RemoveAsync(int id, Guid fileId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<bool>.NotFound();
        if (!scope.CanEdit) return Result<bool>.Forbidden();
        var name = await (from a in db.IdeaAttachments join f in db.Files on a.FileId equals f.Id
                          where a.IdeaId == id && a.FileId == fileId select f.FileName).SingleOrDefaultAsync(ct);
        if (name is null) return Result<bool>.NotFound();
        return await db.InTransactionAsync(async () =>
        {
            await db.IdeaAttachments.Where(a => a.IdeaId == id && a.FileId == fileId).ExecuteDeleteAsync(ct);
            await db.Files.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
            audit.Add(AuditActions.IdeaAttachmentRemoved, scope.Idea.HubId, IdeaLifecycle.Subject(scope.Idea), name);
            await db.SaveChangesAsync(ct);
            return (true, Result<bool>.Ok(true));
        }, ct);
    }
}

/// <summary>An attachment's bytes for download, for people who may see the idea.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, byte[] Content);

public sealed class IdeaAttachmentFiles(AgoraDbContext db, IdeaAccess access)
{
    public async Task<AttachmentDownload?> GetAsync(int id, Guid fileId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return null;
        return await (from a in db.IdeaAttachments.AsNoTracking() join f in db.Files on a.FileId equals f.Id
                      where a.IdeaId == id && a.FileId == fileId
                      select new AttachmentDownload(f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(ct);
    }
}
