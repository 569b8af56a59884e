using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Platform.Search;

/// <summary>
/// The searchable form of something an area indexes (today ideas and comments, <see cref="ISearchIndexer"/>): its words
/// already tokenised, stemmed in its own language and folded (<see cref="Text.TextAnalyzer"/>), so both databases index
/// the same terms. The area also links the document to its rows (foreign keys, in its own configuration).
/// The full-text index itself is provider-specific and lives only in the migrations:
/// SQLite has an FTS5 table "SearchFts" kept in step by triggers on this table; PostgreSQL a
/// generated tsvector column "Tsv" with a GIN index. Both index a scope token besides the words
/// (its kind and hub, Ideas' <c>SearchEngine.ScopeToken</c>: on SQLite from the generated column "Scope"). A migration
/// that rebuilds this table on SQLite must recreate that column and those triggers.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>Integer key: the FTS5 table's rowid.</summary>
    public long RowId { get; set; }
    /// <summary>What was indexed, named by its area (Ideas' <c>SearchKinds</c>).</summary>
    public string Kind { get; set; } = "";
    /// <summary>The indexed row's id (an idea's, a comment's, a catalogue service's: one document per language it is written in).</summary>
    public long TargetId { get; set; }
    public Guid HubId { get; set; }
    /// <summary>The idea a hit is shown as: the idea itself, or the idea a comment belongs to; null for other areas' documents (catalogue services).</summary>
    public int? IdeaId { get; set; }
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
        b.HasIndex(d => new { d.Kind, d.TargetId, d.Language }).IsUnique();
        b.HasIndex(d => d.IdeaId);
    }
}
