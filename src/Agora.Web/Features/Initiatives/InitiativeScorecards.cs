using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

public sealed record CriterionView(Guid Id, int Position, string Name, int Weight);

/// <summary>A scorecard as an evaluator submits it: scores 1–5 by criterion id, or a declared conflict of interest.</summary>
public sealed record ScorecardInput(bool Conflict, string? ConflictNote, string? Comment, IReadOnlyDictionary<Guid, int>? Scores);

public sealed record CriterionScore(Guid CriterionId, int Score);

/// <summary>
/// One evaluator's scorecard in a result. <see cref="Tendency"/> is how far above (+) or below (−) the other
/// evaluators of the same initiatives this evaluator scores on average across the hub, from <see cref="Compared"/> evaluations.
/// </summary>
public sealed record EvaluatorResult(string Evaluator, bool Conflict, string? ConflictNote, decimal? Weighted, IReadOnlyList<CriterionScore> Scores,
    string Comment, DateTimeOffset SubmittedAt, decimal? Tendency, int Compared, bool Outlier);

public sealed record CriterionResult(Guid CriterionId, string Name, int Weight, decimal? Mean, int? Min, int? Max);

/// <summary>The combined result: weighted mean of the counted evaluators, and the spread (highest minus lowest weighted score).</summary>
public sealed record ScorecardResult(decimal? Weighted, decimal? Spread, decimal? StandardDeviation, int Counted, int Excluded,
    IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<EvaluatorResult> Evaluators);

/// <summary>What the reader sees of an initiative's scorecard at one stage. <see cref="Result"/> is null until they may see it.</summary>
public sealed record ScorecardView(int InitiativeId, StageInfo Stage, IReadOnlyList<StageInfo> EvaluatedStages, IReadOnlyList<CriterionView> Criteria,
    bool CanSubmit, string? CannotSubmitReason, bool Submitted, int Submissions, ScorecardResult? Result);

