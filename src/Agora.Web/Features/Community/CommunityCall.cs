using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Community;

/// <summary>Who may apply to a call.</summary>
public enum CallAudience
{
    /// <summary>Members of the hub.</summary>
    HubMembers,
    /// <summary>Anyone signed in; selected people join the hub.</summary>
    SignedIn,
    /// <summary>Only people the hub invited by email (a link with a token).</summary>
    InvitedOnly,
}

/// <summary>A call's life: prepared as a draft, open until its deadline (or closed by hand), then decided.</summary>
public enum CallState
{
    Draft,
    Open,
    Closed,
    Decided,
}

/// <summary>Where an application stands.</summary>
public enum ApplicationStatus
{
    Submitted,
    Withdrawn,
    Selected,
    Reserve,
    Rejected,
    /// <summary>Selected, then declined by the applicant; the first reserve moved up.</summary>
    Declined,
}

/// <summary>
/// A hub's call for one of its community roles (agent of change, facilitator, mentor, fellow): people apply, reviewers
/// score the applications on weighted criteria, the manager selects up to <see cref="Seats"/> people, who get the role.
/// </summary>
public sealed class CommunityCall
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    /// <summary>The built-in role the call is for; None when it is for one of the hub's defined roles.</summary>
    public HubRoles Role { get; set; }
    /// <summary>The hub's defined role the call is for (<see cref="HubDefinedRole"/>), instead of a built-in one.</summary>
    public int? DefinedRoleId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public CallAudience Audience { get; set; }
    public int Seats { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public CallState State { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Open calls whose deadline passed are closed, whether or not anyone closed them by hand.</summary>
    public CallState StateAt(DateTimeOffset now) => State == CallState.Open && now >= Deadline ? CallState.Closed : State;
}

/// <summary>A criterion reviewers score 1–5, with its weight in the weighted average.</summary>
public sealed class CallCriterion
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public int Weight { get; set; }
}

/// <summary>A question every applicant answers (or may answer, when not required).</summary>
public sealed class CallQuestion
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public bool Required { get; set; }
}

/// <summary>A stage of the selection (e.g. a workshop, a week of sessions, an external round), possibly held as an event.</summary>
public sealed class CallStage
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>The event the stage is held as (no foreign key until the events area is merged).</summary>
    public int? EventId { get; set; }
}

