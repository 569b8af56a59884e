using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Transfer;

public enum ImportStatus
{
    /// <summary>Uploaded and checked on the import page; waits for the hub manager to confirm (deleted after a day otherwise).</summary>
    Previewed,
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// A CSV import of ideas into a campaign, worked through in the background in batches. <see cref="Processed"/> is the
/// number of data records done; it moves in the same transaction as the batch it counts, so a restarted or second
/// runner continues after it and never stores a row twice.
/// </summary>
public sealed class IdeaImportJob
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid CreatedById { get; set; }
    /// <summary>Formats and language of the person who started it: row messages are written in it.</summary>
    public string Culture { get; set; } = "en";
    public string UiCulture { get; set; } = "en";
    public ImportStatus Status { get; set; }
    /// <summary>The name the file was uploaded with, cleaned, for people to recognise it.</summary>
    public string FileName { get; set; } = "";
    /// <summary>The uploaded CSV until the job is done; then the file is deleted and this is null.</summary>
    public Guid? FileId { get; set; }
    /// <summary>Data records in the file (blank lines and the header not counted).</summary>
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Good { get; set; }
    public int Bad { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A row of an import that was not stored, with why, in the language of the person who started it.</summary>
public sealed class IdeaImportError
{
    public Guid JobId { get; set; }
    /// <summary>The line of the file the record starts on (the header is line 1).</summary>
    public int Line { get; set; }
    /// <summary>One message per line, each naming its column.</summary>
    public string Messages { get; set; } = "";
}

public sealed class IdeaImportJobConfiguration : IEntityTypeConfiguration<IdeaImportJob>
{
    public void Configure(EntityTypeBuilder<IdeaImportJob> b)
    {
        b.ToTable("IdeaImportJobs");
        b.Property(j => j.Culture).HasMaxLength(10).IsRequired();
        b.Property(j => j.UiCulture).HasMaxLength(10).IsRequired();
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.FileName).HasMaxLength(200).IsRequired();
        b.HasIndex(j => new { j.CampaignId, j.CreatedAt });
        b.HasIndex(j => new { j.Status, j.CreatedAt });
        b.HasOne<Hub>().WithMany().HasForeignKey(j => j.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Campaign>().WithMany().HasForeignKey(j => j.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(j => j.CreatedById).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(j => j.FileId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class IdeaImportErrorConfiguration : IEntityTypeConfiguration<IdeaImportError>
{
    public void Configure(EntityTypeBuilder<IdeaImportError> b)
    {
        b.ToTable("IdeaImportErrors");
        // One row per line and job: a retried batch cannot report a line twice.
        b.HasKey(e => new { e.JobId, e.Line });
        b.Property(e => e.Messages).HasMaxLength(4000).IsRequired();
        b.HasOne<IdeaImportJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
