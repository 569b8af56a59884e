using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Platform.Jobs;

/// <summary>
/// One piece of background work in the database, shared by every instance: a recurring job (one row per kind, due
/// again after each run) or a one-off job a feature queued with its own change (e.g. an import, keyed by its id).
/// An instance works on a row only while it holds the lease; a lease that is not renewed (the instance died) runs
/// out and the row is due for any instance again.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; }
    /// <summary>What to run, e.g. "notifications.mail"; names the handler registered with <see cref="JobsSetup"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>Which one: empty for a recurring job, the feature's own id for a one-off job. Unique with <see cref="Kind"/>.</summary>
    public string Key { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    /// <summary>The instance working on it (host, process and a random part), while the lease lasts.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    /// <summary>Runs started since the last success (a crash counts too): retries wait longer, and a one-off job is given up after a few.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b)
    {
        b.ToTable("BackgroundJobs");
        b.Property(j => j.Kind).HasMaxLength(100);
        b.Property(j => j.Key).HasMaxLength(100);
        b.Property(j => j.LeaseOwner).HasMaxLength(200);
        b.Property(j => j.LastError).HasMaxLength(2000);
        b.HasIndex(j => new { j.Kind, j.Key }).IsUnique();
        b.HasIndex(j => j.DueAt);
    }
}
