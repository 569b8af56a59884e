using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>
/// Ends the rights a person held in a hub's initiatives when their membership of the hub ends (they left, were removed,
/// blocked or erased): every team seat in the hub's initiatives ends at once, audited on each initiative.
/// An initiative they owned must keep an owner who can act, so ownership passes to a hub manager: the manager who removed
/// them when that is who acts, otherwise the hub's longest-standing manager; the new owner takes the owner's seat, and
/// the hand-over is in the hub's audit trail for the managers. When the hub has no other manager the owner field stays as
/// it was, which grants nothing (<see cref="InitiativeAccess.HoldsTeamRights"/>), and the audit entry says so.
/// Evaluator and gatekeeper duties are not stored as assignments (the roles are read on every request and submitted
/// scorecards stay as the record), so a role taken away ends them with nothing to clean up here.
/// Runs inside the caller's unit of work and never saves.
/// </summary>
public sealed class InitiativeRightsEnded(AgoraDbContext db, CurrentUser current, IHttpContextAccessor http, AuditLog audit, TimeProvider clock)
    : IHubRightsEndedHandler
{
    public async Task HandleAsync(HubRightsEnded ended, CancellationToken ct)
    {
        // Blocked people keep their membership row but none of its rights.
        if (ended.Remaining != HubRoles.None && ended.Reason != HubRightsEndReason.Blocked) return;
        var hubId = ended.HubId;
        var person = ended.UserId;
        var seats = await db.InitiativeMembers.Where(m => m.UserId == person && db.Initiatives.Any(i => i.Id == m.InitiativeId && i.HubId == hubId))
            .ToListAsync(ct);
        var owned = await db.Initiatives.Where(i => i.HubId == hubId && i.OwnerId == person).ToListAsync(ct);
        if (seats.Count == 0 && owned.Count == 0) return;

        var name = await db.Users.Where(u => u.Id == person).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? person.ToString();
        var why = ended.Reason switch
        {
            HubRightsEndReason.Left => "left the hub",
            HubRightsEndReason.Removed => "removed from the hub",
            HubRightsEndReason.Blocked => "blocked in the hub",
            HubRightsEndReason.Erased => "account erased",
            _ => "no longer a member of the hub",
        };
        var titles = await db.Initiatives.Where(i => i.HubId == hubId && (i.OwnerId == person || db.InitiativeMembers.Any(m => m.InitiativeId == i.Id && m.UserId == person)))
            .Select(i => new { i.Id, i.Title }).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        foreach (var seat in seats)
        {
            db.InitiativeMembers.Remove(seat);
            audit.Add(AuditActions.InitiativeTeamChanged, hubId, CreateInitiative.Subject(seat.InitiativeId, titles[seat.InitiativeId]),
                $"{name}: removed ({why})");
        }
        if (owned.Count == 0) return;

        var heir = await HeirAsync(hubId, person, ct);
        var heirName = heir is { } h ? await db.Users.Where(u => u.Id == h).Select(u => u.DisplayName).SingleAsync(ct) : null;
        var now = clock.GetUtcNow();
        foreach (var initiative in owned)
        {
            var subject = CreateInitiative.Subject(initiative.Id, initiative.Title);
            if (heir is not { } newOwner)
            {
                audit.Add(AuditActions.InitiativeTeamChanged, hubId, subject, $"{name} owned it ({why}); no other hub manager to take it over");
                continue;
            }
            initiative.OwnerId = newOwner;
            initiative.UpdatedAt = now;
            initiative.Version++;
            var seat = await db.InitiativeMembers.SingleOrDefaultAsync(m => m.InitiativeId == initiative.Id && m.UserId == newOwner, ct);
            if (seat is null) db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = initiative.Id, UserId = newOwner, Role = TeamRole.Owner, AddedAt = now });
            else seat.Role = TeamRole.Owner;
            audit.Add(AuditActions.InitiativeTeamChanged, hubId, subject, $"{heirName}: Owner (ownership passed on: {name}, {why})");
        }
    }

    /// <summary>The manager acting when they manage the hub, otherwise the hub's longest-standing other manager; null when there is none.</summary>
    private async Task<Guid?> HeirAsync(Guid hubId, Guid person, CancellationToken ct)
    {
        var managers = db.HubMemberships.Where(m => m.HubId == hubId && m.UserId != person && (m.Roles & HubRoles.HubManager) != 0);
        // Outside a request (an erasure job) nobody acts.
        if (http.HttpContext is not null && current.Id is { } actor && actor != person && await managers.AnyAsync(m => m.UserId == actor, ct)) return actor;
        return await managers.OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(ct);
    }
}
