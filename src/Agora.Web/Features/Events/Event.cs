using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Events;

public enum EventFormat
{
    Workshop,
    ShareCon,
    Hackathon,
    Hackaccelerator,
    RoundTable,
    CrossLearning,
    BusinessScreen,
    Matchmaking,
    Webinar,
    Other,
}

public enum EventMode
{
    OnSite,
    Online,
    Hybrid,
}

/// <summary>Who may see the event and register for it (decided in <see cref="EventAccess"/>).</summary>
public enum EventAudience
{
    HubMembers,
    SignedIn,
    Public,
}

/// <summary>Where an event stands; "past" is not a state but derived from its end.</summary>
public enum EventState
{
    Draft,
    Published,
    Cancelled,
}

/// <summary>A gathering of a hub: a workshop, share-con, hackathon, webinar... with its registration and outcomes.</summary>
public sealed class Event
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public EventFormat Format { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>UTC; for an all-day event the start of its first day in the hub's time zone.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>Whole days (shown and exported as dates, a multi-day event as one all-day entry).</summary>
    public bool AllDay { get; set; }
    public EventMode Mode { get; set; }
    public string? Address { get; set; }
    public string? Room { get; set; }
    public string? Accessibility { get; set; }
    /// <summary>Shown only to confirmed participants and organisers.</summary>
    public string? OnlineLink { get; set; }
    /// <summary>Comma-separated culture names spoken at the event.</summary>
    public string Languages { get; set; } = "en";
    public EventAudience Audience { get; set; }
    public EventState State { get; set; }
    /// <summary>iCalendar SEQUENCE: raised on every change people should see in their calendars.</summary>
    public int Sequence { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // Registration
    /// <summary>Each registration waits for an organiser's approval.</summary>
    public bool RequiresApproval { get; set; }
    public DateTimeOffset? RegistrationDeadline { get; set; }
    /// <summary>Until when a person may cancel their own registration (null: until the start).</summary>
    public DateTimeOffset? CancellationCutoff { get; set; }
    /// <summary>How long a person offered a freed seat has to confirm it.</summary>
    public int OfferHours { get; set; } = 48;

    // Outcomes
    /// <summary>The hub's idea campaign the event opened: its ideas count as born at the event.</summary>
    public Guid? CampaignId { get; set; }
    public int? TeamsFormed { get; set; }
    public string? Report { get; set; }
    public int? ParticipantsEmployees { get; set; }
    public int? ParticipantsCitizens { get; set; }
    public int? ParticipantsCompanies { get; set; }
    public int? ParticipantsResearchers { get; set; }

    public IReadOnlyList<string> LanguageList =>
        Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsPast(DateTimeOffset now) => EndsAt <= now;
}

/// <summary>A hub member the manager made an organiser of the event.</summary>
public sealed class EventOrganiser
{
    public int EventId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>A session of the event's agenda.</summary>
public sealed class EventSession
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Speaker { get; set; }
    public string? Room { get; set; }
}

/// <summary>
/// A kind of seat with its capacity (participant, observer, mentor, jury). <see cref="Taken"/> counts seats held
/// (pending, confirmed and offered registrations) and only moves by guarded UPDATEs, so it never passes the capacity.
/// </summary>
public sealed class TicketType
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string Name { get; set; } = "";
    public int Capacity { get; set; }
    public int Taken { get; set; }
    public int Position { get; set; }
}

/// <summary>A question people answer when they register (text answer).</summary>
public sealed class RegistrationQuestion
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string Text { get; set; } = "";
    public bool Required { get; set; }
    public int Position { get; set; }
}

public enum RegistrationState
{
    /// <summary>Holds a seat and waits for an organiser's approval.</summary>
    Pending,
    Confirmed,
    /// <summary>On the ticket type's waiting list, in order of <see cref="Registration.QueuedAt"/>.</summary>
    Waiting,
    /// <summary>A freed seat is held for the person until <see cref="Registration.OfferExpiresAt"/>.</summary>
    Offered,
    Declined,
    Cancelled,
    /// <summary>The offer ran out unanswered; the seat passed on.</summary>
    Lapsed,
}

/// <summary>A person's registration for an event (one per person and event).</summary>
public sealed class Registration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int TicketTypeId { get; set; }
    public Guid UserId { get; set; }
    public RegistrationState State { get; set; }
    /// <summary>The answers, question id to text (JSON object).</summary>
    public string AnswersJson { get; set; } = "{}";
    /// <summary>When the person joined the waiting list: the list's order (then the id).</summary>
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }
    /// <summary>Short code the person shows at the door.</summary>
    public string CheckInCode { get; set; } = "";
    public DateTimeOffset? AttendedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static bool HoldsSeat(RegistrationState s) => s is RegistrationState.Pending or RegistrationState.Confirmed or RegistrationState.Offered;
}

