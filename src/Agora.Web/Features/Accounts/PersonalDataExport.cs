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
            // Their requests as they see them: answers, documents' names, their answers to questions; never the hub's internal notes.
            requests = (await db.Requests.AsNoTracking().Where(r => r.ApplicantId == id).OrderBy(r => r.Id)
                .Select(r => new
                {
                    r.Id, r.HubId, Type = db.RequestTypes.Where(t => t.Id == r.TypeId).Select(t => t.Key).Single(), r.Title, r.State, r.Language, r.AnswersJson,
                    r.CreatedAt, r.SubmittedAt, r.DecidedAt, r.DecisionText, r.Conditions,
                    Documents = db.RequestFiles.Where(f => f.RequestId == r.Id).Select(f => new { f.FieldKey, f.FileName, f.Size, f.UploadedAt }).ToList(),
                    Answers = db.RequestMessages.Where(m => m.RequestId == r.Id && m.AuthorId == id && m.Kind == Requests.MessageKind.Answer)
                        .Select(m => new { m.Body, m.CreatedAt }).ToList(),
                }).ToListAsync(ct))
                .Select(r => new
                {
                    r.Id, r.HubId, r.Type, r.Title, State = r.State.ToString(), r.Language, Answers = System.Text.Json.Nodes.JsonNode.Parse(r.AnswersJson),
                    r.CreatedAt, r.SubmittedAt, r.DecidedAt, r.DecisionText, r.Conditions, r.Documents, MyAnswers = r.Answers,
                }).ToList(),
            auditTrail = await db.AuditEvents.AsNoTracking().Where(e => e.ActorId == id).OrderBy(e => e.Id)
                .Select(e => new { e.OccurredAt, e.Action, e.HubId, e.Subject, e.IpAddress }).ToListAsync(ct),
        };
        await audit.RecordAsync(AuditActions.DataExported, subject: user.Email);
        return export;
    }
}
