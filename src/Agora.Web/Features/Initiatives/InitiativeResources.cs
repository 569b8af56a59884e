using System.Globalization;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

public sealed record BudgetLineView(int Id, int Year, int Quarter, FundingSource Source, decimal Planned, decimal Spent);

public sealed record SourceTotal(FundingSource Source, decimal Planned, decimal Spent);

public sealed record RiskView(int Id, string Description, int Likelihood, int Impact, int Score, string Mitigation, bool Closed, DateTimeOffset UpdatedAt);

/// <summary>An initiative's budget by quarter and funding source with totals, and its risks (open ones first, highest score first).</summary>
public sealed record ResourcesView(int InitiativeId, string Currency, IReadOnlyList<BudgetLineView> Budget, IReadOnlyList<SourceTotal> BySource,
    decimal Planned, decimal Spent, IReadOnlyList<RiskView> Risks, bool CanChange);

public sealed record BudgetInput(int? Year, int? Quarter, FundingSource? Source, decimal? Planned, decimal? Spent);

public sealed record RiskInput(string? Description, int? Likelihood, int? Impact, string? Mitigation, bool Closed);

/// <summary>
/// Resources and risks of an initiative: the team and the hub's managers keep the budget per quarter and funding
/// source (planned and spent) and the risks (likelihood × impact, mitigation). Those who may see its money see them
/// (<see cref="InitiativeAccess.Scope.CanSeeMoney"/>: the team, managers, gatekeepers, evaluators); nobody else. Every change is audited.
/// </summary>
public sealed class InitiativeResources(AgoraDbContext db, InitiativeAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public const int MinScale = 1;
    public const int MaxScale = 5;

    public static int RiskScore(int likelihood, int impact) => likelihood * impact;

    /// <summary>High from 15, medium from 8 (of 25), as in common 5×5 risk matrices.</summary>
    public static string RiskLevel(int score) => score >= 15 ? "High" : score >= 8 ? "Medium" : "Low";

    public async Task<ResourcesView?> GetAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !scope.CanSeeMoney) return null;
        var currency = await db.Hubs.Where(h => h.Id == scope.Initiative.HubId).Select(h => h.Currency).SingleAsync(ct);
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.InitiativeId == id)
            .OrderBy(b => b.Year).ThenBy(b => b.Quarter).ThenBy(b => b.Source).ToListAsync(ct);
        var risks = await db.InitiativeRisks.AsNoTracking().Where(r => r.InitiativeId == id).ToListAsync(ct);
        return new ResourcesView(id, currency,
            lines.Select(b => new BudgetLineView(b.Id, b.Year, b.Quarter, b.Source, b.Planned, b.Spent)).ToList(),
            lines.GroupBy(b => b.Source).OrderBy(g => g.Key).Select(g => new SourceTotal(g.Key, g.Sum(b => b.Planned), g.Sum(b => b.Spent))).ToList(),
            lines.Sum(b => b.Planned), lines.Sum(b => b.Spent),
            risks.OrderBy(r => r.Closed).ThenByDescending(r => RiskScore(r.Likelihood, r.Impact)).ThenBy(r => r.Id)
                .Select(r => new RiskView(r.Id, r.Description, r.Likelihood, r.Impact, RiskScore(r.Likelihood, r.Impact), r.Mitigation, r.Closed, r.UpdatedAt))
                .ToList(),
            scope.CanContribute);
    }

    private async Task<(Initiative? Initiative, Result<int>? Refused)> AllowedAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return (null, Result<int>.NotFound());
        return scope.CanContribute ? (scope.Initiative, null) : (null, scope.Refuse<int>());
    }

    /// <summary>Sets the budget of a quarter and funding source (replacing what was there); zero planned and spent removes it.</summary>
    public async Task<Result<int>> SetBudgetAsync(string hubSlug, int id, BudgetInput input, CancellationToken ct)
    {
        var (initiative, refused) = await AllowedAsync(hubSlug, id, ct);
        if (initiative is null) return refused!;
        if (input.Year is not { } year) v.Add("year", "Validation.Required");
        else if (year is < BudgetAndRiskLimits.MinYear or > BudgetAndRiskLimits.MaxYear) v.Add("year", "Validation.Range", BudgetAndRiskLimits.MinYear, BudgetAndRiskLimits.MaxYear);
        if (input.Quarter is not { } quarter) v.Add("quarter", "Validation.Required");
        else if (quarter is < 1 or > 4) v.Add("quarter", "Validation.Range", 1, 4);
        if (input.Source is not { } source) v.Add("source", "Validation.Required");
        else if (!Enum.IsDefined(source)) v.Add("source", "Validation.Invalid");
        Amount("planned", input.Planned);
        Amount("spent", input.Spent);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var planned = input.Planned ?? 0;
        var spent = input.Spent ?? 0;
        var line = await db.BudgetLines.SingleOrDefaultAsync(b => b.InitiativeId == id && b.Year == input.Year && b.Quarter == input.Quarter
            && b.Source == input.Source, ct);
        if (line is null)
        {
            if (planned == 0 && spent == 0) return Result<int>.Ok(0);
            if (await db.BudgetLines.CountAsync(b => b.InitiativeId == id, ct) >= BudgetAndRiskLimits.MaxBudgetLines)
                return Result<int>.Invalid("year", v.Message("Initiatives.Resources.TooManyLines", BudgetAndRiskLimits.MaxBudgetLines));
            line = new BudgetLine { InitiativeId = id, Year = input.Year!.Value, Quarter = input.Quarter!.Value, Source = input.Source!.Value };
            db.BudgetLines.Add(line);
        }
        else if (planned == 0 && spent == 0)
        {
            db.BudgetLines.Remove(line);
        }
        line.Planned = planned;
        line.Spent = spent;
        line.UpdatedAt = clock.GetUtcNow();
        audit.Add(AuditActions.InitiativeBudgetChanged, initiative.HubId, CreateInitiative.Subject(id, initiative.Title),
            string.Create(CultureInfo.InvariantCulture, $"{input.Year}-Q{input.Quarter} {input.Source}: planned {planned}, spent {spent}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same quarter and source written at the same moment (unique index).
            return Result<int>.Conflict("", v.Message("Initiatives.ChangedMeanwhile"));
        }
        return Result<int>.Ok(line.Id);
    }

    private void Amount(string field, decimal? value)
    {
        if (value is { } a && (a < 0 || a > BudgetAndRiskLimits.MaxAmount)) v.Add(field, "Initiatives.Resources.Amount");
    }

    public async Task<Result<int>> AddRiskAsync(string hubSlug, int id, RiskInput input, CancellationToken ct)
    {
        var (initiative, refused) = await AllowedAsync(hubSlug, id, ct);
        if (initiative is null) return refused!;
        var (description, mitigation) = ValidateRisk(input);
        if (await db.InitiativeRisks.CountAsync(r => r.InitiativeId == id, ct) >= BudgetAndRiskLimits.MaxRisks)
            v.Add("description", "Initiatives.Resources.TooManyRisks", BudgetAndRiskLimits.MaxRisks);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var risk = new InitiativeRisk
        {
            InitiativeId = id, Description = description, Mitigation = mitigation, Likelihood = input.Likelihood!.Value, Impact = input.Impact!.Value,
            CreatedAt = now, UpdatedAt = now,
        };
        db.InitiativeRisks.Add(risk);
        audit.Add(AuditActions.InitiativeRiskChanged, initiative.HubId, CreateInitiative.Subject(id, initiative.Title),
            $"added: {description} ({risk.Likelihood}×{risk.Impact})");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(risk.Id);
    }

    public async Task<Result<int>> UpdateRiskAsync(string hubSlug, int id, int riskId, RiskInput input, CancellationToken ct)
    {
        var (initiative, refused) = await AllowedAsync(hubSlug, id, ct);
        if (initiative is null) return refused!;
        var risk = await db.InitiativeRisks.SingleOrDefaultAsync(r => r.Id == riskId && r.InitiativeId == id, ct);
        if (risk is null) return Result<int>.NotFound();
        var (description, mitigation) = ValidateRisk(input);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        risk.Description = description;
        risk.Mitigation = mitigation;
        risk.Likelihood = input.Likelihood!.Value;
        risk.Impact = input.Impact!.Value;
        risk.Closed = input.Closed;
        risk.UpdatedAt = clock.GetUtcNow();
        audit.Add(AuditActions.InitiativeRiskChanged, initiative.HubId, CreateInitiative.Subject(id, initiative.Title),
            $"{(input.Closed ? "closed" : "updated")}: {description} ({risk.Likelihood}×{risk.Impact})");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(risk.Id);
    }

    private (string Description, string Mitigation) ValidateRisk(RiskInput input)
    {
        var description = v.Text("description", input.Description, BudgetAndRiskLimits.Text, multiline: true);
        var mitigation = v.Text("mitigation", input.Mitigation, BudgetAndRiskLimits.Text, required: false, multiline: true);
        Scale("likelihood", input.Likelihood);
        Scale("impact", input.Impact);
        return (description, mitigation);
    }

    private void Scale(string field, int? value)
    {
        if (value is null) v.Add(field, "Validation.Required");
        else if (value is < MinScale or > MaxScale) v.Add(field, "Validation.Range", MinScale, MaxScale);
    }
}
