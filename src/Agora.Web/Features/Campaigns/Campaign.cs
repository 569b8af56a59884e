using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Campaigns;

public enum StrategicDriver
{
    /// <summary>Innovate the organisation (services, processes, ways of working).</summary>
    InnovateOrganisation,
    /// <summary>Innovate the health sector (products and services for others).</summary>
    InnovateSector,
}

public enum CampaignAudience
{
    /// <summary>Only the hub's members read and take part.</summary>
    HubMembers,
    /// <summary>Any signed-in person reads and takes part.</summary>
    SignedIn,
    /// <summary>Anyone reads; signed-in people take part.</summary>
    Public,
}

public enum CampaignState
{
    Draft,
    Open,
    Voting,
    InReview,
    Closed,
}

public enum PhaseKind
{
    Submission,
    Voting,
    Review,
}

public enum QuestionKind
{
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,
    Number,
}

/// <summary>A question a hub asks (a challenge); ideas answer it.</summary>
public sealed class Campaign
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    /// <summary>Unique within the hub; the campaign's address is /hubs/{hub}/campaigns/{slug}.</summary>
    public string Slug { get; set; } = "";
    /// <summary>The language the campaign is written in (drives stemming for search).</summary>
    public string Language { get; set; } = "en";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Markdown source; rendered through the sanitiser.</summary>
    public string Description { get; set; } = "";
    public StrategicDriver Driver { get; set; }
    public CampaignAudience Audience { get; set; }
    public CampaignState State { get; set; }
    public bool Featured { get; set; }
    public int? IdeasPerPerson { get; set; }
    public int? VotesPerPerson { get; set; }
    public Guid? CoverFileId { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Published ideas, kept by the handlers that publish, withdraw, hide and merge.</summary>
    public int IdeaCount { get; set; }
    public int FollowerCount { get; set; }

    public List<CampaignPhase> Phases { get; set; } = [];
    public List<CampaignQuestion> Questions { get; set; } = [];
    public List<CampaignFocusArea> FocusAreas { get; set; } = [];
}

/// <summary>One phase of a campaign with its own dates and settings (Decidim-style per-phase settings).</summary>
public sealed class CampaignPhase
{
    public Guid CampaignId { get; set; }
    public PhaseKind Kind { get; set; }
    public bool Enabled { get; set; }
    /// <summary>First day of the phase, inclusive; none means from the moment the state allows it.</summary>
    public DateOnly? StartsOn { get; set; }
    /// <summary>Last day of the phase, inclusive.</summary>
    public DateOnly? EndsOn { get; set; }
    public bool CommentsEnabled { get; set; } = true;
    /// <summary>Whether vote counts are shown while the phase runs (hiding them avoids herding).</summary>
    public bool ShowVoteCounts { get; set; } = true;
}

/// <summary>A custom question of the submission form.</summary>
public sealed class CampaignQuestion
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public string Label { get; set; } = "";
    public string Help { get; set; } = "";
    public bool Required { get; set; }
    /// <summary>Choices of a single or multiple choice question, one per line.</summary>
    public string Options { get; set; } = "";

    public IReadOnlyList<string> OptionList =>
        Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class CampaignFocusArea
{
    public Guid CampaignId { get; set; }
    public int FocusAreaId { get; set; }
}

public sealed class CampaignFollower
{
    public Guid CampaignId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}

/// <summary>
/// Votes a person has used in a campaign. Spending a vote is one conditional UPDATE
/// (Used &lt; limit), so the budget holds even when one person votes on two ideas at once.
/// </summary>
public sealed class CampaignVoteBudget
{
    public Guid CampaignId { get; set; }
    public Guid UserId { get; set; }
    public int Used { get; set; }
}

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.Property(c => c.Slug).HasMaxLength(60).IsRequired();
        b.HasIndex(c => new { c.HubId, c.Slug }).IsUnique();
        b.HasIndex(c => new { c.HubId, c.State, c.Featured });
        b.Property(c => c.Language).HasMaxLength(10).IsRequired();
        b.Property(c => c.Title).HasMaxLength(200).IsRequired();
        b.Property(c => c.Summary).HasMaxLength(500).IsRequired();
        b.Property(c => c.Description).HasMaxLength(20000).IsRequired();
        b.Property(c => c.Driver).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Audience).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Hub>().WithMany().HasForeignKey(c => c.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.CoverFileId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.FocusAreas).WithOne().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignPhaseConfiguration : IEntityTypeConfiguration<CampaignPhase>
{
    public void Configure(EntityTypeBuilder<CampaignPhase> b)
    {
        b.ToTable("CampaignPhases");
        b.HasKey(p => new { p.CampaignId, p.Kind });
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class CampaignQuestionConfiguration : IEntityTypeConfiguration<CampaignQuestion>
{
    public void Configure(EntityTypeBuilder<CampaignQuestion> b)
    {
        b.ToTable("CampaignQuestions");
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Label).HasMaxLength(300).IsRequired();
        b.Property(q => q.Help).HasMaxLength(1000).IsRequired();
        b.Property(q => q.Options).HasMaxLength(4000).IsRequired();
        b.Ignore(q => q.OptionList);
        b.HasIndex(q => new { q.CampaignId, q.Position });
    }
}

public sealed class CampaignFocusAreaConfiguration : IEntityTypeConfiguration<CampaignFocusArea>
{
    public void Configure(EntityTypeBuilder<CampaignFocusArea> b)
    {
        b.ToTable("CampaignFocusAreas");
        b.HasKey(f => new { f.CampaignId, f.FocusAreaId });
        b.HasOne<FocusArea>().WithMany().HasForeignKey(f => f.FocusAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignFollowerConfiguration : IEntityTypeConfiguration<CampaignFollower>
{
    public void Configure(EntityTypeBuilder<CampaignFollower> b)
    {
        b.ToTable("CampaignFollowers");
        b.HasKey(f => new { f.CampaignId, f.UserId });
        b.HasIndex(f => f.UserId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CampaignVoteBudgetConfiguration : IEntityTypeConfiguration<CampaignVoteBudget>
{
    public void Configure(EntityTypeBuilder<CampaignVoteBudget> b)
    {
        b.ToTable("CampaignVoteBudgets");
        b.HasKey(v => new { v.CampaignId, v.UserId });
        b.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
