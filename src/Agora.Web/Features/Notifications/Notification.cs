using Agora.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Notifications;

/// <summary>What happened; each person chooses per kind how to hear about it.</summary>
public enum NotificationKind
{
    /// <summary>Someone @mentioned the person in a comment.</summary>
    Mentioned,
    /// <summary>A new comment on an idea the person follows (or a reply to their comment).</summary>
    Commented,
    /// <summary>An idea the person follows changed state (with its public answer).</summary>
    IdeaStateChanged,
    /// <summary>A new idea in a campaign the person follows.</summary>
    IdeaPublished,
    /// <summary>An invitation to co-author an idea, or its answer.</summary>
    CoAuthor,
    /// <summary>An idea the person wrote or follows was merged into another.</summary>
    IdeaMerged,
    /// <summary>Moderation of the person's own content.</summary>
    Moderation,
    /// <summary>An idea the person wrote or co-authored goes on as (part of) an innovation initiative.</summary>
    IdeaBecameInitiative,
    /// <summary>A gate decision on an initiative the person works on, or that one of their (followed) ideas goes on as.</summary>
    InitiativeGateDecided,
    /// <summary>The person's request changed: returned for completion, in review, decided, or a question to them.</summary>
    RequestUpdated,
    /// <summary>A request to a hub the person manages was submitted (or resubmitted, completed).</summary>
    RequestSubmitted,
    /// <summary>The person was assigned to review a request.</summary>
    RequestAssigned,
    /// <summary>A request the person decides or reviews nears its decision deadline, or passed it.</summary>
    RequestDeadline,
    /// <summary>News about an event the person registered for or organises: registration, waiting list, reminder, changes.</summary>
    EventUpdate,
    /// <summary>A call for a community role: an application, a review to do, a decision.</summary>
    CommunityCall,
    /// <summary>Mentoring: a pairing, a session, the end of a pair.</summary>
    Mentoring,
    /// <summary>A hackathon: team invitations and requests, judging, results, the accelerator.</summary>
    Hackathon,
    /// <summary>The hub network: a service request, a referral or a service delivery the person is customer or front desk of.</summary>
    ServiceRequest,
    /// <summary>Partnering profiles: a review to do or its decision, an expiry, an expression of interest or its answer.</summary>
    Partnering,
}

public enum Delivery
{
    Immediately,
    DailyDigest,
    Off,
}

/// <summary>
/// One in-app notification. The text is not stored: it is rendered from the kind and the linked
/// idea/comment in the reader's language when shown or mailed.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid? HubId { get; set; }
    public int? IdeaId { get; set; }
    public long? CommentId { get; set; }
    public Guid? CampaignId { get; set; }
    /// <summary>The request it is about (request notifications).</summary>
    public int? RequestId { get; set; }
    public Guid? ActorId { get; set; }
    /// <summary>Short free detail, e.g. the new state of an idea.</summary>
    public string? Detail { get; set; }
    /// <summary>
    /// The title of what it is about, for areas that name their subject themselves (with <see cref="Path"/>): their
    /// sentence is <c>Notification.{Kind}.{Detail}</c> with the actor and this title.
    /// </summary>
    public string? Title { get; set; }
    /// <summary>Where it leads, an application path ("/hubs/imin/events/3"); never a whole address.</summary>
    public string? Path { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Null while an email is still due (immediately or in the next digest); set once mailed or not wanted.</summary>
    public DateTimeOffset? MailedAt { get; set; }
    public Delivery Delivery { get; set; }
}

/// <summary>A person's choice for one kind; no row means the default for that kind.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public Delivery Delivery { get; set; }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Delivery).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Detail).HasMaxLength(200);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Path).HasMaxLength(300);
        b.HasIndex(n => new { n.UserId, n.Id });
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        // The mail jobs look for what is still due.
        b.HasIndex(n => new { n.Delivery, n.MailedAt });
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(p => new { p.UserId, p.Kind });
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
