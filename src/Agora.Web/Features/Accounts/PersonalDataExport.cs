using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Accounts;

/// <summary>Everything Agora holds about the signed-in person, for the right of access (GDPR art. 15).</summary>
public sealed class PersonalDataExport(AgoraDbContext db, CurrentUser current, HubQueries hubs, AuditLog audit)
{
    public async Task<object> ExportAsync(CancellationToken ct)
    {
        var id = current.RequiredId;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, ct);
        var export = new
        {
            profile = new { user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.OrganisationId, user.PreferredLanguage, user.TwoFactorEnabled, user.CreatedAt },
            memberships = await hubs.MembershipsOfAsync(id, ct),
            organisations = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == id)
                .Select(m => new { m.OrganisationId, m.IsAdmin, m.JoinedAt }).ToListAsync(ct),
            joinRequests = await db.JoinRequests.AsNoTracking().Where(r => r.UserId == id)
                .Select(r => new { r.HubId, r.Message, r.Status, r.CreatedAt, r.DecidedAt }).ToListAsync(ct),
            sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == id)
                .Select(s => new { s.CreatedAt, s.LastSeenAt, s.IpAddress, s.UserAgent, s.RevokedAt }).ToListAsync(ct),
            tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id)
                .Select(t => new { t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt }).ToListAsync(ct),
            auditTrail = await db.AuditEvents.AsNoTracking().Where(e => e.ActorId == id).OrderBy(e => e.Id)
                .Select(e => new { e.OccurredAt, e.Action, e.HubId, e.Subject, e.IpAddress }).ToListAsync(ct),
        };
        await audit.RecordAsync(AuditActions.DataExported, subject: user.Email);
        return export;
    }
}
