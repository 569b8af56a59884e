using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Matchmaking.Profiles.Pages;

/// <summary>The published partnering profiles, filtered by a GET form that works without script; never who is behind them.</summary>
[AllowAnonymous]
public sealed class IndexModel(PartneringQueries queries, PartneringAccess access) : PageModel
{
    [FromQuery] public string? Kind { get; set; }
    [FromQuery] public string? Technology { get; set; }
    [FromQuery] public string? Sector { get; set; }
    [FromQuery] public string? Country { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public PagedList<ProfileCard> Result { get; private set; } = new([], 1, 20, 0);
    public bool Filtered { get; private set; }
    public string EffectiveSort { get; private set; } = "newest";
    public bool SignedIn => access.Me is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = ListQuery.Parse(PageNumber, 20, Sort, PartneringQueries.Sorts, "newest") ?? new ListQuery(1, 20, "newest", false);
        EffectiveSort = query.Sort;
        ProfileKind? kind = Enum.TryParse<ProfileKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        var filter = new ProfileFilter(kind, Empty(Technology), Empty(Sector), Empty(Country), Empty(Q));
        Filtered = filter != new ProfileFilter();
        var result = await queries.ListAsync(filter, query, ct);
        if (result.IsOk) Result = result.Value!;
        return Page();
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
