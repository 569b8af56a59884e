using Agora.Web.Features.Matchmaking.Suggestions;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Matchmaking.Pages.Suggestions;

/// <summary>How the suggestions are received, per kind of pair (network managers and platform admins).</summary>
public sealed class ReportModel(Matchmaking.Suggestions.Suggestions s) : PageModel
{
    public SuggestionReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var report = await s.ReportAsync(ct);
        if (!report.IsOk) return this.Refusal(report.Outcome);
        Report = report.Value!;
        return Page();
    }
}
