using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>
/// When a mentor loses the Mentor role, leaves the hub or is removed, blocked or erased there, their profile stops
/// taking mentees and their open pairs end (reason MentorLeft); requests waiting in the queue stay queued, those naming
/// them included. When a mentee's membership ends, their open pairs end (MenteeLeft), giving the seats back, and their
/// waiting request is withdrawn. The other side of every pair ended so is told (MentorLeft / MenteeLeft). Handlers must
/// not save, so the freed seats go to the waiting requests, in order, through <see cref="MentoringQueueJob"/>, queued with
/// the change that ended the rights and run at once.
/// </summary>
public sealed class MentoringRightsEnded(AgoraDbContext db, MentorMatching matching, MentoringNotices notices, JobQueue jobs, AuditLog audit,
    TimeProvider clock) : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var freed = 0;
        var stillMember = ended.Reason == HubRightsEndReason.RolesChanged && ended.Remaining != HubRoles.None;
        var stillMentor = stillMember && ended.Remaining.HasFlag(HubRoles.Mentor);
        if (!stillMentor)
        {
            var profile = await db.MentorProfiles.Where(p => p.HubId == ended.HubId && p.UserId == ended.UserId).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (profile is { } id)
            {
                await db.MentorProfiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false).SetProperty(p => p.UpdatedAt, now), ct);
                var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.ProfileId == id && p.State == PairState.Active).ToListAsync(ct);
                foreach (var pair in pairs)
                {
                    if (!await EndPair.EndOneAsync(db, matching, pair.Id, null, PairEndReason.MentorLeft, null, now, ct)) continue;
                    await notices.PartnerLeftAsync(pair, "MentorLeft", pair.MenteeId, ct);
                }
                audit.Add(AuditActions.MentorProfileStopped, ended.HubId, "profile #" + id, $"{ended.Reason}; pairs ended={pairs.Count}");
            }
        }
        if (!stillMember)
        {
            // Their waiting request first, so the seats they free never go back to them.
            await db.MentoringRequests.Where(r => r.HubId == ended.HubId && r.MenteeId == ended.UserId && r.State == MentoringRequestState.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MentoringRequestState.Withdrawn).SetProperty(r => r.ClosedAt, now), ct);
            var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.HubId == ended.HubId && p.MenteeId == ended.UserId && p.State == PairState.Active)
                .ToListAsync(ct);
            foreach (var pair in pairs)
            {
                if (!await EndPair.EndOneAsync(db, matching, pair.Id, null, PairEndReason.MenteeLeft, null, now, ct)) continue;
                freed++;
                audit.Add(AuditActions.MentoringPairEnded, ended.HubId, MentorMatching.Subject(pair), PairEndReason.MenteeLeft.ToString());
                await notices.PartnerLeftAsync(pair, "MenteeLeft", pair.MentorId, ct);
            }
        }
        // A seat freed by a leaving mentee goes to the next in the queue (a leaving mentor's seats are gone with their profile).
        if (freed > 0) MentoringQueueJob.Queue(jobs, ended.HubId);
    }
}
