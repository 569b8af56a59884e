using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Platform.Audit;

/// <summary>One append-only record of a security or data event.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>Event code such as "account.signin.succeeded"; people see "Audit.{Action}".</summary>
    public string Action { get; set; } = "";
    public Guid? ActorId { get; set; }
    /// <summary>The actor's email at the time, kept when the account is gone.</summary>
    public string? ActorEmail { get; set; }
    public Guid? HubId { get; set; }
    public string? Subject { get; set; }
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.Property(e => e.Action).HasMaxLength(60).IsRequired();
        b.Property(e => e.ActorEmail).HasMaxLength(256);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.Details).HasMaxLength(1000);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.UserAgent).HasMaxLength(300);
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => new { e.HubId, e.OccurredAt });
        b.HasIndex(e => e.ActorId);
    }
}
