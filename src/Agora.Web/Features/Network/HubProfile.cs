using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Network;

/// <summary>
/// A hub's profile in the network of hubs: what it is, where it works, what it knows. One per hub, made by its
/// managers; a hub without one is not in the network (not on the network page, offers no services).
/// </summary>
public sealed class HubNetworkProfile
{
    public Guid HubId { get; set; }
    public string LegalName { get; set; } = "";
    public HubKind Kind { get; set; }
    /// <summary>ISO 3166 alpha-2 country the hub is established in: its working-day calendar.</summary>
    public string Country { get; set; } = "";
    /// <summary>Technology keys (<see cref="NetworkTaxonomy.Technologies"/>) as <see cref="Tags"/>.</summary>
    public string Technologies { get; set; } = "";
    /// <summary>Sector keys (<see cref="NetworkTaxonomy.Sectors"/>) as <see cref="Tags"/>.</summary>
    public string Sectors { get; set; } = "";
    /// <summary>Culture names the front desk answers in, as <see cref="Tags"/>.</summary>
    public string Languages { get; set; } = "";
    public string? Website { get; set; }
    /// <summary>Working days the front desk has to give a request its first answer.</summary>
    public int FirstAnswerDays { get; set; } = 5;
    /// <summary>Whether the hub is listed on the network page and its published services in the catalogue.</summary>
    public bool Listed { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Raised by every save; a save made from an older version is refused (two managers editing at once).</summary>
    public int Version { get; set; } = 1;

    public List<HubServedRegion> Regions { get; set; } = [];
}

/// <summary>A NUTS-2 region a hub serves (<see cref="NutsRegions"/>).</summary>
public sealed class HubServedRegion
{
    public Guid HubId { get; set; }
    public string RegionCode { get; set; } = "";
}

/// <summary>Who may see a front-desk contact's name, role, languages and hours.</summary>
public enum ContactVisibility
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,
    /// <summary>People signed in to Agora.</summary>
    SignedIn,
    /// <summary>The hub's members.</summary>
    Members,
}

/// <summary>
/// A named person at a hub's front desk. A manager proposes a member; the person is a contact only once they agree
/// (<see cref="ConfirmedAt"/>): nobody is shown anywhere without consent. The seat comes from hub membership and ends
/// with it. The front desk (these people and the hub's managers) handles the hub's service requests.
/// </summary>
public sealed class FrontDeskContact
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>Their role at the desk, e.g. "Business developer, health".</summary>
    public string Role { get; set; } = "";
    public string Languages { get; set; } = "";
    /// <summary>When they can be reached, free text ("Mon–Thu 9–15").</summary>
    public string Hours { get; set; } = "";
    public ContactVisibility Visibility { get; set; } = ContactVisibility.Members;
    public Guid? ProposedById { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
}

/// <summary>A partner of a hub: a university, cluster, company or public body it delivers with.</summary>
public sealed class HubPartner
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The partner's organisation in Agora, when it has one.</summary>
    public Guid? OrganisationId { get; set; }
    public string? Website { get; set; }
    /// <summary>What the partner brings, free text.</summary>
    public string Role { get; set; } = "";
}

public sealed class HubNetworkProfileConfiguration : IEntityTypeConfiguration<HubNetworkProfile>
{
    public void Configure(EntityTypeBuilder<HubNetworkProfile> b)
    {
        b.ToTable("HubNetworkProfiles");
        b.HasKey(p => p.HubId);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Hub>().WithOne().HasForeignKey<HubNetworkProfile>(p => p.HubId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.LegalName).HasMaxLength(200).IsRequired();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Country).HasMaxLength(2).IsRequired();
        b.Property(p => p.Technologies).HasMaxLength(300).IsRequired();
        b.Property(p => p.Sectors).HasMaxLength(300).IsRequired();
        b.Property(p => p.Languages).HasMaxLength(60).IsRequired();
        b.Property(p => p.Website).HasMaxLength(300);
        b.HasMany(p => p.Regions).WithOne().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HubServedRegionConfiguration : IEntityTypeConfiguration<HubServedRegion>
{
    public void Configure(EntityTypeBuilder<HubServedRegion> b)
    {
        b.ToTable("HubServedRegions");
        b.HasKey(r => new { r.HubId, r.RegionCode });
        b.Property(r => r.RegionCode).HasMaxLength(5);
        b.HasIndex(r => r.RegionCode);
    }
}

public sealed class FrontDeskContactConfiguration : IEntityTypeConfiguration<FrontDeskContact>
{
    public void Configure(EntityTypeBuilder<FrontDeskContact> b)
    {
        b.ToTable("FrontDeskContacts");
        b.HasIndex(c => new { c.HubId, c.UserId }).IsUnique();
        b.HasIndex(c => c.UserId);
        b.HasIndex(c => c.ProposedById);
        b.Property(c => c.Role).HasMaxLength(120).IsRequired();
        b.Property(c => c.Languages).HasMaxLength(60).IsRequired();
        b.Property(c => c.Hours).HasMaxLength(200).IsRequired();
        b.Property(c => c.Visibility).HasConversion<string>().HasMaxLength(12);
        b.HasOne<Hub>().WithMany().HasForeignKey(c => c.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HubPartnerConfiguration : IEntityTypeConfiguration<HubPartner>
{
    public void Configure(EntityTypeBuilder<HubPartner> b)
    {
        b.ToTable("HubPartners");
        b.HasIndex(p => p.HubId);
        b.Property(p => p.Name).HasMaxLength(200).IsRequired();
        b.Property(p => p.Website).HasMaxLength(300);
        b.Property(p => p.Role).HasMaxLength(500).IsRequired();
        b.HasOne<Hub>().WithMany().HasForeignKey(p => p.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
