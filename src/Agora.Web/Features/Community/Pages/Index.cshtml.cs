using Agora.Web.Features.Hubs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Community.Pages;

/// <summary>A hub's calls for community roles: open ones first, with the reader's own status; drafts for its managers.</summary>
[AllowAnonymous]
public sealed class IndexModel(HubQueries hubs, CommunityQueries queries, Viewers viewers, CurrentUser current) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];
    public bool IsManager { get; private set; }
    public CommunityFigures Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        Hub = hub;
        Calls = await queries.ListAsync(hub.Id, ct);
        IsManager = current.IsAuthenticated && (await viewers.ForHubAsync(hub.Id, ct)).May(CommunityOperations.ManageCalls);
        Figures = await queries.FiguresAsync(hub.Id, ct);
        return Page();
    }
}
