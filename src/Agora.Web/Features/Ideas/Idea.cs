using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Ideas;

public enum IdeaState
{
    Draft,
    Published,
    UnderReview,
    Accepted,
    Declined,
    Implemented,
    Withdrawn,
}

/// <summary>Who would benefit; an idea may name several.</summary>
[Flags]
public enum Beneficiaries
{
    None = 0,
    Patients = 1,
    Relatives = 2,
    Staff = 4,
    Citizens = 8,
    Organisation = 16,
}

public enum IdeaOrigin
{
    SpecialistCareEmployee,
    PrimaryCareEmployee,
    PatientOrCitizen,
    Company,
    Researcher,
    Other,
}

public enum CareLevel
{
    Primary,
    Specialist,
    Both,
    NotCareRelated,
}

public enum CareSetting
{
    City,
    Rural,
    Both,
}

/// <summary>An answer to a campaign's question.</summary>
public sealed class Idea
{
    public int Id { get; set; }
    public Guid HubId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid AuthorId { get; set; }
    /// <summary>The language the idea is written in (drives stemming for search and similar ideas).</summary>
    public string Language { get; set; } = "en";
    public string Title { get; set; } = "";
    /// <summary>Markdown source of the problem, the proposed solution and the expected benefits.</summary>
    public string Problem { get; set; } = "";
    public string Solution { get; set; } = "";
    public string Benefits { get; set; } = "";
    public Beneficiaries Beneficiaries { get; set; }
    public IdeaOrigin Origin { get; set; }
    public CareLevel CareLevel { get; set; }
    public CareSetting Setting { get; set; }
    public int? FocusAreaId { get; set; }
    /// <summary>Shown to the public without the author's name; hub managers still see who wrote it.</summary>
    public bool Anonymous { get; set; }
    public IdeaState State { get; set; }
    /// <summary>The public answer given with the latest triage decision (Markdown).</summary>
    public string? Answer { get; set; }
    /// <summary>Set when a hub manager merged this idea into another; its page redirects there.</summary>
    public int? MergedIntoId { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Latest publication, vote, comment or decision: the "recently active" sort.</summary>
    public DateTimeOffset LastActivityAt { get; set; }
    /// <summary>Counters kept in the same transaction as the rows they count (never counted per request).</summary>
    public int VoteCount { get; set; }
    public int CommentCount { get; set; }
    public int FollowerCount { get; set; }
    /// <summary>Edit number; also the optimistic concurrency token of edits.</summary>
    public int Version { get; set; } = 1;

    public List<IdeaTag> Tags { get; set; } = [];
    public List<IdeaAnswer> Answers { get; set; } = [];
}

/// <summary>The content of an idea before an edit: the visible version history.</summary>
public sealed class IdeaVersion
{
    public long Id { get; set; }
    public int IdeaId { get; set; }
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string Problem { get; set; } = "";
    public string Solution { get; set; } = "";
    public string Benefits { get; set; } = "";
    public Guid EditedById { get; set; }
    /// <summary>When this version was replaced.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
}

public sealed class IdeaTag
{
    public int IdeaId { get; set; }
    /// <summary>Lower-case, letters, digits and hyphens.</summary>
    public string Tag { get; set; } = "";
}

public sealed class IdeaAnswer
{
    public int IdeaId { get; set; }
    public Guid QuestionId { get; set; }
    /// <summary>The answer; the choices of a multiple choice question one per line.</summary>
    public string Value { get; set; } = "";
}

public enum CoAuthorStatus
{
    Invited,
    Accepted,
    Declined,
}

/// <summary>A person invited to co-author an idea; they appear as author once they accept.</summary>
public sealed class IdeaCoAuthor
{
    public Guid Id { get; set; }
    public int IdeaId { get; set; }
    public Guid UserId { get; set; }
    public CoAuthorStatus Status { get; set; }
    public Guid InvitedById { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>
/// An invitation to co-author an idea, addressed to an email: the same whether the address has an account or not, and
/// the person appears as co-author only once they accept, signed in with that confirmed address. Answering is single use.
/// </summary>
public sealed class IdeaCoAuthorInvitation
{
    public Guid Id { get; set; }
    public int IdeaId { get; set; }
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public Guid InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool? Accepted { get; set; }
}

public sealed class IdeaAttachment
{
    public int IdeaId { get; set; }
    public Guid FileId { get; set; }
    public int Position { get; set; }
}

/// <summary>One step of an idea's public history: state changes with their answers, merges.</summary>
public sealed class IdeaEvent
{
    public long Id { get; set; }
    public int IdeaId { get; set; }
    public IdeaState? FromState { get; set; }
    public IdeaState ToState { get; set; }
    /// <summary>The public answer given with the change (Markdown).</summary>
    public string? Answer { get; set; }
    /// <summary>For a merge: the other idea.</summary>
    public int? RelatedIdeaId { get; set; }
    public Guid? ActorId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}

public sealed class IdeaFollower
{
    public int IdeaId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}

/// <summary>One person's support for an idea. The primary key is the rule "one vote per person per idea".</summary>
public sealed class Vote
{
    public int IdeaId { get; set; }
    public Guid UserId { get; set; }
    public Guid CampaignId { get; set; }
    public DateTimeOffset CastAt { get; set; }
}

public sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> b)
    {
        b.ToTable("Ideas");
        b.Property(i => i.Language).HasMaxLength(10).IsRequired();
        b.Property(i => i.Title).HasMaxLength(200).IsRequired();
        b.Property(i => i.Problem).HasMaxLength(8000).IsRequired();
        b.Property(i => i.Solution).HasMaxLength(8000).IsRequired();
        b.Property(i => i.Benefits).HasMaxLength(4000).IsRequired();
        b.Property(i => i.Origin).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.CareLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Setting).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Answer).HasMaxLength(4000);
        b.Property(i => i.HiddenReason).HasMaxLength(1000);
        b.Property(i => i.Version).IsConcurrencyToken();
        // The list pages: a campaign's (or hub's) visible ideas by the common sorts.
        b.HasIndex(i => new { i.CampaignId, i.State, i.PublishedAt });
        // Counting a list's visible ideas, with any of its filters, reads this index only, and a filtered sort reads
        // only the rows that pass them (the list's newest-first order has an expression index, created in the
        // ListIndexes migration: EF Core cannot declare one). No column here changes with a vote or a comment.
        b.HasIndex(i => new { i.CampaignId, i.State, i.HiddenAt, i.MergedIntoId, i.Origin, i.CareLevel, i.Setting, i.FocusAreaId },
            "IX_Ideas_CampaignId_Filters");
        b.HasIndex(i => new { i.CampaignId, i.VoteCount });
        b.HasIndex(i => new { i.CampaignId, i.LastActivityAt });
        b.HasIndex(i => new { i.HubId, i.PublishedAt });
        b.HasIndex(i => new { i.AuthorId, i.CreatedAt });
        b.HasOne<Hub>().WithMany().HasForeignKey(i => i.HubId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FocusArea>().WithMany().HasForeignKey(i => i.FocusAreaId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Idea>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.IdeaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaVersionConfiguration : IEntityTypeConfiguration<IdeaVersion>
{
    public void Configure(EntityTypeBuilder<IdeaVersion> b)
    {
        b.ToTable("IdeaVersions");
        b.Property(v => v.Title).HasMaxLength(200).IsRequired();
        b.Property(v => v.Problem).HasMaxLength(8000).IsRequired();
        b.Property(v => v.Solution).HasMaxLength(8000).IsRequired();
        b.Property(v => v.Benefits).HasMaxLength(4000).IsRequired();
        b.HasIndex(v => new { v.IdeaId, v.Version }).IsUnique();
        b.HasOne<Idea>().WithMany().HasForeignKey(v => v.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(v => v.EditedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IdeaTagConfiguration : IEntityTypeConfiguration<IdeaTag>
{
    public void Configure(EntityTypeBuilder<IdeaTag> b)
    {
        b.ToTable("IdeaTags");
        b.HasKey(t => new { t.IdeaId, t.Tag });
        b.Property(t => t.Tag).HasMaxLength(40);
        b.HasIndex(t => t.Tag);
    }
}

public sealed class IdeaAnswerConfiguration : IEntityTypeConfiguration<IdeaAnswer>
{
    public void Configure(EntityTypeBuilder<IdeaAnswer> b)
    {
        b.ToTable("IdeaAnswers");
        b.HasKey(a => new { a.IdeaId, a.QuestionId });
        b.Property(a => a.Value).HasMaxLength(8000).IsRequired();
        b.HasOne<CampaignQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaCoAuthorInvitationConfiguration : IEntityTypeConfiguration<IdeaCoAuthorInvitation>
{
    public void Configure(EntityTypeBuilder<IdeaCoAuthorInvitation> b)
    {
        b.ToTable("IdeaCoAuthorInvitations");
        b.Property(i => i.Email).HasMaxLength(256).IsRequired();
        b.Property(i => i.NormalizedEmail).HasMaxLength(256).IsRequired();
        b.HasIndex(i => new { i.IdeaId, i.NormalizedEmail });
        b.HasIndex(i => i.NormalizedEmail);
        b.HasIndex(i => i.InvitedById);
        b.HasOne<Idea>().WithMany().HasForeignKey(i => i.IdeaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaCoAuthorConfiguration : IEntityTypeConfiguration<IdeaCoAuthor>
{
    public void Configure(EntityTypeBuilder<IdeaCoAuthor> b)
    {
        b.ToTable("IdeaCoAuthors");
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.IdeaId, c.UserId }).IsUnique();
        b.HasIndex(c => c.UserId);
        b.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaAttachmentConfiguration : IEntityTypeConfiguration<IdeaAttachment>
{
    public void Configure(EntityTypeBuilder<IdeaAttachment> b)
    {
        b.ToTable("IdeaAttachments");
        b.HasKey(a => new { a.IdeaId, a.FileId });
        b.HasOne<Idea>().WithMany().HasForeignKey(a => a.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaEventConfiguration : IEntityTypeConfiguration<IdeaEvent>
{
    public void Configure(EntityTypeBuilder<IdeaEvent> b)
    {
        b.ToTable("IdeaEvents");
        b.Property(e => e.FromState).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ToState).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Answer).HasMaxLength(4000);
        b.HasIndex(e => new { e.IdeaId, e.OccurredAt });
        b.HasOne<Idea>().WithMany().HasForeignKey(e => e.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class IdeaFollowerConfiguration : IEntityTypeConfiguration<IdeaFollower>
{
    public void Configure(EntityTypeBuilder<IdeaFollower> b)
    {
        b.ToTable("IdeaFollowers");
        b.HasKey(f => new { f.IdeaId, f.UserId });
        b.HasIndex(f => f.UserId);
        b.HasOne<Idea>().WithMany().HasForeignKey(f => f.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.ToTable("Votes");
        b.HasKey(v => new { v.IdeaId, v.UserId });
        b.HasIndex(v => new { v.UserId, v.CampaignId });
        b.HasOne<Idea>().WithMany().HasForeignKey(v => v.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
