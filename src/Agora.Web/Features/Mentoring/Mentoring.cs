using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Mentoring;

/// <summary>
/// A mentor's offer in one hub: what they know (the hub's focus areas), the languages they mentor in, how many mentees
/// they take at once and when they are available. <see cref="ActiveCount"/> is the number of seats taken (active pairs plus commitments other areas
/// hold through <see cref="MentorSeats"/>, e.g. a hackaccelerator team), changed only by
/// guarded UPDATEs (<see cref="MentorMatching"/>), so it never passes <see cref="Capacity"/> however many pairings run at once.
/// </summary>
public sealed class MentorProfile
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>Focus area keys, comma-separated, e.g. "ehealth,ai".</summary>
    public string Expertise { get; set; } = "";
    /// <summary>Culture names, comma-separated, e.g. "pt-PT,en".</summary>
    public string Languages { get; set; } = "";
    public int Capacity { get; set; } = 1;
    public int ActiveCount { get; set; }
    public string Availability { get; set; } = "";
    /// <summary>Takes mentees; false when the mentor pauses, or lost the Mentor role or left the hub.</summary>
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> ExpertiseList => MentoringLists.Split(Expertise);
    public IReadOnlyList<string> LanguageList => MentoringLists.Split(Languages);
}

public enum MentoringRequestState
{
    /// <summary>In the queue until a suitable mentor has room.</summary>
    Waiting,
    Paired,
    Withdrawn,
}

/// <summary>A mentee's request for a mentor; waits in the hub's queue (oldest first) when no suitable mentor is free.</summary>
public sealed class MentoringRequest
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public Guid MenteeId { get; set; }
    public string Goals { get; set; } = "";
    /// <summary>A focus area key of the hub, or null for any.</summary>
    public string? FocusArea { get; set; }
    /// <summary>A culture name, or null for any.</summary>
    public string? Language { get; set; }
    /// <summary>The mentor (a user id) the mentee asked for: the request waits for them alone.</summary>
    public Guid? PreferredMentorId { get; set; }
    public MentoringRequestState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int? PairId { get; set; }
}

public enum PairState
{
    Active,
    Ended,
}

/// <summary>Why a pair ended.</summary>
public enum PairEndReason
{
    /// <summary>The mentor or the mentee ended it.</summary>
    Ended,
    /// <summary>A hub manager ended it.</summary>
    EndedByManager,
    /// <summary>The mentor lost the Mentor role, left the hub or was removed or blocked there.</summary>
    MentorLeft,
    /// <summary>The mentee left the hub or was removed or blocked there.</summary>
    MenteeLeft,
}

/// <summary>A mentor and a mentee working together in a hub, with their goals, sessions and, at the end, feedback.</summary>
public sealed class MentoringPair
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public int ProfileId { get; set; }
    public Guid MentorId { get; set; }
    public Guid MenteeId { get; set; }
    public int? RequestId { get; set; }
    public string Goals { get; set; } = "";
    public PairState State { get; set; }
    /// <summary>Who made the pair: the mentee's request matched (null) or a hub manager by hand.</summary>
    public Guid? PairedById { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? EndedById { get; set; }
    public PairEndReason? EndReason { get; set; }
    /// <summary>The words of whoever ended it, seen by the pair and the managers.</summary>
    public string? EndNote { get; set; }
}

