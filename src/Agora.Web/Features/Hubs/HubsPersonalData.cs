using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hubs;

/// <summary>
/// What the hubs hold about a person: their memberships and roles, their requests to join, the invitations addressed
/// to them and (as counts per hub, never the addresses of others) the invitations they sent.
/// On erasure every feature first ends the rights the person held in each hub (<see cref="HubRights"/>), then their
/// memberships, join requests and the invitations to their address go; invitations they sent stay as references.
/// </summary>
public sealed class HubsPersonalData(AgoraDbContext db, HubQueries hubs, HubRights rights) : IPersonalData
{
    public string Section => "hubs";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // UserId: their memberships and roles (exported; deleted after every feature ended the rights they gave).
        typeof(HubMembership),
        // UserId: their requests to join (exported; deleted). DecidedById: kept as an anonymised reference.
        typeof(JoinRequest),
        // Email: invitations to their address (exported; deleted). InvitedById: invitations they sent (counted per hub; kept as an anonymised reference).
        typeof(HubInvitation),
        // UserId: the hub's own community roles they hold (exported; removed with the rights, then deleted).
        typeof(HubRoleHolder),
    ];

    private static string Lower(string email) => email.Trim().ToLowerInvariant();

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var address = email is null ? null : Lower(email);
        var memberships = await hubs.MembershipsOfAsync(userId, ct);
        var joinRequests = await db.JoinRequests.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.HubId, r.Message, Status = r.Status.ToString(), r.CreatedAt, r.DecidedAt }).ToListAsync(ct);
        var invitations = address is null ? [] : (await db.HubInvitations.AsNoTracking().Where(i => i.Email.ToLower() == address).OrderBy(i => i.CreatedAt)
                .Select(i => new { i.HubId, i.Email, i.Roles, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt }).ToListAsync(ct))
            .Select(i => new { i.HubId, i.Email, Roles = HubRoleList.Split(i.Roles).Select(r => r.ToString()).ToList(), i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt })
            .ToList();
        // Whom they invited is other people's data: how many, per hub, only.
        var invitationsSent = await db.HubInvitations.AsNoTracking().Where(i => i.InvitedById == userId).GroupBy(i => i.HubId)
            .Select(g => new { HubId = g.Key, Count = g.Count(), First = g.Min(i => i.CreatedAt), Last = g.Max(i => i.CreatedAt) }).ToListAsync(ct);
        var definedRoles = await (from h in db.HubRoleHolders.AsNoTracking()
                                  join r in db.HubDefinedRoles on h.RoleId equals r.Id
                                  where h.UserId == userId
                                  orderby h.GrantedAt
                                  select new { h.HubId, r.Key, r.NameEn, r.NamePt, r.NameNb, h.GrantedAt }).ToListAsync(ct);
        return new { memberships, joinRequests, invitations, invitationsSent, definedRoles };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        // Every feature ends what the membership gave (review assignments, team seats, ...), hub by hub.
        var memberOf = await db.HubMemberships.Where(m => m.UserId == person).Select(m => m.HubId).ToListAsync(ct);
        foreach (var hub in memberOf) await rights.EndedAsync(new HubRightsEnded(hub, person, HubRoles.None, HubRightsEndReason.Erased), ct);
        // Saved here (inside the erasure's transaction) so the deletes below and later sources see the rights ended.
        await db.SaveChangesAsync(ct);
        await db.HubRoleHolders.Where(h => h.UserId == person).ExecuteDeleteAsync(ct);
        await db.HubMemberships.Where(m => m.UserId == person).ExecuteDeleteAsync(ct);
        await db.JoinRequests.Where(r => r.UserId == person).ExecuteDeleteAsync(ct);
        var email = e.Email ?? await db.Users.Where(u => u.Id == person).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(email))
        {
            var address = Lower(email);
            await db.HubInvitations.Where(i => i.Email.ToLower() == address).ExecuteDeleteAsync(ct);
        }
    }
}
