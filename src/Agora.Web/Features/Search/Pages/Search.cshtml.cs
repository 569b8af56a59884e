using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Search.Pages;

/// <summary>
/// Search a hub's ideas and comments, and its initiatives (with the lessons of stopped ones); readable by anyone,
/// results limited to what the person may read.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(IdeaSearch search, InitiativeQueries initiatives) : PageModel
{
    private const int PageSize = 20;

    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public string Slug { get; private set; } = "";
    public PagedList<IdeaSearchRow>? Result { get; private set; }
    /// <summary>The first initiatives found (the page shows at most this many), and how many there are.</summary>
    public IReadOnlyList<InitiativeHit> Initiatives { get; private set; } = [];
    public int InitiativeCount { get; private set; }
    public const int InitiativesShown = 5;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await search.HubIdAsync(slug, ct) is not { } hubId) return NotFound();
        Slug = slug;
        if (Query?.Length > IdeaSearch.MaxQueryLength || PageNumber is < 1 or > 10_000) return BadRequest();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Result = await search.SearchAsync(hubId, Query, PageNumber ?? 1, PageSize, ct);
            var found = await initiatives.FindAsync(hubId, Query, stoppedOnly: false, ct);
            InitiativeCount = found.Count;
            Initiatives = found.Take(InitiativesShown).ToList();
        }
        return Page();
    }
}
