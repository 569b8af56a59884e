using System.Globalization;
using System.Runtime.CompilerServices;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Html;
using Agora.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Platform.Search;

/// <summary>
/// Keeps <see cref="SearchDocument"/> rows in step with ideas and comments whenever they are saved,
/// so no handler can forget to index: after a save that added or changed an idea's or comment's text,
/// the affected documents are written in a second save (inside the caller's transaction when there is one).
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    private static readonly string[] IdeaText = [nameof(Idea.Title), nameof(Idea.Problem), nameof(Idea.Solution), nameof(Idea.Benefits), nameof(Idea.Language)];
    private static readonly string[] CommentText = [nameof(Comment.Body), nameof(Comment.DeletedAt), nameof(Comment.HiddenAt)];

    private readonly ConditionalWeakTable<DbContext, List<Change>> _pending = new();

    private sealed record Change(object Entity, bool Removed);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } changes) IndexAsync((AgoraDbContext)eventData.Context!, changes, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } changes) await IndexAsync((AgoraDbContext)eventData.Context!, changes, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not AgoraDbContext db) return;
        var changes = new List<Change>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is Idea && Changed(entry, IdeaText)) changes.Add(new Change(entry.Entity, false));
            else if (entry.Entity is Comment && entry.State == EntityState.Deleted) changes.Add(new Change(entry.Entity, true));
            else if (entry.Entity is Comment && Changed(entry, CommentText)) changes.Add(new Change(entry.Entity, false));
        }
        _pending.AddOrUpdate(db, changes);
    }

    private static bool Changed(EntityEntry entry, string[] properties) =>
        entry.State == EntityState.Added
        || (entry.State == EntityState.Modified && properties.Any(p => entry.Property(p).IsModified));

    private List<Change>? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var changes)) return null;
        _pending.Remove(context);
        return changes.Count == 0 ? null : changes;
    }

    private static async Task IndexAsync(AgoraDbContext db, List<Change> changes, CancellationToken ct)
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
        await db.SaveChangesAsync(ct);
    }
}
