using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Hubs.Pages;

[AllowAnonymous]
public sealed class IndexModel(HubQueries hubs, CurrentUser current) : PageModel
{
    [FromQuery] public string? Search { get; set; }
    [FromQuery] public string? FocusArea { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public PagedList<HubSummary> Result { get; private set; } = new([], 1, 12, 0);
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];
    public bool IsPlatformAdmin => current.IsPlatformAdmin;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = ListQuery.Parse(PageNumber, 12, Sort, HubQueries.Sorts, "name");
        if (query is null || Search?.Length > 200) return BadRequest();
        Sort ??= "name";
        FocusAreas = await hubs.FocusAreaKeysAsync(ct);
        Result = await hubs.ListAsync(query, FocusArea, Search, ct);
        return Page();
    }
}
