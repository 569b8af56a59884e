using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// Tells a front desk once when a request it owes a first answer passes its due time (held and submitted, or referred
/// to it). Once per due time, however many instances run it: the request's Version is moved by a guarded UPDATE in the
/// same transaction as the Overdue step, so the second instance to look finds it changed and the step there.
/// </summary>
public sealed class OverdueServiceRequests(AgoraDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock) : IJob
{
    /// <summary>A recurring background job, every 15 minutes.</summary>
    public const string Kind = "network.requests.overdue";

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>Tells the desks of the requests that became overdue; answers how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.ServiceRequests.AsNoTracking()
            .Where(r => (r.State == ServiceRequestState.Submitted || r.State == ServiceRequestState.Referred) && r.AnswerDueAt < now
                && !db.ServiceRequestSteps.Any(x => x.RequestId == r.Id && x.Kind == RequestStepKind.Overdue && x.At >= r.AnswerDueAt))
            .Select(r => new
            {
                r.Id, r.Title, r.Version, r.State, r.HubId,
                To = db.ServiceReferrals.Where(f => f.RequestId == r.Id && f.Accepted == null).OrderByDescending(f => f.SentAt).Select(f => (Guid?)f.ToHubId).FirstOrDefault(),
            })
            .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        var count = 0;
        foreach (var r in due)
        {
            var desk = r.State == ServiceRequestState.Referred && r.To is { } to ? to : r.HubId;
            var told = await db.InTransactionAsync(async token =>
            {
                var rows = await db.ServiceRequests.Where(x => x.Id == r.Id && x.Version == r.Version && x.State == r.State)
                    .ExecuteUpdateAsync(b => b.SetProperty(x => x.Version, x => x.Version + 1), token);
                if (rows == 0) return false;
                db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.Overdue, At = now, HubId = desk });
                audit.Add(AuditActions.ServiceRequestOverdue, desk, $"#{r.Id} {r.Title}");
                await notifier.AddAsync(new NotificationEvent(NotificationKind.ServiceRequest, desk, Detail: "Overdue", Title: r.Title,
                    Path: ServiceRequestWorkflow.PathOf(r.Id)), await NetworkAccess.FrontDeskOf(db, desk).ToListAsync(token), token);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
            if (told) count++;
        }
        return count;
    }
}
