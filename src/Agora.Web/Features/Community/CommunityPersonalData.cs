using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>
/// What the calls hold about a person: their applications (motivation, answers, status), the reviews they wrote with
/// their scores and declared conflicts, the invitations addressed to them, the calls they review and those they
/// prepared. Never other reviewers' scores of their application. On erasure their applications go with their answers
/// and the reviews of them; invitations to them and their reviewer assignments go; reviews they wrote stay as the
/// record of others' selection, by "a former member" (their comments and reasons blanked when they delete their
/// contributions); calls they prepared stay the hub's.
/// </summary>
public sealed class CommunityPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "community-calls";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // CreatedById: kept as an anonymised reference (the call is the hub's).
        typeof(CommunityCall),
        // UserId: their assignments as reviewer (exported; deleted).
        typeof(CallReviewer),
        // Email, AcceptedById: invitations to them (exported; deleted). InvitedById: kept as an anonymised reference.
        typeof(CallInvitation),
        // ApplicantId: their applications with answers (exported; deleted with the reviews of them).
        typeof(CallApplication),
        // ReviewerId: reviews they wrote (exported; kept as the record, texts blanked when they delete their contributions).
        typeof(CallReview),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var id = userId;
        var email = await db.Users.Where(u => u.Id == id).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
        var applications = await db.CallApplications.AsNoTracking().Where(a => a.ApplicantId == id).OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.CallId, Call = db.CommunityCalls.Where(c => c.Id == a.CallId).Select(c => c.Title).Single(), a.Motivation, a.Status,
                a.ReservePosition, a.SubmittedAt, a.DecidedAt, a.RoleGranted, a.MovedUp,
                Answers = (from x in db.CallAnswers join q in db.CallQuestions on x.QuestionId equals q.Id
                           where x.ApplicationId == a.Id orderby q.Position select new { Question = q.Text, Answer = x.Text }).ToList(),
            }).ToListAsync(ct);
        var reviews = await db.CallReviews.AsNoTracking().Where(r => r.ReviewerId == id).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.ApplicationId, r.Conflict, r.ConflictReason, r.Comment, r.SubmittedAt,
                Scores = (from s in db.CallScores join c in db.CallCriteria on s.CriterionId equals c.Id
                          where s.ReviewId == r.Id orderby c.Position select new { Criterion = c.Name, s.Score, s.Weight }).ToList(),
            }).ToListAsync(ct);
        var reviewing = await db.CallReviewers.AsNoTracking().Where(r => r.UserId == id).Select(r => new { r.CallId, r.AssignedAt }).ToListAsync(ct);
        var invitations = await db.CallInvitations.AsNoTracking().Where(i => i.AcceptedById == id || (email != null && i.Email.ToUpper() == email))
            .Select(i => new { i.CallId, i.Email, i.CreatedAt, i.ExpiresAt, i.AcceptedAt }).ToListAsync(ct);
        var prepared = await db.CommunityCalls.AsNoTracking().Where(c => c.CreatedById == id).Select(c => new { c.Id, c.HubId, c.Title, c.CreatedAt }).ToListAsync(ct);
        if (applications.Count + reviews.Count + reviewing.Count + invitations.Count + prepared.Count == 0) return null;
        return new { applications, reviews, reviewing, invitations, prepared };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        var mine = db.CallApplications.Where(a => a.ApplicantId == person).Select(a => a.Id);
        await db.CallScores.Where(s => db.CallReviews.Any(r => r.Id == s.ReviewId && mine.Contains(r.ApplicationId))).ExecuteDeleteAsync(ct);
        await db.CallReviews.Where(r => mine.Contains(r.ApplicationId)).ExecuteDeleteAsync(ct);
        await db.CallAnswers.Where(a => mine.Contains(a.ApplicationId)).ExecuteDeleteAsync(ct);
        await db.CallApplications.Where(a => a.ApplicantId == person).ExecuteDeleteAsync(ct);
        await db.CallReviewers.Where(r => r.UserId == person).ExecuteDeleteAsync(ct);
        var email = e.Email?.ToUpperInvariant();
        await db.CallInvitations.Where(i => i.AcceptedById == person || (email != null && i.Email.ToUpper() == email)).ExecuteDeleteAsync(ct);
        if (e.DeleteContributions)
            await db.CallReviews.Where(r => r.ReviewerId == person)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, "").SetProperty(r => r.ConflictReason, ""), ct);
    }
}
