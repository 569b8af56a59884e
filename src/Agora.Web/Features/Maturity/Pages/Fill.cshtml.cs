using System.Globalization;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity.Pages;

/// <summary>
/// One dimension's questions of a draft assessment: saved as a draft, and resumed later by anyone who may fill it.
/// Form fields: a checkbox question "A.Q16" (the ticked option numbers); a matrix row "A.Q18.3" (its value; a
/// plan-or-done row sends 1 and/or 2, which add up).
/// </summary>
public sealed class FillModel(MaturityQueries q, MaturityAssessments w, IStringLocalizer<SharedResource> t) : PageModel
{
    public AssessmentView Assessment { get; private set; } = null!;
    public Questionnaire Set { get; private set; } = null!;
    public Dimension Dimension { get; private set; } = null!;
    /// <summary>The values shown: the stored answers, or after a refused save what was sent.</summary>
    public IReadOnlyDictionary<string, int[]> Shown { get; private set; } = new Dictionary<string, int[]>();
    [BindProperty] public int Version { get; set; }

    public static string Field(Question question) => "A." + question.Id;
    public static string Field(Question question, int row) => $"A.{question.Id}.{row.ToString(CultureInfo.InvariantCulture)}";

    private async Task<IActionResult?> LoadAsync(int id, int number, CancellationToken ct)
    {
        var found = await q.GetAsync(id, ct);
        if (!found.IsOk) return this.Hidden();
        Assessment = found.Value!;
        if (!Assessment.CanFill) return NotFound();
        Set = Questionnaire.For(Assessment.Set);
        if (Set.Dimensions.FirstOrDefault(d => d.Number == number) is not { } dimension) return NotFound();
        Dimension = dimension;
        if (Assessment.Status != AssessmentStatus.Draft) return Redirect(MaturityAssessments.PathOf(id));
        Shown = Assessment.Answers;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct)
    {
        if (await LoadAsync(id, number, ct) is { } refused) return refused;
        Version = Assessment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int number, string? next, CancellationToken ct)
    {
        var version = Version;
        if (await LoadAsync(id, number, ct) is { } refused) return refused;
        var sent = Read();
        var saved = await w.SaveAsync(id, new SaveInput(number, sent, version), ct);
        var last = number == Set.Dimensions.Count;
        return await this.AnswerAsync(saved, t["Maturity.DraftSaved"].Value,
            _ => next == "continue" && !last ? $"{MaturityAssessments.PathOf(id)}/dimensions/{number + 1}" : next == "continue" ? MaturityAssessments.PathOf(id)
                : $"{MaturityAssessments.PathOf(id)}/dimensions/{number}",
            () =>
            {
                Shown = sent;
                Version = version;
                return Task.FromResult<IActionResult>(Page());
            }, prefix: "A", errorKey: (prefix, field) => field.Length == 0 ? "" : $"{prefix}.{field}");
    }

    /// <summary>The answers in the form, question by question of this dimension.</summary>
    private Dictionary<string, int[]> Read()
    {
        var answers = new Dictionary<string, int[]>();
        foreach (var question in Dimension.Questions)
        {
            if (question.Type == QuestionType.Checkbox)
            {
                answers[question.Id] = [.. Request.Form[Field(question)].Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0)];
                continue;
            }
            var rows = new int[question.Items];
            for (var row = 1; row <= question.Items; row++)
            {
                var values = Request.Form[Field(question, row)].Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : -99).ToList();
                rows[row - 1] = question.Type == QuestionType.PlanOrDone ? values.Where(v => v is 1 or 2).Distinct().Sum()
                    : values.Count == 0 ? -1 : values[0];
            }
            answers[question.Id] = rows;
        }
        return answers;
    }

    public int[] Values(Question question) => Shown.TryGetValue(question.Id, out var v) ? v : [];

    public int RowValue(Question question, int row) => Values(question) is { } v && v.Length >= row ? v[row - 1] : -1;
}
