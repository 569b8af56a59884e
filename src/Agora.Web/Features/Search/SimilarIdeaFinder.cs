using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Search;
using Agora.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Search;

/// <summary>
/// Similar ideas through the full-text index: any of the words may match, ranked by the engine, then
/// kept only when enough distinct words are shared, so one common word does not make ideas "similar".
/// Any word may match a large part of a big hub, so only the newest <see cref="Window"/> matching ideas are ranked:
/// the suggestions cost the same at a thousand ideas or a million, and recent ideas are the ones a new one repeats.
/// </summary>
public sealed class SimilarIdeaFinder(AgoraDbContext db, ISearchEngine search, Viewers viewers) : ISimilarIdeas
{
    public const int Max = 5;
    private const int Candidates = 25;
    public const int Window = 1000;
    private const int TextWords = 10;

    private static readonly IdeaState[] Shown = [IdeaState.Published, IdeaState.UnderReview, IdeaState.Accepted, IdeaState.Declined, IdeaState.Implemented];

    public async Task<IReadOnlyList<SimilarIdea>> FindAsync(Guid hubId, string? title, string? text, string? language, int? excludeIdeaId, CancellationToken ct)
    {
        var culture = language ?? CultureInfo.CurrentUICulture.Name;
        var words = Words(title, text, culture);
        if (words.Count == 0) return [];

        var viewer = await viewers.ForHubAsync(hubId, ct);
        var campaigns = (await db.Campaigns.AsNoTracking().Where(c => c.HubId == hubId)
                .Select(c => new { c.Id, c.State, c.Audience }).ToListAsync(ct))
            .Where(c => CampaignRules.CanRead(new CampaignPolicy(c.State, c.Audience, [], null, null), viewer))
            .Select(c => c.Id).ToList();
        var result = await search.SearchAsync(new SearchQuery(hubId, words, MatchAll: false, campaigns, Shown,
            IncludeComments: false, culture, excludeIdeaId, Offset: 0, Limit: Candidates, CountTotal: false, Window: Window), ct);
        if (result.Hits.Count == 0) return [];

        // Keep candidates sharing at least two of the words (one when only one word was given).
        var ids = result.Hits.Select(h => h.IdeaId).ToList();
        var docs = await db.SearchDocuments.AsNoTracking().Where(d => d.Kind == SearchKinds.Idea && d.IdeaId != null && ids.Contains(d.IdeaId.Value))
            .Select(d => new { IdeaId = d.IdeaId!.Value, d.Title, d.Body }).ToListAsync(ct);
        var needed = Math.Min(2, words.Count);
        var kept = result.Hits
            .Select(h => docs.FirstOrDefault(d => d.IdeaId == h.IdeaId))
            .Where(d => d is not null && Shared(words, (d.Title + " " + d.Body).Split(' ').ToHashSet(StringComparer.Ordinal)) >= needed)
            .Select(d => d!.IdeaId).Take(Max).ToList();
        if (kept.Count == 0) return [];

        var rows = await (from i in db.Ideas.AsNoTracking()
                          join c in db.Campaigns on i.CampaignId equals c.Id
                          where kept.Contains(i.Id)
                          select new SimilarIdea(i.Id, i.Title, c.Slug, c.Title, i.State, i.CommentCount)).ToListAsync(ct);
        return kept.Select(id => rows.First(r => r.Id == id)).ToList();
    }

    /// <summary>The title's words, then the most frequent words of the text, each with its stems in the three languages.</summary>
    private static List<IReadOnlyList<string>> Words(string? title, string? text, string culture)
    {
        var words = TextAnalyzer.QueryTerms(title, culture).ToList();
        var frequent = TextAnalyzer.Terms(text, culture).GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        foreach (var term in frequent)
        {
            if (words.Count >= TextAnalyzer.MaxQueryWords + TextWords) break;
            if (!words.Any(w => w.Contains(term))) words.Add([term]);
        }
        return words;
    }

    private static int Shared(List<IReadOnlyList<string>> words, HashSet<string> terms) =>
        words.Count(w => w.Any(terms.Contains));
}
