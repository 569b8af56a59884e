using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

/// <summary>
/// What the requests hold about a person: the requests they made (answers, documents, their answers to questions), the
/// reviews they wrote and the questions they asked. Never the hub's internal notes, nor other people's names.
/// On erasure, requests the law requires keeping (decided health-data applications, and any with a data permit) stay
/// with the applicant's name and organisation copied into them, stated on the request page; every other request of
/// theirs goes with its documents, reviews, messages and timeline. Signed-off reviews they wrote on others' requests
/// stay as the record; unsigned ones are withdrawn (<see cref="RequestRightsEnded"/>).
/// </summary>
public sealed class RequestsPersonalData(AgoraDbContext db, RequestRightsEnded rightsEnded) : IPersonalData
{
    public string Section => "requests";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // ApplicantId: their requests (exported; deleted, or kept with their identity under legal retention).
        // DecidedById: kept as an anonymised reference.
        typeof(HubRequest),
        // ActorId: the timeline of their own deleted requests goes with them; on others' requests kept as an anonymised reference.
        typeof(RequestEvent),
        // UploadedById: their documents (exported with the bytes; deleted with their requests unless retained).
        typeof(RequestFile),
        // ReviewerId: reviews they wrote (exported; signed ones kept as the record, unsigned ones withdrawn).
        // AssignedById: kept as an anonymised reference.
        typeof(RequestReview),
        // AuthorId: their answers (exported) and questions (exported); on others' requests kept, or blanked when they delete their contributions.
        typeof(RequestMessage),
        // IssuedById: kept as an anonymised reference.
        typeof(DataPermit),
    ];

    /// <summary>Requests the law requires keeping: decided health-data applications and those with a data permit.</summary>
    private IQueryable<HubRequest> UnderRetention(IQueryable<HubRequest> requests) =>
        requests.Where(r => db.DataPermits.Any(p => p.RequestId == r.Id)
            || (db.RequestTypes.Any(t => t.Id == r.TypeId && t.Kind == RequestKind.HealthDataAccess)
                && (r.State == RequestState.Approved || r.State == RequestState.ApprovedWithConditions || r.State == RequestState.Rejected)));

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var id = userId;
        // Their requests as they see them: answers, documents' names, their answers to questions; never the hub's internal notes.
        var requests = (await db.Requests.AsNoTracking().Where(r => r.ApplicantId == id).OrderBy(r => r.Id)
                .Select(r => new
                {
                    r.Id, r.HubId, Type = db.RequestTypes.Where(t => t.Id == r.TypeId).Select(t => t.Key).Single(), r.Title, r.State, r.Language, r.AnswersJson,
                    r.CreatedAt, r.SubmittedAt, r.DecidedAt, r.DecisionText, r.Conditions,
                    Documents = db.RequestFiles.Where(f => f.RequestId == r.Id).OrderBy(f => f.UploadedAt)
                        .Select(f => new { f.Id, f.FieldKey, f.FileName, f.Size, f.UploadedAt }).ToList(),
                    Answers = db.RequestMessages.Where(m => m.RequestId == r.Id && m.AuthorId == id && m.Kind == MessageKind.Answer).OrderBy(m => m.Id)
                        .Select(m => new { m.Body, m.CreatedAt }).ToList(),
                    Permits = db.DataPermits.Where(p => p.RequestId == r.Id).OrderBy(p => p.Version)
                        .Select(p => new { p.Number, p.Version, p.ValidFrom, p.ValidTo, p.GrantedData, p.Environment, p.Conditions, p.State, p.Reason, p.IssuedAt }).ToList(),
                }).ToListAsync(ct))
            .Select(r => new
            {
                r.Id, r.HubId, r.Type, r.Title, State = r.State.ToString(), r.Language, Answers = JsonNode.Parse(r.AnswersJson),
                r.CreatedAt, r.SubmittedAt, r.DecidedAt, r.DecisionText, r.Conditions,
                Documents = r.Documents.Select(f => new { f.FieldKey, f.FileName, File = ArchivePath(f.Id, f.FileName), f.Size, f.UploadedAt }).ToList(),
                MyAnswers = r.Answers, r.Permits,
            }).ToList();
        // The reviews they wrote, as they wrote them (the request by its id only: the applicant is someone else).
        var reviews = (await db.RequestReviews.AsNoTracking().Where(x => x.ReviewerId == id).OrderBy(x => x.AssignedAt)
                .Select(x => new { x.RequestId, x.Role, x.AssignedAt, x.ChecklistJson, x.Recommendation, x.Opinion, x.SignedOffAt }).ToListAsync(ct))
            .Select(x => new
            {
                x.RequestId, Role = x.Role.ToString(), x.AssignedAt, Checklist = JsonNode.Parse(x.ChecklistJson),
                Recommendation = x.Recommendation?.ToString(), x.Opinion, x.SignedOffAt,
            }).ToList();
        // Questions they asked applicants (the applicant reads them too); internal notes stay the hub's.
        var questions = await db.RequestMessages.AsNoTracking()
            .Where(m => m.AuthorId == id && m.Kind == MessageKind.Question && !db.Requests.Any(r => r.Id == m.RequestId && r.ApplicantId == id))
            .OrderBy(m => m.Id).Select(m => new { m.RequestId, m.Body, m.CreatedAt }).ToListAsync(ct);
        return new { requests, reviews, questions };
    }

    public async IAsyncEnumerable<PersonalFile> FilesAsync(Guid userId, [EnumeratorCancellation] CancellationToken ct)
    {
        var files = await db.RequestFiles.AsNoTracking()
            .Where(f => db.Requests.Any(r => r.Id == f.RequestId && r.ApplicantId == userId))
            .OrderBy(f => f.UploadedAt).Select(f => new { f.Id, f.FileName }).ToListAsync(ct);
        foreach (var file in files)
        {
            var fileId = file.Id;
            yield return new PersonalFile(ArchivePath(fileId, file.FileName), async token =>
                new MemoryStream(await db.RequestFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).SingleAsync(token), writable: false));
        }
    }

    private string ArchivePath(Guid fileId, string fileName) => $"{Section}/{fileId:N}-{SafeName(fileName)}";

    private static string SafeName(string name)
    {
        var safe = new string(name.Select(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray()).Trim('.', ' ');
        return safe.Length == 0 ? "file" : safe;
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        var mine = db.Requests.Where(r => r.ApplicantId == person);

        // Under legal retention: the applicant's identity is copied in while the account still has it (a second run,
        // after the account became a tombstone, keeps what the first copied).
        var who = await db.Users.Where(u => u.Id == person)
            .Select(u => new { u.DisplayName, Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (who is not null && who.DisplayName.Length > 0)
        {
            await UnderRetention(mine).Where(r => r.RetainedApplicantName == null).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.RetainedApplicantName, who.DisplayName)
                .SetProperty(r => r.RetainedApplicantOrganisation, who.Organisation), ct);
        }

        // Every other request of theirs goes, children first.
        var retained = await UnderRetention(mine).Select(r => r.Id).ToListAsync(ct);
        var gone = await mine.Where(r => r.RetainedApplicantName == null && !retained.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        if (gone.Count > 0)
        {
            await db.RequestMessages.Where(m => gone.Contains(m.RequestId)).ExecuteDeleteAsync(ct);
            await db.RequestReviews.Where(x => gone.Contains(x.RequestId)).ExecuteDeleteAsync(ct);
            await db.RequestFiles.Where(f => gone.Contains(f.RequestId)).ExecuteDeleteAsync(ct);
            await db.RequestEvents.Where(x => gone.Contains(x.RequestId)).ExecuteDeleteAsync(ct);
            await db.DataPermits.Where(p => gone.Contains(p.RequestId)).ExecuteDeleteAsync(ct);
            await db.Requests.Where(r => gone.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }

        // Reviews they were assigned and never signed: withdrawn as when their rights in the hub end (audited), and
        // those left on requests no longer open go too. Signed-off reviews stay: they are part of the decision's record.
        var hubs = await db.RequestReviews.Where(x => x.ReviewerId == person && x.SignedOffAt == null)
            .Join(db.Requests, x => x.RequestId, r => r.Id, (x, r) => r.HubId).Distinct().ToListAsync(ct);
        foreach (var hub in hubs) await rightsEnded.HandleAsync(new HubRightsEnded(hub, person, HubRoles.None, HubRightsEndReason.Erased), ct);
        // Saved here so the rest (and later sources that end the same rights) see it done; the erasure's transaction still holds it all.
        await db.SaveChangesAsync(ct);
        await db.RequestReviews.Where(x => x.ReviewerId == person && x.SignedOffAt == null).ExecuteDeleteAsync(ct);

        // What they wrote on others' requests stays as by a former member, unless they delete their contributions.
        // Retained requests keep their record whole, the applicant's own answers included.
        if (e.DeleteContributions)
            await db.RequestMessages.Where(m => m.AuthorId == person && m.Body != "" && !mine.Any(r => r.Id == m.RequestId))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, ""), ct);
    }
}
