using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

using Agora.Web.Platform.Http;

namespace Agora.Web.Features.Initiatives.Pages;

/// <summary>An initiative's evaluation scorecard at a stage: the form for evaluators, the result once they may see it.</summary>
[AllowAnonymous]
public sealed class EvaluationModel(HubQueries hubs, InitiativeQueries initiatives, InitiativeScorecards scorecards, CurrentUser current,
    IStringLocalizer<SharedResource> t) : FormPage(t)
{
    public HubDetail Hub { get; private set; } = null!;
    public InitiativeDetail Initiative { get; private set; } = null!;
    public ScorecardView Scorecard { get; private set; } = null!;

    public sealed class ScoreForm
    {
        public bool Conflict { get; set; }
        public string? ConflictNote { get; set; }
        public string? Comment { get; set; }
        public Dictionary<Guid, int> Scores { get; set; } = [];
    }

    [BindProperty] public ScoreForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, [FromRoute(Name = "initiative")] int id, Guid? stage, CancellationToken ct) =>
        await LoadAsync(slug, id, stage, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, [FromRoute(Name = "initiative")] int id, CancellationToken ct) =>
        await AnswerAsync(current.IsAuthenticated
                ? await scorecards.SubmitAsync(slug, id, new ScorecardInput(Input.Conflict, Input.ConflictNote, Input.Comment, Input.Scores), ct)
                : null,
            "Input", Input.Conflict ? "Scorecard.ConflictRecorded" : "Scorecard.Submitted", $"/hubs/{slug}/initiatives/{id}/evaluation", () =>
            {
                ModelState.Remove("Input.Scores"); // a score that did not bind is reported by the scorecard's own rule
                return LoadAsync(slug, id, null, ct);
            });

    private async Task<bool> LoadAsync(string slug, int id, Guid? stage, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return false;
        if (await initiatives.GetAsync(slug, id, ct) is not { } initiative) return false;
        if (await scorecards.GetAsync(slug, id, stage, ct) is not { } scorecard) return false;
        Hub = hub;
        Initiative = initiative;
        Scorecard = scorecard;
        return true;
    }
}
