using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Platform.Search;

public static class SearchKinds
{
    public const string Idea = "idea";
    public const string Comment = "comment";
}

/// <summary>
/// The searchable form of an idea or a comment: its words already tokenised, stemmed in its own
/// language and folded (<see cref="Text.TextAnalyzer"/>), so both databases index the same terms.
/// The full-text index itself is provider-specific and lives only in the migrations:
/// SQLite has an FTS5 table "SearchFts" kept in step by triggers on this table; PostgreSQL a
/// generated tsvector column "Tsv" with a GIN index. Both index a scope token besides the words
/// (<see cref="SearchEngine.ScopeToken"/>: on SQLite from the generated column "Scope"). A migration
/// that rebuilds this table on SQLite must recreate that column and those triggers.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>Integer key: the FTS5 table's rowid.</summary>
    public long RowId { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>The idea's or the comment's id.</summary>
    public long TargetId { get; set; }
    public Guid HubId { get; set; }
    /// <summary>The idea itself, or the idea a comment belongs to: hits are shown as ideas.</summary>
    public int IdeaId { get; set; }
    public string Language { get; set; } = "";
    /// <summary>Stemmed terms of the title (weighted higher).</summary>
    public string Title { get; set; } = "";
    /// <summary>Stemmed terms of the rest of the text.</summary>
    public string Body { get; set; } = "";
}

public sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.ToTable("SearchDocuments");
        b.HasKey(d => d.RowId);
        b.Property(d => d.Kind).HasMaxLength(10).IsRequired();
        b.Property(d => d.Language).HasMaxLength(10).IsRequired();
        b.Property(d => d.Title).IsRequired();
        b.Property(d => d.Body).IsRequired();
        b.HasIndex(d => new { d.Kind, d.TargetId }).IsUnique();
        b.HasIndex(d => d.IdeaId);
        b.HasOne<Idea>().WithMany().HasForeignKey(d => d.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hub>().WithMany().HasForeignKey(d => d.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}
