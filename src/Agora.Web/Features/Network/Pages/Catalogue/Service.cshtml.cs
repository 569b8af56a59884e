using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Catalogue;

/// <summary>A service's page: anyone for a published service of a listed hub; drafts and withdrawn for the providing hub's managers.</summary>
[AllowAnonymous]
public sealed class ServiceModel(CatalogueQueries catalogue) : PageModel
{
    public ServiceDetail Service { get; private set; } = null!;

    /// <summary>Whether the text shown is in another language than the page.</summary>
    public bool OtherLanguage => Service.Culture != CultureInfo.CurrentUICulture.Name;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await catalogue.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Service = result.Value!;
        return Page();
    }

    /// <summary>Plain text as paragraphs (blank lines) of lines.</summary>
    public static IEnumerable<string[]> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Split('\n'));
}
