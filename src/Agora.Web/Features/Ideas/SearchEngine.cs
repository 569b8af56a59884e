using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// A full-text question over a hub's ideas (and their comments). <see cref="Groups"/> are stemmed
/// alternatives per query word (from <see cref="Platform.Text.TextAnalyzer.QueryTerms"/>): with
/// <see cref="MatchAll"/> every word must match (search); without, any term may (similar ideas).
/// Only ideas in <see cref="States"/> of the <see cref="CampaignIds"/> the person may read are found;
/// hidden and merged ideas never are. Without <see cref="CountTotal"/> the result's total is only the hits
/// returned (one query instead of two). With <see cref="Window"/> only the newest that many matching documents
/// are ranked: the cost stays bounded however many documents match (similar ideas, where any word may match).
/// </summary>
public sealed record SearchQuery(
    Guid HubId,
    IReadOnlyList<IReadOnlyList<string>> Groups,
    bool MatchAll,
    IReadOnlyCollection<Guid> CampaignIds,
    IReadOnlyCollection<IdeaState> States,
    bool IncludeComments,
    string? PreferredLanguage,
    int? ExcludeIdeaId,
    int Offset,
    int Limit,
    bool CountTotal = true,
    int? Window = null);

/// <summary>An idea that matched, with a score where higher is better (comparable within one result only).</summary>
public sealed record SearchHit(int IdeaId, double Score);

public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>
/// Full-text search over ideas and their comments behind one interface: SQLite FTS5 or PostgreSQL tsvector over
/// Platform's <see cref="SearchDocument"/> index (which <see cref="IdeaSearchIndexer"/> fills), same terms, same filters. Every
/// document is indexed with a scope token, its kind followed by its hub's id (<see cref="ScopeToken"/>, from the
/// migration SearchScope), and every question asks for it, so the engine reads only the postings of one hub's
/// documents of the kinds asked for, not those of every hub to filter afterwards.
/// </summary>
public interface ISearchEngine
{
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct);
}

/// <summary>Picks the implementation for the configured provider.</summary>
public sealed class SearchEngine(AgoraDbContext db) : ISearchEngine
{
    /// <summary>Documents in the reader's language rank a little higher.</summary>
    private const double LanguageBoost = 1.2;

    public async Task<SearchResult> SearchAsync(SearchQuery q, CancellationToken ct)
    {
        var groups = q.Groups.Select(g => g.Where(IsSafeTerm).Distinct().ToList()).Where(g => g.Count > 0).ToList();
        if (groups.Count == 0 || q.CampaignIds.Count == 0 || q.States.Count == 0 || q.Limit <= 0) return new SearchResult([], 0);
        return db.Database.IsNpgsql() ? await PostgresAsync(q, groups, ct) : await SqliteAsync(q, groups, ct);
    }

    /// <summary>
    /// The token the SearchScope migration indexes with a document: its kind, '_', its hub id's hex digits. Indexed
    /// and query words are letters and digits only, so none is ever a scope token.
    /// </summary>
    public static string ScopeToken(string kind, Guid hubId) => kind + "_" + hubId.ToString("N");

    private static IEnumerable<string> Scopes(SearchQuery q) => q.IncludeComments
        ? [ScopeToken(SearchKinds.Idea, q.HubId), ScopeToken(SearchKinds.Comment, q.HubId)]
        : [ScopeToken(SearchKinds.Idea, q.HubId)];

    /// <summary>Terms from TextAnalyzer are letters and digits only; anything else never reaches a query.</summary>
    private static bool IsSafeTerm(string term) =>
        term.Length is > 0 and <= 200 && term.EnumerateRunes().All(System.Text.Rune.IsLetterOrDigit);

