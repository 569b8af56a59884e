using System.Globalization;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>A review as a reviewer submits it: scores 1–5 by criterion id with a comment, or a declared conflict of interest with its reason.</summary>
public sealed record ReviewInput(bool Conflict, string? ConflictReason, string? Comment, IReadOnlyDictionary<int, int>? Scores);

public sealed record CriterionRow(int Id, int Position, string Name, int Weight);

public sealed record AnswerRow(int QuestionId, string Question, string Answer);

public sealed record ScoreRow(int CriterionId, int Score);

public sealed record ReviewerResult(string Reviewer, bool Conflict, string? ConflictReason, decimal? Weighted, IReadOnlyList<ScoreRow> Scores, string Comment,
    DateTimeOffset SubmittedAt);

/// <summary>The reviews of one application: the weighted average of the counted ones and each reviewer's review.</summary>
public sealed record ReviewResult(decimal? Weighted, int Counted, int Excluded, IReadOnlyList<ReviewerResult> Reviews);

/// <summary>
/// One application as its reviewers and the hub's managers see it. <see cref="Result"/> is null until the reader may
/// see the scores: a reviewer once they submitted their own (a declared conflict never unblinds), a manager who is
/// not one of the call's reviewers at once.
/// </summary>
public sealed record ApplicationView(int Id, int CallId, string CallTitle, string Applicant, ApplicationStatus Status, int? ReservePosition,
    string Motivation, IReadOnlyList<AnswerRow> Answers, IReadOnlyList<CriterionRow> Criteria, bool CanReview, string? CannotReviewReason,
    bool Reviewed, bool DeclaredConflict, ReviewResult? Result);

