using System.Data.Common;
using System.Globalization;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Search;
using Agora.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Agora.Web.Features.Network;

/// <summary>
/// The catalogue's part of the full-text index: one <see cref="SearchDocument"/> of kind <see cref="Kind"/> per service
/// and text culture (its <see cref="SearchDocument.Language"/>), stemmed in that language, written whenever a service's
/// texts are saved (<see cref="SearchIndexInterceptor"/>). Every service is indexed whatever its status; the catalogue
/// search asks only for what <see cref="CatalogueAccess.Catalogue"/> shows.
/// </summary>
public sealed class ServiceSearchIndexer : ISearchIndexer
{
    /// <summary>The documents' kind (and the first part of their scope token, see the migration SearchScope).</summary>
    public const string Kind = "service";

    public bool Affects(EntityEntry entry) => entry.Entity switch
    {
        CatalogueServiceText => entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified,
        CatalogueService => entry.State is EntityState.Deleted,
        _ => false,
    };

    public async Task IndexAsync(AgoraDbContext db, IReadOnlyList<IndexedChange> changes, CancellationToken ct)
    {
        var ids = changes.Select(c => c.Entity switch
        {
            CatalogueServiceText t => t.ServiceId,
            CatalogueService s => s.Id,
            _ => 0,
        }).Where(id => id > 0).Distinct().Select(id => (long)id).ToList();
        var services = await db.CatalogueServices.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.HubId, Texts = s.Texts.ToList() }).ToListAsync(ct);
        var existing = await db.SearchDocuments.Where(d => d.Kind == Kind && ids.Contains(d.TargetId)).ToListAsync(ct);
        foreach (var id in ids)
        {
            var service = services.FirstOrDefault(s => s.Id == id);
            var texts = service?.Texts ?? [];
            foreach (var gone in existing.Where(d => d.TargetId == id && texts.All(t => t.Culture != d.Language))) db.SearchDocuments.Remove(gone);
            if (service is null) continue;
            foreach (var text in texts)
            {
                var doc = existing.FirstOrDefault(d => d.TargetId == id && d.Language == text.Culture)
                    ?? db.SearchDocuments.Add(new SearchDocument { Kind = Kind, TargetId = id, Language = text.Culture }).Entity;
                doc.HubId = service.HubId;
                doc.IdeaId = null;
                doc.Title = TextAnalyzer.Document(text.Title, text.Culture);
                doc.Body = TextAnalyzer.Document(text.Summary + "\n" + text.Description, text.Culture);
            }
        }
    }
}

/// <summary>
/// Full-text questions over the catalogue's documents (<see cref="ServiceSearchIndexer"/>) on either database, with the
/// same terms: SQLite FTS5 or PostgreSQL tsvector, each asked for the scope tokens of the hubs searched, so ideas and
/// comments are never read, and the kind checked again on the document.
/// </summary>
public sealed class ServiceTextSearch(AgoraDbContext db)
{
    /// <summary>Texts in the reader's language rank a little higher.</summary>
    private const double LanguageBoost = 1.2;

    /// <summary>The token the SearchScope migration indexes with a document: kind, '_', the hub id's hex digits.</summary>
    public static string ScopeToken(Guid hubId) => ServiceSearchIndexer.Kind + "_" + hubId.ToString("N");

    /// <summary>Services of <paramref name="hubs"/> whose text in some language matches every group (any term of each), with a score (higher is better).</summary>
    public async Task<Dictionary<int, double>> FindAsync(IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyCollection<Guid> hubs, string preferredCulture, CancellationToken ct)
    {
        var clean = groups.Select(g => g.Where(IsSafeTerm).Distinct().ToList()).Where(g => g.Count > 0).ToList();
        if (clean.Count == 0 || hubs.Count == 0) return [];
        var boost = LanguageBoost.ToString(CultureInfo.InvariantCulture);
        if (db.Database.IsNpgsql())
        {
            var terms = string.Join(" & ", clean.Select(g => "(" + string.Join(" | ", g) + ")"));
            var scopes = string.Join(" | ", hubs.Select(ScopeToken));
            var sql = $"""
                SELECT d."TargetId", MAX(ts_rank_cd(d."Tsv", to_tsquery('simple', @terms)) * CASE WHEN d."Language" = @lang THEN {boost} ELSE 1.0 END)
                FROM "SearchDocuments" d
                WHERE d."Tsv" @@ (@scopes::tsquery && to_tsquery('simple', @terms)) AND d."Kind" = '{ServiceSearchIndexer.Kind}'
                GROUP BY d."TargetId"
                """;
            return await QueryAsync(sql, cmd => { Add(cmd, "@terms", terms); Add(cmd, "@scopes", scopes); Add(cmd, "@lang", preferredCulture); }, higherIsBetter: true, ct);
        }
        else
        {
            var terms = string.Join(" AND ", clean.Select(g => "(" + string.Join(" OR ", g.Select(t => $"\"{t}\"")) + ")"));
            var match = $"(Scope : ({string.Join(" OR ", hubs.Select(h => $"\"{ScopeToken(h)}\""))})) AND ({terms})";
            // bm25 is lower-is-better and computed only in the matching query itself: taken from a materialised result.
            var sql = $"""
                WITH m AS MATERIALIZED (
                  SELECT "SearchFts".rowid AS id, bm25("SearchFts", 3.0, 1.0, 0.0) AS rank
                  FROM "SearchFts" WHERE "SearchFts" MATCH $match)
                SELECT d."TargetId", MIN(m.rank * CASE WHEN d."Language" = $lang THEN {boost} ELSE 1.0 END)
                FROM m CROSS JOIN "SearchDocuments" d ON d."RowId" = m.id
                WHERE d."Kind" = '{ServiceSearchIndexer.Kind}'
                GROUP BY d."TargetId"
                """;
            return await QueryAsync(sql, cmd => { Add(cmd, "$match", match); Add(cmd, "$lang", preferredCulture); }, higherIsBetter: false, ct);
        }
    }

    /// <summary>Terms from TextAnalyzer are letters and digits only; anything else never reaches a query.</summary>
    private static bool IsSafeTerm(string term) =>
        term.Length is > 0 and <= 200 && term.EnumerateRunes().All(System.Text.Rune.IsLetterOrDigit);

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private async Task<Dictionary<int, double>> QueryAsync(string sql, Action<DbCommand> bind, bool higherIsBetter, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            bind(cmd);
            var hits = new Dictionary<int, double>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var score = reader.GetDouble(1);
                hits[(int)reader.GetInt64(0)] = higherIsBetter ? score : -score;
            }
            return hits;
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
