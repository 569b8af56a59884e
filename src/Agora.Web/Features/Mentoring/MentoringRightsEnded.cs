using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>
/// When a mentor loses the Mentor role, leaves the hub or is removed, blocked or erased there, their profile stops
/// taking mentees and their open pairs end (reason MentorLeft); requests waiting in the queue stay queued, those naming
/// them included. When a mentee's membership ends, their open pairs end (MenteeLeft), giving the seats back, and their
/// waiting request is withdrawn. Freed seats are taken by waiting requests at the hub's next pairing change.
/// </summary>
public sealed class MentoringRightsEnded(AgoraDbContext db, MentorMatching matching, AuditLog audit, TimeProvider clock) : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stillMember = ended.Reason == HubRightsEndReason.RolesChanged && ended.Remaining != HubRoles.None;
        var stillMentor = stillMember && ended.Remaining.HasFlag(HubRoles.Mentor);
        if (!stillMentor)
        {
            var profile = await db.MentorProfiles.Where(p => p.HubId == ended.HubId && p.UserId == ended.UserId).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (profile is { } id)
            {
                await db.MentorProfiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false).SetProperty(p => p.UpdatedAt, now), ct);
                var pairs = await db.MentoringPairs.Where(p => p.ProfileId == id && p.State == PairState.Active).Select(p => p.Id).ToListAsync(ct);
                foreach (var pair in pairs)
                    await EndPair.EndOneAsync(db, matching, pair, null, PairEndReason.MentorLeft, null, now, ct);
                audit.Add(AuditActions.MentorProfileStopped, ended.HubId, "profile #" + id, $"{ended.Reason}; pairs ended={pairs.Count}");
            }
        }
        if (!stillMember)
        {
            var pairs = await db.MentoringPairs.Where(p => p.HubId == ended.HubId && p.MenteeId == ended.UserId && p.State == PairState.Active)
                .Select(p => p.Id).ToListAsync(ct);
            foreach (var pair in pairs)
            {
                await EndPair.EndOneAsync(db, matching, pair, null, PairEndReason.MenteeLeft, null, now, ct);
                audit.Add(AuditActions.MentoringPairEnded, ended.HubId, "pair #" + pair, PairEndReason.MenteeLeft.ToString());
            }
            await db.MentoringRequests.Where(r => r.HubId == ended.HubId && r.MenteeId == ended.UserId && r.State == MentoringRequestState.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MentoringRequestState.Withdrawn).SetProperty(r => r.ClosedAt, now), ct);
        }
    }
}
