using System.Globalization;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Html;
using Agora.Web.Platform.Search;
using Agora.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Ideas;

/// <summary>The kinds of Platform's <see cref="SearchDocument"/> that ideas write (the migrations' scope tokens name them too).</summary>
public static class SearchKinds
{
    public const string Idea = "idea";
    public const string Comment = "comment";
}

/// <summary>
/// Ideas' part of the full-text index: an idea's title and text, and each comment's text (a comment's hits are shown as
/// its idea), written whenever they are saved (<see cref="SearchIndexInterceptor"/>); deleted and hidden comments leave it.
/// </summary>
public sealed class IdeaSearchIndexer : ISearchIndexer
{
    private static readonly string[] IdeaText = [nameof(Idea.Title), nameof(Idea.Problem), nameof(Idea.Solution), nameof(Idea.Benefits), nameof(Idea.Language)];
    private static readonly string[] CommentText = [nameof(Comment.Body), nameof(Comment.DeletedAt), nameof(Comment.HiddenAt)];

    public bool Affects(EntityEntry entry) => entry.Entity switch
    {
        Idea => Changed(entry, IdeaText),
        Comment => entry.State == EntityState.Deleted || Changed(entry, CommentText),
        _ => false,
    };

    private static bool Changed(EntityEntry entry, string[] properties) =>
        entry.State == EntityState.Added
        || (entry.State == EntityState.Modified && properties.Any(p => entry.Property(p).IsModified));

    public async Task IndexAsync(AgoraDbContext db, IReadOnlyList<IndexedChange> changes, CancellationToken ct)
    {
        var commentIdeas = changes.Select(c => c.Entity).OfType<Comment>().Select(c => c.IdeaId).Distinct().ToList();
        var ideaInfo = commentIdeas.Count == 0
            ? []
            : await db.Ideas.Where(i => commentIdeas.Contains(i.Id)).Select(i => new { i.Id, i.HubId }).ToDictionaryAsync(i => i.Id, i => i.HubId, ct);
        var culture = CultureInfo.CurrentUICulture.Name;
        var ideaIds = changes.Select(c => c.Entity).OfType<Idea>().Select(i => (long)i.Id).ToList();
        var commentIds = changes.Select(c => c.Entity).OfType<Comment>().Select(c => c.Id).ToList();
        var existing = await db.SearchDocuments
            .Where(d => (d.Kind == SearchKinds.Idea && ideaIds.Contains(d.TargetId)) || (d.Kind == SearchKinds.Comment && commentIds.Contains(d.TargetId)))
            .ToDictionaryAsync(d => (d.Kind, d.TargetId), ct);

        SearchDocument DocumentFor(string kind, long id) =>
            existing.TryGetValue((kind, id), out var doc) ? doc : db.SearchDocuments.Add(new SearchDocument { Kind = kind, TargetId = id }).Entity;

        foreach (var change in changes)
        {
            switch (change.Entity)
            {
                case Idea idea:
                {
                    var doc = DocumentFor(SearchKinds.Idea, idea.Id);
                    doc.HubId = idea.HubId;
                    doc.IdeaId = idea.Id;
                    doc.Language = idea.Language;
                    doc.Title = TextAnalyzer.Document(idea.Title, idea.Language);
                    doc.Body = TextAnalyzer.Document(string.Join("\n",
                        MarkdownRenderer.ToPlainText(idea.Problem), MarkdownRenderer.ToPlainText(idea.Solution), MarkdownRenderer.ToPlainText(idea.Benefits)), idea.Language);
                    break;
                }
                case Comment c:
                {
                    if (change.Removed || c.DeletedAt is not null || c.HiddenAt is not null || !ideaInfo.TryGetValue(c.IdeaId, out var hubId))
                    {
                        if (existing.TryGetValue((SearchKinds.Comment, c.Id), out var gone)) db.SearchDocuments.Remove(gone);
                        break;
                    }
                    var doc = DocumentFor(SearchKinds.Comment, c.Id);
                    doc.HubId = hubId;
                    doc.IdeaId = c.IdeaId;
                    // A comment's language is not declared: the writer's language at the time is the best guess.
                    doc.Language = culture;
                    doc.Title = "";
                    doc.Body = TextAnalyzer.Document(MarkdownRenderer.ToPlainText(c.Body), culture);
                    break;
                }
            }
        }
    }
}

/// <summary>Ideas' documents go with their idea and their hub.</summary>
public sealed class IdeaSearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.HasOne<Idea>().WithMany().HasForeignKey(d => d.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hubs.Hub>().WithMany().HasForeignKey(d => d.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}
