using System.Security.Cryptography;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Initiatives;

/// <summary>What a document of an initiative is; stages name the kinds they need before their gate.</summary>
public enum ArtefactKind
{
    ConceptDescription,
    ValidationPlan,
    ValidationReport,
    PilotReport,
    DeploymentPlan,
    BusinessCase,
    Other,
}

/// <summary>A document the team attached to an initiative (the bytes are a <see cref="StoredFile"/>).</summary>
public sealed class InitiativeDocument
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Guid FileId { get; set; }
    public ArtefactKind Kind { get; set; }
    /// <summary>The stage the initiative was in when the document came.</summary>
    public Guid StageId { get; set; }
    public Guid UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class InitiativeDocumentConfiguration : IEntityTypeConfiguration<InitiativeDocument>
{
    public void Configure(EntityTypeBuilder<InitiativeDocument> b)
    {
        b.ToTable("InitiativeDocuments");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(d => new { d.InitiativeId, d.Kind });
        b.HasOne<Initiative>().WithMany().HasForeignKey(d => d.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InnovationStage>().WithMany().HasForeignKey(d => d.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(d => d.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record DocumentView(int Id, ArtefactKind Kind, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy, string Url);

/// <summary>The team attaches a document of a kind: checked by content like idea attachments, at most 10 MB each and 30 per initiative.</summary>
public sealed class AddInitiativeDocument(AgoraDbContext db, InitiativeAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerInitiative = 30;

    public async Task<Result<DocumentView>> AddAsync(string hubSlug, int id, ArtefactKind? kind, UploadInput? upload, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<DocumentView>.NotFound();
        if (!scope.CanContribute) return scope.Refuse<DocumentView>();
        if (kind is not { } k || !Enum.IsDefined(k)) v.Add("kind", kind is null ? "Validation.Required" : "Validation.Invalid");
        if (upload is null || upload.Size == 0) v.Add("file", "Validation.Required");
        else if (upload.Size > MaxBytes) v.Add("file", "Ideas.AttachmentTooLarge", MaxBytes / 1024 / 1024);
        var type = upload is { Size: > 0 and <= MaxBytes } ? AttachmentTypes.Detect(upload.Content) : null;
        if (upload is { Size: > 0 and <= MaxBytes } && type is null) v.Add("file", "Ideas.AttachmentType");
        if (!v.IsValid) return Result<DocumentView>.Invalid(v.Errors);

        var name = AttachmentTypes.SafeFileName(upload!.FileName, type!);
        var now = clock.GetUtcNow();
        var me = scope.UserId;
        var initiative = scope.Initiative;
        return await db.InTransactionAsync(async () =>
        {
            if (await db.InitiativeDocuments.CountAsync(d => d.InitiativeId == id, ct) >= MaxPerInitiative)
                return (false, Result<DocumentView>.Invalid("file", v.Message("Initiatives.TooManyDocuments", MaxPerInitiative)));
            var file = new StoredFile
            {
                Id = Guid.NewGuid(), FileName = name, ContentType = type!.ContentType, Size = upload.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Content = upload.Content, UploadedById = me, UploadedAt = now,
            };
            db.Files.Add(file);
            var document = new InitiativeDocument { InitiativeId = id, FileId = file.Id, Kind = kind!.Value, StageId = initiative.StageId, UploadedById = me, UploadedAt = now };
            db.InitiativeDocuments.Add(document);
            await db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now), ct);
            audit.Add(AuditActions.InitiativeDocumentAdded, initiative.HubId, CreateInitiative.Subject(id, initiative.Title), $"{kind}: {name}");
            await db.SaveChangesAsync(ct);
            var by = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).SingleAsync(ct);
            return (true, Result<DocumentView>.Ok(new DocumentView(document.Id, document.Kind, name, file.ContentType, file.Size, now, by,
                InitiativeDocuments.Url(hubSlug, id, document.Id))));
        }, ct);
    }
}

/// <summary>Reads an initiative's documents for those who may: the team, the hub's managers and its gatekeepers. Every download is audited.</summary>
public sealed class InitiativeDocuments(AgoraDbContext db, InitiativeAccess access, AuditLog audit)
{
    public static string Url(string hubSlug, int id, int documentId) => $"/api/v1/hubs/{hubSlug}/initiatives/{id}/documents/{documentId}";

    public async Task<AttachmentDownload?> DownloadAsync(string hubSlug, int id, int documentId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !scope.CanReadDocuments) return null;
        var file = await (from d in db.InitiativeDocuments.AsNoTracking()
                          join f in db.Files on d.FileId equals f.Id
                          where d.Id == documentId && d.InitiativeId == id
                          select new { f.FileName, f.ContentType, f.Content }).SingleOrDefaultAsync(ct);
        if (file is null) return null;
        audit.Add(AuditActions.InitiativeDocumentDownloaded, scope.Initiative.HubId, CreateInitiative.Subject(id, scope.Initiative.Title), file.FileName);
        await db.SaveChangesAsync(ct);
        return new AttachmentDownload(file.FileName, file.ContentType, file.Content);
    }

    /// <summary>The documents, newest first, for those who may read them; null for everyone else.</summary>
    public async Task<IReadOnlyList<DocumentView>?> ListAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !scope.CanReadDocuments) return null;
        return await ListAsync(db, hubSlug, id, ct);
    }

    internal static async Task<IReadOnlyList<DocumentView>> ListAsync(AgoraDbContext db, string hubSlug, int id, CancellationToken ct) =>
        (await (from d in db.InitiativeDocuments.AsNoTracking()
                join f in db.Files on d.FileId equals f.Id
                join u in db.Users on d.UploadedById equals u.Id
                where d.InitiativeId == id
                orderby d.Id descending
                select new { d.Id, d.Kind, f.FileName, f.ContentType, f.Size, d.UploadedAt, u.DisplayName }).ToListAsync(ct))
        .Select(d => new DocumentView(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedAt, d.DisplayName, Url(hubSlug, id, d.Id))).ToList();
}
