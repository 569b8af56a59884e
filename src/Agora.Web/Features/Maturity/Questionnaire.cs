namespace Agora.Web.Features.Maturity;

/// <summary>The two question sets of the JRC digital maturity assessment.</summary>
public enum QuestionSet
{
    /// <summary>Small and medium-sized enterprises (and mid-caps).</summary>
    Sme,
    /// <summary>Public sector organisations.</summary>
    Pso,
}

/// <summary>How a question is asked and scored (the JRC questionnaires' SurveyJS types, module 2).</summary>
public enum QuestionType
{
    /// <summary>checkbox: tick all options that apply.</summary>
    Checkbox,
    /// <summary>matrixdropdown with a 0–5 scale per row (not used … operational).</summary>
    Scale,
    /// <summary>matrixdropdown with two tick columns per row: (further) plan to invest / already invested (PSO M2.5: planned / implemented).</summary>
    PlanOrDone,
    /// <summary>matrix with one answer per row: no / partially / yes.</summary>
    Matrix,
}

/// <summary>
/// One scored question. <see cref="Items"/> counts its options (checkbox) or rows (the matrices); their texts are the
/// resource keys <c>Maturity.{Set}.{Id}.{n}</c>, n from 1. <see cref="NonScoring"/> lists options that state an absence
/// and earn nothing (SME "Data is not collected digitally").
/// </summary>
public sealed record Question(string Id, QuestionType Type, int Items, IReadOnlyList<int> NonScoring)
{
    public Question(string id, QuestionType type, int items) : this(id, type, items, []) { }

    /// <summary>The options that earn points (the denominator of a checkbox question).</summary>
    public int ScoringItems => Type == QuestionType.Checkbox ? Items - NonScoring.Count : Items;

    /// <summary>The highest value of one row: 5 on the scale, 2 for yes, 3 for plan and done (both ticked), 1 for a ticked option.</summary>
    public int MaxValue => Type switch
    {
        QuestionType.Scale => 5,
        QuestionType.Matrix => 2,
        QuestionType.PlanOrDone => 3,
        _ => 1,
    };
}

/// <summary>One of the six dimensions of a set, with its questions.</summary>
public sealed record Dimension(int Number, IReadOnlyList<Question> Questions);

/// <summary>
/// The scored part (module 2) of a JRC question set. Module 1 (general data: name, contact, size, sector) is not asked
/// again: Agora knows it from the organisation and its customer registration.
/// </summary>
public sealed record Questionnaire(QuestionSet Set, IReadOnlyList<Dimension> Dimensions)
{
    public string KeyPrefix => $"Maturity.{Set}";
    public string DimensionKey(int number) => $"{KeyPrefix}.Dim{number}";
    public string QuestionKey(Question q) => $"{KeyPrefix}.{q.Id}";
    public string ItemKey(Question q, int item) => $"{KeyPrefix}.{q.Id}.{item}";

    public IEnumerable<Question> Questions => Dimensions.SelectMany(d => d.Questions);
    public Question? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);
    public Dimension DimensionOf(Question q) => Dimensions.First(d => d.Questions.Contains(q));

    public static Questionnaire For(QuestionSet set) => set == QuestionSet.Sme ? Sme : Pso;

    /// <summary>
    /// The SME set (EUSMEQuestion15–25). Two slips of the published file are mended: question 15 lists row 4
    /// ("Collaboration with … value chain") twice and question 20 lists option 3 ("Monitors staff acceptance …") twice;
    /// each is asked once here, so neither counts double. Question 22 option 2 is in German in the file and is asked in
    /// the three languages ("All customer-related data is protected against cyberattacks").
    /// </summary>
    public static readonly Questionnaire Sme = new(QuestionSet.Sme,
    [
        new(1, [new("Q15", QuestionType.PlanOrDone, 9), new("Q16", QuestionType.Checkbox, 10)]),
        new(2, [new("Q17", QuestionType.Checkbox, 10), new("Q18", QuestionType.Scale, 7)]),
        new(3, [new("Q19", QuestionType.Checkbox, 7), new("Q20", QuestionType.Checkbox, 9)]),
        new(4, [new("Q21", QuestionType.Checkbox, 8, [2]), new("Q22", QuestionType.Checkbox, 6)]),
        new(5, [new("Q23", QuestionType.Scale, 5)]),
        new(6, [new("Q24", QuestionType.Checkbox, 10), new("Q25", QuestionType.Matrix, 5)]),
    ]);

    /// <summary>The public sector set (EUPSOQuestion15–25).</summary>
    public static readonly Questionnaire Pso = new(QuestionSet.Pso,
    [
        new(1, [new("Q15", QuestionType.Checkbox, 10), new("Q16", QuestionType.PlanOrDone, 8)]),
        new(2, [new("Q17", QuestionType.Checkbox, 9), new("Q18", QuestionType.Scale, 8)]),
        new(3, [new("Q19", QuestionType.Checkbox, 7), new("Q20", QuestionType.Checkbox, 10)]),
        new(4, [new("Q21", QuestionType.Checkbox, 9), new("Q22", QuestionType.Checkbox, 6)]),
        new(5, [new("Q23", QuestionType.PlanOrDone, 16)]),
        new(6, [new("Q24", QuestionType.Checkbox, 9), new("Q25", QuestionType.Matrix, 5)]),
    ]);
}
