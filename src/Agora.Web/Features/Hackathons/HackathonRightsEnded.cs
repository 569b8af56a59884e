using Agora.Web.Features.Mentoring;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

/// <summary>
/// When a person loses the hub's Mentor role or leaves the hub (removed, blocked, erased), they stop mentoring its
/// hackaccelerator teams: the assignments end (no more access to the teams' milestones, check-ins and submissions) and
/// each one's mentoring place is given back (<see cref="MentorSeats"/>).
/// </summary>
public sealed class HackathonRightsEnded(AgoraDbContext db, MentorSeats seats, AuditLog audit) : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        if (ended.Reason == HubRightsEndReason.RolesChanged && ended.Remaining.HasFlag(HubRoles.Mentor)) return;
        var teams = await db.HackathonTeamMentors
            .Where(m => m.UserId == ended.UserId && db.HackathonTeams.Any(t => t.Id == m.TeamId && t.HubId == ended.HubId))
            .Select(m => m.TeamId).ToListAsync(ct);
        foreach (var team in teams)
        {
            if (await db.HackathonTeamMentors.Where(m => m.TeamId == team && m.UserId == ended.UserId).ExecuteDeleteAsync(ct) == 0) continue;
            await seats.ReleaseLaterAsync(ended.HubId, ended.UserId, ct);
            audit.Add(AuditActions.HackathonAcceleratorChanged, ended.HubId, "team #" + team, $"mentor left ({ended.Reason})");
        }
    }
}
