using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>A hub's ideas across the campaigns the person may read, with the same filters plus the campaign.</summary>
[AllowAnonymous]
public sealed class HubIdeasModel(IdeaQueries queries, CurrentUser current) : PageModel
{
    public string HubSlug { get; private set; } = "";
    public string HubName { get; private set; } = "";
    public IdeaListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var request = IdeaListRequest.Read(Request.Query);
        if (request.Parse(IdeaLists.PageSize) is not { } parsed) return BadRequest();
        var result = await queries.ListForHubAsync(slug, parsed.Query, parsed.Filter, ct);
        if (result is null) return NotFound();
        HubSlug = result.HubSlug;
        HubName = result.HubName;
        List = new IdeaListView($"/hubs/{result.HubSlug}/ideas", Request.Query, result.Ideas, request, await queries.AllFocusAreaKeysAsync(ct),
            result.Campaigns, current.IsAuthenticated, true, Random.Shared.Next(1, IdeaFilter.MaxSeed));
        return Page();
    }
}
