using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Profiles;

/// <summary>
/// Tells a published profile's author once, 14 days before it expires, that it can be renewed; and expires the
/// profiles whose time has come (told as well). Each profile is changed by a guarded UPDATE (its version and state), so
/// two instances running the job at once tell nobody twice.
/// </summary>
public sealed class ProfileExpiryJob(AgoraDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock, JobQueue jobs) : IJob
{
    /// <summary>A recurring background job, every hour.</summary>
    public const string Kind = "matchmaking.profiles.expiry";

    public static readonly TimeSpan NoticeBefore = TimeSpan.FromDays(14);

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>Sends the notices and expires what is due; answers (notices sent, profiles expired).</summary>
    public async Task<(int Noticed, int Expired)> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var soon = now + NoticeBefore;
        var expiring = await db.PartneringProfiles.AsNoTracking()
            .Where(p => p.Status == ProfileStatus.Published && p.ExpiresAt != null && p.ExpiresAt <= soon)
            .Select(p => new { p.Id, p.Title, p.HubId, p.AuthorId, p.Version, p.ExpiresAt, p.ExpiryNoticeAt })
            .OrderBy(p => p.ExpiresAt).Take(500).ToListAsync(ct);
        int noticed = 0, expired = 0;
        foreach (var p in expiring)
        {
            var expire = p.ExpiresAt <= now;
            if (!expire && p.ExpiryNoticeAt is not null) continue;
            var done = await db.InTransactionAsync(async token =>
            {
                var rows = expire
                    ? await db.PartneringProfiles.Where(x => x.Id == p.Id && x.Version == p.Version && x.Status == ProfileStatus.Published)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, ProfileStatus.Expired).SetProperty(x => x.Version, x => x.Version + 1), token)
                    : await db.PartneringProfiles.Where(x => x.Id == p.Id && x.Version == p.Version && x.ExpiryNoticeAt == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.ExpiryNoticeAt, (DateTimeOffset?)now).SetProperty(x => x.Version, x => x.Version + 1), token);
                if (rows == 0) return false;
                if (expire)
                {
                    audit.Add(AuditActions.PartneringProfileExpired, p.HubId, $"#{p.Id} {p.Title}");
                    Suggestions.SuggestionRefresh.Queue(jobs, p.Id);
                }
                if (p.AuthorId is { } author)
                    await notifier.AddAsync(new NotificationEvent(NotificationKind.Partnering, p.HubId, Detail: expire ? "Expired" : "ExpiresSoon", Title: p.Title,
                        Path: PartneringProfiles.PathOf(p.Id)), [author], token);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
            if (done && expire) expired++;
            else if (done) noticed++;
        }
        return (noticed, expired);
    }
}
