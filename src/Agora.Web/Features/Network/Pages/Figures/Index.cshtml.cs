using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Figures;

/// <summary>The network figures for a period (and a hub), on the page or as CSV (<c>?format=csv</c>); who may see them: <see cref="FiguresAccess"/>.</summary>
public sealed class IndexModel(NetworkFiguresQuery figures, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "period")] public string? Period { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "hub")] public string? Hub { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }

    public FiguresPeriod Chosen { get; private set; } = null!;
    public NetworkFigures Figures { get; private set; } = null!;
    public IReadOnlyList<string> Presets { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Hubs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (FiguresPeriod.Parse(Period, From, To, today) is not { } period) return BadRequest();
        var hub = string.IsNullOrWhiteSpace(Hub) ? null : Hub.Trim();
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var file = await figures.CsvAsync(period, hub, ct);
            if (!file.IsOk) return this.Refusal(file.Outcome);
            Response.Headers.CacheControl = "private, no-store";
            return File(file.Value!.Content, file.Value.ContentType, file.Value.FileName);
        }
        if (!string.IsNullOrEmpty(Format)) return BadRequest();
        var result = await figures.GetAsync(period, hub, ct);
        if (!result.IsOk) return this.Refusal(result.Outcome);
        Chosen = period;
        Figures = result.Value!;
        Presets = FiguresPeriod.Presets(today);
        Hubs = await figures.NetworkHubsAsync(ct);
        return Page();
    }

    /// <summary>This page's address for the chosen period and hub, with more query (e.g. "format=csv").</summary>
    public string Link(string? more = null) =>
        "/network/figures?" + Chosen.Query + (Figures.Hub is { } h ? "&hub=" + Uri.EscapeDataString(h) : "") + (more is null ? "" : "&" + more);
}
