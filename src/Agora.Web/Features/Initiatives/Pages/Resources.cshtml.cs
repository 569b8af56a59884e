using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

using Agora.Web.Platform.Http;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>An initiative's budget by quarter and funding source, and its risks.</summary>
[AllowAnonymous]
public sealed class ResourcesModel(HubQueries hubs, InitiativeQueries initiatives, InitiativeResources resources, CurrentUser current,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public HubDetail Hub { get; private set; } = null!;
    public InitiativeDetail Initiative { get; private set; } = null!;
    public ResourcesView Resources { get; private set; } = null!;

    public sealed class BudgetForm
    {
        public int? Year { get; set; }
        public int? Quarter { get; set; }
        public FundingSource? Source { get; set; }
        public decimal? Planned { get; set; }
        public decimal? Spent { get; set; }
    }

    public sealed class RiskForm
    {
        public string? Description { get; set; }
        public int? Likelihood { get; set; }
        public int? Impact { get; set; }
        public string? Mitigation { get; set; }
        public bool Closed { get; set; }
    }

    [BindProperty] public BudgetForm Budget { get; set; } = new();
    [BindProperty] public RiskForm Risk { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct)) return NotFound();
        var today = clock.GetUtcNow();
        Budget.Year ??= today.Year;
        Budget.Quarter ??= (today.Month + 2) / 3;
        return Page();
    }

    public async Task<IActionResult> OnPostBudgetAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated
                ? await resources.SetBudgetAsync(slug, id, new BudgetInput(Budget.Year, Budget.Quarter, Budget.Source, Budget.Planned, Budget.Spent), ct)
                : null,
            "Budget", "Initiatives.Resources.BudgetSaved", Here(slug, id) + "#budget", () => LoadAsync(slug, id, ct));

    public async Task<IActionResult> OnPostRiskAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await resources.AddRiskAsync(slug, id, Input(Risk), ct) : null,
            "Risk", "Initiatives.Resources.RiskAdded", Here(slug, id) + "#risks", () => LoadAsync(slug, id, ct));

    /// <summary>One risk's own form: its fields are posted under "Risk" like the new one, with the risk's id in the address.</summary>
    public async Task<IActionResult> OnPostUpdateRiskAsync(string slug, [FromRoute(Name = "initiative")] int id, int risk, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated ? await resources.UpdateRiskAsync(slug, id, risk, Input(Risk), ct) : null,
            "Risk" + risk, "Initiatives.Resources.RiskSaved", Here(slug, id) + "#risks", () =>
            {
                Risk = new(); // the form for a new risk stays empty
                return LoadAsync(slug, id, ct);
            });

    private static RiskInput Input(RiskForm f) => new(f.Description, f.Likelihood, f.Impact, f.Mitigation, f.Closed);

    private static string Here(string slug, int id) => $"/hubs/{slug}/initiatives/{id}/resources";

    private async Task<bool> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        if (await initiatives.GetAsync(slug, id, ct) is not { } initiative) return false;
        if (await resources.GetAsync(slug, id, ct) is not { } view) return false;
        Hub = hub;
        Initiative = initiative;
        Resources = view;
        return true;
    }
}
