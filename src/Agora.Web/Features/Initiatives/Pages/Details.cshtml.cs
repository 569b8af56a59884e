using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Initiatives.Pages;

[AllowAnonymous]
public sealed class DetailsModel(HubQueries hubs, InitiativeQueries initiatives, MarkdownRenderer markdown) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public InitiativeDetail Initiative { get; private set; } = null!;
    public string? DescriptionHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        if (await initiatives.GetAsync(slug, id, ct) is not { } initiative) return NotFound();
        Hub = hub;
        Initiative = initiative;
        DescriptionHtml = string.IsNullOrWhiteSpace(initiative.Description) ? null : markdown.ToHtml(initiative.Description);
        return Page();
    }
}
