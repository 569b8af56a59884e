using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organisations;

/// <summary>What the organisations hold about a person: the organisations they belong to (and administer). Erasure ends those memberships.</summary>
public sealed class OrganisationsPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "organisations";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // UserId: their memberships of organisations (exported; deleted).
        typeof(OrganisationMember),
        // Invitations by email: those to the person's address are exported and deleted; those they sent (others'
        // addresses) are exported without the address and stay as anonymised references (InvitedById).
        typeof(OrganisationInvitation),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) =>
        new
        {
            memberships = await (from m in db.OrganisationMembers.AsNoTracking()
                                 join o in db.Organisations on m.OrganisationId equals o.Id
                                 where m.UserId == userId
                                 orderby m.JoinedAt
                                 select new { m.OrganisationId, o.Slug, o.Name, m.IsAdmin, m.JoinedAt }).ToListAsync(ct),
            invitationsToMe = await (from i in db.OrganisationInvitations.AsNoTracking()
                                     join o in db.Organisations on i.OrganisationId equals o.Id
                                     where db.Users.Any(u => u.Id == userId && u.NormalizedEmail == i.NormalizedEmail)
                                     orderby i.CreatedAt
                                     select new { i.OrganisationId, o.Name, i.IsAdmin, i.CreatedAt, i.ExpiresAt, i.AnsweredAt, i.Accepted }).ToListAsync(ct),
            invitationsSent = await db.OrganisationInvitations.AsNoTracking().Where(i => i.InvitedById == userId).OrderBy(i => i.CreatedAt)
                .Select(i => new { i.OrganisationId, i.IsAdmin, i.CreatedAt, i.AnsweredAt, i.Accepted }).ToListAsync(ct),
        };

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        await db.OrganisationMembers.Where(m => m.UserId == e.UserId).ExecuteDeleteAsync(ct);
        if (e.Email is { } email)
        {
            var normalized = email.ToUpperInvariant();
            await db.OrganisationInvitations.Where(i => i.NormalizedEmail == normalized).ExecuteDeleteAsync(ct);
        }
    }
}
