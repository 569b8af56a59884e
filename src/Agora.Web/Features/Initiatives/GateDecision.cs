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

/// <summary>What a gate decides about an initiative leaving its stage.</summary>
public enum GateOutcome
{
    /// <summary>On to the next stage (from on hold: back to work in the same stage).</summary>
    Go,
    /// <summary>Back to an earlier stage, with the reasons.</summary>
    Pivot,
    /// <summary>Paused in its stage.</summary>
    Hold,
    /// <summary>Ended, with the reason and what was learned.</summary>
    Stop,
    /// <summary>Deployed and in use, with a realised benefit measured (recorded by marking it used, not at a gate).</summary>
    Used,
}

/// <summary>A gatekeeper's decision at a gate, with the written rationale; the initiative's history of gates.</summary>
public sealed class GateDecision
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Guid FromStageId { get; set; }
    public Guid ToStageId { get; set; }
    public GateOutcome Outcome { get; set; }
    public string Rationale { get; set; } = "";
    /// <summary>For a stop: what was learned, kept searchable so later teams learn from it.</summary>
    public string? Lessons { get; set; }
    public Guid DecidedById { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

public sealed class GateDecisionConfiguration : IEntityTypeConfiguration<GateDecision>
{
    public void Configure(EntityTypeBuilder<GateDecision> b)
    {
        b.ToTable("GateDecisions");
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.Rationale).HasMaxLength(GateRules.Rationale).IsRequired();
        b.Property(d => d.Lessons).HasMaxLength(GateRules.Rationale);
        b.HasIndex(d => new { d.InitiativeId, d.Id });
        b.HasOne<Initiative>().WithMany().HasForeignKey(d => d.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InnovationStage>().WithMany().HasForeignKey(d => d.FromStageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InnovationStage>().WithMany().HasForeignKey(d => d.ToStageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgoraUser>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A gate decision as asked: the outcome, the rationale, the stage to go back to (pivot only), and the version seen.</summary>
public sealed record GateInput(GateOutcome? Outcome, string? Rationale, Guid? PivotTo, int? Version, string? Lessons = null);

public static class GateRules
{
    public const int Rationale = 4000;

    /// <summary>Ended initiatives (used or stopped) have no more gates.</summary>
    public static bool IsOpen(InitiativeStatus status) => status is InitiativeStatus.Active or InitiativeStatus.OnHold;
}

/// <summary>
/// A gatekeeper (or hub manager) decides at the gate of an initiative's stage: go to the next stage, pivot back to an
/// earlier one, hold, or stop. Every decision has a rationale, is kept in the initiative's history and the audit
/// trail, and is told to the team and to the authors and followers of its ideas.
/// </summary>
public sealed class DecideGate(AgoraDbContext db, InitiativeAccess access, InnovationProcess process,
    Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<GateOutcome>> DecideAsync(string hubSlug, int id, GateInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<GateOutcome>.NotFound();
        if (!scope.CanDecideGates) return scope.Refuse<GateOutcome>();
        var initiative = scope.Initiative;
        var hub = initiative.HubId;
        var me = scope.UserId;
        if (!GateRules.IsOpen(initiative.Status))
            return Result<GateOutcome>.Conflict("outcome", v.Message("Initiatives.Gate.Ended", v.Message("InitiativeStatus." + initiative.Status)));

        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome) || outcome == GateOutcome.Used)
            v.Add("outcome", input.Outcome is null ? "Validation.Required" : "Validation.Invalid");
        var rationale = v.Text("rationale", input.Rationale, GateRules.Rationale, multiline: true);
        // Stopping says what was learned, for the teams that come later; other outcomes have no lessons.
        var lessons = input.Outcome == GateOutcome.Stop ? v.Text("lessons", input.Lessons, GateRules.Rationale, multiline: true) : null;
        if (!v.IsValid) return Result<GateOutcome>.Invalid(v.Errors);

        var stages = await process.StagesAsync(hub, ct);
        var at = stages.FindIndex(s => s.Id == initiative.StageId);
        var to = stages[at];
        var status = initiative.Status;
        switch (input.Outcome!.Value)
        {
            case GateOutcome.Go when initiative.Status == InitiativeStatus.OnHold:
                status = InitiativeStatus.Active;
                break;
            case GateOutcome.Go when at == stages.Count - 1:
                return Result<GateOutcome>.Invalid("outcome", v.Message("Initiatives.Gate.LastStage"));
            case GateOutcome.Go:
                // The stage's artefacts come first: no gate lets an initiative on without them.
                var required = stages[at].Required;
                if (required.Count > 0)
                {
                    var have = await db.InitiativeDocuments.Where(d => d.InitiativeId == id).Select(d => d.Kind).Distinct().ToListAsync(ct);
                    var missing = required.Except(have).ToList();
                    if (missing.Count > 0)
                        return Result<GateOutcome>.Invalid("outcome", v.Message("Initiatives.Gate.MissingArtefacts",
                            string.Join(", ", missing.Select(k => v.Message("ArtefactKind." + k)))));
                }
                to = stages[at + 1];
                break;
            case GateOutcome.Pivot:
                var back = stages.FindIndex(s => s.Id == input.PivotTo);
                if (back < 0 || back >= at) return Result<GateOutcome>.Invalid("pivotTo", v.Message("Initiatives.Gate.PivotEarlier"));
                to = stages[back];
                status = InitiativeStatus.Active;
                break;
            case GateOutcome.Hold:
                if (initiative.Status == InitiativeStatus.OnHold) return Result<GateOutcome>.Invalid("outcome", v.Message("Initiatives.Gate.AlreadyOnHold"));
                status = InitiativeStatus.OnHold;
                break;
            case GateOutcome.Stop:
                status = InitiativeStatus.Stopped;
                break;
        }

        var now = clock.GetUtcNow();
        var decided = input.Outcome.Value;
        var changed = await db.InTransactionAsync(async token =>
        {
            // Only from the state the gatekeeper saw (its version when given): two decisions at once cannot both pass.
            var seen = input.Version ?? initiative.Version;
            var rows = await db.Initiatives.Where(i => i.Id == id && i.Version == seen && i.StageId == initiative.StageId && i.Status == initiative.Status)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.StageId, to.Id).SetProperty(i => i.Status, status).SetProperty(i => i.UpdatedAt, now)
                    .SetProperty(i => i.StageEnteredAt, i => i.StageId == to.Id ? i.StageEnteredAt : now)
                    .SetProperty(i => i.Version, i => i.Version + 1), token);
            if (rows == 0) return false;
            db.GateDecisions.Add(new GateDecision
            {
                InitiativeId = id, FromStageId = initiative.StageId, ToStageId = to.Id, Outcome = decided, Rationale = rationale,
                Lessons = lessons, DecidedById = me, DecidedAt = now,
            });
            audit.Add(AuditActions.InitiativeGateDecided, hub, CreateInitiative.Subject(id, initiative.Title),
                $"{decided}: {stages[at].NameEn} → {to.NameEn}");
            await TellAsync(db, notifier, initiative, me, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<GateOutcome>.Ok(decided) : Result<GateOutcome>.Conflict("outcome", v.Message("Initiatives.Gate.ChangedMeanwhile"));
    }

    /// <summary>
    /// Tells the team, and the authors, co-authors and followers of its ideas, that a gate decided on the initiative; the
    /// notification carries its title, so only people who may know the initiative are told (<see cref="InitiativeAccess.Scope.Knows"/>):
    /// team members who are still members of the hub, the credited authors, and followers only when it has a public summary
    /// or they read every initiative of the hub (managers, gatekeepers, evaluators, platform admins).
    /// </summary>
    internal static async Task TellAsync(AgoraDbContext db, Notifier notifier, Initiative initiative, Guid actor, CancellationToken ct)
    {
        var hub = initiative.HubId;
        var ideaIds = await db.InitiativeIdeas.Where(x => x.InitiativeId == initiative.Id).Select(x => x.IdeaId).ToListAsync(ct);
        var told = await db.InitiativeMembers.Where(m => m.InitiativeId == initiative.Id && db.HubMemberships.Any(h => h.HubId == hub && h.UserId == m.UserId))
            .Select(m => m.UserId)
            .Concat(db.Ideas.Where(i => ideaIds.Contains(i.Id)).Select(i => i.AuthorId))
            .Concat(db.IdeaCoAuthors.Where(c => ideaIds.Contains(c.IdeaId) && c.Status == CoAuthorStatus.Accepted).Select(c => c.UserId))
            .Distinct().ToListAsync(ct);
        const HubRoles readsAll = HubRoles.HubManager | HubRoles.Gatekeeper | HubRoles.Evaluator;
        var followers = db.IdeaFollowers.Where(f => ideaIds.Contains(f.IdeaId)).Select(f => f.UserId);
        if (initiative.Visibility != InitiativeVisibility.PublicSummary)
            followers = followers.Where(u => db.HubMemberships.Any(h => h.HubId == hub && h.UserId == u && (h.Roles & readsAll) != 0)
                || db.Users.Any(p => p.Id == u && p.IsPlatformAdmin));
        told = told.Union(await followers.Distinct().ToListAsync(ct)).ToList();
        await notifier.AddAsync(new NotificationEvent(NotificationKind.InitiativeGateDecided, initiative.HubId, ideaIds.Count > 0 ? ideaIds.Min() : null,
            ActorId: actor, Detail: initiative.Title), told, ct);
    }
}
