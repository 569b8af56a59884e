using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Transfer.Pages;

/// <summary>
/// One import: progress and counts (kept current by site.js while it runs; without script a "refresh now" link),
/// then the refused rows by line, paged. Also where an upload checked on the import page is confirmed or discarded.
/// </summary>
public sealed class ImportJobModel(ImportQueries queries, ImportIdeas import, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public ImportJobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string campaign, Guid jobId, CancellationToken ct)
    {
        if (PageNumber is < 1 or > 100_000) return BadRequest();
        if (await queries.GetAsync(slug, campaign, jobId, PageNumber ?? 1, PageSize, ct) is not { } job) return NotFound();
        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string slug, string campaign, Guid jobId, CancellationToken ct)
    {
        var result = await import.ConfirmAsync(slug, campaign, jobId, ct);
        if (!result.IsOk) return NotFound();
        TempData["Flash"] = t["Transfer.Started"].Value;
        return Redirect(result.Value!.Page);
    }

    public async Task<IActionResult> OnPostDiscardAsync(string slug, string campaign, Guid jobId, CancellationToken ct)
    {
        var result = await import.DiscardAsync(slug, campaign, jobId, ct);
        if (result.Outcome != Outcome.Ok) return NotFound();
        TempData["Flash"] = t["Transfer.Discarded"].Value;
        return Redirect($"/hubs/{slug}/campaigns/{campaign}/import");
    }
}
