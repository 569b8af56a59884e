using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Transfer.Pages;

/// <summary>Choose a format and download the campaign's ideas (moderators of the hub and platform admins; 404 for others).</summary>
public sealed class ExportModel(CampaignQueries campaigns, ExportIdeas export) : PageModel
{
    [BindProperty] public string? Format { get; set; } = "csv";

    public CampaignContext Campaign { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string campaign, CancellationToken ct)
    {
        if (await campaigns.GetContextAsync(slug, campaign, ct) is not { CanRead: true, Viewer.CanModerate: true } context) return NotFound();
        Campaign = context;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string campaign, CancellationToken ct)
    {
        var result = await export.ExportAsync(slug, campaign, Format, ct);
        if (result.IsOk) return new ExportFileResult(result.Value!);
        if (result.Outcome != Outcome.Invalid) return NotFound();
        foreach (var message in result.Errors.Values.SelectMany(m => m)) ModelState.AddModelError(nameof(Format), message);
        return await OnGetAsync(slug, campaign, ct);
    }
}
