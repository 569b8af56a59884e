using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Moderation;

public enum ReportTarget
{
    Idea,
    Comment,
}

public enum ReportReason
{
    Spam,
    Offensive,
    PersonalData,
    OffTopic,
    Other,
}

/// <summary>Someone's report of an idea or comment. Who reported is never shown; only counts are.</summary>
public sealed class Report
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    public ReportTarget Target { get; set; }
    /// <summary>The idea's or comment's id.</summary>
    public long TargetId { get; set; }
    public Guid ReporterId { get; set; }
    public ReportReason Reason { get; set; }
    public string Details { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when a moderator hid or kept the content.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>A person blocked from taking part in a hub.</summary>
public sealed class HubBlock
{
    public Guid HubId { get; set; }
    public Guid UserId { get; set; }
    public string Reason { get; set; } = "";
    public Guid BlockedById { get; set; }
    public DateTimeOffset BlockedAt { get; set; }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("Reports");
        b.Property(r => r.Target).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Details).HasMaxLength(1000).IsRequired();
        // One report per person and content: repeated reports do not inflate the count.
        b.HasIndex(r => new { r.Target, r.TargetId, r.ReporterId }).IsUnique();
        b.HasIndex(r => new { r.HubId, r.ResolvedAt });
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HubBlockConfiguration : IEntityTypeConfiguration<HubBlock>
{
    public void Configure(EntityTypeBuilder<HubBlock> b)
    {
        b.ToTable("HubBlocks");
        b.HasKey(x => new { x.HubId, x.UserId });
        b.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        b.HasOne<Hub>().WithMany().HasForeignKey(x => x.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
