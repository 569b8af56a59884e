using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Matchmaking.Profiles.Pages;

/// <summary>The signed-in person's partnering: their organisations' profiles in every state, the interests they sent and received.</summary>
public sealed class MineModel(PartneringQueries queries) : PageModel
{
    public MyPartnering Mine { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var mine = await queries.MineAsync(ct);
        if (!mine.IsOk) return Challenge();
        Mine = mine.Value!;
        return Page();
    }
}
