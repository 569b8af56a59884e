using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Features.Organisations;
using Agora.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Matchmaking.Profiles;

/// <summary>
/// The kinds of partnering profile: the Enterprise Europe Network's offers and requests, with the two health adds a
/// health network needs (a clinical validation or test site, and a data offer).
/// </summary>
public enum ProfileKind
{
    TechnologyOffer,
    TechnologyRequest,
    BusinessOffer,
    BusinessRequest,
    /// <summary>A partner sought for a research and development project (a call, a consortium).</summary>
    ResearchCooperation,
    /// <summary>A hospital, clinic or living lab offering to validate or test a solution in care.</summary>
    ClinicalValidationOffer,
    /// <summary>Data offered for reuse (under the conditions the profile states).</summary>
    DataOffer,
}

/// <summary>
/// Draft → InReview → Published (the hub approved) or ChangesRequested (back to the author, who edits and submits again).
/// A published profile expires at <see cref="PartneringProfile.ExpiresAt"/> (Expired) and can be renewed by its
/// author; the author can withdraw it at any time.
/// </summary>
public enum ProfileStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Published,
    Expired,
    Withdrawn,
}

/// <summary>Stage of development of what is offered (EEN).</summary>
public enum DevelopmentStage
{
    Concept,
    UnderDevelopment,
    Prototype,
    FieldTested,
    OnTheMarket,
}

/// <summary>Intellectual property rights on what is offered (EEN).</summary>
public enum IntellectualProperty
{
    None,
    PatentApplied,
    PatentGranted,
    Copyright,
    SecretKnowHow,
    Other,
}

/// <summary>The kinds of partnership considered (EEN), several allowed.</summary>
[Flags]
public enum PartnershipTypes
{
    None = 0,
    Commercial = 1,
    License = 2,
    TechnicalCooperation = 4,
    ResearchCooperation = 8,
    JointVenture = 16,
    Subcontracting = 32,
    Investment = 64,
    ClinicalTrial = 128,
}

/// <summary>Medical-device class under the MDR (EU 2017/745) and the IVDR.</summary>
public enum DeviceClass
{
    NotADevice,
    ClassI,
    ClassIIa,
    ClassIIb,
    ClassIII,
    InVitroDiagnostic,
}

public enum CeMarking
{
    NotApplicable,
    NotStarted,
    InProgress,
    Marked,
}

/// <summary>Interoperability standards supported or required.</summary>
[Flags]
public enum HealthStandards
{
    None = 0,
    Fhir = 1,
    OpenEhr = 2,
    Ihe = 4,
    Dicom = 8,
    SnomedCt = 16,
}