/// <summary>
/// Evaluation scorecards: the hub's evaluators score an initiative at a stage on the hub's weighted criteria,
/// independently. Nobody sees the scores until they have submitted their own, except gatekeepers and managers who are
/// not evaluators themselves. A declared conflict of interest leaves the evaluation out of the result, and its evaluator
/// stays blind.
/// </summary>
public sealed class InitiativeScorecards(AgoraDbContext db, InitiativeAccess access, InnovationProcess process, Validator v, AuditLog audit,
    TimeProvider clock)
{
    /// <summary>An evaluator scoring this far or further from the others on average is flagged as an outlier.</summary>
    public const decimal OutlierTendency = 1.0m;

    /// <summary>The seeded criteria: what Helseplattformen's strategy asks of an innovation, with their weights.</summary>
    public static readonly (string En, string Pt, string Nb, int Weight)[] Defaults =
    [
        ("Value for patients", "Valor para os doentes", "Verdi for pasientene", 3),
        ("Value for staff", "Valor para os profissionais", "Verdi for de ansatte", 2),
        ("Strategic fit", "Alinhamento estratégico", "Strategisk forankring", 2),
        ("Feasibility", "Exequibilidade", "Gjennomførbarhet", 2),
        ("Cost (5 = lowest)", "Custo (5 = o mais baixo)", "Kostnad (5 = lavest)", 1),
        ("Evidence", "Evidência", "Kunnskapsgrunnlag", 2),
        ("Privacy and safety risk (5 = lowest)", "Risco de privacidade e segurança (5 = o mais baixo)", "Personvern- og sikkerhetsrisiko (5 = lavest)", 2),
    ];

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    public static CriterionView View(EvaluationCriterion c) => new(c.Id, c.Position, InnovationStage.NameIn(Culture, c.NameEn, c.NamePt, c.NameNb), c.Weight);

    /// <summary>The hub's criteria in order; the seeded ones are created the first time they are needed.</summary>
    public Task<List<EvaluationCriterion>> CriteriaAsync(Guid hubId, CancellationToken ct) =>
        db.ExistingOrCreatedAsync(db.EvaluationCriteria.Where(c => c.HubId == hubId).OrderBy(c => c.Position), () => DefaultCriteria(hubId), ct);

    /// <summary>The seeded criteria for a hub, as new rows.</summary>
    public static List<EvaluationCriterion> DefaultCriteria(Guid hubId) => Defaults.Select((d, i) => new EvaluationCriterion
    {
        Id = Guid.NewGuid(), HubId = hubId, Position = i + 1, NameEn = d.En, NamePt = d.Pt, NameNb = d.Nb, Weight = d.Weight,
    }).ToList();

    public async Task<IReadOnlyList<CriterionView>?> CriteriaAsync(string hubSlug, CancellationToken ct) =>
        await db.HubIdAsync(hubSlug, ct) is { } hub ? (await CriteriaAsync(hub, ct)).Select(View).ToList() : null;

    /// <summary>The scorecard at a stage (the current one by default); null when the reader may not know the initiative or the stage is not the hub's.</summary>
    public async Task<ScorecardView?> GetAsync(string hubSlug, int id, Guid? stageId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !scope.Knows) return null;
        var initiative = scope.Initiative;
        var stages = await process.StagesAsync(initiative.HubId, ct);
        var stage = stages.SingleOrDefault(s => s.Id == (stageId ?? initiative.StageId));
        if (stage is null) return null;
        StageInfo Info(InnovationStage s) => new(s.Id, s.Position, s.Step, InnovationStage.NameIn(Culture, s.NameEn, s.NamePt, s.NameNb));

        var criteria = (await CriteriaAsync(initiative.HubId, ct)).Select(View).ToList();
        var evaluatedStageIds = await db.Evaluations.Where(e => e.InitiativeId == id).Select(e => e.StageId).Distinct().ToListAsync(ct);
        // Null when the person has not submitted at this stage; otherwise whether they declared a conflict of interest.
        var myConflict = await db.Evaluations.AsNoTracking().Where(e => e.InitiativeId == id && e.StageId == stage.Id && e.EvaluatorId == scope.UserId)
            .Select(e => (bool?)e.Conflict).FirstOrDefaultAsync(ct);
        var mine = myConflict is not null;
        var submissions = await db.Evaluations.CountAsync(e => e.InitiativeId == id && e.StageId == stage.Id, ct);
        var reason = CannotSubmit(scope, stage.Id, mine);
        // Blind until one's own scores are in: evaluators after submitting scores (a declared conflict is no scorecard, so it
        // never unblinds); gatekeepers and managers who do not evaluate themselves.
        var seesResult = myConflict == false || (scope.Viewer.May(InitiativeOperations.DecideGates) && !scope.Viewer.IsEvaluator);
        var result = seesResult ? await ResultAsync(initiative.HubId, id, stage.Id, criteria, ct) : null;
        return new ScorecardView(id, Info(stage), stages.Where(s => evaluatedStageIds.Contains(s.Id) || s.Id == initiative.StageId).Select(Info).ToList(),
            criteria, reason is null, reason, mine, submissions, result);
    }

    /// <summary>Why the person may not submit a scorecard at this stage (a message key), or null when they may.</summary>
    private static string? CannotSubmit(InitiativeAccess.Scope scope, Guid stageId, bool submitted) =>
        !scope.Viewer.May(InitiativeOperations.Evaluate) ? "Scorecard.NotEvaluator"
        : scope.IsTeam ? "Scorecard.OnTheTeam"
        : submitted ? "Scorecard.AlreadySubmitted"
        : stageId != scope.Initiative.StageId ? "Scorecard.NotCurrentStage"
        : !GateRules.IsOpen(scope.Initiative.Status) ? "Scorecard.Ended"
        : null;

    public async Task<Result<int>> SubmitAsync(string hubSlug, int id, ScorecardInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanEvaluate) return scope.Refuse<int>();
        var initiative = scope.Initiative;
        if (!GateRules.IsOpen(initiative.Status))
            return Result<int>.Conflict("", v.Message("Initiatives.Gate.Ended", v.Message("InitiativeStatus." + initiative.Status)));
        var criteria = await CriteriaAsync(initiative.HubId, ct);
        var comment = v.Text("comment", input.Comment, ScorecardRules.Note, required: false, multiline: true);
        var note = v.Text("conflictNote", input.ConflictNote, ScorecardRules.Note, required: input.Conflict, multiline: true);
        var scores = input.Scores ?? new Dictionary<Guid, int>();
        if (!input.Conflict)
        {
            foreach (var c in criteria)
            {
                if (!scores.TryGetValue(c.Id, out var score)) v.Add("scores." + c.Id, "Validation.Required");
                else if (score is < ScorecardRules.MinScore or > ScorecardRules.MaxScore)
                    v.Add("scores." + c.Id, "Scorecard.ScoreRange", ScorecardRules.MinScore, ScorecardRules.MaxScore);
            }
            foreach (var unknown in scores.Keys.Where(k => criteria.All(c => c.Id != k))) v.Add("scores." + unknown, "Validation.Invalid");
        }
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var weighted = input.Conflict ? (decimal?)null : Weighted(criteria.Select(c => (scores[c.Id], c.Weight)));
        var now = clock.GetUtcNow();
        int evaluationId;
        try
        {
            evaluationId = await db.InTransactionAsync(async token =>
            {
                var evaluation = new Evaluation
                {
                    InitiativeId = id, StageId = initiative.StageId, EvaluatorId = scope.UserId, Conflict = input.Conflict,
                    ConflictNote = input.Conflict ? note : "", Comment = comment, SubmittedAt = now,
                };
                db.Evaluations.Add(evaluation);
                audit.Add(AuditActions.InitiativeEvaluated, initiative.HubId, CreateInitiative.Subject(id, initiative.Title),
                    input.Conflict ? "conflict of interest declared" : $"weighted {weighted!.Value.ToString("0.00", CultureInfo.InvariantCulture)}");
                await db.SaveChangesAsync(token);
                if (!input.Conflict)
                {
                    db.EvaluationScores.AddRange(criteria.Select(c => new EvaluationScore
                    {
                        EvaluationId = evaluation.Id, CriterionId = c.Id, Score = scores[c.Id], Weight = c.Weight,
                    }));
                    await db.SaveChangesAsync(token);
                }
                return evaluation.Id;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // The unique (initiative, stage, evaluator) index: submitted twice at once.
            return Result<int>.Conflict("", v.Message("Scorecard.AlreadySubmitted"));
        }
        return Result<int>.Ok(evaluationId);
    }

    public static decimal Weighted(IEnumerable<(int Score, int Weight)> scores)
    {
        var list = scores.ToList();
        var weights = list.Sum(s => s.Weight);
        return weights == 0 ? 0 : Math.Round((decimal)list.Sum(s => s.Score * s.Weight) / weights, 2);
    }

    /// <summary>
    /// The result at a stage, and each evaluator's tendency across the hub: the mean difference between their weighted
    /// score and the mean of the other evaluators of the same initiative and stage (where there was at least one other).
    /// </summary>
    private async Task<ScorecardResult> ResultAsync(Guid hubId, int id, Guid stageId, IReadOnlyList<CriterionView> criteria, CancellationToken ct)
    {
        var rows = await (from e in db.Evaluations.AsNoTracking()
                          join u in db.Users on e.EvaluatorId equals u.Id
                          where e.InitiativeId == id && e.StageId == stageId
                          orderby e.SubmittedAt, e.Id
                          select new { e.Id, e.EvaluatorId, e.Conflict, e.ConflictNote, e.Comment, e.SubmittedAt, u.DisplayName }).ToListAsync(ct);
        var evaluatorIds = rows.Where(r => !r.Conflict).Select(r => r.EvaluatorId).Distinct().ToList();
        // Every counted evaluation in the hub of the groups (initiative, stage) these evaluators took part in, for calibration.
        var hubScores = await (from s in db.EvaluationScores.AsNoTracking()
                               join e in db.Evaluations on s.EvaluationId equals e.Id
                               join i in db.Initiatives on e.InitiativeId equals i.Id
                               where i.HubId == hubId && !e.Conflict
                                   && db.Evaluations.Any(o => o.InitiativeId == e.InitiativeId && o.StageId == e.StageId && evaluatorIds.Contains(o.EvaluatorId) && !o.Conflict)
                               select new { e.Id, e.InitiativeId, e.StageId, e.EvaluatorId, s.CriterionId, s.Score, s.Weight }).ToListAsync(ct);
        var perEvaluation = hubScores.GroupBy(s => s.Id).Select(g => new
        {
            g.First().InitiativeId, g.First().StageId, g.First().EvaluatorId, EvaluationId = g.Key,
            Weighted = Weighted(g.Select(s => (s.Score, s.Weight))),
        }).ToList();
        var tendencies = Calibration(perEvaluation.Select(e => (e.InitiativeId, e.StageId, e.EvaluatorId, e.Weighted)));

        var here = hubScores.Where(s => s.InitiativeId == id && s.StageId == stageId).ToList();
        var evaluators = rows.Select(r =>
        {
            var scores = here.Where(s => s.Id == r.Id).ToList();
            var t = tendencies.GetValueOrDefault(r.EvaluatorId);
            return new EvaluatorResult(r.DisplayName, r.Conflict, r.Conflict ? r.ConflictNote : null,
                r.Conflict ? null : Weighted(scores.Select(s => (s.Score, s.Weight))),
                scores.Select(s => new CriterionScore(s.CriterionId, s.Score)).OrderBy(s => criteria.FirstOrDefault(c => c.Id == s.CriterionId)?.Position).ToList(),
                r.Comment, r.SubmittedAt, r.Conflict ? null : t.Tendency, r.Conflict ? 0 : t.Compared,
                !r.Conflict && t.Compared > 0 && Math.Abs(t.Tendency ?? 0) >= OutlierTendency);
        }).ToList();
        var counted = evaluators.Where(e => !e.Conflict).ToList();
        var totals = counted.Select(e => e.Weighted!.Value).ToList();
        var criterionResults = criteria.Select(c =>
        {
            var s = here.Where(x => x.CriterionId == c.Id).Select(x => x.Score).ToList();
            return new CriterionResult(c.Id, c.Name, c.Weight, s.Count == 0 ? null : Math.Round((decimal)s.Average(), 2),
                s.Count == 0 ? null : s.Min(), s.Count == 0 ? null : s.Max());
        }).ToList();
        return new ScorecardResult(
            totals.Count == 0 ? null : Math.Round(totals.Average(), 2),
            totals.Count == 0 ? null : totals.Max() - totals.Min(),
            totals.Count == 0 ? null : StandardDeviation(totals),
            counted.Count, evaluators.Count - counted.Count, criterionResults, evaluators);
    }

    /// <summary>Population standard deviation, rounded to two decimals.</summary>
    public static decimal StandardDeviation(IReadOnlyList<decimal> values)
    {
        var mean = values.Average();
        var variance = values.Sum(x => (double)((x - mean) * (x - mean))) / values.Count;
        return Math.Round((decimal)Math.Sqrt(variance), 2);
    }

    /// <summary>
    /// Each evaluator's mean deviation from the others: for every (initiative, stage) with at least two counted
    /// evaluations, their weighted score minus the mean of the others' weighted scores.
    /// </summary>
    public static Dictionary<Guid, (decimal? Tendency, int Compared)> Calibration(IEnumerable<(int InitiativeId, Guid StageId, Guid EvaluatorId, decimal Weighted)> evaluations)
    {
        var deviations = new Dictionary<Guid, List<decimal>>();
        foreach (var group in evaluations.GroupBy(e => (e.InitiativeId, e.StageId)))
        {
            var list = group.ToList();
            if (list.Count < 2) continue;
            foreach (var e in list)
            {
                var others = list.Where(o => o.EvaluatorId != e.EvaluatorId).Select(o => o.Weighted).ToList();
                if (others.Count == 0) continue;
                if (!deviations.TryGetValue(e.EvaluatorId, out var d)) deviations[e.EvaluatorId] = d = [];
                d.Add(e.Weighted - others.Average());
            }
        }
        return deviations.ToDictionary(d => d.Key, d => ((decimal?)Math.Round(d.Value.Average(), 2), d.Value.Count));
    }
}
