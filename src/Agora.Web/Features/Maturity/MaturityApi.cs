using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// Digital maturity assessments under /api/v1: the same use cases and rules as the pages. Filling and reading need
/// organisations:* scopes (the assessment is the customer's), the hub's list and export hubs:read.
/// </summary>
public static class MaturityApi
{
    private const string Tag = "Digital maturity";

    public sealed record AssessmentLink(int Id, string Page);
    public sealed record SavedAnswer(int Id, int Version);
    public sealed record SubmittedAnswer(int Id, IReadOnlyList<double> Dimensions, double Overall, MaturityBand Band);

    /// <summary>A question set as an API client needs it to answer: ids, types, texts in the reader's language.</summary>
    public sealed record QuestionnaireView(QuestionSet Set, IReadOnlyList<DimensionView> Dimensions);
    public sealed record DimensionView(int Number, string Name, IReadOnlyList<QuestionView> Questions);
    public sealed record QuestionView(string Id, QuestionType Type, string Text, IReadOnlyList<string> Items, IReadOnlyList<int> NonScoring, int MaxValue);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var m = api.MapGroup("/maturity").WithTags(Tag);
        m.MapGet("/questionnaires/{set}", Questions).WithName("GetMaturityQuestionnaire").AllowAnonymous().RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("A JRC question set (Sme or Pso): the six dimensions, their questions with ids, types and texts in your language")
            .WithDescription("Answers are sent per question id: checkbox, the numbers (from 1) of the ticked options; Scale, one value 0–5 per row; "
                + "PlanOrDone, one value per row (0 nothing, 1 plan to invest, 2 already invested, 3 both); Matrix, one value per row (0 no, 1 partially, 2 yes). "
                + "A draft may leave a row open with -1.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        m.MapPost("/assessments", Start).WithName("StartMaturityAssessment").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Start an assessment of a network customer with a hub: {\"organisation\": slug, \"hub\": slug, \"wave\": T0 | T1, \"set\": Sme | Pso (left out: by the customer's type)}")
            .WithDescription("The customer's members and the hub's front desk may start one. T1 only after the T0 of the same customer and hub is submitted, and in its set.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        m.MapGet("/assessments/{id:int}", Get).WithName("GetMaturityAssessment").RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("One assessment with its answers and, once submitted, its scores per dimension (0–100), overall and band (404 for anyone who may not read it)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        m.MapPut("/assessments/{id:int}/dimensions/{number:int}", Save).WithName("SaveMaturityAnswers").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Save the answers to one dimension's questions as a draft: {\"answers\": {questionId: [values]}, \"version\"}; answers the new version")
            .WithDescription("A save made from another version than the stored one answers 409: reload and save again.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapPost("/assessments/{id:int}/submit", Submit).WithName("SubmitMaturityAssessment").RequireScope(ApiScopes.OrganisationsWrite)
            .WithSummary("Submit the assessment once every scored question is answered: {\"version\"}; answers the scores")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        m.MapGet("/assessments/{id:int}/comparison", Compare).WithName("CompareMaturityAssessments").RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("T0 and T1 of the assessment's customer and hub side by side: scores, change per dimension, services delivered between them, catalogue services for the weakest dimensions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        m.MapGet("/assessments/export", ExportAll).WithName("ExportMaturityAssessments").RequireScope(ApiScopes.HubsRead)
            .WithSummary("Every hub's assessments as flat CSV for the network's reporting (platform admins)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/organisations/{slug}/maturity/assessments", ForOrganisation).WithName("ListOrganisationMaturityAssessments").WithTags(Tag)
            .RequireScope(ApiScopes.OrganisationsRead)
            .WithSummary("The organisation's assessments with every hub (its members; 404 for everyone else)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/hubs/{slug}/maturity/assessments", ForHub).WithName("ListHubMaturityAssessments").WithTags(Tag).RequireScope(ApiScopes.HubsRead)
            .WithSummary("The assessments made with the hub (its front desk; 404 for everyone else)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/hubs/{slug}/maturity/assessments/export", ExportHub).WithName("ExportHubMaturityAssessments").WithTags(Tag).RequireScope(ApiScopes.HubsRead)
            .WithSummary("The hub's assessments as flat CSV for the network's reporting (its managers)")
            .WithDescription("One row per assessment: id, organisation, hub, set, wave, status, started, submitted, the six dimension scores (0–100), overall, band.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<QuestionnaireView>, ProblemHttpResult> Questions(string set, IStringLocalizer<SharedResource> t)
    {
        if (!Enum.TryParse<QuestionSet>(set, ignoreCase: true, out var s) || !Enum.IsDefined(s)) return ApiResults.NotFound();
        var q = Questionnaire.For(s);
        return TypedResults.Ok(new QuestionnaireView(s, q.Dimensions.Select(d => new DimensionView(d.Number, t[q.DimensionKey(d.Number)],
            d.Questions.Select(x => new QuestionView(x.Id, x.Type, t[q.QuestionKey(x)],
                Enumerable.Range(1, x.Items).Select(i => t[q.ItemKey(x, i)].Value).ToList(), x.NonScoring, x.MaxValue)).ToList())).ToList()));
    }

    private static async Task<Results<Created<AssessmentLink>, ValidationProblem, ProblemHttpResult>> Start(StartInput input, MaturityAssessments w, CancellationToken ct) =>
        ApiResults.From(await w.StartAsync(input, ct),
            id => TypedResults.Created($"/api/v1/maturity/assessments/{id}", new AssessmentLink(id, MaturityAssessments.PathOf(id))));

    private static async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> Get(int id, MaturityQueries q, CancellationToken ct) =>
        ApiResults.From(await q.GetAsync(id, ct));

    private static async Task<Results<Ok<SavedAnswer>, ValidationProblem, ProblemHttpResult>> Save(int id, int number, SaveInput input, MaturityAssessments w, CancellationToken ct) =>
        ApiResults.From(await w.SaveAsync(id, input with { Dimension = number }, ct), version => TypedResults.Ok(new SavedAnswer(id, version)));

    private static async Task<Results<Ok<SubmittedAnswer>, ValidationProblem, ProblemHttpResult>> Submit(int id, SubmitInput? input, MaturityAssessments w, CancellationToken ct) =>
        ApiResults.From(await w.SubmitAsync(id, input ?? new SubmitInput(null), ct),
            s => TypedResults.Ok(new SubmittedAnswer(id, s.Dimensions, s.Overall, s.Band)));

    private static async Task<Results<Ok<AssessmentComparison>, ValidationProblem, ProblemHttpResult>> Compare(int id, MaturityQueries q, CancellationToken ct) =>
        ApiResults.From(await q.CompareAsync(id, ct));

    private static async Task<Results<Ok<List<AssessmentRow>>, ValidationProblem, ProblemHttpResult>> ForOrganisation(string slug, MaturityQueries q, CancellationToken ct) =>
        ApiResults.From(await q.ForOrganisationAsync(slug, ct));

    private static async Task<Results<Ok<List<AssessmentRow>>, ValidationProblem, ProblemHttpResult>> ForHub(string slug, MaturityQueries q, CancellationToken ct) =>
        ApiResults.From(await q.ForHubAsync(slug, ct));

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportHub(string slug, MaturityQueries q, AuditLog audit,
        Platform.Data.AgoraDbContext db, CancellationToken ct) => await ExportAsync(slug, q, audit, db, ct);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAll(MaturityQueries q, AuditLog audit,
        Platform.Data.AgoraDbContext db, CancellationToken ct) => await ExportAsync(null, q, audit, db, ct);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(string? hub, MaturityQueries q, AuditLog audit,
        Platform.Data.AgoraDbContext db, CancellationToken ct)
    {
        var rows = await q.ExportAsync(hub, ct);
        if (rows.IsOk)
        {
            audit.Add(AuditActions.MaturityAssessmentsExported, subject: hub ?? "all", details: $"{rows.Value!.Count} rows");
            await db.SaveChangesAsync(ct);
        }
        return ApiResults.From(rows, list => TypedResults.File(MaturityCsv.Write(list), "text/csv; charset=utf-8", "maturity-assessments.csv"));
    }
}

/// <summary>
/// The flat CSV for the network's reporting: one row per assessment. Column names and values are stable keys (not
/// translated) so the network can add up the exports of every hub; scores have one decimal.
/// </summary>
public static class MaturityCsv
{
    public static readonly string[] Columns =
    [
        "id", "organisation", "organisation_name", "hub", "hub_name", "set", "wave", "status", "started_at", "submitted_at",
        "d1", "d2", "d3", "d4", "d5", "d6", "overall", "band",
    ];

    public static byte[] Write(IReadOnlyList<AssessmentRow> rows)
    {
        using var stream = new MemoryStream();
        var csv = new CsvSheetWriter(stream);
        csv.AddRow(Columns);
        foreach (var r in rows)
        {
            object?[] scores = r.Scores is { } s ? [.. s.Select(x => (object?)Math.Round(x, 1))] : [null, null, null, null, null, null];
            csv.AddRow([r.Id, r.Organisation.Slug, r.Organisation.Name, r.Hub.Slug, r.Hub.Name, r.Set, r.Wave, r.Status, r.StartedAt, r.SubmittedAt,
                .. scores, r.Overall is { } o ? Math.Round(o, 1) : null, r.Band]);
        }
        csv.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