/// <summary>
/// Reviewing applications, after the initiative scorecards: each reviewer scores independently and blind; a declared
/// conflict of interest (with a reason) excludes the reviewer from scoring the application and from seeing its scores;
/// nobody reviews their own application.
/// </summary>
public sealed class CallReviewing(AgoraDbContext db, CallAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<CriterionRow>> CriteriaAsync(int callId, CancellationToken ct) =>
        await db.CallCriteria.Where(c => c.CallId == callId).OrderBy(c => c.Position).Select(c => new CriterionRow(c.Id, c.Position, c.Name, c.Weight)).ToListAsync(ct);

    private static string? CannotReview(CallAccess.Standing scope, CallApplication application, bool submitted) =>
        !scope.IsReviewer ? "Calls.Review.NotReviewer"
        : application.ApplicantId == scope.UserId ? "Calls.Review.Own"
        : submitted ? "Calls.Review.Already"
        : scope.Call.State is CallState.Decided or CallState.Draft || application.Status == ApplicationStatus.Withdrawn ? "Calls.Review.Ended"
        : null;

    /// <summary>An application for its call's reviewers (not the applicant among them) and hub managers; null for anyone else.</summary>
    public async Task<ApplicationView?> GetAsync(string hubSlug, int id, int applicationId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !(scope.IsManager || scope.IsReviewer)) return null;
        var application = await db.CallApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, ct);
        if (application is null || application.Status == ApplicationStatus.Withdrawn) return null;
        var me = scope.UserId!.Value;
        // Separation of duties: one's own application is one's own, never a reviewer's or decider's to read.
        if (application.ApplicantId == me) return null;
        var name = await db.Users.Where(u => u.Id == application.ApplicantId).Select(u => u.DisplayName).SingleAsync(ct);
        var answers = await (from a in db.CallAnswers join q in db.CallQuestions on a.QuestionId equals q.Id
                             where a.ApplicationId == applicationId orderby q.Position
                             select new AnswerRow(q.Id, q.Text, a.Text)).ToListAsync(ct);
        var criteria = await CriteriaAsync(id, ct);
        var mine = await db.CallReviews.AsNoTracking().Where(r => r.ApplicationId == applicationId && r.ReviewerId == me)
            .Select(r => (bool?)r.Conflict).FirstOrDefaultAsync(ct);
        var reason = CannotReview(scope, application, mine is not null);
        var sees = (scope.IsReviewer && mine == false) || (scope.IsManager && !scope.IsReviewer);
        return new ApplicationView(application.Id, id, scope.Call.Title, name, application.Status, application.ReservePosition, application.Motivation, answers,
            criteria, reason is null, reason, mine is not null, mine == true, sees ? await ResultAsync(application, criteria, ct) : null);
    }

    private async Task<ReviewResult> ResultAsync(CallApplication application, IReadOnlyList<CriterionRow> criteria, CancellationToken ct)
    {
        var rows = await (from r in db.CallReviews.AsNoTracking()
                          join u in db.Users on r.ReviewerId equals u.Id
                          where r.ApplicationId == application.Id
                          orderby r.SubmittedAt, r.Id
                          select new { r.Id, r.ReviewerId, r.Conflict, r.ConflictReason, r.Comment, r.SubmittedAt, u.DisplayName }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var scores = await db.CallScores.AsNoTracking().Where(s => ids.Contains(s.ReviewId)).ToListAsync(ct);
        var position = criteria.ToDictionary(c => c.Id, c => c.Position);
        var reviews = rows.Select(r =>
        {
            var mine = scores.Where(s => s.ReviewId == r.Id).ToList();
            return new ReviewerResult(r.DisplayName, r.Conflict, r.Conflict ? r.ConflictReason : null,
                r.Conflict ? null : CallDecisions.Weighted(mine.Select(s => (s.Score, s.Weight))),
                mine.OrderBy(s => position.GetValueOrDefault(s.CriterionId)).Select(s => new ScoreRow(s.CriterionId, s.Score)).ToList(), r.Comment, r.SubmittedAt);
        }).ToList();
        var counted = reviews.Where(r => !r.Conflict).Select(r => r.Weighted!.Value).ToList();
        return new ReviewResult(counted.Count == 0 ? null : Math.Round(counted.Average(), 2), counted.Count, reviews.Count - counted.Count, reviews);
    }

    public async Task<Result<int>> ReviewAsync(string hubSlug, int id, int applicationId, ReviewInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsReviewer) return scope.Refuse<int>();
        var application = await db.CallApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, ct);
        if (application is null || application.Status == ApplicationStatus.Withdrawn) return Result<int>.NotFound();
        var me = scope.UserId!.Value;
        if (application.ApplicantId == me) return Result<int>.Forbidden();
        var already = await db.CallReviews.AnyAsync(r => r.ApplicationId == applicationId && r.ReviewerId == me, ct);
        if (CannotReview(scope, application, already) is { } why) return Result<int>.Conflict("", v.Message(why));
        var criteria = await CriteriaAsync(id, ct);
        var comment = v.Text("comment", input.Comment, CallLimits.Comment, required: false, multiline: true);
        var reason = v.Text("conflictReason", input.ConflictReason, CallLimits.Comment, required: input.Conflict, multiline: true);
        var scores = input.Scores ?? new Dictionary<int, int>();
        if (!input.Conflict)
        {
            foreach (var c in criteria)
            {
                if (!scores.TryGetValue(c.Id, out var score)) v.Add("scores." + c.Id, "Validation.Required");
                else if (score is < CallLimits.MinScore or > CallLimits.MaxScore) v.Add("scores." + c.Id, "Validation.Range", CallLimits.MinScore, CallLimits.MaxScore);
            }
            foreach (var unknown in scores.Keys.Where(k => criteria.All(c => c.Id != k))) v.Add("scores." + unknown, "Validation.Invalid");
        }
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var weighted = input.Conflict ? (decimal?)null : Weighted(criteria, scores);
        var now = clock.GetUtcNow();
        try
        {
            var reviewId = await db.InTransactionAsync(async token =>
            {
                var review = new CallReview
                {
                    ApplicationId = applicationId, ReviewerId = me, Conflict = input.Conflict, ConflictReason = input.Conflict ? reason : "",
                    Comment = comment, SubmittedAt = now,
                };
                db.CallReviews.Add(review);
                audit.Add(AuditActions.CallReviewed, scope.Call.HubId, CallSetup.Subject(scope.Call),
                    $"application {applicationId.ToString(CultureInfo.InvariantCulture)}: "
                    + (input.Conflict ? "conflict of interest declared" : $"weighted {weighted!.Value.ToString("0.00", CultureInfo.InvariantCulture)}"));
                await db.SaveChangesAsync(token);
                if (!input.Conflict)
                {
                    db.CallScores.AddRange(criteria.Select(c => new CallScore { ReviewId = review.Id, CriterionId = c.Id, Score = scores[c.Id], Weight = c.Weight }));
                    await db.SaveChangesAsync(token);
                }
                return review.Id;
            }, ct);
            return Result<int>.Ok(reviewId);
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            return Result<int>.Conflict("", v.Message("Calls.Review.Already"));
        }
    }

    private static decimal Weighted(IReadOnlyList<CriterionRow> criteria, IReadOnlyDictionary<int, int> scores) =>
        CallDecisions.Weighted(criteria.Select(c => (scores[c.Id], c.Weight)));

    /// <summary>The applications a reviewer works on, with whether they reviewed each (never others' scores).</summary>
    public async Task<IReadOnlyList<ReviewTask>> TasksAsync(CallAccess.Standing scope, CancellationToken ct)
    {
        var me = scope.UserId!.Value;
        var id = scope.Call.Id;
        return await (from a in db.CallApplications
                      join u in db.Users on a.ApplicantId equals u.Id
                      where a.CallId == id && a.Status != ApplicationStatus.Withdrawn && a.ApplicantId != me
                      orderby a.SubmittedAt, a.Id
                      select new ReviewTask(a.Id, u.DisplayName,
                          db.CallReviews.Where(r => r.ApplicationId == a.Id && r.ReviewerId == me).Select(r => (bool?)r.Conflict).FirstOrDefault()))
            .ToListAsync(ct);
    }
}

/// <summary>An application to review: <see cref="Conflict"/> is null until the reviewer submitted, then whether they declared a conflict.</summary>
public sealed record ReviewTask(int Id, string Applicant, bool? Conflict);
