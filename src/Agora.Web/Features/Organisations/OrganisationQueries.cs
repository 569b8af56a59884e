using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organisations;

public sealed record OrganisationSummary(Guid Id, string Slug, string Name, OrganisationType Type, string Country, string Summary,
    int MemberCount, DateTimeOffset CreatedAt);

public sealed record OrganisationDetail(Guid Id, string Slug, string Name, OrganisationType Type, string Description, string? Website,
    string Country, int MemberCount, DateTimeOffset CreatedAt);

/// <summary>One member of an organisation. Email is null when the reader may not see it.</summary>
public sealed record OrganisationMemberRow(Guid UserId, string DisplayName, string? Email, bool IsAdmin, DateTimeOffset JoinedAt);

/// <summary>An open invitation to join an organisation, as its addressee sees it.</summary>
public sealed record OrganisationInvitationRow(Guid Id, string OrganisationSlug, string OrganisationName, bool IsAdmin, DateTimeOffset ExpiresAt);

/// <summary>An organisation a person belongs to, for choosing one on the profile.</summary>
public sealed record OrganisationRef(Guid Id, string Slug, string Name, bool IsAdmin);

/// <summary>Read side of organisations: what other areas and the pages may ask.</summary>
public sealed class OrganisationQueries(AgoraDbContext db)
{
    public static readonly string[] Sorts = ["name", "createdAt", "members"];
    public static readonly string[] MemberSorts = ["name", "joinedAt"];

    public async Task<PagedList<OrganisationSummary>> ListAsync(ListQuery q, OrganisationType? type, string? search, CancellationToken ct)
    {
        var orgs = db.Organisations.AsNoTracking();
        if (type is { } t) orgs = orgs.Where(o => o.Type == t);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            orgs = orgs.Where(o => o.Name.ToLower().Contains(term) || o.Country.ToLower().Contains(term) || o.Slug.Contains(term));
        }
        var total = await orgs.CountAsync(ct);
        var projected = orgs.Select(o => new
        {
            o.Id, o.Slug, o.Name, o.Type, o.Country, o.Description, o.CreatedAt,
            Members = db.OrganisationMembers.Count(m => m.OrganisationId == o.Id),
        });
        projected = (q.Sort, q.Descending) switch
        {
            ("createdAt", false) => projected.OrderBy(o => o.CreatedAt).ThenBy(o => o.Slug),
            ("createdAt", true) => projected.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Slug),
            ("members", false) => projected.OrderBy(o => o.Members).ThenBy(o => o.Slug),
            ("members", true) => projected.OrderByDescending(o => o.Members).ThenBy(o => o.Slug),
            (_, true) => projected.OrderByDescending(o => o.Name).ThenBy(o => o.Slug),
            _ => projected.OrderBy(o => o.Name).ThenBy(o => o.Slug),
        };
        var rows = await projected.Skip(q.Skip).Take(q.PageSize).ToListAsync(ct);
        var items = rows.Select(o => new OrganisationSummary(o.Id, o.Slug, o.Name, o.Type, o.Country, Summarise(o.Description),
            o.Members, o.CreatedAt)).ToList();
        return new PagedList<OrganisationSummary>(items, q.Page, q.PageSize, total);
    }

    public async Task<OrganisationDetail?> GetAsync(string slug, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new OrganisationDetail(o.Id, o.Slug, o.Name, o.Type, o.Description, o.Website, o.Country,
                db.OrganisationMembers.Count(m => m.OrganisationId == o.Id), o.CreatedAt))
            .SingleOrDefaultAsync(ct);

    public Task<Guid?> FindIdAsync(string slug, CancellationToken ct) =>
        db.Organisations.Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);

    /// <summary>Members with their email; callers decide who may see the email (see <see cref="OrganisationMembership.ListAsync"/>).</summary>
    public async Task<PagedList<OrganisationMemberRow>> MembersAsync(Guid organisationId, ListQuery q, CancellationToken ct)
    {
        var members = from m in db.OrganisationMembers.AsNoTracking()
                      join u in db.Users on m.UserId equals u.Id
                      where m.OrganisationId == organisationId
                      select new { m.UserId, u.DisplayName, u.Email, m.IsAdmin, m.JoinedAt };
        var total = await members.CountAsync(ct);
        members = (q.Sort, q.Descending) switch
        {
            ("joinedAt", false) => members.OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId),
            ("joinedAt", true) => members.OrderByDescending(m => m.JoinedAt).ThenBy(m => m.UserId),
            (_, true) => members.OrderByDescending(m => m.DisplayName).ThenBy(m => m.UserId),
            _ => members.OrderBy(m => m.DisplayName).ThenBy(m => m.UserId),
        };
        var rows = await members.Skip(q.Skip).Take(q.PageSize).ToListAsync(ct);
        return new PagedList<OrganisationMemberRow>(
            rows.Select(m => new OrganisationMemberRow(m.UserId, m.DisplayName, m.Email ?? "", m.IsAdmin, m.JoinedAt)).ToList(),
            q.Page, q.PageSize, total);
    }

    /// <summary>The organisations a person belongs to, by name.</summary>
    public async Task<IReadOnlyList<OrganisationRef>> MembershipsOfAsync(Guid userId, CancellationToken ct)
    {
        var rows = await (from m in db.OrganisationMembers.AsNoTracking()
                          join o in db.Organisations on m.OrganisationId equals o.Id
                          where m.UserId == userId
                          select new OrganisationRef(o.Id, o.Slug, o.Name, m.IsAdmin)).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the person is a member, and whether an admin; null when not a member.</summary>
    public Task<bool?> MemberIsAdminAsync(Guid organisationId, Guid userId, CancellationToken ct) =>
        db.OrganisationMembers.Where(m => m.OrganisationId == organisationId && m.UserId == userId)
            .Select(m => (bool?)m.IsAdmin).SingleOrDefaultAsync(ct);

    private static string Summarise(string text)
    {
        var firstParagraph = text.Split("\n\n", 2)[0];
        if (firstParagraph.Length <= 200) return firstParagraph;
        var cut = char.IsHighSurrogate(firstParagraph[196]) ? 196 : 197;
        return firstParagraph[..cut].TrimEnd() + "…";
    }
}
