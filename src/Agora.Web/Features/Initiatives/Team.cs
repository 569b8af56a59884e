using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Initiatives;

public enum PartnerKind
{
    Hospital,
    Municipality,
    Company,
    Research,
    PatientOrganisation,
    PublicAgency,
    Other,
}

/// <summary>An organisation working with the initiative, and what it brings.</summary>
public sealed class InitiativePartner
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public string Name { get; set; } = "";
    public PartnerKind Kind { get; set; }
    public string Contribution { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A dated milestone of the initiative, done when it has a completion date.</summary>
public sealed class Milestone
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class InitiativePartnerConfiguration : IEntityTypeConfiguration<InitiativePartner>
{
    public void Configure(EntityTypeBuilder<InitiativePartner> b)
    {
        b.ToTable("InitiativePartners");
        b.Property(x => x.Name).HasMaxLength(TeamRules.Name).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Contribution).HasMaxLength(TeamRules.Text).IsRequired();
        b.HasIndex(x => x.InitiativeId);
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("Milestones");
        b.Property(x => x.Title).HasMaxLength(TeamRules.Name).IsRequired();
        b.HasIndex(x => new { x.InitiativeId, x.DueOn });
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class TeamRules
{
    public const int Name = 200;
    public const int Text = 1000;
    public const int MaxMembers = 50;
    public const int MaxPartners = 30;
    public const int MaxMilestones = 50;
}
