using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity.Pages;

/// <summary>
/// An assessment: while a draft, its progress per dimension and the submit button; once submitted, the result: the
/// profile as an SVG bar chart with its data table, T0 and T1 side by side with the change per dimension, the services
/// the hub delivered between the two, and catalogue services for the weakest dimensions.
/// </summary>
public sealed class AssessmentModel(MaturityQueries q, MaturityAssessments w, IStringLocalizer<SharedResource> t) : PageModel
{
    public AssessmentView Assessment { get; private set; } = null!;
    public AssessmentComparison Comparison { get; private set; } = null!;
    public Questionnaire Set { get; private set; } = null!;
    [BindProperty] public int Version { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await q.GetAsync(id, ct);
        if (!found.IsOk) return false;
        Assessment = found.Value!;
        Set = Questionnaire.For(Assessment.Set);
        Comparison = (await q.CompareAsync(id, ct)).Value!;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.Hidden();
        Version = Assessment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        var version = Version;
        var submitted = await w.SubmitAsync(id, new SubmitInput(version), ct);
        return await this.AnswerAsync(submitted, t["Maturity.SubmittedFlash"].Value, _ => MaturityAssessments.PathOf(id),
            async () => await LoadAsync(id, ct) ? Page() : this.Hidden(), prefix: "A", errorKey: (prefix, field) => field.Length == 0 ? "" : $"{prefix}.{field}");
    }

    public async Task<IActionResult> OnPostStartT1Async(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.Hidden();
        var started = await w.StartAsync(new StartInput(Assessment.Organisation.Slug, Assessment.Hub.Slug, Assessment.Set, AssessmentWave.T1), ct);
        return await this.AnswerAsync(started, t["Maturity.Started"].Value, next => $"{MaturityAssessments.PathOf(next)}/dimensions/1",
            () => Task.FromResult<IActionResult>(Page()));
    }

    /// <summary>The unanswered questions of a dimension, for the progress list.</summary>
    public int Open(Dimension d) => d.Questions.Count(x => !MaturityScoring.IsAnswered(x, Assessment.Answers.GetValueOrDefault(x.Id)));
}
