using System.Globalization;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hubs;

public sealed record HubSummary(Guid Id, string Slug, string Name, string Summary, string Region, JoinPolicy JoinPolicy,
    IReadOnlyList<string> FocusAreas, int MemberCount, DateTimeOffset CreatedAt);

public sealed record HubDetail(Guid Id, string Slug, string Name, string Description, string Region, JoinPolicy JoinPolicy,
    IReadOnlyList<string> Languages, IReadOnlyList<string> FocusAreas, int MemberCount, bool HasLogo, DateTimeOffset CreatedAt,
    IReadOnlyList<HubTextDto> Texts, bool PublicRegister = false, string TimeZone = "Europe/Lisbon");

public sealed record HubTextDto(string Culture, string Name, string Description);

/// <summary>One member of a hub. Email is null unless the reader manages the hub (see <see cref="HubQueries.SeesMemberEmailsAsync"/>).</summary>
public sealed record MemberRow(Guid UserId, string DisplayName, string? Email, string? Organisation, IReadOnlyList<string> Roles, DateTimeOffset JoinedAt,
    IReadOnlyList<HeldRole>? DefinedRoles = null);

/// <summary>A hub named in the reader's language.</summary>
public sealed record NamedHub(Guid Id, string Slug, string Name);

public static class HubNaming
{
    /// <summary>The hubs with their name in <paramref name="culture"/> (the hub's own name when it has no text in that language), for a query.</summary>
    public static IQueryable<NamedHub> Named(this IQueryable<Hub> hubs, string culture) =>
        hubs.Select(h => new NamedHub(h.Id, h.Slug, h.Texts.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault() ?? h.Name));
}

