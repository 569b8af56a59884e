using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Transfer.Pages;

/// <summary>
/// Import ideas from CSV (hub managers and platform admins; 404 for others): upload, see the preview with every
/// refused row, then confirm (the job page follows the import) or discard.
/// </summary>
[RequestSizeLimit(ImportSheet.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportSheet.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(CampaignQueries campaigns, ImportIdeas import, ImportRows rows, ImportQueries queries, CurrentUser current) : PageModel
{
    /// <summary>How many refused rows the preview lists; the job page pages through all of them.</summary>
    public const int ShownErrors = 500;

    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportTarget Target { get; private set; } = null!;
    public HeldImport? Held { get; private set; }
    public IReadOnlyList<ImportJobSummary> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, string campaign, CancellationToken ct) =>
        await LoadAsync(slug, campaign, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, string campaign, CancellationToken ct)
    {
        var result = await import.HoldAsync(slug, campaign, await TransferApi.ReadUploadAsync(Upload, ct), ct);
        if (result.Outcome == Outcome.NotFound || result.Outcome == Outcome.Forbidden) return NotFound();
        // Every refusal of a file is about the file: shown next to its field.
        if (result.Outcome == Outcome.Invalid)
            foreach (var message in result.Errors.Values.SelectMany(m => m)) ModelState.AddModelError(nameof(Upload), message);
        else Held = result.Value;
        return await OnGetAsync(slug, campaign, ct);
    }

    private async Task<bool> LoadAsync(string slug, string campaign, CancellationToken ct)
    {
        if (!current.IsAuthenticated || await campaigns.GetContextAsync(slug, campaign, ct) is not { Viewer.CanManage: true } context) return false;
        if (await rows.TargetAsync(context.Id, current.RequiredId, ct) is not { } target) return false;
        Target = target;
        Recent = await queries.RecentAsync(context.Id, ct);
        return true;
    }
}
