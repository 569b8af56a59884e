using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>Input: what goes into the hub's innovation in the period (ISO 56002 clause 9.1, performance evaluation).</summary>
/// <param name="StaffShare">Participants who are members of the hub, as a percentage of its members; null when it has none.</param>
public sealed record InputIndicators(int IdeasSubmitted, int InitiativesStarted, int Participants, int MembersTakingPart, int Members, decimal? StaffShare);

/// <summary>Of the initiatives that entered <see cref="From"/> in the period, how many went on to <see cref="To"/> (at any time since).</summary>
public sealed record StageConversion(StageInfo From, StageInfo To, int Entered, int WentOn, decimal? Share);

/// <summary>Throughput: how initiatives move through the process.</summary>
public sealed record ThroughputIndicators(IReadOnlyList<StageConversion> Conversion, int GateDecisions, double? MedianDaysToDecision, int ExperimentsRun);

/// <summary>Output: what the process delivers.</summary>
public sealed record OutputIndicators(int Deployed, int Used, int BenefitsMeasured, int BenefitsReached, decimal? BenefitsReachedShare, int StoppedWithLearning);

public sealed record IndicatorSet(DateOnly From, DateOnly To, InputIndicators Input, ThroughputIndicators Throughput, OutputIndicators Output);

/// <summary>
/// The hub's ISO 56002 innovation indicators for a period, computed live from ideas, comments, votes, gate decisions,
/// documents and benefit measurements. For the hub's managers and gatekeepers, who may know every initiative of the
/// hub (<see cref="InitiativeAccess.Scope.Knows"/>), so they are computed over all of them.
/// </summary>
public sealed class Indicators(AgoraDbContext db, Viewers viewers, InnovationProcess process, Validator v, TimeProvider clock)
{
    private static string Culture => CultureInfo.CurrentUICulture.Name;

