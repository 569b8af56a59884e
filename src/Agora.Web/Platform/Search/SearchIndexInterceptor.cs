using System.Runtime.CompilerServices;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Platform.Search;

/// <summary>A saved entity that changes an area's documents; <see cref="Removed"/> when it was deleted.</summary>
public sealed record IndexedChange(object Entity, bool Removed);

/// <summary>
/// One area's part of the full-text index (<see cref="SearchDocument"/>): which saved changes touch its documents and how
/// they are written. Registered by the area as a singleton (<c>services.AddSearchIndexer&lt;T&gt;()</c>); keeps no state.
/// </summary>
public interface ISearchIndexer
{
    /// <summary>Whether this tracked change, about to be saved, changes the area's documents.</summary>
    bool Affects(EntityEntry entry);

    /// <summary>Adds, updates or removes the documents of the changes (tracked in <paramref name="db"/>; the caller saves them).</summary>
    Task IndexAsync(AgoraDbContext db, IReadOnlyList<IndexedChange> changes, CancellationToken ct);
}

public static class SearchIndexing
{
    public static IServiceCollection AddSearchIndexer<T>(this IServiceCollection services) where T : class, ISearchIndexer =>
        services.AddSingleton<ISearchIndexer, T>();
}

/// <summary>
/// Keeps <see cref="SearchDocument"/> rows in step with what the areas index whenever it is saved, so no handler can
/// forget to index: after a save that touched an indexer's entities, that indexer writes the affected documents, saved
/// in a second save (inside the caller's transaction when there is one). One instance per application.
/// </summary>
public sealed class SearchIndexInterceptor(IEnumerable<ISearchIndexer> indexers) : SaveChangesInterceptor
{
    private readonly ISearchIndexer[] _indexers = indexers.ToArray();
    private readonly ConditionalWeakTable<DbContext, List<(ISearchIndexer Indexer, IndexedChange Change)>> _pending = new();

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
        var changes = new List<(ISearchIndexer, IndexedChange)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            foreach (var indexer in _indexers)
            {
                if (indexer.Affects(entry)) changes.Add((indexer, new IndexedChange(entry.Entity, entry.State == EntityState.Deleted)));
            }
        }
        _pending.AddOrUpdate(db, changes);
    }

    private List<(ISearchIndexer, IndexedChange)>? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var changes)) return null;
        _pending.Remove(context);
        return changes.Count == 0 ? null : changes;
    }

    private static async Task IndexAsync(AgoraDbContext db, List<(ISearchIndexer Indexer, IndexedChange Change)> changes, CancellationToken ct)
    {
        foreach (var group in changes.GroupBy(c => c.Indexer))
            await group.Key.IndexAsync(db, group.Select(c => c.Change).ToList(), ct);
        await db.SaveChangesAsync(ct);
    }
}