/// <summary>Read side of hubs: what other areas and the pages may ask.</summary>
public sealed class HubQueries(AgoraDbContext db)
{
    public static readonly string[] Sorts = ["name", "createdAt", "members"];

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    public async Task<PagedList<HubSummary>> ListAsync(ListQuery q, string? focusArea, string? search, CancellationToken ct)
    {
        var culture = Culture;
        var hubs = db.Hubs.AsNoTracking();
        if (!string.IsNullOrEmpty(focusArea))
            hubs = hubs.Where(h => h.FocusAreas.Any(f => db.FocusAreas.Any(a => a.Id == f.FocusAreaId && a.Key == focusArea)));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            hubs = hubs.Where(h => h.Name.ToLower().Contains(term) || h.Region.ToLower().Contains(term)
                || h.Texts.Any(t => t.Name.ToLower().Contains(term)));
        }
        var total = await hubs.CountAsync(ct);
        var projected = hubs.Select(h => new
        {
            h.Id, h.Slug, h.Name, h.Description, h.Region, h.JoinPolicy, h.CreatedAt,
            Text = h.Texts.Where(t => t.Culture == culture).Select(t => new { t.Name, t.Description }).FirstOrDefault(),
            Members = db.HubMemberships.Count(m => m.HubId == h.Id),
            Areas = h.FocusAreas.Join(db.FocusAreas, f => f.FocusAreaId, a => a.Id, (f, a) => a.Key).ToList(),
        });
        projected = (q.Sort, q.Descending) switch
        {
            ("createdAt", false) => projected.OrderBy(h => h.CreatedAt).ThenBy(h => h.Slug),
            ("createdAt", true) => projected.OrderByDescending(h => h.CreatedAt).ThenBy(h => h.Slug),
            ("members", false) => projected.OrderBy(h => h.Members).ThenBy(h => h.Slug),
            ("members", true) => projected.OrderByDescending(h => h.Members).ThenBy(h => h.Slug),
            (_, true) => projected.OrderByDescending(h => h.Text != null ? h.Text.Name : h.Name).ThenBy(h => h.Slug),
            _ => projected.OrderBy(h => h.Text != null ? h.Text.Name : h.Name).ThenBy(h => h.Slug),
        };
        var rows = await projected.Skip(q.Skip).Take(q.PageSize).ToListAsync(ct);
        var items = rows.Select(h => new HubSummary(h.Id, h.Slug, h.Text?.Name ?? h.Name,
            Summarise(h.Text?.Description ?? h.Description), h.Region, h.JoinPolicy, h.Areas, h.Members, h.CreatedAt)).ToList();
        return new PagedList<HubSummary>(items, q.Page, q.PageSize, total);
    }

    public async Task<HubDetail?> GetAsync(string slug, CancellationToken ct)
    {
        var culture = Culture;
        var h = await db.Hubs.AsNoTracking().Where(h => h.Slug == slug)
            .Select(h => new
            {
                h.Id, h.Slug, h.Name, h.Description, h.Region, h.JoinPolicy, h.Languages, h.CreatedAt, h.PublicRegister, h.TimeZone,
                HasLogo = h.Logo != null,
                Texts = h.Texts.Select(t => new HubTextDto(t.Culture, t.Name, t.Description)).ToList(),
                Members = db.HubMemberships.Count(m => m.HubId == h.Id),
                Areas = h.FocusAreas.Join(db.FocusAreas, f => f.FocusAreaId, a => a.Id, (f, a) => a.Key).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (h is null) return null;
        var text = h.Texts.FirstOrDefault(t => t.Culture == culture);
        return new HubDetail(h.Id, h.Slug, text?.Name ?? h.Name, text?.Description ?? h.Description, h.Region, h.JoinPolicy,
            h.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries), h.Areas.Order().ToList(), h.Members, h.HasLogo, h.CreatedAt,
            h.Texts.OrderBy(t => t.Culture).ToList(), h.PublicRegister, h.TimeZone);
    }

    /// <summary>The time zone of the hub with this address (UTC when there is none).</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(string slug, CancellationToken ct) =>
        ZonedTime.Find(await db.Hubs.Where(h => h.Slug == slug).Select(h => h.TimeZone).SingleOrDefaultAsync(ct));

    public Task<Guid?> FindIdAsync(string slug, CancellationToken ct) =>
        db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Who may read members' email addresses: those who manage the people, that is the hub's managers and platform
    /// admins. The members page and the API both ask this, through <see cref="MembersForAsync"/>.
    /// </summary>
    public static Task<bool> SeesMemberEmailsAsync(Platform.Auth.CurrentUser viewer, Guid hubId, CancellationToken ct) =>
        viewer.IsHubManagerAsync(hubId, ct);

    /// <summary>The members as <paramref name="viewer"/> may see them: emails only for those who manage the hub.</summary>
    public async Task<PagedList<MemberRow>> MembersForAsync(Platform.Auth.CurrentUser viewer, Guid hubId, ListQuery q, HubRoles? role, CancellationToken ct) =>
        await MembersAsync(hubId, q, role, await SeesMemberEmailsAsync(viewer, hubId, ct), ct);

    private async Task<PagedList<MemberRow>> MembersAsync(Guid hubId, ListQuery q, HubRoles? role, bool withEmails, CancellationToken ct)
    {
        var members = from m in db.HubMemberships.AsNoTracking()
                      join u in db.Users on m.UserId equals u.Id
                      where m.HubId == hubId
                      select new { m.UserId, u.DisplayName, Email = withEmails ? u.Email : null, Org = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(), m.Roles, m.JoinedAt };
        if (role is { } r && r != HubRoles.None) members = members.Where(m => (m.Roles & r) == r);
        var total = await members.CountAsync(ct);
        members = (q.Sort, q.Descending) switch
        {
            ("joinedAt", false) => members.OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId),
            ("joinedAt", true) => members.OrderByDescending(m => m.JoinedAt).ThenBy(m => m.UserId),
            (_, true) => members.OrderByDescending(m => m.DisplayName).ThenBy(m => m.UserId),
            _ => members.OrderBy(m => m.DisplayName).ThenBy(m => m.UserId),
        };
        var rows = await members.Skip(q.Skip).Take(q.PageSize).ToListAsync(ct);
        var held = await HeldRolesAsync(hubId, rows.Select(r => r.UserId).ToList(), ct);
        return new PagedList<MemberRow>(rows.Select(m => new MemberRow(m.UserId, m.DisplayName, m.Email, m.Org,
            HubRoleList.Split(m.Roles).Select(x => x.ToString()).ToList(), m.JoinedAt,
            held.Where(h => h.UserId == m.UserId).Select(h => h.Role).ToList())).ToList(), q.Page, q.PageSize, total);
    }

    /// <summary>The defined roles these people hold in the hub, named in the reader's language.</summary>
    private async Task<List<(Guid UserId, HeldRole Role)>> HeldRolesAsync(Guid? hubId, IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var culture = Culture;
        var rows = await (from h in db.HubRoleHolders.AsNoTracking()
                          join r in db.HubDefinedRoles on h.RoleId equals r.Id
                          where people.Contains(h.UserId) && (hubId == null || h.HubId == hubId)
                          select new { h.UserId, h.HubId, Role = r }).ToListAsync(ct);
        return rows.Select(x => (x.UserId, new HeldRole(x.Role.Id, x.Role.Key, x.Role.Name(culture))))
            .OrderBy(x => x.Item2.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The hub's active defined roles, for a call's role choice and the members page.</summary>
    public async Task<IReadOnlyList<HeldRole>> ActiveDefinedRolesAsync(Guid hubId, CancellationToken ct)
    {
        var culture = Culture;
        var roles = await db.HubDefinedRoles.AsNoTracking().Where(r => r.HubId == hubId && r.RetiredAt == null).ToListAsync(ct);
        return roles.Select(r => new HeldRole(r.Id, r.Key, r.Name(culture))).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>One of the hub's defined roles (retired ones too), or null.</summary>
    public async Task<(HeldRole Role, bool Retired)?> DefinedRoleAsync(Guid hubId, int id, CancellationToken ct)
    {
        var r = await db.HubDefinedRoles.AsNoTracking().SingleOrDefaultAsync(x => x.HubId == hubId && x.Id == id, ct);
        return r is null ? null : (new HeldRole(r.Id, r.Key, r.Name(Culture)), r.RetiredAt is not null);
    }

    /// <summary>People per defined role of the hub: every active role, and retired ones still held.</summary>
    public async Task<IReadOnlyList<(HeldRole Role, int People)>> DefinedRoleCountsAsync(Guid hubId, CancellationToken ct)
    {
        var culture = Culture;
        var rows = await db.HubDefinedRoles.AsNoTracking().Where(r => r.HubId == hubId)
            .Select(r => new { Role = r, People = db.HubRoleHolders.Count(h => h.RoleId == r.Id) }).ToListAsync(ct);
        return rows.Where(x => x.Role.RetiredAt == null || x.People > 0)
            .Select(x => (new HeldRole(x.Role.Id, x.Role.Key, x.Role.Name(culture)), x.People))
            .OrderBy(x => x.Item1.Name, StringComparer.CurrentCulture).ToList();
    }

    public static readonly string[] MemberSorts = ["name", "joinedAt"];

    public async Task<string> DisplayNameAsync(Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";

    public async Task<IReadOnlyList<JoinRequestRow>> PendingRequestsAsync(Guid hubId, CancellationToken ct) =>
        await (from r in db.JoinRequests.AsNoTracking()
               join u in db.Users on r.UserId equals u.Id
               where r.HubId == hubId && r.Status == JoinRequestStatus.Pending
               orderby r.CreatedAt
               select new JoinRequestRow(r.Id, r.UserId, u.DisplayName, u.Email ?? "", r.Message, r.CreatedAt))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<InvitationRow>> OpenInvitationsAsync(Guid hubId, DateTimeOffset now, CancellationToken ct) =>
        await db.HubInvitations.AsNoTracking()
            .Where(i => i.HubId == hubId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new InvitationRow(i.Id, i.Email, i.Roles, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(ct);

    /// <summary>The hubs a person belongs to, with their roles there.</summary>
    public async Task<IReadOnlyList<MembershipRow>> MembershipsOfAsync(Guid userId, CancellationToken ct)
    {
        var culture = Culture;
        var rows = await (from m in db.HubMemberships.AsNoTracking()
                          join h in db.Hubs on m.HubId equals h.Id
                          where m.UserId == userId
                          select new
                          {
                              h.Id, h.Slug, h.Name, m.Roles, m.JoinedAt,
                              Local = h.Texts.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault(),
                          }).ToListAsync(ct);
        var held = await HeldRolesAsync(null, [userId], ct);
        var roleHubs = await db.HubRoleHolders.AsNoTracking().Where(h => h.UserId == userId).Select(h => new { h.RoleId, h.HubId }).ToListAsync(ct);
        return rows.Select(r => new MembershipRow(r.Id, r.Slug, r.Local ?? r.Name,
                HubRoleList.Split(r.Roles).Select(x => x.ToString()).ToList(), r.JoinedAt,
                held.Where(h => roleHubs.Any(x => x.RoleId == h.Role.Id && x.HubId == r.Id)).Select(h => h.Role).ToList()))
            .OrderBy(r => r.HubName, StringComparer.CurrentCulture).ToList();
    }

    public async Task<JoinRequestStatus?> PendingStatusAsync(Guid hubId, Guid userId, CancellationToken ct) =>
        await db.JoinRequests.Where(r => r.HubId == hubId && r.UserId == userId && r.Status == JoinRequestStatus.Pending)
            .Select(r => (JoinRequestStatus?)r.Status).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<string>> FocusAreaKeysAsync(CancellationToken ct) =>
        await db.FocusAreas.OrderBy(f => f.Id).Select(f => f.Key).ToListAsync(ct);

    private static string Summarise(string text) => text.Length <= 200 ? text : text[..197].TrimEnd() + "…";
}

public sealed record JoinRequestRow(Guid Id, Guid UserId, string DisplayName, string Email, string Message, DateTimeOffset CreatedAt);

public sealed record InvitationRow(Guid Id, string Email, HubRoles Roles, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record MembershipRow(Guid HubId, string HubSlug, string HubName, IReadOnlyList<string> Roles, DateTimeOffset JoinedAt,
    IReadOnlyList<HeldRole>? DefinedRoles = null);

public static class HubLookup
{
    /// <summary>The id of the hub with this address, when there is one.</summary>
    public static Task<Guid?> HubIdAsync(this AgoraDbContext db, string slug, CancellationToken ct) =>
        db.Hubs.Where(h => h.Slug == slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);

    /// <summary>The hub's time zone (IANA id; UTC when the hub is unknown).</summary>
    public static async Task<TimeZoneInfo> HubTimeZoneAsync(this AgoraDbContext db, Guid hubId, CancellationToken ct) =>
        ZonedTime.Find(await db.Hubs.Where(h => h.Id == hubId).Select(h => h.TimeZone).SingleOrDefaultAsync(ct));
}
