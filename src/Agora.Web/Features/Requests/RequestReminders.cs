using Agora.Web.Features.Hubs;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

/// <summary>
/// Reminds the people who decide on requests in review: 14 and 3 days before the decision deadline, and once when it
/// has passed. The hub's managers and the reviewers who have not signed off yet are told; each reminder goes once.
/// </summary>
public sealed class RequestReminders(AgoraDbContext db, Notifier notifier, TimeProvider clock) : IJob
{
    /// <summary>A recurring background job, hourly.</summary>
    public const string Kind = "requests.reminders";

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>Where a request stands against its deadline: the reminder it is due (14, 3, or -1 when past), or null.</summary>
    public static int? Due(DateOnly due, DateOnly today, int? last)
    {
        var left = RequestDeadlines.DaysLeft(due, today);
        int? step = left < 0 ? -1 : RequestDeadlines.ReminderDays.Where(d => left <= d).Order().Cast<int?>().FirstOrDefault();
        // A reminder goes when its step is nearer than the last one sent (14 → 3 → past).
        return step is { } s && (last is null || s < last) ? s : null;
    }

    /// <summary>Sends the reminders due today; answers how many requests were reminded of.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(RequestDeadlines.ReminderDays.Max());
        var open = await db.Requests.Where(r => r.State == RequestState.InReview && (r.ExtendedDueOn ?? r.DecisionDueOn) <= horizon)
            .Select(r => new { r.Id, r.HubId, Due = (r.ExtendedDueOn ?? r.DecisionDueOn)!.Value, r.LastReminder }).ToListAsync(ct);
        var count = 0;
        foreach (var r in open)
        {
            if (Due(r.Due, today, r.LastReminder) is not { } step) continue;
            // Only once, even when two runs overlap: the first to move LastReminder tells.
            var rows = await db.Requests.Where(x => x.Id == r.Id && x.LastReminder == r.LastReminder)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastReminder, step), ct);
            if (rows == 0) continue;
            var managers = await db.HubMemberships.Where(m => m.HubId == r.HubId && (m.Roles & HubRoles.HubManager) != 0).Select(m => m.UserId).ToListAsync(ct);
            var reviewers = await db.RequestReviews.Where(x => x.RequestId == r.Id && x.SignedOffAt == null).Select(x => x.ReviewerId).ToListAsync(ct);
            await notifier.AddAsync(new NotificationEvent(NotificationKind.RequestDeadline, r.HubId,
                Detail: r.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), RequestId: r.Id), managers.Concat(reviewers), ct);
            await db.SaveChangesAsync(ct);
            count++;
        }
        return count;
    }
}
