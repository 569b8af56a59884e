using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Network;

/// <summary>
/// Another Agora installation's plain JSON feed (<c>/network/feed.json</c>) that this one harvests on a schedule. A
/// platform admin adds and removes sources. A harvest claims the source with a lease (<see cref="LeaseOwner"/>,
/// <see cref="LeaseUntil"/>), so on several instances each source is harvested by one at a time. A failed harvest
/// records <see cref="LastError"/> and keeps the services of the last good one.
/// </summary>
public sealed class HarvestSource
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string FeedUrl { get; set; } = "";
    /// <summary>Minutes from one harvest to the next.</summary>
    public int IntervalMinutes { get; set; } = 60;
    public bool Enabled { get; set; } = true;
    /// <summary>The admin allows addresses in private, loopback and link-local ranges (a source on the same network).</summary>
    public bool AllowPrivateAddress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset NextDueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    /// <summary>Why the last harvest failed, in English for the log and the admin (with <see cref="LastErrorCode"/> translated on the page).</summary>
    public string? LastError { get; set; }
    /// <summary>A key of <see cref="HarvestErrors"/>: what kind of failure, shown in the reader's language.</summary>
    public string? LastErrorCode { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
}

/// <summary>A service harvested from a source, kept as the source last published it.</summary>
public sealed class HarvestedService
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    /// <summary>The service's id at the source.</summary>
    public int ExternalId { get; set; }
    /// <summary>The service's page at the source (its IRI there).</summary>
    public string OriginUrl { get; set; } = "";
    /// <summary>The providing hub's name at the source.</summary>
    public string ProviderName { get; set; } = "";
    public string ProviderUrl { get; set; } = "";
    public string ProviderCountry { get; set; } = "";
    /// <summary>NUTS-2 codes the providing hub serves, as <see cref="Tags"/>.</summary>
    public string ProviderRegions { get; set; } = "";
    public ServiceCategory Category { get; set; }
    public string SubType { get; set; } = "";
    public ServiceAudience Audiences { get; set; }
    public string Technologies { get; set; } = "";
    public string Sectors { get; set; } = "";
    public int TrlMin { get; set; }
    public int TrlMax { get; set; }
    public PriceModel PriceModel { get; set; }
    public decimal? IndicativePrice { get; set; }
    public string Currency { get; set; } = "EUR";
    public DeliveryModes Delivery { get; set; }
    public string Languages { get; set; } = "";
    public int? LeadTimeDays { get; set; }
    public string DefaultCulture { get; set; } = "en";
    /// <summary>SHA-256 of the service as harvested: a harvest rewrites it only when this changes.</summary>
    public string ContentHash { get; set; } = "";
    public DateTimeOffset ModifiedAtSource { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<HarvestedServiceText> Texts { get; set; } = [];
}

public sealed class HarvestedServiceText
{
    public int ServiceId { get; set; }
    public string Culture { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
}

public sealed class HarvestSourceConfiguration : IEntityTypeConfiguration<HarvestSource>
{
    public void Configure(EntityTypeBuilder<HarvestSource> b)
    {
        b.ToTable("HarvestSources");
        b.Property(s => s.Name).HasMaxLength(120).IsRequired();
        b.Property(s => s.FeedUrl).HasMaxLength(500).IsRequired();
        b.Property(s => s.LeaseOwner).HasMaxLength(100);
        b.Property(s => s.LastError).HasMaxLength(1000);
        b.Property(s => s.LastErrorCode).HasMaxLength(40);
        b.HasIndex(s => s.NextDueAt);
    }
}

public sealed class HarvestedServiceConfiguration : IEntityTypeConfiguration<HarvestedService>
{
    public void Configure(EntityTypeBuilder<HarvestedService> b)
    {
        b.ToTable("HarvestedServices");
        b.HasIndex(s => new { s.SourceId, s.ExternalId }).IsUnique();
        b.HasIndex(s => s.Category);
        b.HasOne<HarvestSource>().WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.OriginUrl).HasMaxLength(500).IsRequired();
        b.Property(s => s.ProviderName).HasMaxLength(200).IsRequired();
        b.Property(s => s.ProviderUrl).HasMaxLength(500).IsRequired();
        b.Property(s => s.ProviderCountry).HasMaxLength(2).IsRequired();
        b.Property(s => s.ProviderRegions).HasMaxLength(300).IsRequired();
        b.Property(s => s.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.SubType).HasMaxLength(40).IsRequired();
        b.Property(s => s.Technologies).HasMaxLength(300).IsRequired();
        b.Property(s => s.Sectors).HasMaxLength(300).IsRequired();
        b.Property(s => s.PriceModel).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.IndicativePrice).HasPrecision(12, 2);
        b.Property(s => s.Currency).HasMaxLength(3).IsRequired();
        b.Property(s => s.Languages).HasMaxLength(60).IsRequired();
        b.Property(s => s.DefaultCulture).HasMaxLength(10).IsRequired();
        b.Property(s => s.ContentHash).HasMaxLength(64).IsRequired();
        b.HasMany(s => s.Texts).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HarvestedServiceTextConfiguration : IEntityTypeConfiguration<HarvestedServiceText>
{
    public void Configure(EntityTypeBuilder<HarvestedServiceText> b)
    {
        b.ToTable("HarvestedServiceTexts");
        b.HasKey(t => new { t.ServiceId, t.Culture });
        b.Property(t => t.Culture).HasMaxLength(10);
        b.Property(t => t.Title).HasMaxLength(200).IsRequired();
        b.Property(t => t.Summary).HasMaxLength(500).IsRequired();
        b.Property(t => t.Description).HasMaxLength(8000).IsRequired();
    }
}
