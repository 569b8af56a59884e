using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Platform.Files;

/// <summary>
/// An uploaded file (campaign cover, idea attachment). The bytes live in their own table so that
/// lists never load them; whoever links a file decides who may download it.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    /// <summary>A safe name for downloads: no path, no control characters.</summary>
    public string FileName { get; set; } = "";
    /// <summary>The type recognised from the content, never the one the browser claimed.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public Guid? UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("Files");
        b.Property(f => f.FileName).HasMaxLength(200).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(120).IsRequired();
        b.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.SetNull);
    }
}
