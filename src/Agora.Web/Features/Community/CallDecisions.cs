using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>The decision a manager takes on an application: Selected, Reserve or Rejected.</summary>
public sealed record DecideInput(string? Decision);

/// <summary>The place on the reserve list to move a person to: 1 is the first to move up; beyond the end means last.</summary>
public sealed record ReserveMove(int? Position);

/// <summary>
/// One application in the manager's ranking: the weighted average of the counted reviews (each review's weighted
/// score, averaged), how many reviews count, and how many reviewers were excluded (a declared conflict of interest, or
/// the applicant themself).
/// </summary>
public sealed record RankedApplication(int Id, Guid ApplicantId, string Applicant, ApplicationStatus Status, int? ReservePosition, decimal? Weighted,
    int Reviews, int Excluded, DateTimeOffset SubmittedAt);

/// <summary>
/// Deciding a closed call's applications: at most <see cref="CommunityCall.Seats"/> selected, who get the call's role in
/// the hub at once (joining it when they are not members: they consented when applying); reserves in the order they
/// were put on the list; rejections. Every decision is audited and the applicant told.
/// </summary>
public sealed class CallDecisions(AgoraDbContext db, CallAccess access, HubRoleGrants grants, Validator v, AuditLog audit, CallNotices notices,
    CurrentUser current, TimeProvider clock)
{
    public static decimal Weighted(IEnumerable<(int Score, int Weight)> scores)
    {
        var list = scores.ToList();
        var weights = list.Sum(s => s.Weight);
        return weights == 0 ? 0 : Math.Round((decimal)list.Sum(s => s.Score * s.Weight) / weights, 2);
    }

    /// <summary>The call's applications (not the withdrawn ones), best first; for its hub managers.</summary>
    public async Task<Result<IReadOnlyList<RankedApplication>>> RankingAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<IReadOnlyList<RankedApplication>>.NotFound();
        if (!scope.IsManager) return scope.Refuse<IReadOnlyList<RankedApplication>>();
        return Result<IReadOnlyList<RankedApplication>>.Ok(await RankAsync(id, ct));
    }

    internal async Task<List<RankedApplication>> RankAsync(int id, CancellationToken ct)
    {
        var applications = await (from a in db.CallApplications.AsNoTracking()
                                  join u in db.Users on a.ApplicantId equals u.Id
                                  where a.CallId == id && a.Status != ApplicationStatus.Withdrawn
                                  select new { a.Id, a.ApplicantId, u.DisplayName, a.Status, a.ReservePosition, a.SubmittedAt }).ToListAsync(ct);
        var reviews = await (from r in db.CallReviews.AsNoTracking()
                             join a in db.CallApplications on r.ApplicationId equals a.Id
                             where a.CallId == id
                             select new { r.Id, r.ApplicationId, r.ReviewerId, r.Conflict }).ToListAsync(ct);
        var scores = await (from s in db.CallScores.AsNoTracking()
                            join r in db.CallReviews on s.ReviewId equals r.Id
                            join a in db.CallApplications on r.ApplicationId equals a.Id
                            where a.CallId == id
                            select new { s.ReviewId, s.Score, s.Weight }).ToListAsync(ct);
        var reviewers = await db.CallReviewers.Where(r => r.CallId == id).Select(r => r.UserId).ToListAsync(ct);
        return applications.Select(a =>
        {
            var counted = reviews.Where(r => r.ApplicationId == a.Id && !r.Conflict && r.ReviewerId != a.ApplicantId)
                .Select(r => Weighted(scores.Where(s => s.ReviewId == r.Id).Select(s => (s.Score, s.Weight)))).ToList();
            var conflicts = reviews.Count(r => r.ApplicationId == a.Id && r.Conflict);
            var self = reviewers.Contains(a.ApplicantId) ? 1 : 0;
            return new RankedApplication(a.Id, a.ApplicantId, a.DisplayName, a.Status, a.ReservePosition,
                counted.Count == 0 ? null : Math.Round(counted.Average(), 2), counted.Count, conflicts + self, a.SubmittedAt);
        }).OrderByDescending(a => a.Weighted.HasValue).ThenByDescending(a => a.Weighted).ThenBy(a => a.SubmittedAt).ToList();
    }

    /// <summary>A manager decides one application of a closed call; a selection is final (the person may decline it).</summary>
    public async Task<Result<ApplicationStatus>> DecideAsync(string hubSlug, int id, int applicationId, DecideInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<ApplicationStatus>.NotFound();
        if (!scope.IsManager) return scope.Refuse<ApplicationStatus>();
        var call = scope.Call;
        if (!Enum.TryParse<ApplicationStatus>(input.Decision, true, out var decision)
            || decision is not (ApplicationStatus.Selected or ApplicationStatus.Reserve or ApplicationStatus.Rejected) || int.TryParse(input.Decision, out _))
            return Result<ApplicationStatus>.Invalid("decision", v.Message(input.Decision is null ? "Validation.Required" : "Validation.Invalid"));
        if (call.StateAt(clock.GetUtcNow()) != CallState.Closed) return Result<ApplicationStatus>.Conflict("", v.Message("Calls.NotClosed"));
        var application = await db.CallApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, ct);
        if (application is null || application.Status == ApplicationStatus.Withdrawn) return Result<ApplicationStatus>.NotFound();
        if (!MayDecide(application.ApplicantId, scope.UserId)) return Result<ApplicationStatus>.Forbidden();
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Reserve or ApplicationStatus.Rejected))
            return Result<ApplicationStatus>.Conflict("", v.Message("Calls.AlreadySelected"));
        if (application.Status == decision) return Result<ApplicationStatus>.Ok(decision);
        var outcome = await db.InTransactionAsync(async token =>
        {
            // One decision on a call at a time: the version bump waits for any other to commit, so seats stay exact.
            await db.CommunityCalls.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), token);
            var selected = await db.CallApplications.CountAsync(a => a.CallId == id && a.Status == ApplicationStatus.Selected, token);
            if (decision == ApplicationStatus.Selected && selected >= call.Seats) return "Calls.SeatsFull";
            var position = decision == ApplicationStatus.Reserve
                ? (await db.CallApplications.Where(a => a.CallId == id && a.Status == ApplicationStatus.Reserve).MaxAsync(a => (int?)a.ReservePosition, token) ?? 0) + 1
                : (int?)null;
            var now = clock.GetUtcNow();
            var rows = await db.CallApplications.Where(a => a.Id == applicationId && a.Status == application.Status && a.Version == application.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, decision).SetProperty(a => a.ReservePosition, position)
                    .SetProperty(a => a.DecidedAt, now).SetProperty(a => a.Version, a => a.Version + 1), token);
            if (rows == 0) return "Calls.ChangedMeanwhile";
            if (application.Status == ApplicationStatus.Reserve) await CloseReserveGapAsync(id, application.ReservePosition, token);
            var applicant = await db.Users.Where(u => u.Id == application.ApplicantId).Select(u => u.Email).SingleAsync(token);
            audit.Add(AuditActions.CallApplicationDecided, call.HubId, CallSetup.Subject(call), $"{applicant}: {application.Status} → {decision}"
                + (position is { } p ? " " + p.ToString(CultureInfo.InvariantCulture) : ""));
            if (decision == ApplicationStatus.Selected) await GiveRoleAsync(call, applicationId, application.ApplicantId, token);
            await notices.TellAsync(call, scope.HubSlug, decision.ToString(), current.RequiredId, [application.ApplicantId], token);
            await db.SaveChangesAsync(token);
            return null;
        }, ct);
        return outcome is null ? Result<ApplicationStatus>.Ok(decision) : Result<ApplicationStatus>.Conflict("", v.Message(outcome));
    }

    /// <summary>Separation of duties: nobody decides their own application, nor moves it on the reserve list (another manager of the hub does).</summary>
    public static bool MayDecide(Guid applicantId, Guid? decider) => applicantId != decider;

    /// <summary>
    /// A manager moves a person on the reserve list to another place (1 = the first to move up); the others close up
    /// behind. Positions stay 1..n without gaps.
    /// </summary>
    public async Task<Result<int>> MoveOnReserveAsync(string hubSlug, int id, int applicationId, ReserveMove input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.IsManager) return scope.Refuse<int>();
        if (input.Position is not ({ } wanted and >= 1))
            return Result<int>.Invalid("position", v.Message(input.Position is null ? "Validation.Required" : "Validation.Invalid"));
        var application = await db.CallApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, ct);
        if (application is null || application.Status == ApplicationStatus.Withdrawn) return Result<int>.NotFound();
        if (!MayDecide(application.ApplicantId, scope.UserId)) return Result<int>.Forbidden();
        var call = scope.Call;
        var outcome = await db.InTransactionAsync<(int Position, string? Error)>(async token =>
        {
            // The same lock as decisions: a move never interleaves with a decision or a move-up.
            await db.CommunityCalls.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), token);
            var reserve = await db.CallApplications.Where(a => a.CallId == id && a.Status == ApplicationStatus.Reserve)
                .OrderBy(a => a.ReservePosition).ToListAsync(token);
            var moved = reserve.SingleOrDefault(a => a.Id == applicationId);
            if (moved is null) return (0, "Calls.NotOnReserve");
            var from = moved.ReservePosition ?? 0;
            var to = Math.Min(wanted, reserve.Count);
            if (from == to) return (to, null);
            reserve.Remove(moved);
            reserve.Insert(to - 1, moved);
            var now = clock.GetUtcNow();
            for (var i = 0; i < reserve.Count; i++)
                if (reserve[i].ReservePosition != i + 1)
                {
                    reserve[i].ReservePosition = i + 1;
                    reserve[i].Version++;
                }
            var email = await db.Users.Where(u => u.Id == moved.ApplicantId).Select(u => u.Email).SingleAsync(token);
            audit.Add(AuditActions.CallReserveMoved, call.HubId, CallSetup.Subject(call),
                $"{email}: Reserve {from.ToString(CultureInfo.InvariantCulture)} → {to.ToString(CultureInfo.InvariantCulture)}");
            await db.SaveChangesAsync(token);
            return (to, null);
        }, ct);
        return outcome.Error is null ? Result<int>.Ok(outcome.Position) : Result<int>.Conflict("", v.Message(outcome.Error));
    }

    private async Task CloseReserveGapAsync(int id, int? position, CancellationToken ct)
    {
        if (position is not { } p) return;
        await db.CallApplications.Where(a => a.CallId == id && a.Status == ApplicationStatus.Reserve && a.ReservePosition > p)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReservePosition, a => a.ReservePosition - 1), ct);
    }

    private async Task GiveRoleAsync(CommunityCall call, int applicationId, Guid applicantId, CancellationToken ct)
    {
        var reason = $"selected in call #{call.Id}";
        var granted = call.DefinedRoleId is { } defined
            ? await grants.GrantDefinedAsync(call.HubId, applicantId, defined, reason, ct)
            : await grants.GrantAsync(call.HubId, applicantId, call.Role, reason, ct);
        if (granted) await db.CallApplications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.RoleGranted, true), ct);
    }

    internal Task TakeRoleAsync(CommunityCall call, Guid applicantId, string reason, CancellationToken ct) =>
        call.DefinedRoleId is { } defined
            ? grants.RevokeDefinedAsync(call.HubId, applicantId, defined, $"{reason} in call #{call.Id}", ct)
            : grants.RevokeAsync(call.HubId, applicantId, call.Role, $"{reason} in call #{call.Id}", ct);

    /// <summary>The first on the reserve list is selected (the role given, they are told); nothing when the list is empty.</summary>
    internal async Task MoveUpAsync(CommunityCall call, string hubSlug, Guid actor, CancellationToken ct)
    {
        var next = await db.CallApplications.AsNoTracking().Where(a => a.CallId == call.Id && a.Status == ApplicationStatus.Reserve)
            .OrderBy(a => a.ReservePosition).FirstOrDefaultAsync(ct);
        if (next is null) return;
        var now = clock.GetUtcNow();
        await db.CallApplications.Where(a => a.Id == next.Id && a.Status == ApplicationStatus.Reserve)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Selected).SetProperty(a => a.ReservePosition, (int?)null)
                .SetProperty(a => a.MovedUp, true).SetProperty(a => a.DecidedAt, now).SetProperty(a => a.Version, a => a.Version + 1), ct);
        await CloseReserveGapAsync(call.Id, next.ReservePosition, ct);
        var email = await db.Users.Where(u => u.Id == next.ApplicantId).Select(u => u.Email).SingleAsync(ct);
        audit.Add(AuditActions.CallMovedUp, call.HubId, CallSetup.Subject(call), $"{email}: Reserve {next.ReservePosition} → Selected");
        await GiveRoleAsync(call, next.Id, next.ApplicantId, ct);
        await notices.TellAsync(call, hubSlug, "MovedUp", actor, [next.ApplicantId], ct);
    }
}
