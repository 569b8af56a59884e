using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>The hub's ISO 56002 indicators for a period, each with its definition: hub managers and gatekeepers only (403 for others).</summary>
public sealed class IndicatorsModel(HubQueries hubs, Indicators indicators) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IndicatorSet? Set { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? from, string? to, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        Hub = hub;
        var result = await indicators.ComputeAsync(slug, from, to, ct);
        switch (result.Outcome)
        {
            case Outcome.NotFound or Outcome.Forbidden:
                return this.Refusal(result.Outcome);
            case Outcome.Ok:
                Set = result.Value;
                From = Set!.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                To = Set.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                (From, To) = (from, to);
                foreach (var (field, messages) in result.Errors)
                    foreach (var m in messages) ModelState.AddModelError(field, m);
                break;
        }
        return Page();
    }
}
