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
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) =>
        new
        {
            memberships = await (from m in db.OrganisationMembers.AsNoTracking()
                                 join o in db.Organisations on m.OrganisationId equals o.Id
                                 where m.UserId == userId
                                 orderby m.JoinedAt
                                 select new { m.OrganisationId, o.Slug, o.Name, m.IsAdmin, m.JoinedAt }).ToListAsync(ct),
        };

    public async Task EraseAsync(Erasure e, CancellationToken ct) =>
        await db.OrganisationMembers.Where(m => m.UserId == e.UserId).ExecuteDeleteAsync(ct);
}
