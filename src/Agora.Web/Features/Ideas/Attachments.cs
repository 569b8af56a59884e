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

/// <summary>A file type attachments may have, recognised by content.</summary>
public sealed record AttachmentType(string ContentType, string Extension);

/// <summary>
/// Recognises an attachment's type by its bytes, never by the name or the type the browser claims: PNG, JPEG,
/// WebP, PDF, Office Open XML (docx, xlsx, pptx, without macros) and OpenDocument (odt, ods, odp). Anything
/// else (executables, HTML, SVG, scripts, other archives) is refused.
/// </summary>
public static class AttachmentTypes
{
    public static AttachmentType? Detect(byte[] content)
    {
        var image = ImageTypes.Detect(content);
        if (image is not null) return new AttachmentType(image, image switch { "image/png" => ".png", "image/jpeg" => ".jpg", _ => ".webp" });
        if (content.AsSpan().StartsWith("%PDF-"u8)) return new AttachmentType("application/pdf", ".pdf");
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return DetectZip(content);
        return null;
    }

    private static AttachmentType? DetectZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            // Macros are code: refused like any other executable content.
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return null;
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                    return new AttachmentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
                if (names.Contains("xl/workbook.xml"))
                    return new AttachmentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
                if (names.Contains("ppt/presentation.xml"))
                    return new AttachmentType("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
                return null;
            }
            // OpenDocument: the first entry is "mimetype", stored, naming the kind.
            var first = zip.Entries.FirstOrDefault();
            if (first is { FullName: "mimetype", Length: < 100 } && names.Contains("content.xml"))
            {
                using var reader = new StreamReader(first.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => new AttachmentType("application/vnd.oasis.opendocument.text", ".odt"),
                    "application/vnd.oasis.opendocument.spreadsheet" => new AttachmentType("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
                    "application/vnd.oasis.opendocument.presentation" => new AttachmentType("application/vnd.oasis.opendocument.presentation", ".odp"),
                    _ => null,
                };
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// A name safe to offer for download: no folders, no control or invisible characters, none of the characters
    /// file systems or headers choke on, at most 100 characters, and the extension of the detected type.
    /// </summary>
    public static string SafeFileName(string? name, AttachmentType type)
    {
        var raw = (name ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder();
        foreach (var rune in raw.EnumerateRunes())
        {
            var cat = Rune.GetUnicodeCategory(rune);
            if (cat is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator)
                continue;
            sb.Append(rune.Value < 128 && "<>:\"|?*;%".Contains((char)rune.Value) ? "_" : rune.ToString());
        }
        var clean = sb.ToString().Trim().Trim('.', ' ');
        var dot = clean.LastIndexOf('.');
        var stem = (dot > 0 ? clean[..dot] : clean).Trim().TrimEnd('.');
        if (stem.Length == 0) stem = "attachment";
        var max = 100 - type.Extension.Length;
        while (stem.Length > max)
        {
            // Cut whole characters (text elements), so no surrogate pair or accent is split.
            var info = new System.Globalization.StringInfo(stem);
            stem = info.SubstringByTextElements(0, Math.Min(info.LengthInTextElements - 1, max));
        }
        stem = stem.TrimEnd('.', ' ');
        if (stem.Length == 0) stem = "attachment";
        return stem + type.Extension;
    }
}

/// <summary>An uploaded file as the use case receives it (pages and API read the upload into this).</summary>
public sealed record UploadInput(string? FileName, byte[] Content);

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
        if (upload is null || upload.Content.Length == 0) return Result<AttachmentView>.Invalid("file", v.Message("Validation.Required"));
        if (upload.Content.Length > MaxBytes) return Result<AttachmentView>.Invalid("file", v.Message("Ideas.AttachmentTooLarge", MaxBytes / 1024 / 1024));
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
