using System.Text.RegularExpressions;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>Something of a hub kept in an order of its own: stages, effect goals, evaluation criteria.</summary>
public interface IPositioned
{
    Guid Id { get; }
    int Position { get; set; }
}

public sealed record StageSetting(Guid Id, int Position, ProcessStep Step, string NameEn, string NamePt, string NameNb,
    IReadOnlyList<ArtefactKind> Required, bool InUse);

public sealed record GoalSetting(Guid Id, int Position, string NameEn, string NamePt, string NameNb);

public sealed record CriterionSetting(Guid Id, int Position, string NameEn, string NamePt, string NameNb, int Weight, bool InUse);

/// <summary>How a hub runs its portfolio: its stages, effect goals, evaluation criteria and budget currency.</summary>
public sealed record PortfolioSettingsView(string Currency, IReadOnlyList<StageSetting> Stages, IReadOnlyList<GoalSetting> EffectGoals,
    IReadOnlyList<CriterionSetting> Criteria);

public sealed record StageInput(string? NameEn, string? NamePt, string? NameNb, ProcessStep? Step, IReadOnlyList<ArtefactKind>? Required);

public sealed record GoalInput(string? NameEn, string? NamePt, string? NameNb);

public sealed record CriterionInput(string? NameEn, string? NamePt, string? NameNb, int? Weight);

