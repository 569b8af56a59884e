using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Figures;

/// <summary>The gap analysis: the regions × categories matrix with its data table, and one hub's gaps; as CSV with <c>?format=csv</c>.</summary>
public sealed class GapsModel(GapAnalysisQuery gaps, NetworkFiguresQuery figures) : PageModel
{
    [FromQuery(Name = "technology")] public string? Technology { get; set; }
    [FromQuery(Name = "sector")] public string? Sector { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "allRegions")] public bool AllRegions { get; set; }
    [FromQuery(Name = "hub")] public string? Hub { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public GapAnalysis Analysis { get; private set; } = null!;
    public IReadOnlyList<KeyValuePair<string, string>> Hubs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var filters = new GapFilters(Technology, Sector, Country, AllRegions, Hub);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var file = await gaps.CsvAsync(filters, ct);
            if (file.Outcome == Outcome.Invalid) return BadRequest();
            if (!file.IsOk) return this.Refusal(file.Outcome);
            return File(file.Value!.Content, file.Value.ContentType, file.Value.FileName);
        }
        if (!string.IsNullOrEmpty(Format)) return BadRequest();
        var result = await gaps.GetAsync(filters, ct);
        // The filters are choices from lists: a value outside them is a hand-made address.
        if (result.Outcome == Outcome.Invalid) return BadRequest();
        if (!result.IsOk) return this.Refusal(result.Outcome);
        Analysis = result.Value!;
        Hubs = await figures.NetworkHubsAsync(ct);
        return Page();
    }

    /// <summary>The same view as CSV.</summary>
    public string CsvLink => "/network/gaps" + QueryString.Create(new Dictionary<string, string?>
    {
        ["technology"] = Analysis.Technology, ["sector"] = Analysis.Sector, ["country"] = Analysis.Country,
        ["allRegions"] = Analysis.AllRegions ? "true" : null, ["format"] = "csv",
    }.Where(p => p.Value is not null));
}