/// <summary>A meeting of a pair. Its notes are the pair's alone: managers see that it was held, never what was said.</summary>
public sealed class MentoringSession
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>A place or a link.</summary>
    public string Place { get; set; } = "";
    public string Notes { get; set; } = "";
    /// <summary>Who last wrote the notes (erasing them drops the text).</summary>
    public Guid? NotesById { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An action the pair agreed at a session, ticked off when done.</summary>
public sealed class MentoringAction
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public string Text { get; set; } = "";
    public bool Done { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One side's feedback on an ended pair: each sees their own; managers see the ratings.</summary>
public sealed class MentoringFeedback
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public Guid AuthorId { get; set; }
    public int Rating { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public static class MentoringLimits
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 20;
    public const int Goals = 2000;
    public const int Availability = 500;
    public const int Place = 300;
    public const int Notes = 8000;
    public const int Action = 300;
    public const int Feedback = 2000;
    public const int EndNote = 1000;
    public const int MaxActions = 50;
}

public static class MentoringLists
{
    public static IReadOnlyList<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class MentorProfileConfiguration : IEntityTypeConfiguration<MentorProfile>
{
    public void Configure(EntityTypeBuilder<MentorProfile> b)
    {
        b.ToTable("MentorProfiles", t =>
            t.HasCheckConstraint("CK_MentorProfiles_Load", "\"ActiveCount\" >= 0 AND \"ActiveCount\" <= \"Capacity\""));
        b.Property(p => p.Expertise).HasMaxLength(400).IsRequired();
        b.Property(p => p.Languages).HasMaxLength(100).IsRequired();
        b.Property(p => p.Availability).HasMaxLength(MentoringLimits.Availability).IsRequired();
        b.Ignore(p => p.ExpertiseList);
        b.Ignore(p => p.LanguageList);
        b.HasIndex(p => new { p.HubId, p.UserId }).IsUnique();
        b.HasOne<Hub>().WithMany().HasForeignKey(p => p.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MentoringRequestConfiguration : IEntityTypeConfiguration<MentoringRequest>
{
    public void Configure(EntityTypeBuilder<MentoringRequest> b)
    {
        b.ToTable("MentoringRequests");
        b.Property(r => r.Goals).HasMaxLength(MentoringLimits.Goals).IsRequired();
        b.Property(r => r.FocusArea).HasMaxLength(40);
        b.Property(r => r.Language).HasMaxLength(10);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.HubId, r.State, r.CreatedAt });
        b.HasIndex(r => r.MenteeId);
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.PreferredMentorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MentoringPairConfiguration : IEntityTypeConfiguration<MentoringPair>
{
    public void Configure(EntityTypeBuilder<MentoringPair> b)
    {
        b.ToTable("MentoringPairs");
        b.Property(p => p.Goals).HasMaxLength(MentoringLimits.Goals).IsRequired();
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.EndNote).HasMaxLength(MentoringLimits.EndNote);
        b.HasIndex(p => new { p.HubId, p.State });
        b.HasIndex(p => new { p.MentorId, p.State });
        b.HasIndex(p => new { p.MenteeId, p.State });
        b.HasOne<Hub>().WithMany().HasForeignKey(p => p.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MentorProfile>().WithMany().HasForeignKey(p => p.ProfileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.MentorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.MenteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.PairedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.EndedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MentoringSessionConfiguration : IEntityTypeConfiguration<MentoringSession>
{
    public void Configure(EntityTypeBuilder<MentoringSession> b)
    {
        b.ToTable("MentoringSessions");
        b.Property(s => s.Place).HasMaxLength(MentoringLimits.Place).IsRequired();
        b.Property(s => s.Notes).HasMaxLength(MentoringLimits.Notes).IsRequired();
        b.HasIndex(s => new { s.PairId, s.At });
        b.HasOne<MentoringPair>().WithMany().HasForeignKey(s => s.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(s => s.NotesById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MentoringActionConfiguration : IEntityTypeConfiguration<MentoringAction>
{
    public void Configure(EntityTypeBuilder<MentoringAction> b)
    {
        b.ToTable("MentoringActions");
        b.Property(a => a.Text).HasMaxLength(MentoringLimits.Action).IsRequired();
        b.HasIndex(a => a.SessionId);
        b.HasOne<MentoringSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MentoringFeedbackConfiguration : IEntityTypeConfiguration<MentoringFeedback>
{
    public void Configure(EntityTypeBuilder<MentoringFeedback> b)
    {
        b.ToTable("MentoringFeedback", t => t.HasCheckConstraint("CK_MentoringFeedback_Rating", "\"Rating\" BETWEEN 1 AND 5"));
        b.Property(f => f.Text).HasMaxLength(MentoringLimits.Feedback).IsRequired();
        b.HasIndex(f => new { f.PairId, f.AuthorId }).IsUnique();
        b.HasOne<MentoringPair>().WithMany().HasForeignKey(f => f.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