/// <summary>
/// A hub manager configures the hub's innovation process (stage names in three languages, order, the artefacts each
/// stage needs before its gate), its effect goals, its evaluation criteria and weights, and the currency of its budgets.
/// Something in use (a stage holding initiatives or history, a criterion with scores) cannot be removed. Audited.
/// </summary>
public sealed partial class PortfolioSettings(AgoraDbContext db, Viewers viewers, InnovationProcess process, InitiativeScorecards scorecards,
    Validator v, AuditLog audit)
{
    public const int MaxStages = 12;
    public const int MaxGoals = 30;
    private const int NameLength = 100;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    /// <summary>The hub when the person manages it; otherwise 404 for a hub they may not know of, else 403.</summary>
    private async Task<(Guid Hub, Result<int>? Refused)> ManagedAsync(string hubSlug, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return (Guid.Empty, Result<int>.NotFound());
        return (await viewers.ForHubAsync(hub, ct)).CanManage ? (hub, null) : (hub, Result<int>.Forbidden());
    }

    public async Task<Result<PortfolioSettingsView>> GetAsync(string hubSlug, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refused<PortfolioSettingsView>(refused);
        var stages = await process.StagesAsync(hub, ct);
        var criteria = await scorecards.CriteriaAsync(hub, ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var usedStages = await db.Initiatives.Where(i => stageIds.Contains(i.StageId)).Select(i => i.StageId)
            .Concat(db.GateDecisions.Where(g => stageIds.Contains(g.FromStageId)).Select(g => g.FromStageId))
            .Concat(db.GateDecisions.Where(g => stageIds.Contains(g.ToStageId)).Select(g => g.ToStageId))
            .Concat(db.Evaluations.Where(e => stageIds.Contains(e.StageId)).Select(e => e.StageId)).Distinct().ToListAsync(ct);
        var criterionIds = criteria.Select(c => c.Id).ToList();
        var usedCriteria = await db.EvaluationScores.Where(s => criterionIds.Contains(s.CriterionId)).Select(s => s.CriterionId).Distinct().ToListAsync(ct);
        var goals = await db.EffectGoals.AsNoTracking().Where(g => g.HubId == hub).OrderBy(g => g.Position).ToListAsync(ct);
        var currency = await db.Hubs.Where(h => h.Id == hub).Select(h => h.Currency).SingleAsync(ct);
        return Result<PortfolioSettingsView>.Ok(new PortfolioSettingsView(currency,
            stages.Select(s => new StageSetting(s.Id, s.Position, s.Step, s.NameEn, s.NamePt, s.NameNb, s.Required, usedStages.Contains(s.Id))).ToList(),
            goals.Select(g => new GoalSetting(g.Id, g.Position, g.NameEn, g.NamePt, g.NameNb)).ToList(),
            criteria.Select(c => new CriterionSetting(c.Id, c.Position, c.NameEn, c.NamePt, c.NameNb, c.Weight, usedCriteria.Contains(c.Id))).ToList()));
    }

    public async Task<Result<int>> SetCurrencyAsync(string hubSlug, string? currency, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return refused;
        var code = (currency ?? "").Trim().ToUpperInvariant();
        if (!CurrencyCode().IsMatch(code)) return Result<int>.Invalid("currency", v.Message("Initiatives.Settings.CurrencyCode"));
        await db.Hubs.Where(h => h.Id == hub).ExecuteUpdateAsync(s => s.SetProperty(h => h.Currency, code), ct);
        audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"currency: {code}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(0);
    }

    private (string En, string Pt, string Nb) Names(string? en, string? pt, string? nb, int max) =>
        (v.Text("nameEn", en, max), v.Text("namePt", pt, max), v.Text("nameNb", nb, max));

    /// <summary>Adds a stage at the end (<paramref name="stageId"/> null) or changes one.</summary>
    public async Task<Result<Guid>> SaveStageAsync(string hubSlug, Guid? stageId, StageInput input, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refused<Guid>(refused);
        var stages = await process.StagesAsync(hub, ct);
        var (en, pt, nb) = Names(input.NameEn, input.NamePt, input.NameNb, NameLength);
        if (input.Step is not { } step) v.Add("step", "Validation.Required");
        else if (!Enum.IsDefined(step)) v.Add("step", "Validation.Invalid");
        var required = (input.Required ?? []).Distinct().ToList();
        if (required.Any(k => !Enum.IsDefined(k))) v.Add("required", "Validation.Invalid");
        if (stageId is null && stages.Count >= MaxStages) v.Add("nameEn", "Initiatives.Settings.TooManyStages", MaxStages);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);

        InnovationStage stage;
        if (stageId is { } existing)
        {
            stage = await db.InnovationStages.SingleOrDefaultAsync(s => s.Id == existing && s.HubId == hub, ct) ?? null!;
            if (stage is null) return Result<Guid>.NotFound();
        }
        else
        {
            stage = new InnovationStage { Id = Guid.NewGuid(), HubId = hub, Position = stages.Max(s => s.Position) + 1 };
            db.InnovationStages.Add(stage);
        }
        stage.NameEn = en;
        stage.NamePt = pt;
        stage.NameNb = nb;
        stage.Step = input.Step!.Value;
        stage.RequiredArtefacts = string.Join(',', required);
        audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"stage {(stageId is null ? "added" : "changed")}: {en} ({stage.RequiredArtefacts})");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(stage.Id);
    }

    public async Task<Result<int>> RemoveStageAsync(string hubSlug, Guid stageId, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return refused;
        var stage = await db.InnovationStages.SingleOrDefaultAsync(s => s.Id == stageId && s.HubId == hub, ct);
        if (stage is null) return Result<int>.NotFound();
        var inUse = await db.Initiatives.AnyAsync(i => i.StageId == stageId, ct)
            || await db.GateDecisions.AnyAsync(g => g.FromStageId == stageId || g.ToStageId == stageId, ct)
            || await db.Evaluations.AnyAsync(e => e.StageId == stageId, ct);
        if (inUse) return Result<int>.Invalid("", v.Message("Initiatives.Settings.StageInUse"));
        if (await db.InnovationStages.CountAsync(s => s.HubId == hub, ct) <= 1) return Result<int>.Invalid("", v.Message("Initiatives.Settings.LastStage"));
        await CloseGapAsync(db.InnovationStages.Where(s => s.HubId == hub), stage.Position, () =>
        {
            db.InnovationStages.Remove(stage);
            audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"stage removed: {stage.NameEn}");
        }, ct);
        return Result<int>.Ok(0);
    }

    public async Task<Result<Guid>> SaveGoalAsync(string hubSlug, Guid? goalId, GoalInput input, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refused<Guid>(refused);
        var (en, pt, nb) = Names(input.NameEn, input.NamePt, input.NameNb, 300);
        var count = await db.EffectGoals.CountAsync(g => g.HubId == hub, ct);
        if (goalId is null && count >= MaxGoals) v.Add("nameEn", "Initiatives.Settings.TooManyGoals", MaxGoals);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        EffectGoal goal;
        if (goalId is { } existing)
        {
            goal = await db.EffectGoals.SingleOrDefaultAsync(g => g.Id == existing && g.HubId == hub, ct) ?? null!;
            if (goal is null) return Result<Guid>.NotFound();
        }
        else
        {
            var last = count == 0 ? 0 : await db.EffectGoals.Where(g => g.HubId == hub).MaxAsync(g => g.Position, ct);
            goal = new EffectGoal { Id = Guid.NewGuid(), HubId = hub, Position = last + 1 };
            db.EffectGoals.Add(goal);
        }
        (goal.NameEn, goal.NamePt, goal.NameNb) = (en, pt, nb);
        audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"effect goal {(goalId is null ? "added" : "changed")}: {en}");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(goal.Id);
    }

    /// <summary>Removes an effect goal; benefits that worked towards it keep their figures without a goal.</summary>
    public async Task<Result<int>> RemoveGoalAsync(string hubSlug, Guid goalId, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return refused;
        var goal = await db.EffectGoals.SingleOrDefaultAsync(g => g.Id == goalId && g.HubId == hub, ct);
        if (goal is null) return Result<int>.NotFound();
        await CloseGapAsync(db.EffectGoals.Where(g => g.HubId == hub), goal.Position, () =>
        {
            db.EffectGoals.Remove(goal);
            audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"effect goal removed: {goal.NameEn}");
        }, ct);
        return Result<int>.Ok(0);
    }

    public async Task<Result<Guid>> SaveCriterionAsync(string hubSlug, Guid? criterionId, CriterionInput input, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return Refused<Guid>(refused);
        var criteria = await scorecards.CriteriaAsync(hub, ct);
        var (en, pt, nb) = Names(input.NameEn, input.NamePt, input.NameNb, ScorecardRules.Name);
        if (input.Weight is not { } weight) v.Add("weight", "Validation.Required");
        else if (weight is < ScorecardRules.MinWeight or > ScorecardRules.MaxWeight) v.Add("weight", "Validation.Range", ScorecardRules.MinWeight, ScorecardRules.MaxWeight);
        if (criterionId is null && criteria.Count >= ScorecardRules.MaxCriteria) v.Add("nameEn", "Initiatives.Settings.TooManyCriteria", ScorecardRules.MaxCriteria);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        EvaluationCriterion criterion;
        if (criterionId is { } existing)
        {
            criterion = await db.EvaluationCriteria.SingleOrDefaultAsync(c => c.Id == existing && c.HubId == hub, ct) ?? null!;
            if (criterion is null) return Result<Guid>.NotFound();
        }
        else
        {
            criterion = new EvaluationCriterion { Id = Guid.NewGuid(), HubId = hub, Position = criteria.Max(c => c.Position) + 1 };
            db.EvaluationCriteria.Add(criterion);
        }
        (criterion.NameEn, criterion.NamePt, criterion.NameNb, criterion.Weight) = (en, pt, nb, input.Weight!.Value);
        audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"criterion {(criterionId is null ? "added" : "changed")}: {en} (weight {criterion.Weight})");
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(criterion.Id);
    }

    /// <summary>Removes a criterion no evaluation has scored yet (scores keep their criterion; change its weight instead).</summary>
    public async Task<Result<int>> RemoveCriterionAsync(string hubSlug, Guid criterionId, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return refused;
        var criterion = await db.EvaluationCriteria.SingleOrDefaultAsync(c => c.Id == criterionId && c.HubId == hub, ct);
        if (criterion is null) return Result<int>.NotFound();
        if (await db.EvaluationScores.AnyAsync(s => s.CriterionId == criterionId, ct))
            return Result<int>.Invalid("", v.Message("Initiatives.Settings.CriterionInUse"));
        if (await db.EvaluationCriteria.CountAsync(c => c.HubId == hub, ct) <= 1) return Result<int>.Invalid("", v.Message("Initiatives.Settings.LastCriterion"));
        await CloseGapAsync(db.EvaluationCriteria.Where(c => c.HubId == hub), criterion.Position, () =>
        {
            db.EvaluationCriteria.Remove(criterion);
            audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"criterion removed: {criterion.NameEn}");
        }, ct);
        return Result<int>.Ok(0);
    }

    /// <summary>Moves a stage, an effect goal or a criterion one place up (towards the start) or down.</summary>
    public async Task<Result<int>> MoveAsync(string hubSlug, string what, Guid id, bool up, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(hubSlug, ct);
        if (refused is not null) return refused;
        List<IPositioned> items = what switch
        {
            "stage" => [.. await db.InnovationStages.Where(s => s.HubId == hub).OrderBy(s => s.Position).ToListAsync(ct)],
            "goal" => [.. await db.EffectGoals.Where(g => g.HubId == hub).OrderBy(g => g.Position).ToListAsync(ct)],
            "criterion" => [.. await db.EvaluationCriteria.Where(c => c.HubId == hub).OrderBy(c => c.Position).ToListAsync(ct)],
            _ => [],
        };
        var at = items.FindIndex(i => i.Id == id);
        if (at < 0) return Result<int>.NotFound();
        var other = up ? at - 1 : at + 1;
        if (other < 0 || other >= items.Count) return Result<int>.Ok(0);
        var (a, b) = (items[at], items[other]);
        var (pa, pb) = (a.Position, b.Position);
        // Three steps, so the unique (hub, position) index never sees two items in one place.
        await db.InTransactionAsync(async token =>
        {
            // Every attempt starts with an empty tracker: the two items are attached again.
            db.Attach(a);
            db.Attach(b);
            a.Position = -pa;
            await db.SaveChangesAsync(token);
            b.Position = pa;
            await db.SaveChangesAsync(token);
            a.Position = pb;
            audit.Add(AuditActions.PortfolioSettingsChanged, hub, hubSlug, $"{what} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(0);
    }

    /// <summary>Saves the removal (staged by <paramref name="remove"/> in each attempt), then moves every later item one place up, one at a time (the unique index again).</summary>
    private async Task CloseGapAsync<T>(IQueryable<T> siblings, int removed, Action remove, CancellationToken ct) where T : class, IPositioned
    {
        await db.InTransactionAsync(async token =>
        {
            remove();
            await db.SaveChangesAsync(token);
            foreach (var later in (await siblings.ToListAsync(token)).Where(x => x.Position > removed).OrderBy(x => x.Position))
            {
                later.Position--;
                await db.SaveChangesAsync(token);
            }
            return true;
        }, ct);
    }

    private static Result<T> Refused<T>(Result<int> refused) => refused.Outcome == Outcome.NotFound ? Result<T>.NotFound() : Result<T>.Forbidden();
}
