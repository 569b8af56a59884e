using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Network;

public enum ServiceStatus
{
    /// <summary>Seen only by the providing hub's managers.</summary>
    Draft,
    /// <summary>In the catalogue, the search, the open feed.</summary>
    Published,
    /// <summary>No longer offered: out of the catalogue, and the feed drops it so harvesters remove it.</summary>
    Withdrawn,
}

/// <summary>
/// A service a hub offers in the joint catalogue, in the EDIH taxonomy. Every saved change raises
/// <see cref="Version"/> and keeps the previous state as a <see cref="CatalogueServiceVersion"/>.
/// </summary>
public sealed class CatalogueService
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public ServiceStatus Status { get; set; }
    public ServiceCategory Category { get; set; }
    /// <summary>A key of <see cref="NetworkTaxonomy.SubTypes"/> for <see cref="Category"/>.</summary>
    public string SubType { get; set; } = "";
    public ServiceAudience Audiences { get; set; }
    public string Technologies { get; set; } = "";
    public string Sectors { get; set; } = "";
    /// <summary>Technology readiness levels the service suits, 1–9.</summary>
    public int TrlMin { get; set; } = 1;
    public int TrlMax { get; set; } = 9;
    public PriceModel PriceModel { get; set; }
    /// <summary>Indicative price for a paid or subsidised service, in <see cref="Currency"/>.</summary>
    public decimal? IndicativePrice { get; set; }
    public string Currency { get; set; } = "EUR";
    public DeliveryModes Delivery { get; set; }
    /// <summary>Culture names the service is delivered in, as <see cref="Tags"/>.</summary>
    public string Languages { get; set; } = "";
    /// <summary>Usual working days from acceptance to the start of delivery.</summary>
    public int? LeadTimeDays { get; set; }
    /// <summary>The culture of the text people see when theirs is missing.</summary>
    public string DefaultCulture { get; set; } = "en";
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public List<CatalogueServiceText> Texts { get; set; } = [];
    public List<CatalogueServicePartner> Partners { get; set; } = [];
}

/// <summary>A service's title, summary and description in one language.</summary>
public sealed class CatalogueServiceText
{
    public int ServiceId { get; set; }
    public string Culture { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
}

/// <summary>Another hub of the network that delivers the service with its provider.</summary>
public sealed class CatalogueServicePartner
{
    public int ServiceId { get; set; }
    public Guid HubId { get; set; }
}

/// <summary>A service as it was before a change: the JSON of its plain form, who changed it and why.</summary>
public sealed class CatalogueServiceVersion
{
    public long Id { get; set; }
    public int ServiceId { get; set; }
    public int Version { get; set; }
    public string Snapshot { get; set; } = "";
    public Guid? ChangedById { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string Note { get; set; } = "";
}

public sealed class CatalogueServiceConfiguration : IEntityTypeConfiguration<CatalogueService>
{
    public void Configure(EntityTypeBuilder<CatalogueService> b)
    {
        b.ToTable("CatalogueServices");
        b.HasIndex(s => new { s.HubId, s.Status });
        b.HasIndex(s => new { s.Status, s.Category });
        b.HasOne<Hub>().WithMany().HasForeignKey(s => s.HubId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.SubType).HasMaxLength(40).IsRequired();
        b.Property(s => s.Technologies).HasMaxLength(300).IsRequired();
        b.Property(s => s.Sectors).HasMaxLength(300).IsRequired();
        b.Property(s => s.PriceModel).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.IndicativePrice).HasPrecision(12, 2);
        b.Property(s => s.Currency).HasMaxLength(3).IsRequired();
        b.Property(s => s.Languages).HasMaxLength(60).IsRequired();
        b.Property(s => s.DefaultCulture).HasMaxLength(10).IsRequired();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasMany(s => s.Texts).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Partners).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CatalogueServiceTextConfiguration : IEntityTypeConfiguration<CatalogueServiceText>
{
    public void Configure(EntityTypeBuilder<CatalogueServiceText> b)
    {
        b.ToTable("CatalogueServiceTexts");
        b.HasKey(t => new { t.ServiceId, t.Culture });
        b.Property(t => t.Culture).HasMaxLength(10);
        b.Property(t => t.Title).HasMaxLength(200).IsRequired();
        b.Property(t => t.Summary).HasMaxLength(500).IsRequired();
        b.Property(t => t.Description).HasMaxLength(8000).IsRequired();
    }
}

public sealed class CatalogueServicePartnerConfiguration : IEntityTypeConfiguration<CatalogueServicePartner>
{
    public void Configure(EntityTypeBuilder<CatalogueServicePartner> b)
    {
        b.ToTable("CatalogueServicePartners");
        b.HasKey(p => new { p.ServiceId, p.HubId });
        b.HasIndex(p => p.HubId);
        b.HasOne<Hub>().WithMany().HasForeignKey(p => p.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CatalogueServiceVersionConfiguration : IEntityTypeConfiguration<CatalogueServiceVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueServiceVersion> b)
    {
        b.ToTable("CatalogueServiceVersions");
        b.HasIndex(v => new { v.ServiceId, v.Version }).IsUnique();
        b.HasIndex(v => v.ChangedById);
        b.Property(v => v.Snapshot).IsRequired();
        b.Property(v => v.Note).HasMaxLength(500).IsRequired();
        b.HasOne<CatalogueService>().WithMany().HasForeignKey(v => v.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(v => v.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}
