using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Catalogue;

/// <summary>A service's versions with what changed between each and the next (the providing hub's managers).</summary>
public sealed class VersionsModel(ServiceVersions versions) : PageModel
{
    public ServiceVersionsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await versions.ListAsync(id, ct);
        if (!result.IsOk) return NotFound();
        View = result.Value!;
        return Page();
    }
}
