using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Network;

/// <summary>
/// An organisation registered as a customer of the network, with what an EDIH reports of its customers. Its admins
/// register it and ask for services on its behalf.
/// </summary>
public sealed class NetworkCustomer
{
    public Guid OrganisationId { get; set; }
    public CustomerType Type { get; set; }
    public CompanySize Size { get; set; }
    /// <summary>A key of <see cref="NetworkTaxonomy.Sectors"/>.</summary>
    public string Sector { get; set; } = "";
    /// <summary>ISO 3166 alpha-2 (as NUTS writes it: "EL" for Greece).</summary>
    public string Country { get; set; } = "";
    /// <summary>The NUTS-2 region the customer is established in.</summary>
    public string RegionCode { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public Guid? RegisteredById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum ServiceRequestState
{
    /// <summary>At a hub's front desk, waiting for its first answer.</summary>
    Submitted,
    /// <summary>Referred to another hub, waiting for that hub to accept or decline.</summary>
    Referred,
    /// <summary>Accepted by the hub that now handles it: a service delivery follows.</summary>
    Accepted,
    Declined,
    /// <summary>Taken back by the customer.</summary>
    Withdrawn,
    /// <summary>The service was delivered (the delivery is completed).</summary>
    Delivered,
    /// <summary>Accepted, and the delivery was cancelled (the outcome says why).</summary>
    Cancelled,
}

/// <summary>
/// A customer's request for a catalogue service, or a need described without one, sent to a hub's front desk.
/// <see cref="HubId"/> is the hub that holds it now: a referral moves it to the other hub, a declined referral back.
/// </summary>
public sealed class ServiceRequest
{
    public int Id { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>The person who asked, for the customer.</summary>
    public Guid? RequesterId { get; set; }
    public int? ServiceId { get; set; }
    public Guid HubId { get; set; }
    /// <summary>The hub the customer sent it to.</summary>
    public Guid FirstHubId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>What the need is about (from the service, or chosen by the customer): a category, technology and sector key.</summary>
    public ServiceCategory? Category { get; set; }
    public string? Technology { get; set; }
    public string? Sector { get; set; }
    /// <summary>The customer's region when they asked: where the demand is, for the gap analysis.</summary>
    public string RegionCode { get; set; } = "";
    public string Language { get; set; } = "en";
    public ServiceRequestState State { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>When the hub holding it owes its first answer (working days of that hub's country).</summary>
    public DateTimeOffset AnswerDueAt { get; set; }
    /// <summary>
    /// When the first hub's first answer was due: <see cref="AnswerDueAt"/> as it was asked, kept when a referral
    /// moves the due date on (the figures' on-time share measures the first answer against it).
    /// </summary>
    public DateTimeOffset FirstAnswerDueAt { get; set; }
    /// <summary>The network's first answer to the customer (accept, decline or referral), whichever hub gave it.</summary>
    public DateTimeOffset? FirstAnsweredAt { get; set; }
    public string? DeclineReason { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }
}

public enum RequestStepKind
{
    Submitted,
    Accepted,
    Declined,
    Referred,
    ReferralAccepted,
    ReferralDeclined,
    Withdrawn,
    DeliveryStarted,
    DeliveryCompleted,
    DeliveryCancelled,
    FeedbackGiven,
    /// <summary>The first answer's time passed and the desk that owes it was told (the desk's side only).</summary>
    Overdue,
}

/// <summary>One step of a request's history, as the customer and the hubs see it.</summary>
public sealed class ServiceRequestStep
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public RequestStepKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    /// <summary>The hub that took the step, and for a referral the hub it went to.</summary>
    public Guid? HubId { get; set; }
    public Guid? ToHubId { get; set; }
    /// <summary>The reason or note the customer reads (a decline's reason, a referral's note).</summary>
    public string Note { get; set; } = "";
}

/// <summary>A request passed from one hub's front desk to another's, with a note, and that hub's answer.</summary>
public sealed class ServiceReferral
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public Guid FromHubId { get; set; }
    public Guid ToHubId { get; set; }
    public string Note { get; set; } = "";
    public Guid? SentById { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public bool? Accepted { get; set; }
    public string? AnswerNote { get; set; }
    public Guid? AnsweredById { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

public enum DeliveryStatus
{
    Planned,
    UnderWay,
    Completed,
    Cancelled,
}

/// <summary>What an accepted request became: the service delivered, its dates and outcome, the customer's feedback.</summary>
public sealed class ServiceDelivery
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public Guid HubId { get; set; }
    public int? ServiceId { get; set; }
    public DeliveryStatus Status { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string Outcome { get; set; } = "";
    public Guid? RecordedById { get; set; }
    /// <summary>The customer's rating, 1 (poor) to 5 (excellent), and comment.</summary>
    public int? FeedbackRating { get; set; }
    public string? FeedbackComment { get; set; }
    public Guid? FeedbackById { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class NetworkCustomerConfiguration : IEntityTypeConfiguration<NetworkCustomer>
{
    public void Configure(EntityTypeBuilder<NetworkCustomer> b)
    {
        b.ToTable("NetworkCustomers");
        b.HasKey(c => c.OrganisationId);
        b.HasOne<Organisation>().WithOne().HasForeignKey<NetworkCustomer>(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Size).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Sector).HasMaxLength(40).IsRequired();
        b.Property(c => c.Country).HasMaxLength(2).IsRequired();
        b.Property(c => c.RegionCode).HasMaxLength(5).IsRequired();
        b.HasIndex(c => c.RegisteredById);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.RegisteredById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> b)
    {
        b.ToTable("ServiceRequests");
        b.HasIndex(r => new { r.HubId, r.State });
        b.HasIndex(r => r.CustomerId);
        b.HasIndex(r => r.RequesterId);
        b.HasIndex(r => r.RegionCode);
        b.HasOne<NetworkCustomer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CatalogueService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.FirstHubId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Title).HasMaxLength(200).IsRequired();
        b.Property(r => r.Description).HasMaxLength(4000).IsRequired();
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Technology).HasMaxLength(40);
        b.Property(r => r.Sector).HasMaxLength(40);
        b.Property(r => r.RegionCode).HasMaxLength(5).IsRequired();
        b.Property(r => r.Language).HasMaxLength(10).IsRequired();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.DeclineReason).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

public sealed class ServiceRequestStepConfiguration : IEntityTypeConfiguration<ServiceRequestStep>
{
    public void Configure(EntityTypeBuilder<ServiceRequestStep> b)
    {
        b.ToTable("ServiceRequestSteps");
        b.HasIndex(s => new { s.RequestId, s.At });
        b.HasIndex(s => s.ActorId);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Note).HasMaxLength(2000).IsRequired();
        b.HasOne<ServiceRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(s => s.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ServiceReferralConfiguration : IEntityTypeConfiguration<ServiceReferral>
{
    public void Configure(EntityTypeBuilder<ServiceReferral> b)
    {
        b.ToTable("ServiceReferrals");
        b.HasIndex(r => r.RequestId);
        b.HasIndex(r => r.FromHubId);
        b.HasIndex(r => r.ToHubId);
        b.HasIndex(r => r.SentById);
        b.HasIndex(r => r.AnsweredById);
        b.Property(r => r.Note).HasMaxLength(2000).IsRequired();
        b.Property(r => r.AnswerNote).HasMaxLength(2000);
        b.HasOne<ServiceRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.FromHubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.ToHubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.SentById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.AnsweredById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ServiceDeliveryConfiguration : IEntityTypeConfiguration<ServiceDelivery>
{
    public void Configure(EntityTypeBuilder<ServiceDelivery> b)
    {
        b.ToTable("ServiceDeliveries");
        b.HasIndex(d => d.RequestId).IsUnique();
        b.HasIndex(d => new { d.HubId, d.Status });
        b.HasIndex(d => d.RecordedById);
        b.HasIndex(d => d.FeedbackById);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(d => d.Outcome).HasMaxLength(4000).IsRequired();
        b.Property(d => d.FeedbackComment).HasMaxLength(2000);
        b.HasOne<ServiceRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hub>().WithMany().HasForeignKey(d => d.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CatalogueService>().WithMany().HasForeignKey(d => d.ServiceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(d => d.FeedbackById).OnDelete(DeleteBehavior.SetNull);
    }
}
