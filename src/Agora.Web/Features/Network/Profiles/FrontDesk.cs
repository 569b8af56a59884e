using Agora.Web.Features.Hubs;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// A manager's proposal of a member as front-desk contact: <see cref="Visibility"/> Public, SignedIn or Members
/// (default Members); <see cref="Languages"/>: culture names of <see cref="HubProfiles.LanguageChoices"/>.
/// </summary>
public sealed record ContactProposal(Guid? UserId, string? Role, IReadOnlyList<string>? Languages, string? Hours, string? Visibility);

/// <summary>What a contact changes of their own seat (and a manager of the role): languages, hours, who may see them.</summary>
public sealed record ContactChange(string? Role, IReadOnlyList<string>? Languages, string? Hours, string? Visibility);

/// <summary>A seat at the desk not yet agreed to: seen by the hub's managers and by the person proposed.</summary>
public sealed record PendingContact(int Id, Guid UserId, string Name, string Role, IReadOnlyList<string> Languages, string Hours,
    ContactVisibility Visibility, DateTimeOffset ProposedAt);

/// <summary>The front desk as the person asking may see it.</summary>
public sealed record FrontDeskView(string HubSlug, string HubName, bool InNetwork, bool CanManage, IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<PendingContact> Pending, ContactView? Mine, PendingContact? MyProposal);

