using System.Globalization;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

public sealed record StateCount(RequestState State, int Count);

public sealed record TypeCounts(string Key, string Name, IReadOnlyList<StateCount> States, int Total);

/// <summary>How fast the hub decides: requests decided, the median days from complete to decision, and how many were decided in time.</summary>
public sealed record DecisionTimes(int Decided, double? MedianDays, int OnTime, decimal? OnTimeShare, int OpenInReview, int Overdue);

public sealed record ReviewerLoad(string Reviewer, int Open, int SignedOff);

/// <summary>The hub managers' overview of requests: by kind and state, time to decision against the deadlines, reviewers' workload.</summary>
public sealed record RequestDashboard(IReadOnlyList<TypeCounts> ByType, DecisionTimes Times, IReadOnlyList<ReviewerLoad> Reviewers);

/// <summary>A health-data application as the public register shows it: no personal data, only the organisation.</summary>
public sealed record RegisterEntry(int Id, string Title, string? Organisation, IReadOnlyList<string> Purposes, RequestState State,
    DateOnly SubmittedOn, DateOnly? DecidedOn);

/// <summary>
/// The managers' dashboard of a hub's requests, and the public register of its health-data applications and their
/// decisions (when the hub publishes it, as the EHDS expects): title, applicant organisation, purposes, state and dates.
/// </summary>
public sealed class RequestOverview(AgoraDbContext db, Viewers viewers, RequestTypes types, Validator v, AuditLog audit, TimeProvider clock)
{
    private static string Culture => CultureInfo.CurrentUICulture.Name;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<RequestDashboard>> DashboardAsync(string hubSlug, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return Result<RequestDashboard>.NotFound();
        if (!(await viewers.ForHubAsync(hub, ct)).IsManager) return Result<RequestDashboard>.Forbidden();
        var kinds = await types.ForHubAsync(hub, ct);
        var rows = await db.Requests.AsNoTracking().Where(r => r.HubId == hub && r.SubmittedAt != null && r.State != RequestState.Draft)
            .Select(r => new { r.TypeId, r.State, r.CompleteOn, r.DecisionDueOn, r.ExtendedDueOn, r.DecidedAt }).ToListAsync(ct);
        var byType = kinds.Select(k =>
        {
            var mine = rows.Where(r => r.TypeId == k.Id).ToList();
            return new TypeCounts(k.Key, RequestTypes.View(k).Name, Enum.GetValues<RequestState>().Where(s => s != RequestState.Draft)
                .Select(s => new StateCount(s, mine.Count(r => r.State == s))).ToList(), mine.Count);
        }).ToList();
        var decided = rows.Where(r => r.DecidedAt is not null && r.CompleteOn is not null).ToList();
        var days = decided.Select(r => (double)(DateOnly.FromDateTime(r.DecidedAt!.Value.UtcDateTime).DayNumber - r.CompleteOn!.Value.DayNumber)).Order().ToList();
        var onTime = decided.Count(r => DateOnly.FromDateTime(r.DecidedAt!.Value.UtcDateTime) <= (r.ExtendedDueOn ?? r.DecisionDueOn));
        var open = rows.Where(r => r.State == RequestState.InReview).ToList();
        var times = new DecisionTimes(decided.Count, Median(days), onTime, decided.Count == 0 ? null : Math.Round(100m * onTime / decided.Count, 1),
            open.Count, open.Count(r => RequestDeadlines.IsOverdue(r.State, r.ExtendedDueOn ?? r.DecisionDueOn, Today)));
        var reviewers = await (from x in db.RequestReviews.AsNoTracking()
                               join r in db.Requests on x.RequestId equals r.Id
                               join u in db.Users on x.ReviewerId equals u.Id
                               where r.HubId == hub
                               group new { x.SignedOffAt, r.State } by u.DisplayName into g
                               select new ReviewerLoad(g.Key, g.Count(e => e.SignedOffAt == null && e.State == RequestState.InReview), g.Count(e => e.SignedOffAt != null)))
            .ToListAsync(ct);
        return Result<RequestDashboard>.Ok(new RequestDashboard(byType, times, reviewers.OrderByDescending(r => r.Open).ThenBy(r => r.Reviewer).ToList()));
    }

    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    public const int RegisterPageSize = 50;

    /// <summary>The public register; null when there is no such hub or it does not publish one.</summary>
    public async Task<PagedList<RegisterEntry>?> RegisterAsync(string hubSlug, int page, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == hubSlug).Select(h => new { h.Id, h.PublicRegister }).SingleOrDefaultAsync(ct);
        if (hub is null || !hub.PublicRegister) return null;
        var data = await db.RequestTypes.AsNoTracking().Where(t => t.HubId == hub.Id && t.Kind == RequestKind.HealthDataAccess).ToListAsync(ct);
        var ids = data.Select(t => t.Id).ToList();
        var listed = db.Requests.AsNoTracking().Where(r => r.HubId == hub.Id && ids.Contains(r.TypeId) && r.SubmittedAt != null
            && r.State != RequestState.Draft && r.State != RequestState.Withdrawn);
        var total = await listed.CountAsync(ct);
        var rows = await listed.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Skip((page - 1) * RegisterPageSize).Take(RegisterPageSize)
            .Select(r => new { r.Id, r.Title, r.TypeId, r.AnswersJson, r.State, r.SubmittedAt, r.DecidedAt, r.RetainedApplicantOrganisation }).ToListAsync(ct);
        var forms = data.ToDictionary(t => t.Id, t => RequestAnswers.ReadForm(t.FormJson));
        return new PagedList<RegisterEntry>(rows.Select(r =>
        {
            var answers = RequestAnswers.Parse(r.AnswersJson);
            var purposes = forms[r.TypeId].Fields.FirstOrDefault(f => f.Key == "purposes");
            return new RegisterEntry(r.Id, r.Title, RequestAnswers.Text(answers, "organisation") ?? r.RetainedApplicantOrganisation,
                RequestAnswers.Many(answers, "purposes").Select(k => purposes?.Options?.FirstOrDefault(o => o.Key == k)?.Label.In(Culture) ?? k).ToList(),
                r.State, DateOnly.FromDateTime(r.SubmittedAt!.Value.UtcDateTime), r.DecidedAt is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : null);
        }).ToList(), page, RegisterPageSize, total);
    }

    /// <summary>A hub manager publishes the register, or takes it down.</summary>
    public async Task<Result<bool>> SetRegisterAsync(string hubSlug, bool? publish, CancellationToken ct)
    {
        if (await db.HubIdAsync(hubSlug, ct) is not { } hub) return Result<bool>.NotFound();
        if (!(await viewers.ForHubAsync(hub, ct)).IsManager) return Result<bool>.Forbidden();
        if (publish is not { } published) return Result<bool>.Invalid("published", v.Message("Validation.Required"));
        await db.Hubs.Where(h => h.Id == hub).ExecuteUpdateAsync(s => s.SetProperty(h => h.PublicRegister, published), ct);
        audit.Add(AuditActions.RequestRegisterChanged, hub, hubSlug, published ? "published" : "withdrawn");
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(published);
    }
}
