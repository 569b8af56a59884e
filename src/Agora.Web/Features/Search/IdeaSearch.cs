using Agora.Web.Features.Hubs;
using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Html;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Search;
using Agora.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Search;

/// <summary>One idea found by a search.</summary>
public sealed record IdeaSearchRow(int Id, string Title, string Snippet, string CampaignSlug, string CampaignTitle, IdeaState State, int CommentCount);

/// <summary>Full-text search over a hub's ideas and their comments, for the search page and the API.</summary>
public sealed class IdeaSearch(AgoraDbContext db, ISearchEngine engine, Viewers viewers)
{
    public const int MaxQueryLength = 200;
    private const int SnippetLength = 240;

    /// <summary>Ideas people may find: not drafts, not withdrawn.</summary>
    private static readonly IdeaState[] Findable = [IdeaState.Published, IdeaState.UnderReview, IdeaState.Accepted, IdeaState.Declined, IdeaState.Implemented];

    /// <summary>The hub's id when it exists.</summary>
    public Task<Guid?> HubIdAsync(string slug, CancellationToken ct) => db.HubIdAsync(slug, ct);

    public async Task<PagedList<IdeaSearchRow>> SearchAsync(Guid hubId, string query, int page, int pageSize, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var words = TextAnalyzer.QueryTerms(query, culture);
        if (words.Count == 0) return new PagedList<IdeaSearchRow>([], page, pageSize, 0);
        var campaigns = await ReadableCampaignsAsync(hubId, ct);
        var result = await engine.SearchAsync(new SearchQuery(hubId, words, MatchAll: true, campaigns, Findable,
            IncludeComments: true, culture, ExcludeIdeaId: null, Offset: (page - 1) * pageSize, Limit: pageSize), ct);
        var ids = result.Hits.Select(h => h.IdeaId).ToList();
        var rows = await (from i in db.Ideas.AsNoTracking()
                          join c in db.Campaigns on i.CampaignId equals c.Id
                          where ids.Contains(i.Id)
                          select new { i.Id, i.Title, i.Problem, c.Slug, CampaignTitle = c.Title, i.State, i.CommentCount }).ToListAsync(ct);
        var items = ids.Select(id => rows.First(r => r.Id == id))
            .Select(r => new IdeaSearchRow(r.Id, r.Title, Snippet(r.Problem), r.Slug, r.CampaignTitle, r.State, r.CommentCount)).ToList();
        return new PagedList<IdeaSearchRow>(items, page, pageSize, result.Total);
    }

    private async Task<List<Guid>> ReadableCampaignsAsync(Guid hubId, CancellationToken ct)
    {
        var viewer = await viewers.ForHubAsync(hubId, ct);
        return (await db.Campaigns.AsNoTracking().Where(c => c.HubId == hubId).Select(c => new { c.Id, c.State, c.Audience }).ToListAsync(ct))
            .Where(c => CampaignRules.CanRead(new CampaignPolicy(c.State, c.Audience, [], null, null), viewer))
            .Select(c => c.Id).ToList();
    }

    private static string Snippet(string markdown)
    {
        var text = MarkdownRenderer.ToPlainText(markdown).ReplaceLineEndings(" ");
        return text.Length <= SnippetLength ? text : text[..SnippetLength].TrimEnd() + "…";
    }
}
