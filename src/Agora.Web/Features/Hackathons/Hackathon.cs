using Agora.Web.Features.Accounts;
using Agora.Web.Features.Events;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Hackathons;

/// <summary>A challenge of a hackathon event: what teams work on, how they are judged, by whom, until when.</summary>
public sealed class HackathonChallenge
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Guid HubId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>An idea campaign of the hub the challenge answers (optional).</summary>
    public Guid? CampaignId { get; set; }
    /// <summary>Comma-separated focus-area keys of the hub's catalogue (optional).</summary>
    public string FocusAreas { get; set; } = "";
    public int MinTeamSize { get; set; } = 1;
    public int MaxTeamSize { get; set; } = 5;
    public DateTimeOffset SubmissionDeadline { get; set; }
    /// <summary>When the organisers published the rankings; before that only they see them.</summary>
    public DateTimeOffset? ResultsPublishedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A criterion the jury marks 1–5; its weight says how much it counts in a judge's total.</summary>
public sealed class HackathonCriterion
{
    public int Id { get; set; }
    public int ChallengeId { get; set; }
    public string Name { get; set; } = "";
    public int Weight { get; set; } = 1;
    public int Position { get; set; }
}

/// <summary>A person the organisers made a judge of one challenge.</summary>
public sealed class HackathonJudge
{
    public int ChallengeId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>A team working on one challenge; <see cref="MemberCount"/> (active members) only moves by guarded UPDATEs.</summary>
public sealed class HackathonTeam
{
    public int Id { get; set; }
    public int ChallengeId { get; set; }
    public int EventId { get; set; }
    public Guid HubId { get; set; }
    public string Name { get; set; } = "";
    public string Pitch { get; set; } = "";
    public int MemberCount { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Chosen by the organisers to continue in the hackaccelerator.</summary>
    public DateTimeOffset? AcceleratedAt { get; set; }
    /// <summary>The innovation initiative the team became (Initiatives' id, plain data).</summary>
    public int? InitiativeId { get; set; }
}

public enum TeamMemberRole
{
    Lead,
    Member,
}

public enum TeamMemberStatus
{
    /// <summary>The team invited the person; nothing happens without their answer.</summary>
    Invited,
    /// <summary>The person asked to join; the team lead answers.</summary>
    Requested,
    Active,
}

/// <summary>A person's place in a team: invited, asking to join, or in it (with a role and an optional free-text role).</summary>
public sealed class HackathonTeamMember
{
    public int TeamId { get; set; }
    public Guid UserId { get; set; }
    public TeamMemberRole Role { get; set; }
    public string RoleText { get; set; } = "";
    public TeamMemberStatus Status { get; set; }
    /// <summary>The team's challenge while the person is an active member, else null: unique with the person, so nobody is in two teams of one challenge.</summary>
    public int? ActiveChallengeId { get; set; }
    public Guid? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
}

/// <summary>A team's submission (one per team, changed until the deadline).</summary>
public sealed class HackathonSubmission
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public string Description { get; set; } = "";
    public string? CodeUrl { get; set; }
    public string? VideoUrl { get; set; }
    public Guid SubmittedById { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A file of a submission (the bytes are a <see cref="StoredFile"/>).</summary>
public sealed class HackathonSubmissionFile
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public Guid FileId { get; set; }
    public Guid UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A judge's mark (1–5) for a team on one criterion.</summary>
public sealed class HackathonScore
{
    public int TeamId { get; set; }
    public Guid JudgeId { get; set; }
    public int CriterionId { get; set; }
    public int ChallengeId { get; set; }
    public int Value { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
}

/// <summary>A judge's declared conflict of interest with a team: the judge does not score it.</summary>
public sealed class HackathonConflict
{
    public int TeamId { get; set; }
    public Guid JudgeId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset DeclaredAt { get; set; }
}

/// <summary>A mentor (a person holding the hub's Mentor role) given to an accelerated team.</summary>
public sealed class HackathonTeamMentor
{
    public int TeamId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>A milestone of an accelerated team.</summary>
public sealed class HackathonMilestone
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A check-in of an accelerated team with its mentors or the organisers: when, and what was said.</summary>
public sealed class HackathonCheckIn
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Notes { get; set; } = "";
    public Guid AuthorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class HackathonLimits
{
    public const int Title = 200;
    public const int Description = 5000;
    public const int Name = 120;
    public const int RoleText = 80;
    public const int Url = 500;
    public const int Reason = 1000;
    public const int Notes = 4000;
    public const int FocusAreas = 300;
    public const int MaxCriteria = 10;
    public const int MaxWeight = 10;
    public const int MaxTeamSize = 20;
    public const int MaxFiles = 5;
    public const int MaxMilestones = 30;
}

public sealed class HackathonChallengeConfiguration : IEntityTypeConfiguration<HackathonChallenge>
{
    public void Configure(EntityTypeBuilder<HackathonChallenge> b)
    {
        b.ToTable("HackathonChallenges");
        b.Property(x => x.Title).HasMaxLength(HackathonLimits.Title).IsRequired();
        b.Property(x => x.Description).HasMaxLength(HackathonLimits.Description).IsRequired();
        b.Property(x => x.FocusAreas).HasMaxLength(HackathonLimits.FocusAreas).IsRequired();
        b.HasIndex(x => x.EventId);
        b.HasIndex(x => x.HubId);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HackathonCriterionConfiguration : IEntityTypeConfiguration<HackathonCriterion>
{
    public void Configure(EntityTypeBuilder<HackathonCriterion> b)
    {
        b.ToTable("HackathonCriteria");
        b.Property(x => x.Name).HasMaxLength(HackathonLimits.Name).IsRequired();
        b.HasIndex(x => x.ChallengeId);
        b.HasOne<HackathonChallenge>().WithMany().HasForeignKey(x => x.ChallengeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HackathonJudgeConfiguration : IEntityTypeConfiguration<HackathonJudge>
{
    public void Configure(EntityTypeBuilder<HackathonJudge> b)
    {
        b.ToTable("HackathonJudges");
        b.HasKey(x => new { x.ChallengeId, x.UserId });
        b.HasIndex(x => x.UserId);
        b.HasOne<HackathonChallenge>().WithMany().HasForeignKey(x => x.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HackathonTeamConfiguration : IEntityTypeConfiguration<HackathonTeam>
{
    public void Configure(EntityTypeBuilder<HackathonTeam> b)
    {
        b.ToTable("HackathonTeams");
        b.Property(x => x.Name).HasMaxLength(HackathonLimits.Name).IsRequired();
        b.Property(x => x.Pitch).HasMaxLength(HackathonLimits.Description).IsRequired();
        b.HasIndex(x => new { x.ChallengeId, x.Name }).IsUnique();
        b.HasIndex(x => x.EventId);
        b.HasIndex(x => x.HubId);
        b.HasOne<HackathonChallenge>().WithMany().HasForeignKey(x => x.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HackathonTeamMemberConfiguration : IEntityTypeConfiguration<HackathonTeamMember>
{
    public void Configure(EntityTypeBuilder<HackathonTeamMember> b)
    {
        b.ToTable("HackathonTeamMembers");
        b.HasKey(x => new { x.TeamId, x.UserId });
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RoleText).HasMaxLength(HackathonLimits.RoleText).IsRequired();
        // Nulls are distinct in a unique index on both databases: only active places collide.
        b.HasIndex(x => new { x.ActiveChallengeId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<HackathonTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HackathonSubmissionConfiguration : IEntityTypeConfiguration<HackathonSubmission>
{
    public void Configure(EntityTypeBuilder<HackathonSubmission> b)
    {
        b.ToTable("HackathonSubmissions");
        b.Property(x => x.Description).HasMaxLength(HackathonLimits.Description).IsRequired();
        b.Property(x => x.CodeUrl).HasMaxLength(HackathonLimits.Url);
        b.Property(x => x.VideoUrl).HasMaxLength(HackathonLimits.Url);
        b.HasIndex(x => x.TeamId).IsUnique();
        b.HasOne<HackathonTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.SubmittedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HackathonSubmissionFileConfiguration : IEntityTypeConfiguration<HackathonSubmissionFile>
{
    public void Configure(EntityTypeBuilder<HackathonSubmissionFile> b)
    {
        b.ToTable("HackathonSubmissionFiles");
        b.HasIndex(x => x.SubmissionId);
        b.HasOne<HackathonSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HackathonScoreConfiguration : IEntityTypeConfiguration<HackathonScore>
{
    public void Configure(EntityTypeBuilder<HackathonScore> b)
    {
        b.ToTable("HackathonScores");
        b.HasKey(x => new { x.TeamId, x.JudgeId, x.CriterionId });
        b.HasIndex(x => x.ChallengeId);
        b.HasIndex(x => x.JudgeId);
        b.HasOne<HackathonTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HackathonCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.JudgeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HackathonConflictConfiguration : IEntityTypeConfiguration<HackathonConflict>
{
    public void Configure(EntityTypeBuilder<HackathonConflict> b)
    {
        b.ToTable("HackathonConflicts");
        b.HasKey(x => new { x.TeamId, x.JudgeId });
        b.Property(x => x.Reason).HasMaxLength(HackathonLimits.Reason).IsRequired();
        b.HasIndex(x => x.JudgeId);
        b.HasOne<HackathonTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.JudgeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HackathonTeamMentorConfiguration : IEntityTypeConfiguration<HackathonTeamMentor>
{
    public void Configure(EntityTypeBuilder<HackathonTeamMentor> b)
    {
        b.ToTable("HackathonTeamMentors");
        b.HasKey(x => new { x.TeamId, x.UserId });
        b.HasIndex(x => x.UserId);
        b.HasOne<HackathonTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HackathonMilestoneConfiguration : IEntityTypeConfiguration<HackathonMilestone>
{
    public void Configure(EntityTypeBuilder<HackathonMilestone> b)
    {
        b.ToTable("HackathonMilestones");
        b.Property(x => x.Title).HasMaxLength(HackathonLimits.Title).IsRequired();
        b.HasIndex(x => new { x.TeamId, x.DueOn });
        b.HasOne<HackathonTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HackathonCheckInConfiguration : IEntityTypeConfiguration<HackathonCheckIn>
{
    public void Configure(EntityTypeBuilder<HackathonCheckIn> b)
    {
        b.ToTable("HackathonCheckIns");
        b.Property(x => x.Notes).HasMaxLength(HackathonLimits.Notes).IsRequired();
        b.HasIndex(x => new { x.TeamId, x.HeldOn });
        b.HasIndex(x => x.AuthorId);
        b.HasOne<HackathonTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
