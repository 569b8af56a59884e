using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Initiatives;

/// <summary>Who may read an initiative beyond its team and the hub's managers.</summary>
public enum InitiativeVisibility
{
    /// <summary>Only the team and the hub's managers know it exists.</summary>
    HubInternal,
    /// <summary>Everyone who may read the hub sees its title, summary, stage and ideas; the rest stays with the team.</summary>
    PublicSummary,
}

/// <summary>Where an initiative stands apart from its stage: still moving, paused, or ended (used or stopped).</summary>
public enum InitiativeStatus
{
    Active,
    OnHold,
    /// <summary>Deployed and in use, with benefits realised.</summary>
    Used,
    /// <summary>Stopped at a gate, with the reason and what was learned.</summary>
    Stopped,
}

/// <summary>Verganti's four kinds of innovation: how new the technology is, and how new the meaning.</summary>
public enum VergantiType
{
    /// <summary>Incremental, user-driven: existing technology, existing meaning.</summary>
    EverydayImprovement,
    /// <summary>Radical technology, the same meaning.</summary>
    TechnologyDriven,
    /// <summary>A new meaning with existing technology.</summary>
    MeaningDriven,
    /// <summary>New technology and new meaning together.</summary>
    Epiphany,
}

public enum InnovationKind
{
    Product,
    Service,
    Process,
    Organisational,
    BusinessModel,
}

/// <summary>The stakeholder groups an initiative serves (Helseplattformen's strategy).</summary>
[Flags]
public enum StakeholderGroups
{
    None = 0,
    OwnersAndCustomers = 1,
    PatientsAndCitizens = 2,
    Suppliers = 4,
    AuthoritiesAndResearch = 8,
}

public enum TeamRole
{
    Owner,
    Member,
    ProjectManager,
    ClinicalLead,
    TechnicalLead,
    Advisor,
}

/// <summary>
/// An innovation being developed in a hub: made from accepted ideas (their authors credited) or directly by a hub
/// manager, moving through the hub's innovation process (<see cref="InnovationStage"/>) to used or stopped.
/// </summary>
public sealed class Initiative
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Plain text, shown to everyone who may see the initiative.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Markdown, for the team and the hub's managers.</summary>
    public string Description { get; set; } = "";
    public InitiativeVisibility Visibility { get; set; }
    public Guid StageId { get; set; }
    public InitiativeStatus Status { get; set; }
    public Guid OwnerId { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset StageEnteredAt { get; set; }
    public VergantiType? Verganti { get; set; }
    public InnovationKind? Kind { get; set; }
    public StakeholderGroups Stakeholders { get; set; }
    /// <summary>Where the initiative came from when another area started it (e.g. a hackathon team): plain text and a local path.</summary>
    public string? OriginTitle { get; set; }
    public string? OriginPath { get; set; }
    public int Version { get; set; }
}

/// <summary>An accepted idea the initiative was made from; an idea goes into at most one initiative.</summary>
public sealed class InitiativeIdea
{
    public int InitiativeId { get; set; }
    public int IdeaId { get; set; }
}

public sealed class InitiativeMember
{
    public int InitiativeId { get; set; }
    public Guid UserId { get; set; }
    public TeamRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.ToTable("Initiatives");
        b.Property(i => i.Title).HasMaxLength(InitiativeLimits.Title).IsRequired();
        b.Property(i => i.Summary).HasMaxLength(InitiativeLimits.Summary).IsRequired();
        b.Property(i => i.Description).HasMaxLength(InitiativeLimits.Description).IsRequired();
        b.Property(i => i.Visibility).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Verganti).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.OriginTitle).HasMaxLength(InitiativeLimits.Title + 100);
        b.Property(i => i.OriginPath).HasMaxLength(300);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.HubId, i.StageId, i.Status });
        b.HasOne<Hub>().WithMany().HasForeignKey(i => i.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InnovationStage>().WithMany().HasForeignKey(i => i.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InitiativeIdeaConfiguration : IEntityTypeConfiguration<InitiativeIdea>
{
    public void Configure(EntityTypeBuilder<InitiativeIdea> b)
    {
        b.ToTable("InitiativeIdeas");
        b.HasKey(x => new { x.InitiativeId, x.IdeaId });
        b.HasIndex(x => x.IdeaId).IsUnique();
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Idea>().WithMany().HasForeignKey(x => x.IdeaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InitiativeMemberConfiguration : IEntityTypeConfiguration<InitiativeMember>
{
    public void Configure(EntityTypeBuilder<InitiativeMember> b)
    {
        b.ToTable("InitiativeMembers");
        b.HasKey(x => new { x.InitiativeId, x.UserId });
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.UserId);
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class InitiativeLimits
{
    public const int Title = 200;
    public const int Summary = 1000;
    public const int Description = 20000;
    public const int Ideas = 20;
}
