namespace Agora.Web.Features.Maturity;

/// <summary>The maturity bands of the JRC framework, by the overall (or a dimension's) score on 0–100.</summary>
public enum MaturityBand
{
    Basic,
    Average,
    ModeratelyAdvanced,
    Advanced,
}

/// <summary>A scored assessment: the six dimension scores (0–100, in dimension order), their mean and its band.</summary>
public sealed record MaturityScores(IReadOnlyList<double> Dimensions, double Overall, MaturityBand Band);

/// <summary>
/// Answers to a question set, by question id. The values of one question:
/// <list type="bullet">
/// <item><b>checkbox</b>: the numbers (from 1) of the ticked options; an empty list is an answer (nothing applies);</item>
/// <item><b>scale</b> (matrixdropdown 0–5): one value per row, 0 … 5;</item>
/// <item><b>plan or done</b> (matrixdropdown with two tick columns): one value per row, 0 nothing, 1 plan to invest,
/// 2 already invested, 3 both;</item>
/// <item><b>matrix</b> (no / partially / yes): one value per row, 0, 1 or 2.</item>
/// </list>
/// </summary>
public sealed class MaturityAnswers : Dictionary<string, int[]>
{
    public MaturityAnswers() { }
    public MaturityAnswers(IDictionary<string, int[]> answers) : base(answers) { }
}

/// <summary>
/// Scores an assessment as the JRC "Digital Maturity Assessment (DMA) framework and questionnaire for EDIHs" (JRC,
/// 2023) and the EDIH network's "Interpretation of DMA scores" say, and where they are silent as Agora chose.
///
/// From the methodology:
/// <list type="bullet">
/// <item>each of the six dimensions is scored on 0–100 from its own questions, every dimension counting the same;</item>
/// <item>the overall digital maturity score is the mean of the six dimension scores;</item>
/// <item>bands (EDIH network): basic 0–25 %, average 26–50 %, moderately advanced 51–75 %, advanced 76–100 %. Scores
/// are not whole numbers, so a band is read as "up to and including" its upper bound: ≤ 25 basic, ≤ 50 average,
/// ≤ 75 moderately advanced, above 75 advanced.</item>
/// </list>
/// Each dimension has 10 points shared equally among its questions (two questions: 5 points each; one question: all
/// 10), so a dimension's score is the mean of its questions' fractions (0–1) times 100. A question's fraction, type by
/// type (where the published material gives no per-option weights, every option or row of a question weighs the same;
/// this is Agora's reading):
/// <list type="bullet">
/// <item><b>checkbox</b>: ticked scoring options ÷ scoring options. An option stating an absence (SME question 21
/// "Data is not collected digitally") earns nothing and is left out of the denominator.</item>
/// <item><b>matrixdropdown, 0–5 scale</b>: the mean over the rows of value ÷ 5 (not used 0 … operational 1).</item>
/// <item><b>matrixdropdown, plan / already invested</b> (and PSO's planned / implemented): a row earns 1 when already
/// invested (implemented), ½ when only planned, 0 otherwise; the fraction is the mean over the rows. Planning more
/// where one has already invested adds nothing: investment made weighs more than intention, and a row counts once.</item>
/// <item><b>matrix, no / partially / yes</b>: 0, ½ and 1 per row; the fraction is the mean over the rows.</item>
/// <item>radiogroup, text and dropdown questions are module 1 (general data) and not scored.</item>
/// </list>
/// </summary>
public static class MaturityScoring
{
    /// <summary>The fraction (0–1) a question's answer earns; an unanswered question earns 0.</summary>
    public static double Fraction(Question q, int[]? values)
    {
        if (values is null) return 0;
        switch (q.Type)
        {
            case QuestionType.Checkbox:
                var ticked = values.Distinct().Count(v => v >= 1 && v <= q.Items && !q.NonScoring.Contains(v));
                return (double)ticked / q.ScoringItems;
            case QuestionType.Scale:
                return Rows(q, values).Sum(v => Math.Clamp(v, 0, 5) / 5.0) / q.Items;
            case QuestionType.PlanOrDone:
                return Rows(q, values).Sum(v => (v & 2) != 0 ? 1.0 : (v & 1) != 0 ? 0.5 : 0.0) / q.Items;
            case QuestionType.Matrix:
                return Rows(q, values).Sum(v => Math.Clamp(v, 0, 2) / 2.0) / q.Items;
            default:
                throw new ArgumentOutOfRangeException(nameof(q));
        }
    }

    private static IEnumerable<int> Rows(Question q, int[] values) => values.Take(q.Items).Select(v => Math.Max(v, 0));

    /// <summary>A dimension's score on 0–100: the mean of its questions' fractions.</summary>
    public static double Dimension(Dimension d, IReadOnlyDictionary<string, int[]> answers) =>
        d.Questions.Average(q => Fraction(q, answers.GetValueOrDefault(q.Id))) * 100;

    public static MaturityScores Score(Questionnaire set, IReadOnlyDictionary<string, int[]> answers)
    {
        var dimensions = set.Dimensions.Select(d => Dimension(d, answers)).ToList();
        var overall = dimensions.Average();
        return new(dimensions, overall, BandOf(overall));
    }

    public static MaturityBand BandOf(double score) => score switch
    {
        <= 25 => MaturityBand.Basic,
        <= 50 => MaturityBand.Average,
        <= 75 => MaturityBand.ModeratelyAdvanced,
        _ => MaturityBand.Advanced,
    };

    /// <summary>
    /// Whether a question is answered fully enough to submit: a checkbox answer exists (an empty one says nothing
    /// applies); every row of a matrix has a value in range.
    /// </summary>
    public static bool IsAnswered(Question q, int[]? values) => values is not null && q.Type switch
    {
        QuestionType.Checkbox => values.All(v => v >= 1 && v <= q.Items),
        _ => values.Length == q.Items && values.All(v => v >= 0 && v <= q.MaxValue),
    };
}