/// <summary>
/// A partnering profile: an organisation's offer or request, written by one of its members in one language, reviewed by
/// a hub before publication. Vocabulary keys (technologies, sectors, countries) are stored as <see cref="Tags"/>.
/// </summary>
public sealed class PartneringProfile
{
    public int Id { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>The member who wrote it, and whose contact the accepted counterparts see; null once erased.</summary>
    public Guid? AuthorId { get; set; }
    /// <summary>The hub that reviews it (and whose network it is published in).</summary>
    public Guid HubId { get; set; }
    public ProfileKind Kind { get; set; }
    public ProfileStatus Status { get; set; }
    /// <summary>The culture the profile is written in (en, pt-PT, nb-NO).</summary>
    public string Language { get; set; } = "en";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Free keywords, lower case, as <see cref="Tags"/>.</summary>
    public string Keywords { get; set; } = "";
    /// <summary>Keys of <see cref="NetworkTaxonomy.Technologies"/>.</summary>
    public string Technologies { get; set; } = "";
    /// <summary>Keys of <see cref="NetworkTaxonomy.Sectors"/>.</summary>
    public string Sectors { get; set; } = "";
    /// <summary>The readiness of what is offered (1–9); for a request, null.</summary>
    public int? Trl { get; set; }
    /// <summary>The readiness sought in a counterpart (1–9), both ends; null: any.</summary>
    public int? TrlSoughtMin { get; set; }
    public int? TrlSoughtMax { get; set; }
    public DevelopmentStage? Stage { get; set; }
    public IntellectualProperty? IntellectualProperty { get; set; }
    /// <summary>The partner sought and the role they would play.</summary>
    public string PartnerSought { get; set; } = "";
    public PartnershipTypes Partnerships { get; set; }
    /// <summary>ISO country codes where a partner is sought, as <see cref="Tags"/>; empty: anywhere.</summary>
    public string CountriesSought { get; set; } = "";
    /// <summary>NUTS-2 codes of interest, as <see cref="Tags"/>; empty: any.</summary>
    public string RegionsSought { get; set; } = "";
    /// <summary>The date after which the author no longer seeks a partner (also the latest expiry).</summary>
    public DateOnly? Deadline { get; set; }
    public DeviceClass DeviceClass { get; set; }
    public CeMarking CeMarking { get; set; }
    public bool NeedsClinicalData { get; set; }
    public bool NeedsHealthDataPermit { get; set; }
    /// <summary>The health-data access application (a <c>HubRequest</c>) that goes with it, when there is one.</summary>
    public int? DataApplicationId { get; set; }
    public HealthStandards Standards { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>When a published profile stops being shown (set at publication and renewal).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    /// <summary>The reviewer who approved it; null once erased.</summary>
    public Guid? ReviewedById { get; set; }
    /// <summary>When the author was told the profile expires soon (once per expiry date; cleared at renewal).</summary>
    public DateTimeOffset? ExpiryNoticeAt { get; set; }
    public int Version { get; set; } = 1;
}

public enum ReviewNoteKind
{
    /// <summary>The reviewer asks for changes (the profile goes back to the author).</summary>
    ChangesRequested,
    /// <summary>The reviewer approves (the profile is published).</summary>
    Approved,
    /// <summary>The author answers when submitting again.</summary>
    AuthorReply,
}

/// <summary>A comment of the hub's review, or the author's answer to it.</summary>
public sealed class ProfileReviewNote
{
    public long Id { get; set; }
    public int ProfileId { get; set; }
    public ReviewNoteKind Kind { get; set; }
    public Guid? AuthorId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public enum InterestState
{
    Pending,
    Accepted,
    Declined,
    /// <summary>The sender took it back before an answer.</summary>
    Withdrawn,
}

/// <summary>
/// An expression of interest in a published profile: a person (for their organisation, optionally with one of its
/// profiles) writes to the author. Only once the author accepts do both see each other's contact.
/// </summary>
public sealed class ExpressionOfInterest
{
    public int Id { get; set; }
    public int ProfileId { get; set; }
    /// <summary>Null once the sender's account is erased.</summary>
    public Guid? SenderId { get; set; }
    public Guid? SenderOrganisationId { get; set; }
    /// <summary>The sender's own profile it answers with, when there is one.</summary>
    public int? SenderProfileId { get; set; }
    public string Message { get; set; } = "";
    public InterestState State { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? AnsweredById { get; set; }
    /// <summary>The author's reason when declining (optional), shown to the sender.</summary>
    public string? AnswerNote { get; set; }
}

public sealed class PartneringProfileConfiguration : IEntityTypeConfiguration<PartneringProfile>
{
    public void Configure(EntityTypeBuilder<PartneringProfile> b)
    {
        b.ToTable("PartneringProfiles");
        b.HasIndex(p => new { p.Status, p.ExpiresAt });
        b.HasIndex(p => new { p.HubId, p.Status });
        b.HasIndex(p => p.OrganisationId);
        b.HasIndex(p => p.AuthorId);
        b.HasIndex(p => p.ReviewedById);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hub>().WithMany().HasForeignKey(p => p.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<HubRequest>().WithMany().HasForeignKey(p => p.DataApplicationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => p.DataApplicationId);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.IntellectualProperty).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.DeviceClass).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CeMarking).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Language).HasMaxLength(10).IsRequired();
        b.Property(p => p.Title).HasMaxLength(200).IsRequired();
        b.Property(p => p.Summary).HasMaxLength(500).IsRequired();
        b.Property(p => p.Description).HasMaxLength(8000).IsRequired();
        b.Property(p => p.Keywords).HasMaxLength(500).IsRequired();
        b.Property(p => p.Technologies).HasMaxLength(300).IsRequired();
        b.Property(p => p.Sectors).HasMaxLength(300).IsRequired();
        b.Property(p => p.PartnerSought).HasMaxLength(2000).IsRequired();
        b.Property(p => p.CountriesSought).HasMaxLength(300).IsRequired();
        b.Property(p => p.RegionsSought).HasMaxLength(500).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

public sealed class ProfileReviewNoteConfiguration : IEntityTypeConfiguration<ProfileReviewNote>
{
    public void Configure(EntityTypeBuilder<ProfileReviewNote> b)
    {
        b.ToTable("ProfileReviewNotes");
        b.HasIndex(n => n.ProfileId);
        b.HasIndex(n => n.AuthorId);
        b.HasOne<PartneringProfile>().WithMany().HasForeignKey(n => n.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Text).HasMaxLength(4000).IsRequired();
    }
}

public sealed class ExpressionOfInterestConfiguration : IEntityTypeConfiguration<ExpressionOfInterest>
{
    public void Configure(EntityTypeBuilder<ExpressionOfInterest> b)
    {
        b.ToTable("ExpressionsOfInterest");
        b.HasIndex(e => new { e.ProfileId, e.State });
        b.HasIndex(e => e.SenderId);
        b.HasIndex(e => e.SenderOrganisationId);
        b.HasIndex(e => e.SenderProfileId);
        b.HasIndex(e => e.AnsweredById);
        b.HasOne<PartneringProfile>().WithMany().HasForeignKey(e => e.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartneringProfile>().WithMany().HasForeignKey(e => e.SenderProfileId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.SenderOrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.SenderId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.AnsweredById).OnDelete(DeleteBehavior.SetNull);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(12);
        b.Property(e => e.Message).HasMaxLength(4000).IsRequired();
        b.Property(e => e.AnswerNote).HasMaxLength(2000);
    }
}
