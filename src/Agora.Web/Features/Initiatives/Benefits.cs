using System.Globalization;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Initiatives;

/// <summary>An effect the hub wants from its innovation (Helseplattformen's eleven "effektmål"), in the three languages.</summary>
public sealed class EffectGoal : IPositioned
{
    public Guid Id { get; set; }
    public Guid HubId { get; set; }
    public int Position { get; set; }
    public string NameEn { get; set; } = "";
    public string NamePt { get; set; } = "";
    public string NameNb { get; set; } = "";
}

/// <summary>A benefit an initiative expects: an indicator with unit, baseline and target, towards one of the hub's effect goals.</summary>
public sealed class Benefit
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Guid? EffectGoalId { get; set; }
    public string Indicator { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A dated measurement of a benefit's indicator: what was realised.</summary>
public sealed class BenefitMeasurement
{
    public int Id { get; set; }
    public int BenefitId { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public decimal Value { get; set; }
    public string Note { get; set; } = "";
    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed class EffectGoalConfiguration : IEntityTypeConfiguration<EffectGoal>
{
    public void Configure(EntityTypeBuilder<EffectGoal> b)
    {
        b.ToTable("EffectGoals");
        b.Property(g => g.NameEn).HasMaxLength(300).IsRequired();
        b.Property(g => g.NamePt).HasMaxLength(300).IsRequired();
        b.Property(g => g.NameNb).HasMaxLength(300).IsRequired();
        b.HasIndex(g => new { g.HubId, g.Position }).IsUnique();
        b.HasOne<Hub>().WithMany().HasForeignKey(g => g.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BenefitConfiguration : IEntityTypeConfiguration<Benefit>
{
    public void Configure(EntityTypeBuilder<Benefit> b)
    {
        b.ToTable("Benefits");
        b.Property(x => x.Indicator).HasMaxLength(BenefitRules.Indicator).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(BenefitRules.Unit).IsRequired();
        b.Property(x => x.Baseline).HasPrecision(18, 4);
        b.Property(x => x.Target).HasPrecision(18, 4);
        b.HasIndex(x => x.InitiativeId);
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EffectGoal>().WithMany().HasForeignKey(x => x.EffectGoalId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class BenefitMeasurementConfiguration : IEntityTypeConfiguration<BenefitMeasurement>
{
    public void Configure(EntityTypeBuilder<BenefitMeasurement> b)
    {
        b.ToTable("BenefitMeasurements");
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Note).HasMaxLength(BenefitRules.Note).IsRequired();
        b.HasIndex(x => new { x.BenefitId, x.MeasuredOn });
        b.HasOne<Benefit>().WithMany().HasForeignKey(x => x.BenefitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class BenefitRules
{
    public const int Indicator = 300;
    public const int Unit = 40;
    public const int Note = 1000;
    public const int MaxPerInitiative = 20;
}

public sealed record EffectGoalView(Guid Id, int Position, string Name);

public sealed record MeasurementView(DateOnly MeasuredOn, decimal Value, string Note);

public sealed record BenefitView(int Id, string Indicator, string Unit, decimal Baseline, decimal Target, EffectGoalView? EffectGoal,
    IReadOnlyList<MeasurementView> Measurements);

public sealed record BenefitInput(string? Indicator, string? Unit, decimal? Baseline, decimal? Target, Guid? EffectGoalId);

public sealed record MeasurementInput(DateOnly? MeasuredOn, decimal? Value, string? Note);

/// <summary>
/// The team and the hub's managers set an initiative's expected benefits and record measurements; a gatekeeper marks
/// a deployed initiative as used, which needs at least one measurement. All audited; "used" is told like a gate.
/// </summary>
public sealed class InitiativeBenefits(AgoraDbContext db, InitiativeAccess access, CurrentUser current, InnovationProcess process,
    Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    private static string Culture => CultureInfo.CurrentUICulture.Name;

    public static EffectGoalView View(EffectGoal g) => new(g.Id, g.Position, InnovationStage.NameIn(Culture, g.NameEn, g.NamePt, g.NameNb));

    public async Task<IReadOnlyList<EffectGoalView>?> EffectGoalsAsync(string hubSlug, CancellationToken ct)
    {
        var hubId = await db.HubIdAsync(hubSlug, ct);
        return hubId is { } hub ? await GoalsAsync(db, hub, ct) : null;
    }

    internal static async Task<List<EffectGoalView>> GoalsAsync(AgoraDbContext db, Guid hubId, CancellationToken ct) =>
        (await db.EffectGoals.AsNoTracking().Where(g => g.HubId == hubId).OrderBy(g => g.Position).ToListAsync(ct)).Select(View).ToList();

    internal static async Task<List<BenefitView>> ListAsync(AgoraDbContext db, IReadOnlyList<EffectGoalView> goals, int id, CancellationToken ct)
    {
        var benefits = await db.Benefits.AsNoTracking().Where(b => b.InitiativeId == id).OrderBy(b => b.Id).ToListAsync(ct);
        var ids = benefits.Select(b => b.Id).ToList();
        var measurements = await db.BenefitMeasurements.AsNoTracking().Where(m => ids.Contains(m.BenefitId))
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).ToListAsync(ct);
        return benefits.Select(b => new BenefitView(b.Id, b.Indicator, b.Unit, b.Baseline, b.Target, goals.FirstOrDefault(g => g.Id == b.EffectGoalId),
            measurements.Where(m => m.BenefitId == b.Id).Select(m => new MeasurementView(m.MeasuredOn, m.Value, m.Note)).ToList())).ToList();
    }

    /// <summary>The initiative when the person may do this (the team and managers; gatekeepers for "in use"); otherwise why not.</summary>
    private async Task<(Initiative? Initiative, Result<int>? Refused)> AllowedAsync(string hubSlug, int id, bool gatekeeper, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return (null, Result<int>.NotFound());
        return (gatekeeper ? scope.CanDecideGates : scope.CanContribute) ? (scope.Initiative, null) : (null, scope.Refuse<int>());
    }

    public async Task<Result<int>> AddBenefitAsync(string hubSlug, int id, BenefitInput input, CancellationToken ct)
    {
        var (initiative, refused) = await AllowedAsync(hubSlug, id, gatekeeper: false, ct);
        if (initiative is null) return refused!;
        var indicator = v.Text("indicator", input.Indicator, BenefitRules.Indicator);
        var unit = v.Text("unit", input.Unit, BenefitRules.Unit);
        if (input.Baseline is null) v.Add("baseline", "Validation.Required");
        if (input.Target is null) v.Add("target", "Validation.Required");
        if (input.EffectGoalId is { } goal && !await db.EffectGoals.AnyAsync(g => g.Id == goal && g.HubId == initiative.HubId, ct))
            v.Add("effectGoalId", "Validation.Invalid");
        if (await db.Benefits.CountAsync(b => b.InitiativeId == id, ct) >= BenefitRules.MaxPerInitiative)
            v.Add("indicator", "Initiatives.TooManyBenefits", BenefitRules.MaxPerInitiative);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var benefit = new Benefit
        {
            InitiativeId = id, EffectGoalId = input.EffectGoalId, Indicator = indicator, Unit = unit, Baseline = input.Baseline!.Value,
            Target = input.Target!.Value, CreatedAt = now,
        };
        db.Benefits.Add(benefit);
        audit.Add(AuditActions.InitiativeBenefitAdded, initiative.HubId, CreateInitiative.Subject(id, initiative.Title), indicator);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(benefit.Id);
    }

    public async Task<Result<int>> MeasureAsync(string hubSlug, int id, int benefitId, MeasurementInput input, CancellationToken ct)
    {
        var (initiative, refused) = await AllowedAsync(hubSlug, id, gatekeeper: false, ct);
        if (initiative is null) return refused!;
        var benefit = await db.Benefits.AsNoTracking().SingleOrDefaultAsync(b => b.Id == benefitId && b.InitiativeId == id, ct);
        if (benefit is null) return Result<int>.NotFound();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.MeasuredOn is not { } on) v.Add("measuredOn", "Validation.Required");
        else if (on > today) v.Add("measuredOn", "Initiatives.MeasuredInFuture");
        if (input.Value is null) v.Add("value", "Validation.Required");
        var note = v.Text("note", input.Note, BenefitRules.Note, required: false, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var measurement = new BenefitMeasurement
        {
            BenefitId = benefitId, MeasuredOn = input.MeasuredOn!.Value, Value = input.Value!.Value, Note = note,
            RecordedById = current.RequiredId, RecordedAt = clock.GetUtcNow(),
        };
        db.BenefitMeasurements.Add(measurement);
        audit.Add(AuditActions.InitiativeBenefitMeasured, initiative.HubId, CreateInitiative.Subject(id, initiative.Title),
            $"{benefit.Indicator}: {input.Value.Value.ToString(CultureInfo.InvariantCulture)} {benefit.Unit} ({input.MeasuredOn:yyyy-MM-dd})");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(measurement.Id);
    }

    /// <summary>A gatekeeper marks an initiative in the last stage as used: it needs at least one realised measurement.</summary>
    public async Task<Result<int>> MarkUsedAsync(string hubSlug, int id, string? rationale, CancellationToken ct)
    {
        var (initiative, refused) = await AllowedAsync(hubSlug, id, gatekeeper: true, ct);
        if (initiative is null) return refused!;
        if (initiative.Status != InitiativeStatus.Active)
            return Result<int>.Conflict("", v.Message("Initiatives.Gate.Ended", v.Message("InitiativeStatus." + initiative.Status)));
        var stages = await process.StagesAsync(initiative.HubId, ct);
        if (stages[^1].Id != initiative.StageId) return Result<int>.Invalid("", v.Message("Initiatives.UsedOnlyWhenDeployed", InnovationStage.NameIn(Culture, stages[^1].NameEn, stages[^1].NamePt, stages[^1].NameNb)));
        if (!await db.BenefitMeasurements.AnyAsync(m => db.Benefits.Any(b => b.Id == m.BenefitId && b.InitiativeId == id), ct))
            return Result<int>.Invalid("", v.Message("Initiatives.UsedNeedsMeasurement"));
        var why = v.Text("rationale", rationale, GateRules.Rationale, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var me = current.RequiredId;
        var changed = await db.InTransactionAsync(async token =>
        {
            var rows = await db.Initiatives.Where(i => i.Id == id && i.Status == InitiativeStatus.Active && i.StageId == initiative.StageId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InitiativeStatus.Used).SetProperty(i => i.UpdatedAt, now)
                    .SetProperty(i => i.Version, i => i.Version + 1), token);
            if (rows == 0) return false;
            db.GateDecisions.Add(new GateDecision
            {
                InitiativeId = id, FromStageId = initiative.StageId, ToStageId = initiative.StageId, Outcome = GateOutcome.Used, Rationale = why,
                DecidedById = me, DecidedAt = now,
            });
            audit.Add(AuditActions.InitiativeGateDecided, initiative.HubId, CreateInitiative.Subject(id, initiative.Title), "Used");
            await DecideGate.TellAsync(db, notifier, initiative, me, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Initiatives.Gate.ChangedMeanwhile"));
    }
}
