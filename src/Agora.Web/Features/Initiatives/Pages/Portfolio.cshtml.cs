using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>
/// The hub's portfolio dashboard over the initiatives the reader may know, filtered by a GET form; with
/// ?format=csv or xlsx the same filtered portfolio downloads.
/// </summary>
[AllowAnonymous]
public sealed class PortfolioModel(HubQueries hubs, InitiativeQueries initiatives, Portfolio portfolio, Viewers viewers) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public PortfolioQuery Query { get; private set; } = new();
    public PortfolioView? View { get; private set; }
    public IReadOnlyList<StageInfo> Stages { get; private set; } = [];
    public bool CanSeeIndicators { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? from, string? to, string? stage, string? status, string? verganti, string? kind,
        string? origin, string? careLevel, string? setting, string? format, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        Hub = hub;
        Query = new PortfolioQuery(from, to, stage, status, verganti, kind, origin, careLevel, setting);
        CanSeeIndicators = (await viewers.ForHubAsync(hub.Id, ct)).May(InitiativeOperations.DecideGates);
        Stages = await initiatives.ProcessAsync(slug, ct) ?? [];
        Result<PortfolioView> result;
        if (format is not null)
        {
            var export = await portfolio.ExportAsync(slug, Query, format, ct);
            if (export.IsOk) return new ExportFileResult(export.Value!);
            result = Result<PortfolioView>.Invalid(export.Errors);
            if (export.Outcome == Outcome.NotFound) return this.Refusal(export.Outcome);
        }
        else
        {
            result = await portfolio.GetAsync(slug, Query, ct);
            if (result.Outcome == Outcome.NotFound) return this.Refusal(result.Outcome);
        }
        if (result.IsOk) View = result.Value;
        else
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
        return Page();
    }

    /// <summary>This page's address with the same filters and the download format.</summary>
    public string ExportUrl(string format)
    {
        var query = Request.Query.Where(q => q.Key != "format" && !string.IsNullOrEmpty(q.Value))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["format"] = format;
        return QueryHelpers.AddQueryString(Request.Path, query);
    }
}