/// <summary>
/// A material of the event (slides, recordings, reports): a link (<see cref="Url"/>) or an uploaded file (<see cref="FileId"/>,
/// a <see cref="Platform.Files.StoredFile"/> that also records who uploaded it), never both.
/// </summary>
public sealed class EventMaterial
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    public Guid? FileId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A person's secret calendar feed: only the SHA-256 of the token is kept.</summary>
public sealed class CalendarFeed
{
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public static class EventLimits
{
    public const int Title = 200;
    public const int Summary = 500;
    public const int Description = 10_000;
    public const int Address = 300;
    public const int Room = 120;
    public const int Accessibility = 2000;
    public const int Link = 500;
    public const int Report = 10_000;
    public const int Name = 120;
    public const int Answer = 2000;
    public const int MaxCapacity = 100_000;
    /// <summary>Materials (links and files) per event.</summary>
    public const int MaxMaterials = 30;
}

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.ToTable("Events");
        b.Property(e => e.Format).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Audience).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Title).HasMaxLength(EventLimits.Title).IsRequired();
        b.Property(e => e.Summary).HasMaxLength(EventLimits.Summary).IsRequired();
        b.Property(e => e.Description).HasMaxLength(EventLimits.Description).IsRequired();
        b.Property(e => e.Address).HasMaxLength(EventLimits.Address);
        b.Property(e => e.Room).HasMaxLength(EventLimits.Room);
        b.Property(e => e.Accessibility).HasMaxLength(EventLimits.Accessibility);
        b.Property(e => e.OnlineLink).HasMaxLength(EventLimits.Link);
        b.Property(e => e.Languages).HasMaxLength(40).IsRequired();
        b.Property(e => e.Report).HasMaxLength(EventLimits.Report);
        b.Ignore(e => e.LanguageList);
        b.HasIndex(e => new { e.HubId, e.StartsAt });
        b.HasOne<Hub>().WithMany().HasForeignKey(e => e.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class EventOrganiserConfiguration : IEntityTypeConfiguration<EventOrganiser>
{
    public void Configure(EntityTypeBuilder<EventOrganiser> b)
    {
        b.ToTable("EventOrganisers");
        b.HasKey(o => new { o.EventId, o.UserId });
        b.HasIndex(o => o.UserId);
        b.HasOne<Event>().WithMany().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EventSessionConfiguration : IEntityTypeConfiguration<EventSession>
{
    public void Configure(EntityTypeBuilder<EventSession> b)
    {
        b.ToTable("EventSessions");
        b.Property(s => s.Title).HasMaxLength(EventLimits.Title).IsRequired();
        b.Property(s => s.Speaker).HasMaxLength(EventLimits.Name);
        b.Property(s => s.Room).HasMaxLength(EventLimits.Room);
        b.HasIndex(s => new { s.EventId, s.StartsAt });
        b.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TicketTypeConfiguration : IEntityTypeConfiguration<TicketType>
{
    public void Configure(EntityTypeBuilder<TicketType> b)
    {
        b.ToTable("EventTicketTypes");
        b.Property(t => t.Name).HasMaxLength(EventLimits.Name).IsRequired();
        b.HasIndex(t => new { t.EventId, t.Position });
        b.HasOne<Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> b)
    {
        b.ToTable("EventQuestions");
        b.Property(q => q.Text).HasMaxLength(EventLimits.Summary).IsRequired();
        b.HasIndex(q => new { q.EventId, q.Position });
        b.HasOne<Event>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.ToTable("EventRegistrations");
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.AnswersJson).IsRequired();
        b.Property(r => r.CheckInCode).HasMaxLength(12).IsRequired();
        // One registration per person and event: a second attempt is refused by the database, not by a look first.
        b.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        b.HasIndex(r => new { r.EventId, r.CheckInCode }).IsUnique();
        b.HasIndex(r => new { r.TicketTypeId, r.State, r.QueuedAt });
        b.HasIndex(r => r.UserId);
        b.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TicketType>().WithMany().HasForeignKey(r => r.TicketTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EventMaterialConfiguration : IEntityTypeConfiguration<EventMaterial>
{
    public void Configure(EntityTypeBuilder<EventMaterial> b)
    {
        // A link or a file, exactly one of them.
        b.ToTable("EventMaterials", t => t.HasCheckConstraint("CK_EventMaterials_LinkOrFile", "(\"Url\" IS NULL) <> (\"FileId\" IS NULL)"));
        b.Property(m => m.Title).HasMaxLength(EventLimits.Title).IsRequired();
        b.Property(m => m.Url).HasMaxLength(EventLimits.Link);
        b.HasIndex(m => m.EventId);
        b.HasIndex(m => m.FileId).IsUnique();
        b.HasOne<Event>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Files.StoredFile>().WithMany().HasForeignKey(m => m.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("CalendarFeeds");
        b.HasKey(f => f.UserId);
        b.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
