using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>
/// What the initiatives hold about a person: their team seats, the initiatives they own or made, the evaluations they
/// gave, the gate decisions they took, the documents they uploaded and the benefits they measured.
/// On erasure their team seats end and what they owned passes to a hub manager (<see cref="InitiativeRightsEnded"/>);
/// their evaluations stay as an anonymised record because they count in results (the conflict note, which is about
/// them, is blanked, and the comment too when they delete their contributions); the rest stays as references to the
/// former member. Initiatives are never deleted, so the restricting owner key never stands in the way.
/// </summary>
public sealed class InitiativesPersonalData(AgoraDbContext db, InitiativeRightsEnded rightsEnded) : IPersonalData
{
    public string Section => "initiatives";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // OwnerId: passed to a hub manager on erasure (or kept as a reference when the hub has none). CreatedById: kept as an anonymised reference.
        typeof(Initiative),
        // UserId: their team seats (exported; deleted).
        typeof(InitiativeMember),
        // DecidedById: gate decisions they took (exported; kept as an anonymised reference).
        typeof(GateDecision),
        // UploadedById: documents they uploaded (names exported; kept as an anonymised reference, the bytes are the Files area's).
        typeof(InitiativeDocument),
        // RecordedById: benefit measurements they recorded (exported; kept as an anonymised reference).
        typeof(BenefitMeasurement),
        // EvaluatorId: evaluations they gave (exported; kept as an anonymised record, they count in results).
        typeof(Evaluation),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var id = userId;
        var team = await (from m in db.InitiativeMembers.AsNoTracking()
                          join i in db.Initiatives on m.InitiativeId equals i.Id
                          where m.UserId == id
                          orderby m.AddedAt
                          select new { InitiativeId = i.Id, i.HubId, i.Title, Role = m.Role.ToString(), m.AddedAt }).ToListAsync(ct);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.OwnerId == id || i.CreatedById == id).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.HubId, i.Title, Owner = i.OwnerId == id, Creator = i.CreatedById == id, i.CreatedAt }).ToListAsync(ct);
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.EvaluatorId == id).OrderBy(e => e.SubmittedAt)
            .Select(e => new
            {
                e.InitiativeId, Stage = db.InnovationStages.Where(s => s.Id == e.StageId).Select(s => s.NameEn).FirstOrDefault(),
                e.Conflict, e.ConflictNote, e.Comment, e.SubmittedAt,
                Scores = db.EvaluationScores.Where(s => s.EvaluationId == e.Id)
                    .Select(s => new { Criterion = db.EvaluationCriteria.Where(c => c.Id == s.CriterionId).Select(c => c.NameEn).FirstOrDefault(), s.Score, s.Weight })
                    .ToList(),
            }).ToListAsync(ct);
        var gateDecisions = await db.GateDecisions.AsNoTracking().Where(d => d.DecidedById == id).OrderBy(d => d.DecidedAt)
            .Select(d => new { d.InitiativeId, Outcome = d.Outcome.ToString(), d.Rationale, d.Lessons, d.DecidedAt }).ToListAsync(ct);
        var documents = await (from d in db.InitiativeDocuments.AsNoTracking()
                               join f in db.Files on d.FileId equals f.Id
                               where d.UploadedById == id
                               orderby d.UploadedAt
                               select new { d.InitiativeId, Kind = d.Kind.ToString(), f.FileName, f.Size, d.UploadedAt }).ToListAsync(ct);
        var measurements = await (from m in db.BenefitMeasurements.AsNoTracking()
                                  join b in db.Benefits on m.BenefitId equals b.Id
                                  where m.RecordedById == id
                                  orderby m.RecordedAt
                                  select new { b.InitiativeId, b.Indicator, m.MeasuredOn, m.Value, m.Note, m.RecordedAt }).ToListAsync(ct);
        return new { team, initiatives, evaluations, gateDecisions, documents, measurements };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        // Team seats end and ownership passes on, hub by hub, as when their membership ends (audited there).
        var hubs = await db.Initiatives
            .Where(i => i.OwnerId == person || db.InitiativeMembers.Any(m => m.InitiativeId == i.Id && m.UserId == person))
            .Select(i => i.HubId).Distinct().ToListAsync(ct);
        foreach (var hub in hubs) await rightsEnded.HandleAsync(new HubRightsEnded(hub, person, HubRoles.None, HubRightsEndReason.Erased), ct);
        // Saved here so later sources that end the same rights find them ended; the erasure's transaction still holds it all.
        await db.SaveChangesAsync(ct);
        // Any seat left (none should be) goes too.
        await db.InitiativeMembers.Where(m => m.UserId == person).ExecuteDeleteAsync(ct);

        // Their evaluations keep counting; what they wrote about their own ties goes, and their comments when they delete their contributions.
        await db.Evaluations.Where(x => x.EvaluatorId == person && x.ConflictNote != "").ExecuteUpdateAsync(s => s.SetProperty(x => x.ConflictNote, ""), ct);
        if (e.DeleteContributions)
            await db.Evaluations.Where(x => x.EvaluatorId == person && x.Comment != "").ExecuteUpdateAsync(s => s.SetProperty(x => x.Comment, ""), ct);
    }
}
