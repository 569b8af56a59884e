using Agora.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// A comment on an idea; threads are two levels deep (a reply's parent is a top-level comment).
/// The sanitised HTML is rendered once when written, so a page with thousands of comments renders nothing.
/// </summary>
public sealed class Comment
{
    public long Id { get; set; }
    public int IdeaId { get; set; }
    public long? ParentId { get; set; }
    public Guid AuthorId { get; set; }
    public string Body { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    /// <summary>Deleted by its author: the text is gone, the place in the thread stays.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
    /// <summary>Marked by a hub manager as the hub's official answer.</summary>
    public bool IsOfficial { get; set; }
    public int ReplyCount { get; set; }
}

/// <summary>The text of a comment before an edit.</summary>
public sealed class CommentVersion
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset ReplacedAt { get; set; }
}

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.ToTable("Comments");
        b.Property(c => c.Body).HasMaxLength(10000).IsRequired();
        b.Property(c => c.BodyHtml).IsRequired();
        b.Property(c => c.HiddenReason).HasMaxLength(1000);
        // Top-level comments of an idea in order, and the replies of a comment in order.
        b.HasIndex(c => new { c.IdeaId, c.ParentId, c.Id });
        b.HasIndex(c => new { c.AuthorId, c.CreatedAt });
        b.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommentVersionConfiguration : IEntityTypeConfiguration<CommentVersion>
{
    public void Configure(EntityTypeBuilder<CommentVersion> b)
    {
        b.ToTable("CommentVersions");
        b.Property(v => v.Body).HasMaxLength(10000).IsRequired();
        b.HasIndex(v => v.CommentId);
        b.HasOne<Comment>().WithMany().HasForeignKey(v => v.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
