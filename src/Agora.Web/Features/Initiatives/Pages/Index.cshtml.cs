using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>The pipeline board: the hub's stages as columns, the initiatives the reader may see in them.</summary>
[AllowAnonymous]
public sealed class IndexModel(HubQueries hubs, InitiativeQueries initiatives, Viewers viewers) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<BoardColumn> Board { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanDecideGates { get; private set; }
    public int Count => Board.Sum(c => c.Items.Count);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        Hub = hub;
        var viewer = await viewers.ForHubAsync(hub.Id, ct);
        CanManage = viewer.CanManage;
        CanDecideGates = viewer.May(InitiativeOperations.DecideGates);
        Board = await initiatives.BoardAsync(hub.Id, ct);
        return Page();
    }
}
