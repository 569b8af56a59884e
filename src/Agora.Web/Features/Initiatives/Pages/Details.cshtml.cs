using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Html;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Initiatives.Pages;

[AllowAnonymous]
public sealed class DetailsModel(HubQueries hubs, InitiativeQueries initiatives, InitiativeScorecards scorecards, MarkdownRenderer markdown,
    CurrentUser current, IStringLocalizer<SharedResource> text) : FormPage(text)
{
    public HubDetail Hub { get; private set; } = null!;
    public InitiativeDetail Initiative { get; private set; } = null!;
    public string? DescriptionHtml { get; private set; }
    /// <summary>The scorecard at the current stage, for gatekeepers deciding at its gate.</summary>
    public ScorecardView? Scorecard { get; private set; }

    public sealed class GateForm
    {
        public GateOutcome? Outcome { get; set; }
        public string? Rationale { get; set; }
        public string? Lessons { get; set; }
        public Guid? PivotTo { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public GateForm Gate { get; set; } = new();

    /// <summary>
    /// The initiative; <paramref name="move"/> (from a card of the board) fills the gate form in: the next stage is a
    /// go, an earlier one a pivot back to it.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "initiative")] int id, Guid? move, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct)) return NotFound();
        if (move is { } to && Initiative.Process.FirstOrDefault(s => s.Id == to) is { } target)
        {
            if (target.Position == Initiative.Stage.Position + 1) Gate.Outcome = GateOutcome.Go;
            else if (target.Position < Initiative.Stage.Position) (Gate.Outcome, Gate.PivotTo) = (GateOutcome.Pivot, target.Id);
        }
        return Page();
    }

    /// <summary>The gate form: a plain form post, so moving an initiative works without JavaScript and by keyboard.</summary>
    public async Task<IActionResult> OnPostGateAsync(string slug, [FromRoute(Name = "initiative")] int id, [FromServices] DecideGate decide, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await decide.DecideAsync(slug, id, new GateInput(Gate.Outcome, Gate.Rationale, Gate.PivotTo, Gate.Version, Gate.Lessons), ct);
        return await this.AnswerAsync(result, result.IsOk ? Text["Initiatives.Gate.Decided", Text["GateOutcome." + result.Value]].Value : null,
            _ => $"/hubs/{slug}/initiatives/{id}", ShowAgain(slug, id, ct), "Gate");
    }

    [BindProperty] public ArtefactKind? DocumentKind { get; set; }
    [BindProperty] public IFormFile? DocumentFile { get; set; }

    public async Task<IActionResult> OnPostDocumentAsync(string slug, [FromRoute(Name = "initiative")] int id, [FromServices] AddInitiativeDocument add, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await add.AddAsync(slug, id, DocumentKind, await Uploads.ReadAsync(DocumentFile, Uploads.MaxBytes, ct), ct);
        return await this.AnswerAsync(result, Text["Initiatives.DocumentAdded"].Value, _ => $"/hubs/{slug}/initiatives/{id}#documents", ShowAgain(slug, id, ct),
            errorKey: (_, field) => field == "kind" ? "DocumentKind" : "DocumentFile");
    }

    public sealed class BenefitForm
    {
        public string? Indicator { get; set; }
        public string? Unit { get; set; }
        public decimal? Baseline { get; set; }
        public decimal? Target { get; set; }
        public Guid? EffectGoalId { get; set; }
    }

    public sealed class MeasureForm
    {
        public DateOnly? MeasuredOn { get; set; }
        public decimal? Value { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public BenefitForm Benefit { get; set; } = new();
    [BindProperty] public MeasureForm Measure { get; set; } = new();
    [BindProperty] public string? UsedRationale { get; set; }

    public async Task<IActionResult> OnPostBenefitAsync(string slug, [FromRoute(Name = "initiative")] int id, [FromServices] InitiativeBenefits benefits, CancellationToken ct) =>
        await AnswerAsync(slug, id, "Benefit", current.IsAuthenticated
            ? await benefits.AddBenefitAsync(slug, id, new BenefitInput(Benefit.Indicator, Benefit.Unit, Benefit.Baseline, Benefit.Target, Benefit.EffectGoalId), ct)
            : null, "Initiatives.BenefitAdded", "#benefits", ct);

    public async Task<IActionResult> OnPostMeasureAsync(string slug, [FromRoute(Name = "initiative")] int id, int benefit, [FromServices] InitiativeBenefits benefits, CancellationToken ct) =>
        await AnswerAsync(slug, id, "Measure", current.IsAuthenticated
            ? await benefits.MeasureAsync(slug, id, benefit, new MeasurementInput(Measure.MeasuredOn, Measure.Value, Measure.Note), ct)
            : null, "Initiatives.MeasurementAdded", "#benefits", ct);

    public async Task<IActionResult> OnPostUsedAsync(string slug, [FromRoute(Name = "initiative")] int id, [FromServices] InitiativeBenefits benefits, CancellationToken ct) =>
        await AnswerAsync(slug, id, "Used", current.IsAuthenticated ? await benefits.MarkUsedAsync(slug, id, UsedRationale, ct) : null,
            "Initiatives.MarkedUsed", "", ct);

    private Task<IActionResult> AnswerAsync(string slug, int id, string prefix, Result<int>? result, string flash, string anchor, CancellationToken ct) =>
        AnswerAsync(result, prefix, flash, $"/hubs/{slug}/initiatives/{id}{anchor}", () => LoadAsync(slug, id, ct));

    /// <summary>The page again after an error; 404 when the initiative is gone.</summary>
    private Func<Task<IActionResult>> ShowAgain(string slug, int id, CancellationToken ct) => async () => await LoadAsync(slug, id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        if (await initiatives.GetAsync(slug, id, ct) is not { } initiative) return false;
        Hub = hub;
        Initiative = initiative;
        DescriptionHtml = string.IsNullOrWhiteSpace(initiative.Description) ? null : markdown.ToHtml(initiative.Description);
        Gate.Version ??= initiative.Version;
        if (initiative.CanDecideGate) Scorecard = await scorecards.GetAsync(slug, id, null, ct);
        return true;
    }
}
