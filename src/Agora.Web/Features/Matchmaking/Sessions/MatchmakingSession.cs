using Agora.Web.Features.Accounts;
using Agora.Web.Features.Events;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>Who asks for meetings: the participants themselves, or only the organiser (who arranges them).</summary>
public enum RequestMode { Participants, Organiser }

/// <summary>Who places accepted meetings: the person accepting picks a slot, or the organiser runs the scheduler.</summary>
public enum SchedulingMode { ParticipantsPick, Organiser }

public enum MeetingRequestState { Pending, Accepted, Declined, Expired, Cancelled }

public enum MeetingOutcomeKind { Nothing, FollowUp, Partnership, Project, Contract }

/// <summary>Where the organiser's last scheduler run stands.</summary>
public enum ScheduleRunState { None, Queued, Saved, Rejected }

/// <summary>
/// The matchmaking side of an event of the format <see cref="EventFormat.Matchmaking"/>: its modes, meeting length and
/// the quality report of the organiser's last scheduler run. One row per event (its key is the event's id).
/// </summary>
public sealed class MatchmakingSession
{
    public int EventId { get; set; }
    public RequestMode RequestMode { get; set; }
    public SchedulingMode SchedulingMode { get; set; }
    /// <summary>A request unanswered this long after it was sent is released (Expired).</summary>
    public int RequestExpiryHours { get; set; } = 48;
    public int MeetingMinutes { get; set; } = 20;
    public ScheduleRunState ScheduleState { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public int SchedulePlaced { get; set; }
    public int ScheduleTotal { get; set; }
    public int ScheduleBound { get; set; }
    public int IdleTotal { get; set; }
    public int IdleMax { get; set; }
    public double IdleMean { get; set; }
    public string? SolverStatus { get; set; }
    public int ElapsedMs { get; set; }
    /// <summary>Why the last run was not saved (the checker's first complaint), when it was not.</summary>
    public string? ScheduleProblem { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A time slot of the session; a break takes no meetings.</summary>
public sealed class SessionSlot
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public bool IsBreak { get; set; }
}

/// <summary>A table in the room, or an online room with its link.</summary>
public sealed class SessionTable
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string Name { get; set; } = "";
    public RoomKind Kind { get; set; }
    public string? OnlineLink { get; set; }
}

/// <summary>
/// A person taking part in the session: while their registration for the event is confirmed and <see cref="EndedAt"/>
/// is empty. Optionally shows one of their organisation's published partnering profiles.
/// </summary>
public sealed class SessionParticipant
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Guid UserId { get; set; }
    public Guid? OrganisationId { get; set; }
    public int? ProfileId { get; set; }
    public string Introduction { get; set; } = "";
    public MeetingMode MeetingMode { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>Set when the participation ended (the person left, or their registration ended).</summary>
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>A slot the participant is available in.</summary>
public sealed class ParticipantSlot
{
    public int ParticipantId { get; set; }
    public int SlotId { get; set; }
}

public sealed class MeetingRequest
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int FromId { get; set; }
    public int ToId { get; set; }
    public string Message { get; set; } = "";
    public MeetingRequestState State { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>An accepted request's meeting, placed in a slot at a table (both empty until placed).</summary>
public sealed class SessionMeeting
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int RequestId { get; set; }
    public int? SlotId { get; set; }
    public int? TableId { get; set; }
    /// <summary>The organiser fixed the slot and table: the scheduler keeps them.</summary>
    public bool Locked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One row per participant and slot of a placed meeting: its key makes the database refuse a second meeting of the same
/// person in the same slot, whichever instance writes it (the meeting's unique slot and table does the same for tables).
/// </summary>
public sealed class MeetingBooking
{
    public int ParticipantId { get; set; }
    public int SlotId { get; set; }
    public int MeetingId { get; set; }
}

/// <summary>What came of a meeting, as one side records it.</summary>
public sealed class MeetingOutcome
{
    public int MeetingId { get; set; }
    public int ParticipantId { get; set; }
    public MeetingOutcomeKind Outcome { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public static class SessionLimits
{
    public const int TableName = 80;
    public const int Link = 500;
    public const int Introduction = 1000;
    public const int Message = 1000;
    public const int Note = 2000;
    public const int MaxSlots = 48;
    public const int MaxTables = 200;
    public const int MaxExpiryHours = 24 * 30;
}

public sealed class MatchmakingSessionConfiguration : IEntityTypeConfiguration<MatchmakingSession>
{
    public void Configure(EntityTypeBuilder<MatchmakingSession> b)
    {
        b.ToTable("MatchmakingSessions");
        b.HasKey(s => s.EventId);
        b.Property(s => s.EventId).ValueGeneratedNever();
        b.Property(s => s.RequestMode).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.SchedulingMode).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ScheduleState).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.SolverStatus).HasMaxLength(20);
        b.Property(s => s.ScheduleProblem).HasMaxLength(500);
        b.HasOne<Event>().WithOne().HasForeignKey<MatchmakingSession>(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionSlotConfiguration : IEntityTypeConfiguration<SessionSlot>
{
    public void Configure(EntityTypeBuilder<SessionSlot> b)
    {
        b.ToTable("MatchmakingSlots");
        b.HasIndex(s => new { s.EventId, s.StartsAt });
        b.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionTableConfiguration : IEntityTypeConfiguration<SessionTable>
{
    public void Configure(EntityTypeBuilder<SessionTable> b)
    {
        b.ToTable("MatchmakingTables");
        b.Property(t => t.Name).HasMaxLength(SessionLimits.TableName).IsRequired();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.OnlineLink).HasMaxLength(SessionLimits.Link);
        b.HasIndex(t => t.EventId);
        b.HasOne<Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> b)
    {
        b.ToTable("MatchmakingParticipants");
        b.Property(p => p.Introduction).HasMaxLength(SessionLimits.Introduction).IsRequired();
        b.Property(p => p.MeetingMode).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(p => new { p.EventId, p.UserId }).IsUnique();
        b.HasIndex(p => p.UserId);
        b.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Profiles.PartneringProfile>().WithMany().HasForeignKey(p => p.ProfileId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ParticipantSlotConfiguration : IEntityTypeConfiguration<ParticipantSlot>
{
    public void Configure(EntityTypeBuilder<ParticipantSlot> b)
    {
        b.ToTable("MatchmakingAvailability");
        b.HasKey(a => new { a.ParticipantId, a.SlotId });
        b.HasIndex(a => a.SlotId);
        b.HasOne<SessionParticipant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SessionSlot>().WithMany().HasForeignKey(a => a.SlotId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingRequestConfiguration : IEntityTypeConfiguration<MeetingRequest>
{
    public void Configure(EntityTypeBuilder<MeetingRequest> b)
    {
        b.ToTable("MatchmakingRequests");
        b.Property(r => r.Message).HasMaxLength(SessionLimits.Message).IsRequired();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.EventId, r.State });
        b.HasIndex(r => new { r.State, r.ExpiresAt });
        b.HasIndex(r => r.FromId);
        b.HasIndex(r => r.ToId);
        b.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SessionParticipant>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SessionParticipant>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionMeetingConfiguration : IEntityTypeConfiguration<SessionMeeting>
{
    public void Configure(EntityTypeBuilder<SessionMeeting> b)
    {
        b.ToTable("MatchmakingMeetings");
        b.HasIndex(m => m.RequestId).IsUnique();
        // One meeting per table and slot (an unplaced meeting has neither; NULLs never collide).
        b.HasIndex(m => new { m.SlotId, m.TableId }).IsUnique();
        b.HasIndex(m => m.EventId);
        b.HasIndex(m => m.TableId);
        b.HasOne<Event>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MeetingRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SessionSlot>().WithMany().HasForeignKey(m => m.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SessionTable>().WithMany().HasForeignKey(m => m.TableId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeetingBookingConfiguration : IEntityTypeConfiguration<MeetingBooking>
{
    public void Configure(EntityTypeBuilder<MeetingBooking> b)
    {
        b.ToTable("MatchmakingBookings");
        // No person in two meetings at once: the key is the person and the slot.
        b.HasKey(x => new { x.ParticipantId, x.SlotId });
        b.HasIndex(x => new { x.MeetingId, x.ParticipantId }).IsUnique();
        b.HasIndex(x => x.SlotId);
        b.HasOne<SessionParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SessionSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SessionMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingOutcomeConfiguration : IEntityTypeConfiguration<MeetingOutcome>
{
    public void Configure(EntityTypeBuilder<MeetingOutcome> b)
    {
        b.ToTable("MatchmakingOutcomes");
        b.HasKey(o => new { o.MeetingId, o.ParticipantId });
        b.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Note).HasMaxLength(SessionLimits.Note);
        b.HasIndex(o => o.ParticipantId);
        b.HasOne<SessionMeeting>().WithMany().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SessionParticipant>().WithMany().HasForeignKey(o => o.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
