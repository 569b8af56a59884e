using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Requests;

/// <summary>
/// A kind of request a hub takes, with its form: the four built-in ones (created the first time a hub needs them) or
/// one a hub manager defines. <see cref="FormJson"/> holds the <see cref="RequestForm"/>.
/// </summary>
public sealed class RequestType
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    /// <summary>Stable address part, e.g. "health-data-access".</summary>
    public string Key { get; set; } = "";
    public RequestKind Kind { get; set; }
    public int Position { get; set; }
    public string NameEn { get; set; } = "";
    public string NamePt { get; set; } = "";
    public string NameNb { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionPt { get; set; } = "";
    public string DescriptionNb { get; set; } = "";
    public string FormJson { get; set; } = "";
    /// <summary>How long the hub has to decide once the request is complete.</summary>
    public int DecisionMonths { get; set; }
    /// <summary>Review roles (<see cref="ReviewRole"/> names, comma-separated) that must sign off before approval.</summary>
    public string SignOffs { get; set; } = "";
    /// <summary>The manager who decides may not be one of the reviewers who signed off (separation of duties).</summary>
    public bool SeparateDecider { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where a request stands.</summary>
public enum RequestState
{
    Draft,
    /// <summary>Sent; the hub checks that it is complete.</summary>
    Submitted,
    /// <summary>Returned to the applicant with what is missing and a deadline.</summary>
    Returned,
    /// <summary>Complete: the decision deadline runs, reviewers work.</summary>
    InReview,
    Approved,
    ApprovedWithConditions,
    Rejected,
    Withdrawn,
}

/// <summary>A request to a hub: research or innovation participation, a health-data access application, a sandbox test, or a hub's own kind.</summary>
public sealed class HubRequest
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public Guid TypeId { get; set; }
    public Guid ApplicantId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The applicant's language: decision letters are written in it.</summary>
    public string Language { get; set; } = "en";
    public RequestState State { get; set; }
    /// <summary>The answers, field key to value (JSON object; groups are arrays of objects).</summary>
    public string AnswersJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>When returned: what is missing, and by when the applicant should complete it.</summary>
    public string? Missing { get; set; }
    public DateOnly? CompletionDueOn { get; set; }
    /// <summary>The day it was found complete: the decision deadline counts from it.</summary>
    public DateOnly? CompleteOn { get; set; }
    public DateOnly? DecisionDueOn { get; set; }
    /// <summary>The deadline after its one extension, and why.</summary>
    public DateOnly? ExtendedDueOn { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    /// <summary>The reasons of the decision (required to reject), shown to the applicant and in the letter.</summary>
    public string? DecisionText { get; set; }
    public string? Conditions { get; set; }
    public int Version { get; set; } = 1;
    /// <summary>The last deadline reminder sent: days before the deadline (14, 3), or -1 once past it.</summary>
    public int? LastReminder { get; set; }
    /// <summary>
    /// Set when the applicant's account was erased while the law requires keeping this request (a decided health-data
    /// application, or one with a permit): their name and organisation as they were, shown instead of "a former member".
    /// </summary>
    public string? RetainedApplicantName { get; set; }
    public string? RetainedApplicantOrganisation { get; set; }

    /// <summary>Kept with the applicant's identity under legal retention after their account was erased.</summary>
    public bool Retained => RetainedApplicantName is not null;

    public DateOnly? DueOn => ExtendedDueOn ?? DecisionDueOn;
}

/// <summary>A change of state, the applicant's timeline; <see cref="Note"/> is shown to the applicant.</summary>
public sealed class RequestEvent
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public RequestState? From { get; set; }
    public RequestState To { get; set; }
    public string? Note { get; set; }
    public Guid ActorId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A document uploaded with a request, for one of its file fields.</summary>
public sealed class RequestFile
{
    public Guid Id { get; set; }
    public int RequestId { get; set; }
    public string FieldKey { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Size { get; set; }
    public Guid UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public enum Recommendation
{
    Approve,
    ApproveWithConditions,
    Reject,
}

/// <summary>A reviewer assigned to a request in a role, their checklist, recommendation and signed-off opinion.</summary>
public sealed class RequestReview
{
    public Guid Id { get; set; }
    public int RequestId { get; set; }
    public Guid ReviewerId { get; set; }
    public ReviewRole Role { get; set; }
    public Guid AssignedById { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    /// <summary>Checklist item keys to true/false (JSON object).</summary>
    public string ChecklistJson { get; set; } = "{}";
    public Recommendation? Recommendation { get; set; }
    public string Opinion { get; set; } = "";
    public DateTimeOffset? SignedOffAt { get; set; }
}

public enum MessageKind
{
    /// <summary>Between reviewers and managers; never shown to the applicant, anywhere.</summary>
    InternalNote,
    /// <summary>A question to the applicant.</summary>
    Question,
    /// <summary>The applicant's answer to a question.</summary>
    Answer,
}

public sealed class RequestMessage
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public MessageKind Kind { get; set; }
    public long? QuestionId { get; set; }
    public Guid AuthorId { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public enum PermitState
{
    Active,
    Revoked,
}

/// <summary>A data permit issued on an approved health-data application; amended and renewed as new versions, revoked with reasons.</summary>
public sealed class DataPermit
{
    public Guid Id { get; set; }
    public int RequestId { get; set; }
    /// <summary>E.g. "HP-2026-0007".</summary>
    public string Number { get; set; } = "";
    public int Version { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public string GrantedData { get; set; } = "";
    public string Environment { get; set; } = "";
    public string AuthorisedPeople { get; set; } = "";
    public string Conditions { get; set; } = "";
    public PermitState State { get; set; }
    /// <summary>Why this version was made (amended, renewed) or why it was revoked.</summary>
    public string Reason { get; set; } = "";
    public Guid IssuedById { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}

public static class RequestLimits
{
    public const int Title = 200;
    public const int Note = 4000;
    public const int Answers = 200_000;
    public const int MaxFiles = 30;
    public const int MaxFileBytes = 10 * 1024 * 1024;
}

public sealed class RequestTypeConfiguration : IEntityTypeConfiguration<RequestType>
{
    public void Configure(EntityTypeBuilder<RequestType> b)
    {
        b.ToTable("RequestTypes");
        b.Property(t => t.Key).HasMaxLength(60).IsRequired();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        foreach (var name in new[] { nameof(RequestType.NameEn), nameof(RequestType.NamePt), nameof(RequestType.NameNb) })
            b.Property(name).HasMaxLength(150).IsRequired();
        foreach (var name in new[] { nameof(RequestType.DescriptionEn), nameof(RequestType.DescriptionPt), nameof(RequestType.DescriptionNb) })
            b.Property(name).HasMaxLength(1000).IsRequired();
        b.Property(t => t.FormJson).IsRequired();
        b.Property(t => t.SignOffs).HasMaxLength(200).IsRequired();
        b.HasIndex(t => new { t.HubId, t.Key }).IsUnique();
        b.HasOne<Hub>().WithMany().HasForeignKey(t => t.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class HubRequestConfiguration : IEntityTypeConfiguration<HubRequest>
{
    public void Configure(EntityTypeBuilder<HubRequest> b)
    {
        b.ToTable("Requests");
        b.Property(r => r.Title).HasMaxLength(RequestLimits.Title).IsRequired();
        b.Property(r => r.Language).HasMaxLength(10).IsRequired();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.AnswersJson).IsRequired();
        b.Property(r => r.Missing).HasMaxLength(RequestLimits.Note);
        b.Property(r => r.ExtensionReason).HasMaxLength(RequestLimits.Note);
        b.Property(r => r.DecisionText).HasMaxLength(RequestLimits.Note);
        b.Property(r => r.Conditions).HasMaxLength(RequestLimits.Note);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.DueOn);
        b.Ignore(r => r.Retained);
        b.Property(r => r.RetainedApplicantName).HasMaxLength(100);
        b.Property(r => r.RetainedApplicantOrganisation).HasMaxLength(200);
        b.HasIndex(r => new { r.HubId, r.State, r.UpdatedAt });
        b.HasIndex(r => new { r.ApplicantId, r.UpdatedAt });
        b.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RequestType>().WithMany().HasForeignKey(r => r.TypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.ApplicantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.ToTable("RequestEvents");
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.To).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Note).HasMaxLength(RequestLimits.Note);
        b.HasIndex(e => new { e.RequestId, e.Id });
        b.HasOne<HubRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RequestFileConfiguration : IEntityTypeConfiguration<RequestFile>
{
    public void Configure(EntityTypeBuilder<RequestFile> b)
    {
        b.ToTable("RequestFiles");
        b.Property(f => f.FieldKey).HasMaxLength(RequestFormRules.KeyLength * 2 + 10).IsRequired();
        b.Property(f => f.FileName).HasMaxLength(255).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(120).IsRequired();
        b.HasIndex(f => f.RequestId);
        b.HasOne<HubRequest>().WithMany().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RequestReviewConfiguration : IEntityTypeConfiguration<RequestReview>
{
    public void Configure(EntityTypeBuilder<RequestReview> b)
    {
        b.ToTable("RequestReviews");
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Recommendation).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.ChecklistJson).IsRequired();
        b.Property(r => r.Opinion).HasMaxLength(RequestLimits.Note).IsRequired();
        b.HasIndex(r => new { r.RequestId, r.Role, r.ReviewerId }).IsUnique();
        b.HasIndex(r => r.ReviewerId);
        b.HasOne<HubRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.AssignedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RequestMessageConfiguration : IEntityTypeConfiguration<RequestMessage>
{
    public void Configure(EntityTypeBuilder<RequestMessage> b)
    {
        b.ToTable("RequestMessages");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Body).HasMaxLength(RequestLimits.Note).IsRequired();
        b.HasIndex(m => new { m.RequestId, m.Id });
        b.HasOne<HubRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DataPermitConfiguration : IEntityTypeConfiguration<DataPermit>
{
    public void Configure(EntityTypeBuilder<DataPermit> b)
    {
        b.ToTable("DataPermits");
        b.Property(p => p.Number).HasMaxLength(40).IsRequired();
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        foreach (var name in new[] { nameof(DataPermit.GrantedData), nameof(DataPermit.Environment), nameof(DataPermit.AuthorisedPeople),
                     nameof(DataPermit.Conditions), nameof(DataPermit.Reason) })
            b.Property(name).HasMaxLength(RequestLimits.Note).IsRequired();
        b.HasIndex(p => new { p.Number, p.Version }).IsUnique();
        b.HasIndex(p => p.RequestId);
        b.HasOne<HubRequest>().WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.IssuedById).OnDelete(DeleteBehavior.Restrict);
    }
}
