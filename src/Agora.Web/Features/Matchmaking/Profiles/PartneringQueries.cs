using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Profiles;

public sealed record HubRef(string Slug, string Name);

/// <summary>Who is behind a profile or an interest: shown only where <see cref="PartneringAccess"/> allows.</summary>
public sealed record OrganisationContact(string Slug, string Name, string? Website);

public sealed record PersonContact(string Name, string? Email);

/// <summary>A profile in a list: never who is behind it, only their organisation's country and kind.</summary>
public sealed record ProfileCard(int Id, ProfileKind Kind, ProfileStatus Status, string Language, string Title, string Summary, IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Sectors, int? Trl, string? OrganisationCountry, OrganisationType OrganisationKind, HubRef Hub, DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt);

public sealed record ReviewNoteView(long Id, ReviewNoteKind Kind, string? Author, string Text, DateTimeOffset At);

/// <summary>What the reader may do with the profile.</summary>
public sealed record ProfilePermissions(bool Edit, bool Submit, bool Review, bool Renew, bool Withdraw, bool ExpressInterest, bool AnswerInterests);

/// <summary>
/// One profile as its reader may see it. <see cref="Organisation"/> is set for its members, its reviewers and the other
/// side of an accepted interest; <see cref="Author"/> (name and email) for its members and accepted counterparts;
/// <see cref="Notes"/> (the review thread) for its members and reviewers; <see cref="DataApplicationId"/> for its members.
/// </summary>
public sealed record ProfileView(int Id, ProfileKind Kind, ProfileStatus Status, string Language, string Title, string Summary, string Description,
    IReadOnlyList<string> Keywords, IReadOnlyList<string> Technologies, IReadOnlyList<string> Sectors, int? Trl, int? TrlSoughtMin, int? TrlSoughtMax,
    DevelopmentStage? Stage, IntellectualProperty? IntellectualProperty, string PartnerSought, IReadOnlyList<string> Partnerships,
    IReadOnlyList<string> CountriesSought, IReadOnlyList<string> RegionsSought, DateOnly? Deadline, DeviceClass DeviceClass, CeMarking CeMarking,
    bool NeedsClinicalData, bool NeedsHealthDataPermit, int? DataApplicationId, IReadOnlyList<string> Standards, HubRef Hub,
    string? OrganisationCountry, OrganisationType OrganisationKind, DateTimeOffset? SubmittedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ExpiresAt,
    int Version, OrganisationContact? Organisation, PersonContact? Author, IReadOnlyList<ReviewNoteView>? Notes, ProfilePermissions Can,
    IReadOnlyList<InterestView> MyInterests);

/// <summary>
/// An expression of interest as one of its sides sees it. The contacts (<see cref="SenderContact"/>, <see cref="SenderOrganisation"/>,
/// <see cref="ProfileContact"/>, <see cref="ProfileOrganisation"/>) are set only once it is accepted.
/// </summary>
public sealed record InterestView(int Id, int ProfileId, string ProfileTitle, InterestState State, string Message, DateTimeOffset SentAt,
    DateTimeOffset? AnsweredAt, string? AnswerNote, int? SenderProfileId, string? SenderOrganisationCountry, OrganisationType? SenderOrganisationKind,
    bool Sent, PersonContact? SenderContact, OrganisationContact? SenderOrganisation, PersonContact? ProfileContact, OrganisationContact? ProfileOrganisation);

public sealed record ProfileFilter(ProfileKind? Kind = null, string? Technology = null, string? Sector = null, string? Country = null, string? Q = null);

/// <summary>The signed-in person's partnering: their organisations' profiles, and the interests they sent and received.</summary>
public sealed record MyPartnering(IReadOnlyList<ProfileCard> Profiles, IReadOnlyList<InterestView> Sent, IReadOnlyList<InterestView> Received,
    IReadOnlyList<OrganisationContact> Organisations);

/// <summary>Read side of partnering profiles, for pages and API alike; every answer goes through <see cref="PartneringAccess"/>.</summary>
public sealed class PartneringQueries(AgoraDbContext db, PartneringAccess access, TimeProvider clock)
{
    public static readonly string[] Sorts = ["newest", "title"];

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    private sealed record Row(PartneringProfile P, OrganisationType OrgType, string? Country);

