using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Hubs;

public enum JoinPolicy
{
    Open,
    Approval,
    InvitationOnly,
}

/// <summary>An innovation hub: a space with its own members, roles and (later) campaigns.</summary>
public sealed class Hub
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>Name in the hub's default language; <see cref="Texts"/> holds the translations.</summary>
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Comma-separated culture names the hub works in.</summary>
    public string Languages { get; set; } = "en";
    public string Region { get; set; } = "";
    /// <summary>IANA time zone id: event times are entered and shown in it.</summary>
    public string TimeZone { get; set; } = "Europe/Lisbon";
    public JoinPolicy JoinPolicy { get; set; }
    /// <summary>ISO 4217 code of the currency the hub's initiative budgets are kept in.</summary>
    public string Currency { get; set; } = "EUR";
    /// <summary>Whether the hub publishes its health-data applications and their decisions (no personal data), as the EHDS expects.</summary>
    public bool PublicRegister { get; set; }
    public string? LogoContentType { get; set; }
    public byte[]? Logo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<HubText> Texts { get; set; } = [];
    public List<HubFocusArea> FocusAreas { get; set; } = [];

    public IReadOnlyList<string> LanguageList =>
        Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The hub's name and description in one language.</summary>
public sealed class HubText
{
    public Guid HubId { get; set; }
    public string Culture { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
}

public sealed class FocusArea
{
    public int Id { get; set; }
    /// <summary>Stable key; people see the translation "FocusArea.{Key}".</summary>
    public string Key { get; set; } = "";
}

public sealed class HubFocusArea
{
    public Guid HubId { get; set; }
    public int FocusAreaId { get; set; }
}

public sealed class HubConfiguration : IEntityTypeConfiguration<Hub>
{
    public void Configure(EntityTypeBuilder<Hub> b)
    {
        b.ToTable("Hubs");
        b.Property(h => h.Slug).HasMaxLength(60).IsRequired();
        b.HasIndex(h => h.Slug).IsUnique();
        b.Property(h => h.Name).HasMaxLength(120).IsRequired();
        b.Property(h => h.Description).HasMaxLength(4000).IsRequired();
        b.Property(h => h.Languages).HasMaxLength(40).IsRequired();
        b.Property(h => h.Region).HasMaxLength(120).IsRequired();
        b.Property(h => h.TimeZone).HasMaxLength(60).IsRequired().HasDefaultValue("Europe/Lisbon");
        b.Property(h => h.Currency).HasMaxLength(3).IsRequired().HasDefaultValue("EUR");
        b.Property(h => h.JoinPolicy).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.LogoContentType).HasMaxLength(40);
        b.Ignore(h => h.LanguageList);
        b.HasMany(h => h.Texts).WithOne().HasForeignKey(t => t.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(h => h.FocusAreas).WithOne().HasForeignKey(f => f.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HubTextConfiguration : IEntityTypeConfiguration<HubText>
{
    public void Configure(EntityTypeBuilder<HubText> b)
    {
        b.ToTable("HubTexts");
        b.HasKey(t => new { t.HubId, t.Culture });
        b.Property(t => t.Culture).HasMaxLength(10);
        b.Property(t => t.Name).HasMaxLength(120).IsRequired();
        b.Property(t => t.Description).HasMaxLength(4000).IsRequired();
    }
}

public sealed class FocusAreaConfiguration : IEntityTypeConfiguration<FocusArea>
{
    public void Configure(EntityTypeBuilder<FocusArea> b)
    {
        b.ToTable("FocusAreas");
        b.Property(f => f.Key).HasMaxLength(40).IsRequired();
        b.HasIndex(f => f.Key).IsUnique();
        b.HasData(
            new FocusArea { Id = 1, Key = "ehealth" },
            new FocusArea { Id = 2, Key = "ict" },
            new FocusArea { Id = 3, Key = "mobile" },
            new FocusArea { Id = 4, Key = "ai" },
            new FocusArea { Id = 5, Key = "robotics" });
    }
}

public sealed class HubFocusAreaConfiguration : IEntityTypeConfiguration<HubFocusArea>
{
    public void Configure(EntityTypeBuilder<HubFocusArea> b)
    {
        b.ToTable("HubFocusAreas");
        b.HasKey(f => new { f.HubId, f.FocusAreaId });
        b.HasOne<FocusArea>().WithMany().HasForeignKey(f => f.FocusAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