/// <summary>
/// Front-desk contacts: a hub manager proposes a member with role, languages, hours and visibility; the person is told
/// and accepts (then they are a contact) or refuses (the proposal goes, never shown); a contact changes their own
/// languages, hours and visibility, and steps down; a manager removes a contact. The seat ends with the membership
/// (<see cref="FrontDeskRightsEnded"/>). Every step audited.
/// </summary>
public sealed class FrontDesk(AgoraDbContext db, ProfileAccess access, HubProfiles profiles, Viewers viewers, CurrentUser current, Validator v,
    AuditLog audit, Notifier notifier, IHubBlocks blocks, TimeProvider clock)
{
    public async Task<FrontDeskView?> GetAsync(string slug, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == slug).Select(h => new { h.Id, h.Slug, h.Name }).SingleOrDefaultAsync(ct);
        if (hub is null) return null;
        var listed = await db.HubNetworkProfiles.Where(p => p.HubId == hub.Id).Select(p => (bool?)p.Listed).SingleOrDefaultAsync(ct);
        var manages = await access.ManagesAsync(hub.Id, ct);
        var contacts = (await profiles.ContactsAsync([hub.Id], await access.AudienceAsync(ct), ct)).GetValueOrDefault(hub.Id) ?? [];
        var me = current.IsAuthenticated ? current.Id : null;
        var pending = await (from c in db.FrontDeskContacts.AsNoTracking()
                             where c.HubId == hub.Id && c.ConfirmedAt == null && (manages || c.UserId == me)
                             join u in db.Users on c.UserId equals u.Id
                             orderby c.ProposedAt, c.Id
                             select new { c.Id, c.UserId, u.DisplayName, c.Role, c.Languages, c.Hours, c.Visibility, c.ProposedAt }).ToListAsync(ct);
        var pendingViews = pending.Select(p => new PendingContact(p.Id, p.UserId, p.DisplayName, p.Role, Tags.Split(p.Languages), p.Hours, p.Visibility, p.ProposedAt)).ToList();
        ContactView? mine = null;
        if (me is { } id)
        {
            mine = contacts.FirstOrDefault(c => c.UserId == id);
            if (mine is null)
            {
                // Their own seat, even when its visibility would hide it from them (it cannot: they are a member), is theirs to see.
                mine = await (from c in db.FrontDeskContacts.AsNoTracking()
                              where c.HubId == hub.Id && c.UserId == id && c.ConfirmedAt != null
                              join u in db.Users on c.UserId equals u.Id
                              select new ContactView(c.Id, c.UserId, u.DisplayName, c.Role, Tags.Split(c.Languages), c.Hours, c.Visibility)).SingleOrDefaultAsync(ct);
            }
        }
        if (listed != true && !manages && mine is null && !pendingViews.Any(p => p.UserId == me)) return listed is null ? new FrontDeskView(hub.Slug, hub.Name, false, false, [], [], null, null) : null;
        return new FrontDeskView(hub.Slug, hub.Name, listed is not null, manages, contacts, pendingViews, mine, pendingViews.FirstOrDefault(p => p.UserId == me));
    }

    /// <summary>The members a manager may propose: members of the hub without a seat or proposal yet (a blocked one is refused on proposing).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CandidatesAsync(Guid hubId, CancellationToken ct) =>
        (await (from m in db.HubMemberships
                where m.HubId == hubId && !db.FrontDeskContacts.Any(c => c.HubId == hubId && c.UserId == m.UserId)
                join u in db.Users on m.UserId equals u.Id
                orderby u.DisplayName
                select new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(x => (x.Id, x.DisplayName)).ToList();

    public async Task<Result<int>> ProposeAsync(string slug, ContactProposal input, CancellationToken ct)
    {
        if (await db.HubIdAsync(slug, ct) is not { } hub) return Result<int>.NotFound();
        if (!await access.ManagesAsync(hub, ct)) return Result<int>.Forbidden();
        if (input.UserId is not { } person) v.Add("userId", "Validation.Required");
        else if (!await db.HubMemberships.AnyAsync(m => m.HubId == hub && m.UserId == person, ct)
            || await blocks.IsBlockedAsync(hub, person, ct))
            v.Add("userId", "Network.Profiles.Desk.NotAMember");
        var (role, languages, hours, visibility) = Check(input.Role, input.Languages, input.Hours, input.Visibility);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (await db.FrontDeskContacts.AnyAsync(c => c.HubId == hub && c.UserId == input.UserId, ct))
            return Result<int>.Conflict("userId", v.Message("Network.Profiles.Desk.AlreadyProposed"));
        var now = clock.GetUtcNow();
        var me = current.RequiredId;
        var id = await db.InTransactionAsync(async token =>
        {
            var contact = new FrontDeskContact
            {
                HubId = hub, UserId = input.UserId!.Value, Role = role, Languages = Tags.Join(languages), Hours = hours, Visibility = visibility,
                ProposedById = me, ProposedAt = now,
            };
            db.FrontDeskContacts.Add(contact);
            audit.Add(AuditActions.FrontDeskProposed, hub, await NameAsync(contact.UserId, token), $"{role}; {visibility}");
            await notifier.AddAsync(new NotificationEvent(NotificationKind.ServiceRequest, hub, ActorId: me, Detail: "FrontDeskProposed",
                Title: await db.Hubs.Where(h => h.Id == hub).Select(h => h.Name).SingleAsync(token), Path: $"/hubs/{slug}/network/front-desk"),
                [contact.UserId], token);
            await db.SaveChangesAsync(token);
            return contact.Id;
        }, ct);
        return Result<int>.Ok(id);
    }

    /// <summary>The person proposed agrees: from now on they are a contact, shown as their visibility allows.</summary>
    public Task<Result<int>> AcceptAsync(string slug, int id, CancellationToken ct) => OwnAsync(slug, id, pendingOnly: true, async (contact, hub, token) =>
    {
        contact.ConfirmedAt = clock.GetUtcNow();
        audit.Add(AuditActions.FrontDeskAccepted, hub, await NameAsync(contact.UserId, token), contact.Role);
        return true;
    }, ct);

    /// <summary>The person proposed refuses: the proposal goes and was never shown.</summary>
    public Task<Result<int>> RefuseAsync(string slug, int id, CancellationToken ct) => OwnAsync(slug, id, pendingOnly: true, async (contact, hub, token) =>
    {
        db.FrontDeskContacts.Remove(contact);
        audit.Add(AuditActions.FrontDeskRefused, hub, await NameAsync(contact.UserId, token), contact.Role);
        return true;
    }, ct);

    /// <summary>A contact changes their languages, hours and visibility; a manager may change the role and the rest.</summary>
    public async Task<Result<int>> ChangeAsync(string slug, int id, ContactChange input, CancellationToken ct)
    {
        var scope = await LoadAsync(slug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        var (contact, hub, manages) = scope.Value;
        if (contact.UserId != current.Id && !manages) return Result<int>.Forbidden();
        var changesRole = input.Role is not null && Validator.Clean(input.Role) != contact.Role;
        if (changesRole && !manages) v.Add("role", "Network.Profiles.Desk.RoleByManager");
        var (role, languages, hours, visibility) = Check(input.Role ?? contact.Role, input.Languages, input.Hours, input.Visibility);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await db.InTransactionAsync(async token =>
        {
            var row = await db.FrontDeskContacts.SingleOrDefaultAsync(c => c.Id == id, token);
            if (row is null) return Result<int>.NotFound();
            row.Role = role; row.Languages = Tags.Join(languages); row.Hours = hours; row.Visibility = visibility;
            audit.Add(AuditActions.FrontDeskChanged, hub, await NameAsync(row.UserId, token), $"{role}; {visibility}");
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(id);
        }, ct);
    }

    /// <summary>A contact steps down, or a manager removes a contact or withdraws a proposal.</summary>
    public async Task<Result<int>> RemoveAsync(string slug, int id, CancellationToken ct)
    {
        var scope = await LoadAsync(slug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        var (contact, hub, manages) = scope.Value;
        var self = contact.UserId == current.Id;
        if (!self && !manages) return Result<int>.Forbidden();
        await db.InTransactionAsync(async token =>
        {
            var row = await db.FrontDeskContacts.SingleOrDefaultAsync(c => c.Id == id, token);
            if (row is null) return false;
            db.FrontDeskContacts.Remove(row);
            audit.Add(self ? AuditActions.FrontDeskSteppedDown : AuditActions.FrontDeskRemoved, hub, await NameAsync(row.UserId, token), row.Role);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(id);
    }

    private async Task<Result<int>> OwnAsync(string slug, int id, bool pendingOnly, Func<FrontDeskContact, Guid, CancellationToken, Task<bool>> work, CancellationToken ct)
    {
        var scope = await LoadAsync(slug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        var (contact, hub, manages) = scope.Value;
        if (contact.UserId != current.Id) return manages ? Result<int>.Forbidden() : Result<int>.NotFound();
        if (pendingOnly && contact.ConfirmedAt is not null) return Result<int>.Conflict("", v.Message("Network.Profiles.Desk.AlreadyAnswered"));
        await db.InTransactionAsync(async token =>
        {
            var row = await db.FrontDeskContacts.SingleAsync(c => c.Id == id, token);
            await work(row, hub, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(id);
    }

    /// <summary>The seat, if the person may know of it: its own person, the hub's managers, or anyone when it is confirmed and visible to them.</summary>
    private async Task<(FrontDeskContact Contact, Guid Hub, bool Manages)?> LoadAsync(string slug, int id, CancellationToken ct)
    {
        if (!current.IsAuthenticated || await db.HubIdAsync(slug, ct) is not { } hub) return null;
        var contact = await db.FrontDeskContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.HubId == hub, ct);
        if (contact is null) return null;
        var manages = await access.ManagesAsync(hub, ct);
        if (manages || contact.UserId == current.Id) return (contact, hub, manages);
        var viewer = await viewers.ForHubAsync(hub, ct);
        var sees = contact.ConfirmedAt is not null && ProfileAccess.VisibleTo(true, viewer.IsMember && !viewer.IsBlocked).Contains(contact.Visibility);
        return sees ? (contact, hub, false) : null;
    }

    private (string Role, List<string> Languages, string Hours, ContactVisibility Visibility) Check(string? role, IReadOnlyList<string>? languages,
        string? hours, string? visibility)
    {
        var cleanRole = v.Text("role", role, 120);
        var langs = (languages ?? []).Select(l => Validator.Clean(l)).Where(l => l.Length > 0).Distinct().ToList();
        if (langs.Any(l => !HubProfiles.LanguageChoices.Contains(l))) v.Add("languages", "Validation.Invalid");
        if (langs.Count == 0) v.Add("languages", "Network.Profiles.LanguageRequired");
        var cleanHours = v.Text("hours", hours, 200, required: false);
        var vis = ContactVisibility.Members;
        if (!string.IsNullOrEmpty(visibility) && (!Enum.TryParse(visibility, ignoreCase: false, out vis) || !Enum.IsDefined(vis) || int.TryParse(visibility, out _)))
            v.Add("visibility", "Validation.Invalid");
        return (cleanRole, langs.Where(HubProfiles.LanguageChoices.Contains).ToList(), cleanHours, vis);
    }

    private Task<string> NameAsync(Guid userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
}
