using Agora.Web.Platform.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Comments.Pages;

/// <summary>The earlier texts of an edited comment, for anyone who may see it.</summary>
[AllowAnonymous]
public sealed class VersionsModel(ChangeComment comments, MarkdownRenderer markdown) : PageModel
{
    public IReadOnlyList<(string Html, DateTimeOffset ReplacedAt)> Versions { get; private set; } = [];
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, long id, CancellationToken ct)
    {
        var versions = await comments.VersionsAsync(id, ct);
        if (versions is null) return NotFound();
        Slug = slug;
        Versions = versions.Select(v => (markdown.ToHtml(v.Body), v.ReplacedAt)).ToList();
        return Page();
    }
}