    private IQueryable<Row> Rows(IQueryable<PartneringProfile> profiles) =>
        from p in profiles
        join o in db.Organisations on p.OrganisationId equals o.Id
        select new Row(p, o.Type, db.NetworkCustomers.Where(c => c.OrganisationId == o.Id).Select(c => c.Country).FirstOrDefault());

    private async Task<Dictionary<Guid, HubRef>> HubsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await db.Hubs.AsNoTracking().Where(h => list.Contains(h.Id)).Named(Culture).ToListAsync(ct)).ToDictionary(h => h.Id, h => new HubRef(h.Slug, h.Name));
    }

    private static ProfileCard Card(Row r, IReadOnlyDictionary<Guid, HubRef> hubs) => new(r.P.Id, r.P.Kind, r.P.Status, r.P.Language, r.P.Title, r.P.Summary,
        Tags.Split(r.P.Technologies), Tags.Split(r.P.Sectors), r.P.Trl, r.Country, r.OrgType, hubs[r.P.HubId], r.P.PublishedAt, r.P.ExpiresAt);

    /// <summary>The published profiles everyone sees, filtered, sorted (newest or title) and paged.</summary>
    public async Task<Result<PagedList<ProfileCard>>> ListAsync(ProfileFilter f, ListQuery q, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (f.Kind is { } k && !Enum.IsDefined(k)) errors["kind"] = ["invalid"];
        if (!string.IsNullOrEmpty(f.Technology) && !NetworkTaxonomy.Technologies.Contains(f.Technology)) errors["technology"] = ["invalid"];
        if (!string.IsNullOrEmpty(f.Sector) && !NetworkTaxonomy.Sectors.Contains(f.Sector)) errors["sector"] = ["invalid"];
        if (!string.IsNullOrEmpty(f.Country) && !PartneringProfiles.Countries.Contains(f.Country.ToUpperInvariant())) errors["country"] = ["invalid"];
        if (errors.Count > 0) return Result<PagedList<ProfileCard>>.Invalid(errors);

        var profiles = db.PartneringProfiles.AsNoTracking().Where(PartneringAccess.IsPublished(now));
        if (f.Kind is { } kind) profiles = profiles.Where(p => p.Kind == kind);
        if (!string.IsNullOrEmpty(f.Technology)) { var t = Tags.Token(f.Technology); profiles = profiles.Where(p => p.Technologies.Contains(t)); }
        if (!string.IsNullOrEmpty(f.Sector)) { var s = Tags.Token(f.Sector); profiles = profiles.Where(p => p.Sectors.Contains(s)); }
        if (!string.IsNullOrEmpty(f.Country))
        {
            var c = f.Country.ToUpperInvariant();
            profiles = profiles.Where(p => db.NetworkCustomers.Any(x => x.OrganisationId == p.OrganisationId && x.Country == c));
        }
        foreach (var word in Validator.Clean(f.Q).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var w = word;
            profiles = profiles.Where(p => p.Title.ToLower().Contains(w) || p.Summary.ToLower().Contains(w) || p.Keywords.ToLower().Contains(w)
                || p.Description.ToLower().Contains(w));
        }
        var total = await profiles.CountAsync(ct);
        var sorted = q.Sort == "title"
            ? (q.Descending ? profiles.OrderByDescending(p => p.Title) : profiles.OrderBy(p => p.Title)).ThenBy(p => p.Id)
            : (q.Descending ? profiles.OrderBy(p => p.PublishedAt) : profiles.OrderByDescending(p => p.PublishedAt)).ThenByDescending(p => p.Id);
        var rows = await Rows(sorted.Skip(q.Skip).Take(q.PageSize)).ToListAsync(ct);
        var hubs = await HubsAsync(rows.Select(r => r.P.HubId), ct);
        return Result<PagedList<ProfileCard>>.Ok(new PagedList<ProfileCard>(rows.Select(r => Card(r, hubs)).ToList(), q.Page, q.PageSize, total));
    }

    public async Task<Result<ProfileView>> GetAsync(int id, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<ProfileView>.NotFound();
        var p = s.Profile;
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == p.OrganisationId)
            .Select(o => new { o.Slug, o.Name, o.Website, o.Type, Country = db.NetworkCustomers.Where(c => c.OrganisationId == o.Id).Select(c => c.Country).FirstOrDefault() })
            .SingleAsync(ct);
        var hubs = await HubsAsync([p.HubId], ct);
        PersonContact? author = null;
        if (s.SeesContact && p.AuthorId is { } a)
            author = await db.Users.AsNoTracking().Where(u => u.Id == a).Select(u => new PersonContact(u.DisplayName, u.Email)).SingleOrDefaultAsync(ct);
        IReadOnlyList<ReviewNoteView>? notes = null;
        if (s.IsMember || s.IsReviewer)
            notes = await (from n in db.ProfileReviewNotes.AsNoTracking().Where(n => n.ProfileId == id)
                           join u in db.Users on n.AuthorId equals u.Id into people
                           from u in people.DefaultIfEmpty()
                           orderby n.At, n.Id
                           select new ReviewNoteView(n.Id, n.Kind, u == null ? null : u.DisplayName, n.Text, n.At)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var can = new ProfilePermissions(
            Edit: s.CanEdit,
            Submit: s.CanManage && p.Status is ProfileStatus.Draft or ProfileStatus.ChangesRequested,
            Review: s.CanReview,
            Renew: s.CanManage && p.Status is ProfileStatus.Published or ProfileStatus.Expired && (p.Deadline is not { } d || d >= DateOnly.FromDateTime(now.UtcDateTime)),
            Withdraw: s.CanManage && p.Status != ProfileStatus.Withdrawn,
            ExpressInterest: s.CanExpressInterest,
            AnswerInterests: s.CanManage);
        var mine = s.UserId is { } me && !s.IsMember ? await InterestsAsync(db.ExpressionsOfInterest.Where(e => e.ProfileId == id && e.SenderId == me), me, ct) : [];
        return Result<ProfileView>.Ok(new ProfileView(p.Id, p.Kind, p.Status, p.Language, p.Title, p.Summary, p.Description, Tags.Split(p.Keywords),
            Tags.Split(p.Technologies), Tags.Split(p.Sectors), p.Trl, p.TrlSoughtMin, p.TrlSoughtMax, p.Stage, p.IntellectualProperty, p.PartnerSought,
            PartneringProfiles.Names(p.Partnerships), Tags.Split(p.CountriesSought), Tags.Split(p.RegionsSought), p.Deadline, p.DeviceClass, p.CeMarking,
            p.NeedsClinicalData, p.NeedsHealthDataPermit, s.IsMember ? p.DataApplicationId : null, PartneringProfiles.Names(p.Standards), hubs[p.HubId],
            org.Country, org.Type, p.SubmittedAt, p.PublishedAt, p.ExpiresAt, p.Version,
            s.SeesOrganisation ? new OrganisationContact(org.Slug, org.Name, org.Website) : null, author, notes, can, mine));
    }

    /// <summary>The interests received by a profile: its organisation's members (404 for everyone else).</summary>
    public async Task<Result<IReadOnlyList<InterestView>>> ReceivedAsync(int profileId, CancellationToken ct)
    {
        var s = await access.LoadAsync(profileId, ct);
        if (s is null || !s.IsMember) return s is null ? Result<IReadOnlyList<InterestView>>.NotFound() : s.Refuse<IReadOnlyList<InterestView>>();
        return Result<IReadOnlyList<InterestView>>.Ok(await InterestsAsync(db.ExpressionsOfInterest.Where(e => e.ProfileId == profileId), s.UserId!.Value, ct));
    }

    private sealed record InterestRow(ExpressionOfInterest E, string Title, Guid ProfileOrg, Guid? ProfileAuthor, OrganisationType? SenderKind, string? SenderCountry);

    /// <summary>The interests as <paramref name="me"/> sees them: contacts of both sides only once accepted.</summary>
    private async Task<IReadOnlyList<InterestView>> InterestsAsync(IQueryable<ExpressionOfInterest> interests, Guid me, CancellationToken ct)
    {
        var rows = await (from e in interests.AsNoTracking()
                          join p in db.PartneringProfiles on e.ProfileId equals p.Id
                          join o in db.Organisations on e.SenderOrganisationId equals o.Id into senders
                          from o in senders.DefaultIfEmpty()
                          orderby e.SentAt descending, e.Id descending
                          select new InterestRow(e, p.Title, p.OrganisationId, p.AuthorId, o == null ? null : o.Type,
                              db.NetworkCustomers.Where(c => c.OrganisationId == e.SenderOrganisationId).Select(c => c.Country).FirstOrDefault()))
            .Take(500).ToListAsync(ct);
        var accepted = rows.Where(r => r.E.State == InterestState.Accepted).ToList();
        var people = accepted.SelectMany(r => new[] { r.E.SenderId, r.ProfileAuthor }).OfType<Guid>().Distinct().ToList();
        var orgIds = accepted.SelectMany(r => new[] { r.E.SenderOrganisationId, r.ProfileOrg }).OfType<Guid>().Distinct().ToList();
        var contacts = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new PersonContact(u.DisplayName, u.Email), ct);
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new OrganisationContact(o.Slug, o.Name, o.Website), ct);
        return rows.Select(r =>
        {
            var open = r.E.State == InterestState.Accepted;
            return new InterestView(r.E.Id, r.E.ProfileId, r.Title, r.E.State, r.E.Message, r.E.SentAt, r.E.AnsweredAt, r.E.AnswerNote, r.E.SenderProfileId,
                r.SenderCountry, r.SenderKind, r.E.SenderId == me,
                open && r.E.SenderId is { } sid ? contacts.GetValueOrDefault(sid) : null,
                open && r.E.SenderOrganisationId is { } so ? orgs.GetValueOrDefault(so) : null,
                open && r.ProfileAuthor is { } pa ? contacts.GetValueOrDefault(pa) : null,
                open ? orgs.GetValueOrDefault(r.ProfileOrg) : null);
        }).ToList();
    }

    /// <summary>The signed-in person's organisations' profiles (any state), the interests they sent and those their organisations' profiles received.</summary>
    public async Task<Result<MyPartnering>> MineAsync(CancellationToken ct)
    {
        if (access.Me is not { } me) return Result<MyPartnering>.Forbidden();
        var orgIds = db.OrganisationMembers.Where(m => m.UserId == me).Select(m => m.OrganisationId);
        var rows = await Rows(db.PartneringProfiles.AsNoTracking().Where(p => orgIds.Contains(p.OrganisationId))
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id).Take(200)).ToListAsync(ct);
        var hubs = await HubsAsync(rows.Select(r => r.P.HubId), ct);
        var sent = await InterestsAsync(db.ExpressionsOfInterest.Where(e => e.SenderId == me), me, ct);
        var received = await InterestsAsync(db.ExpressionsOfInterest.Where(e => db.PartneringProfiles.Any(p => p.Id == e.ProfileId && orgIds.Contains(p.OrganisationId))), me, ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new OrganisationContact(o.Slug, o.Name, o.Website)).ToListAsync(ct);
        return Result<MyPartnering>.Ok(new MyPartnering(rows.Select(r => Card(r, hubs)).ToList(), sent, received, organisations));
    }

    /// <summary>The published profiles of an organisation the person is a member of (to answer an interest with one).</summary>
    public async Task<IReadOnlyList<(int Id, string Title, string Organisation)>> OwnPublishedAsync(CancellationToken ct)
    {
        if (access.Me is not { } me) return [];
        var now = clock.GetUtcNow();
        var list = await (from p in db.PartneringProfiles.AsNoTracking().Where(PartneringAccess.IsPublished(now))
                          join o in db.Organisations on p.OrganisationId equals o.Id
                          where db.OrganisationMembers.Any(m => m.OrganisationId == p.OrganisationId && m.UserId == me)
                          orderby p.Title
                          select new { p.Id, p.Title, o.Slug }).ToListAsync(ct);
        return list.Select(x => (x.Id, x.Title, x.Slug)).ToList();
    }

    /// <summary>The hub's review queue: profiles in review, outside the reviewer's own organisations (its desk; 404 for everyone else).</summary>
    public async Task<Result<IReadOnlyList<ProfileCard>>> ReviewQueueAsync(string hubSlug, CancellationToken ct)
    {
        var hubId = await db.HubIdAsync(hubSlug, ct);
        if (hubId is not { } hub || access.Me is not { } me || !await access.IsDeskAsync(hub, ct)) return Result<IReadOnlyList<ProfileCard>>.NotFound();
        var orgIds = db.OrganisationMembers.Where(m => m.UserId == me).Select(m => m.OrganisationId);
        var rows = await Rows(db.PartneringProfiles.AsNoTracking()
            .Where(p => p.HubId == hub && p.Status == ProfileStatus.InReview && !orgIds.Contains(p.OrganisationId) && p.AuthorId != me)
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).Take(500)).ToListAsync(ct);
        var hubs = await HubsAsync(rows.Select(r => r.P.HubId), ct);
        return Result<IReadOnlyList<ProfileCard>>.Ok(rows.Select(r => Card(r, hubs)).ToList());
    }
}
