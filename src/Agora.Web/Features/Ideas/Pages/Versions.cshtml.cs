using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Ideas.Pages;

/// <summary>The earlier texts of an idea, each as it was before an edit.</summary>
[AllowAnonymous]
public sealed class VersionsModel(IdeaQueries queries) : PageModel
{
    public IdeaVersions Versions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct)
    {
        var versions = await queries.VersionsAsync(id, ct);
        if (versions is null || versions.HubSlug != slug) return NotFound();
        Versions = versions;
        return Page();
    }
}
