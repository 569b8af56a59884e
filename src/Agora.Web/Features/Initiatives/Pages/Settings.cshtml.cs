using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

using Agora.Web.Platform.Http;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>A hub manager's settings of the portfolio: stages, effect goals, evaluation criteria, budget currency.</summary>
public sealed class SettingsModel(HubQueries hubs, PortfolioSettings settings, CurrentUser current, IStringLocalizer<SharedResource> t)
    : FormPage(t)
{
    public HubDetail Hub { get; private set; } = null!;
    public PortfolioSettingsView Settings { get; private set; } = null!;

    public sealed class StageForm
    {
        public string? NameEn { get; set; }
        public string? NamePt { get; set; }
        public string? NameNb { get; set; }
        public ProcessStep? Step { get; set; }
        public List<ArtefactKind> Required { get; set; } = [];
    }

    public sealed class GoalForm
    {
        public string? NameEn { get; set; }
        public string? NamePt { get; set; }
        public string? NameNb { get; set; }
    }

    public sealed class CriterionForm
    {
        public string? NameEn { get; set; }
        public string? NamePt { get; set; }
        public string? NameNb { get; set; }
        public int? Weight { get; set; }
    }

    [BindProperty] public string? Currency { get; set; }
    [BindProperty] public StageForm Stage { get; set; } = new();
    [BindProperty] public GoalForm Goal { get; set; } = new();
    [BindProperty] public CriterionForm Criterion { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostCurrencyAsync(string slug, CancellationToken ct) =>
        await AnswerAsync(await Signed(() => settings.SetCurrencyAsync(slug, Currency, ct)), "Settings", "Common.Saved", Here(slug, "currency"), Reload(slug, ct));

    /// <summary>Adds a stage, or changes the one named by <paramref name="stage"/>; errors go under that form's own prefix.</summary>
    public async Task<IActionResult> OnPostStageAsync(string slug, Guid? stage, CancellationToken ct) =>
        await AnswerAsync(await Signed(async () => Id(await settings.SaveStageAsync(slug, stage,
                new StageInput(Stage.NameEn, Stage.NamePt, Stage.NameNb, Stage.Step, Stage.Required), ct))),
            "Stage" + stage, "Common.Saved", Here(slug, "stages"), Reload(slug, ct, stage is null ? null : () => Stage = new()));

    public async Task<IActionResult> OnPostRemoveStageAsync(string slug, Guid stage, CancellationToken ct) =>
        await AnswerAsync(await Signed(() => settings.RemoveStageAsync(slug, stage, ct)), "Stage", "Initiatives.Settings.Removed", Here(slug, "stages"), Reload(slug, ct));

    public async Task<IActionResult> OnPostGoalAsync(string slug, Guid? goal, CancellationToken ct) =>
        await AnswerAsync(await Signed(async () => Id(await settings.SaveGoalAsync(slug, goal, new GoalInput(Goal.NameEn, Goal.NamePt, Goal.NameNb), ct))),
            "Goal" + goal, "Common.Saved", Here(slug, "goals"), Reload(slug, ct, goal is null ? null : () => Goal = new()));

    public async Task<IActionResult> OnPostRemoveGoalAsync(string slug, Guid goal, CancellationToken ct) =>
        await AnswerAsync(await Signed(() => settings.RemoveGoalAsync(slug, goal, ct)), "Goal", "Initiatives.Settings.Removed", Here(slug, "goals"), Reload(slug, ct));

    public async Task<IActionResult> OnPostCriterionAsync(string slug, Guid? criterion, CancellationToken ct) =>
        await AnswerAsync(await Signed(async () => Id(await settings.SaveCriterionAsync(slug, criterion,
                new CriterionInput(Criterion.NameEn, Criterion.NamePt, Criterion.NameNb, Criterion.Weight), ct))),
            "Criterion" + criterion, "Common.Saved", Here(slug, "criteria"), Reload(slug, ct, criterion is null ? null : () => Criterion = new()));

    public async Task<IActionResult> OnPostRemoveCriterionAsync(string slug, Guid criterion, CancellationToken ct) =>
        await AnswerAsync(await Signed(() => settings.RemoveCriterionAsync(slug, criterion, ct)), "Criterion", "Initiatives.Settings.Removed",
            Here(slug, "criteria"), Reload(slug, ct));

    /// <summary>Moves a stage, goal or criterion one place; the buttons are plain forms, so ordering works by keyboard without JavaScript.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string slug, string what, Guid item, bool up, CancellationToken ct) =>
        await AnswerAsync(await Signed(() => settings.MoveAsync(slug, what, item, up, ct)), "", "Initiatives.Settings.Moved",
            Here(slug, what switch { "stage" => "stages", "goal" => "goals", _ => "criteria" }), Reload(slug, ct));

    private async Task<Result<int>?> Signed(Func<Task<Result<int>>> work) => current.IsAuthenticated ? await work() : null;

    private static Result<int> Id(Result<Guid> r) => r.Select(_ => 0);

    private static string Here(string slug, string anchor) => $"/hubs/{slug}/initiatives/settings#{anchor}";

    /// <summary>Shows the page again after an error; <paramref name="clear"/> empties the form for a new item when an existing one failed.</summary>
    private Func<Task<bool>> Reload(string slug, CancellationToken ct, Action? clear = null) => async () =>
    {
        clear?.Invoke();
        return await LoadAsync(slug, ct) is null;
    };

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        var result = await settings.GetAsync(slug, ct);
        if (result.Outcome is Outcome.NotFound or Outcome.Forbidden) return this.Refusal(result.Outcome);
        Hub = hub;
        Settings = result.Value!;
        Currency ??= Settings.Currency;
        return null;
    }
}