    /// <summary>404 when there is no such hub, 403 unless a manager or gatekeeper of it, 400 for a bad period.</summary>
    public async Task<Result<IndicatorSet>> ComputeAsync(string hubSlug, string? from, string? to, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return Result<IndicatorSet>.NotFound();
        if (!(await viewers.ForHubAsync(hub, ct)).May(InitiativeOperations.DecideGates)) return Result<IndicatorSet>.Forbidden();
        if (PortfolioFilters.ParsePeriod(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), v) is not { } period)
            return Result<IndicatorSet>.Invalid(v.Errors);
        return Result<IndicatorSet>.Ok(await ComputeAsync(hub, period, ct));
    }

    private async Task<IndicatorSet> ComputeAsync(Guid hub, PortfolioPeriod period, CancellationToken ct)
    {
        var start = period.Start;
        var end = period.End;
        var stages = (await process.StagesAsync(hub, ct))
            .Select(s => new StageInfo(s.Id, s.Position, s.Step, InnovationStage.NameIn(Culture, s.NameEn, s.NamePt, s.NameNb))).ToList();

        // Input.
        var hubIdeas = db.Ideas.AsNoTracking().Where(i => i.HubId == hub);
        var submitted = await hubIdeas.CountAsync(i => i.PublishedAt >= start && i.PublishedAt < end, ct);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.HubId == hub)
            .Select(i => new { i.Id, i.CreatedAt, i.StageId }).ToListAsync(ct);
        var people = await hubIdeas.Where(i => i.PublishedAt >= start && i.PublishedAt < end).Select(i => i.AuthorId)
            .Union(db.Comments.Where(c => c.CreatedAt >= start && c.CreatedAt < end && hubIdeas.Any(i => i.Id == c.IdeaId)).Select(c => c.AuthorId))
            .Union(db.Votes.Where(x => x.CastAt >= start && x.CastAt < end && hubIdeas.Any(i => i.Id == x.IdeaId)).Select(x => x.UserId))
            .ToListAsync(ct);
        var members = await db.HubMemberships.Where(m => m.HubId == hub).Select(m => m.UserId).ToListAsync(ct);
        var staff = people.Count(members.ToHashSet().Contains);
        var input = new InputIndicators(submitted, initiatives.Count(i => period.Contains(i.CreatedAt)), people.Count, staff, members.Count,
            StageHistory.Percent(staff, members.Count));

        // Throughput, from the replayed history of every initiative of the hub.
        var ids = db.Initiatives.Where(i => i.HubId == hub).Select(i => i.Id);
        var decisions = await db.GateDecisions.AsNoTracking().Where(g => ids.Contains(g.InitiativeId))
            .Select(g => new DecisionRow(g.Id, g.InitiativeId, g.FromStageId, g.ToStageId, g.Outcome, g.DecidedAt, g.Lessons)).ToListAsync(ct);
        var byInitiative = decisions.ToLookup(d => d.InitiativeId);
        var histories = initiatives.Select(i => StageHistory.Replay(i.Id, i.CreatedAt, i.StageId, byInitiative[i.Id])).ToList();
        var visits = histories.SelectMany(h => h.Visits).ToList();
        var conversion = stages.Zip(stages.Skip(1), (from, to) =>
        {
            // Each initiative once, from its first entry into the stage in the period.
            var entered = visits.Where(x => x.StageId == from.Id && period.Contains(x.EnteredAt))
                .GroupBy(x => x.InitiativeId).Select(g => (Id: g.Key, At: g.Min(x => x.EnteredAt))).ToList();
            var wentOn = entered.Count(e => byInitiative[e.Id].Any(d => d.FromStageId == from.Id && d.ToStageId == to.Id && d.DecidedAt >= e.At));
            return new StageConversion(from, to, entered.Count, wentOn, StageHistory.Percent(wentOn, entered.Count));
        }).ToList();
        var waits = histories.SelectMany(h => h.Waits).Where(w => period.Contains(w.Decision.DecidedAt))
            .Select(w => (w.Decision.DecidedAt - w.StageEnteredAt).TotalDays).ToList();
        var experiments = await db.InitiativeDocuments.CountAsync(d => ids.Contains(d.InitiativeId)
            && (d.Kind == ArtefactKind.ValidationReport || d.Kind == ArtefactKind.PilotReport)
            && d.UploadedAt >= start && d.UploadedAt < end, ct);
        var throughput = new ThroughputIndicators(conversion, waits.Count, StageHistory.Median(waits), experiments);

        // Output.
        var last = stages[^1].Id;
        var inPeriod = decisions.Where(d => period.Contains(d.DecidedAt)).ToList();
        var deployed = inPeriod.Where(d => d.ToStageId == last && d.FromStageId != last && d.Outcome != GateOutcome.Used)
            .Select(d => d.InitiativeId).Distinct().Count();
        var used = inPeriod.Where(d => d.Outcome == GateOutcome.Used).Select(d => d.InitiativeId).Distinct().Count();
        var stopped = inPeriod.Count(d => d.Outcome == GateOutcome.Stop && !string.IsNullOrWhiteSpace(d.Lessons));
        var benefits = await db.Benefits.AsNoTracking().Where(b => ids.Contains(b.InitiativeId)).Select(b => new { b.Id, b.Baseline, b.Target }).ToListAsync(ct);
        var benefitIds = db.Benefits.Where(b => ids.Contains(b.InitiativeId)).Select(b => b.Id);
        var lastDay = period.To;
        var latest = (await db.BenefitMeasurements.AsNoTracking().Where(m => benefitIds.Contains(m.BenefitId) && m.MeasuredOn <= lastDay)
                .Select(m => new { m.Id, m.BenefitId, m.MeasuredOn, m.Value }).ToListAsync(ct))
            .GroupBy(m => m.BenefitId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).Last().Value);
        var measured = benefits.Where(b => latest.ContainsKey(b.Id)).ToList();
        var reached = measured.Count(b => Reached(b.Baseline, b.Target, latest[b.Id]));
        var output = new OutputIndicators(deployed, used, measured.Count, reached, StageHistory.Percent(reached, measured.Count), stopped);
        return new IndicatorSet(period.From, period.To, input, throughput, output);
    }

    /// <summary>Whether a measured value reached the target: at or above it when the target is above the baseline, at or below it when below.</summary>
    public static bool Reached(decimal baseline, decimal target, decimal value) => target >= baseline ? value >= target : value <= target;
}