/// <summary>A hub member the manager picked to review the call's applications.</summary>
public sealed class CallReviewer
{
    public int CallId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>An invitation to apply to an invitation-only call; only the hash of its token is kept.</summary>
public sealed class CallInvitation
{
    public Guid Id { get; set; }
    public int CallId { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public Guid InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The account that took the invitation up (its email matches); they may apply.</summary>
    public Guid? AcceptedById { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}

/// <summary>One person's application to a call: at most one per person and call.</summary>
public sealed class CallApplication
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public Guid ApplicantId { get; set; }
    public string Motivation { get; set; } = "";
    public ApplicationStatus Status { get; set; }
    /// <summary>Place on the reserve list (1 first) while <see cref="Status"/> is Reserve.</summary>
    public int? ReservePosition { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>True when the selection added the role (it is taken away again if the person declines).</summary>
    public bool RoleGranted { get; set; }
    /// <summary>Selected by moving up from the reserve list.</summary>
    public bool MovedUp { get; set; }
    public int Version { get; set; }
}

public sealed class CallAnswer
{
    public int ApplicationId { get; set; }
    public int QuestionId { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A reviewer's review of one application: scores on every criterion, or a declared conflict of interest.</summary>
public sealed class CallReview
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public Guid ReviewerId { get; set; }
    public bool Conflict { get; set; }
    public string ConflictReason { get; set; } = "";
    public string Comment { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
}

public sealed class CallScore
{
    public int ReviewId { get; set; }
    public int CriterionId { get; set; }
    public int Score { get; set; }
    /// <summary>The criterion's weight when scored.</summary>
    public int Weight { get; set; }
}

public static class CallLimits
{
    public const int Title = 200;
    public const int Description = 8000;
    public const int Criterion = 200;
    public const int Question = 500;
    public const int StageName = 200;
    public const int StageDescription = 2000;
    public const int Motivation = 5000;
    public const int Answer = 3000;
    public const int Comment = 3000;
    public const int MaxSeats = 500;
    public const int MaxWeight = 10;
    public const int MaxRows = 12;
    public const int MinScore = 1;
    public const int MaxScore = 5;
}

public sealed class CommunityCallConfiguration : IEntityTypeConfiguration<CommunityCall>
{
    public void Configure(EntityTypeBuilder<CommunityCall> b)
    {
        b.ToTable("CommunityCalls");
        b.Property(c => c.Title).HasMaxLength(CallLimits.Title * 2).IsRequired();
        b.Property(c => c.Description).HasMaxLength(CallLimits.Description * 2).IsRequired();
        b.Property(c => c.Audience).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.HubId, c.State });
        b.HasIndex(c => c.DefinedRoleId);
        b.HasOne<Hub>().WithMany().HasForeignKey(c => c.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // Defined roles are retired, never deleted, while a call names them.
        b.HasOne<HubDefinedRole>().WithMany().HasForeignKey(c => c.DefinedRoleId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CallCriterionConfiguration : IEntityTypeConfiguration<CallCriterion>
{
    public void Configure(EntityTypeBuilder<CallCriterion> b)
    {
        b.ToTable("CommunityCallCriteria");
        b.Property(c => c.Name).HasMaxLength(CallLimits.Criterion * 2).IsRequired();
        b.HasIndex(c => new { c.CallId, c.Position });
        b.HasOne<CommunityCall>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CallQuestionConfiguration : IEntityTypeConfiguration<CallQuestion>
{
    public void Configure(EntityTypeBuilder<CallQuestion> b)
    {
        b.ToTable("CommunityCallQuestions");
        b.Property(c => c.Text).HasMaxLength(CallLimits.Question * 2).IsRequired();
        b.HasIndex(c => new { c.CallId, c.Position });
        b.HasOne<CommunityCall>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CallStageConfiguration : IEntityTypeConfiguration<CallStage>
{
    public void Configure(EntityTypeBuilder<CallStage> b)
    {
        b.ToTable("CommunityCallStages");
        b.Property(c => c.Name).HasMaxLength(CallLimits.StageName * 2).IsRequired();
        b.Property(c => c.Description).HasMaxLength(CallLimits.StageDescription * 2).IsRequired();
        b.HasIndex(c => new { c.CallId, c.Position });
        b.HasOne<CommunityCall>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
        // A stage's event may go; the stage stays, without it.
        b.HasOne<Features.Events.Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CallReviewerConfiguration : IEntityTypeConfiguration<CallReviewer>
{
    public void Configure(EntityTypeBuilder<CallReviewer> b)
    {
        b.ToTable("CommunityCallReviewers");
        b.HasKey(r => new { r.CallId, r.UserId });
        b.HasIndex(r => r.UserId);
        b.HasOne<CommunityCall>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CallInvitationConfiguration : IEntityTypeConfiguration<CallInvitation>
{
    public void Configure(EntityTypeBuilder<CallInvitation> b)
    {
        b.ToTable("CommunityCallInvitations");
        b.Property(i => i.Email).HasMaxLength(254).IsRequired();
        b.Property(i => i.TokenHash).HasMaxLength(100).IsRequired();
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.CallId);
        b.HasIndex(i => i.AcceptedById);
        b.HasIndex(i => i.InvitedById);
        b.HasOne<CommunityCall>().WithMany().HasForeignKey(i => i.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(i => i.AcceptedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> b)
    {
        b.ToTable("CommunityCallApplications");
        b.Property(a => a.Motivation).HasMaxLength(CallLimits.Motivation * 2).IsRequired();
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        // One application per person and call, enforced by the database.
        b.HasIndex(a => new { a.CallId, a.ApplicantId }).IsUnique();
        b.HasIndex(a => a.ApplicantId);
        b.HasOne<CommunityCall>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CallAnswerConfiguration : IEntityTypeConfiguration<CallAnswer>
{
    public void Configure(EntityTypeBuilder<CallAnswer> b)
    {
        b.ToTable("CommunityCallAnswers");
        b.HasKey(a => new { a.ApplicationId, a.QuestionId });
        b.Property(a => a.Text).HasMaxLength(CallLimits.Answer * 2).IsRequired();
        b.HasOne<CallApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CallQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CallReviewConfiguration : IEntityTypeConfiguration<CallReview>
{
    public void Configure(EntityTypeBuilder<CallReview> b)
    {
        b.ToTable("CommunityCallReviews");
        b.Property(r => r.ConflictReason).HasMaxLength(CallLimits.Comment * 2).IsRequired();
        b.Property(r => r.Comment).HasMaxLength(CallLimits.Comment * 2).IsRequired();
        // One review per reviewer and application: submitting twice at once leaves one.
        b.HasIndex(r => new { r.ApplicationId, r.ReviewerId }).IsUnique();
        b.HasIndex(r => r.ReviewerId);
        b.HasOne<CallApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CallScoreConfiguration : IEntityTypeConfiguration<CallScore>
{
    public void Configure(EntityTypeBuilder<CallScore> b)
    {
        b.ToTable("CommunityCallScores");
        b.HasKey(s => new { s.ReviewId, s.CriterionId });
        b.HasOne<CallReview>().WithMany().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CallCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
    }
}