    private async Task<SearchResult> SqliteAsync(SearchQuery q, List<List<string>> groups, CancellationToken ct)
    {
        var terms = q.MatchAll
            ? string.Join(" AND ", groups.Select(g => "(" + string.Join(" OR ", g.Select(t => $"\"{t}\"")) + ")"))
            : string.Join(" OR ", groups.SelectMany(g => g).Distinct().Select(t => $"\"{t}\""));
        var match = $"(Scope : ({string.Join(" OR ", Scopes(q).Select(s => $"\"{s}\""))})) AND ({terms})";
        // The hub and kind are checked again on the document: the index's scope is how they are found quickly.
        var filter = $"""
            d."HubId" = $hub
              {(q.IncludeComments ? "" : "AND d.\"Kind\" = 'idea'")}
              AND i."HiddenAt" IS NULL AND i."MergedIntoId" IS NULL
              AND i."State" IN (SELECT value FROM json_each($states))
              AND i."CampaignId" IN (SELECT value FROM json_each($campaigns))
              {(q.ExcludeIdeaId is null ? "" : "AND i.\"Id\" <> $exclude")}
            """;
        // bm25 is lower-is-better (negative); the title counts three times the body, the scope nothing. FTS5 computes
        // it only in the matching query itself, so it is taken from a materialised result, for the newest candidates
        // only when they are bounded (FTS5 reads its postings newest first for ORDER BY rowid DESC and stops there).
        // CROSS JOIN keeps that order of the joins: SQLite's planner cannot tell how few rows a MATCH finds, and
        // otherwise walks every idea of the hub's campaigns to probe the matches (130 ms instead of 20 at 1m ideas).
        var sql = $"""
            WITH m AS MATERIALIZED (
              SELECT "SearchFts".rowid AS id, bm25("SearchFts", 3.0, 1.0, 0.0) AS rank
              FROM "SearchFts" WHERE "SearchFts" MATCH $match
              {(q.Window is null ? "" : "ORDER BY \"SearchFts\".rowid DESC LIMIT $window")})
            SELECT d."IdeaId", MIN(m.rank * CASE WHEN d."Language" = $lang THEN {LanguageBoost.ToString(CultureInfo.InvariantCulture)} ELSE 1.0 END) AS best
            FROM m
            CROSS JOIN "SearchDocuments" d ON d."RowId" = m.id
            CROSS JOIN "Ideas" i ON i."Id" = d."IdeaId"
            WHERE {filter}
            GROUP BY d."IdeaId" ORDER BY best, d."IdeaId" LIMIT $limit OFFSET $offset
            """;
        var count = $"""
            SELECT COUNT(DISTINCT d."IdeaId")
            FROM "SearchFts"
            CROSS JOIN "SearchDocuments" d ON d."RowId" = "SearchFts".rowid
            CROSS JOIN "Ideas" i ON i."Id" = d."IdeaId"
            WHERE "SearchFts" MATCH $match AND {filter}
            """;
        void Bind(DbCommand cmd)
        {
            Add(cmd, "$match", match);
            Add(cmd, "$hub", q.HubId.ToString().ToUpperInvariant());
            Add(cmd, "$states", JsonSerializer.Serialize(q.States.Select(s => s.ToString())));
            Add(cmd, "$campaigns", JsonSerializer.Serialize(q.CampaignIds.Select(c => c.ToString().ToUpperInvariant())));
            Add(cmd, "$lang", q.PreferredLanguage ?? "");
            Add(cmd, "$limit", q.Limit);
            Add(cmd, "$offset", q.Offset);
            if (q.Window is { } window) Add(cmd, "$window", window);
            if (q.ExcludeIdeaId is { } ex) Add(cmd, "$exclude", ex);
        }
        var hits = await QueryAsync(sql, Bind, r => new SearchHit(r.GetInt32(0), -r.GetDouble(1)), ct);
        var total = !q.CountTotal || (q.Offset == 0 && hits.Count < q.Limit) ? hits.Count : (int)(await ScalarAsync(count, Bind, ct));
        return new SearchResult(hits, total);
    }

    private async Task<SearchResult> PostgresAsync(SearchQuery q, List<List<string>> groups, CancellationToken ct)
    {
        var terms = q.MatchAll
            ? string.Join(" & ", groups.Select(g => "(" + string.Join(" | ", g) + ")"))
            : string.Join(" | ", groups.SelectMany(g => g).Distinct());
        // The scope lexeme narrows the GIN scan to the hub's postings; the rank is of the words alone. The scopes are
        // a tsquery as written ('_' would split them in to_tsquery's parser), the words go through the parser.
        var scopes = string.Join(" | ", Scopes(q));
        var documents = $"""
            SELECT d."IdeaId", d."Language", d."Tsv"
            FROM "SearchDocuments" d
            WHERE d."Tsv" @@ (@scopes::tsquery && to_tsquery('simple', @terms)) AND d."HubId" = @hub
              {(q.IncludeComments ? "" : "AND d.\"Kind\" = 'idea'")}
            """;
        var filter = $"""
            i."HiddenAt" IS NULL AND i."MergedIntoId" IS NULL
              AND i."State" = ANY(@states)
              AND i."CampaignId" = ANY(@campaigns)
              {(q.ExcludeIdeaId is null ? "" : "AND i.\"Id\" <> @exclude")}
            """;
        var sql = $"""
            SELECT m."IdeaId", MAX(ts_rank_cd(m."Tsv", to_tsquery('simple', @terms)) * CASE WHEN m."Language" = @lang THEN {LanguageBoost.ToString(CultureInfo.InvariantCulture)} ELSE 1.0 END) AS score
            FROM ({documents} {(q.Window is null ? "" : "ORDER BY d.\"RowId\" DESC LIMIT @window")}) m
            JOIN "Ideas" i ON i."Id" = m."IdeaId"
            WHERE {filter}
            GROUP BY m."IdeaId" ORDER BY score DESC, m."IdeaId" LIMIT @limit OFFSET @offset
            """;
        var count = $"""
            SELECT COUNT(DISTINCT m."IdeaId")
            FROM ({documents}) m
            JOIN "Ideas" i ON i."Id" = m."IdeaId"
            WHERE {filter}
            """;
        void Bind(DbCommand cmd)
        {
            Add(cmd, "@scopes", scopes);
            Add(cmd, "@terms", terms);
            Add(cmd, "@hub", q.HubId);
            Add(cmd, "@states", q.States.Select(s => s.ToString()).ToArray());
            Add(cmd, "@campaigns", q.CampaignIds.ToArray());
            Add(cmd, "@lang", q.PreferredLanguage ?? "");
            Add(cmd, "@limit", q.Limit);
            Add(cmd, "@offset", q.Offset);
            if (q.Window is { } window) Add(cmd, "@window", window);
            if (q.ExcludeIdeaId is { } ex) Add(cmd, "@exclude", ex);
        }
        var hits = await QueryAsync(sql, Bind, r => new SearchHit(r.GetInt32(0), r.GetDouble(1)), ct);
        var total = !q.CountTotal || (q.Offset == 0 && hits.Count < q.Limit) ? hits.Count : (int)(await ScalarAsync(count, Bind, ct));
        return new SearchResult(hits, total);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            SqlCommandCounter.Count();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            bind(cmd);
            var list = new List<T>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) list.Add(read(reader));
            return list;
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<long> ScalarAsync(string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        var rows = await QueryAsync(sql, bind, r => r.GetInt64(0), ct);
        return rows.Count == 0 ? 0 : rows[0];
    }
}
