using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network;

public sealed record HubRef(string Slug, string Name);

public sealed record ServiceRequestRow(int Id, string Title, string Customer, ServiceRequestState State, HubRef Hub, HubRef? ReferredTo,
    DateTimeOffset SubmittedAt, DateTimeOffset AnswerDueAt, bool Overdue, string TimeZone);

/// <summary>One step of the request's timeline, with the sentence the reader reads ("Referred by DIH Centro to imIN-hub: …").</summary>
public sealed record ServiceRequestStepView(RequestStepKind Kind, DateTimeOffset At, string? Actor, HubRef? Hub, HubRef? ToHub, string Note, string Text);

public sealed record ServiceDeliveryView(DeliveryStatus Status, DateOnly? StartedOn, DateOnly? CompletedOn, string Outcome,
    int? FeedbackRating, string? FeedbackComment, DateTimeOffset? FeedbackAt, bool FeedbackEditable);

/// <summary>What the reader may do with the request now.</summary>
public sealed record ServiceRequestActions(bool Answer, bool AnswerReferral, bool RecordDelivery, bool Withdraw, bool GiveFeedback, bool OwnOrganisation);

public sealed record ServiceRequestDetail(int Id, string Title, string Description, ServiceRequestState State, string Customer, string CustomerSlug,
    string RegionCode, string? Requester, int? ServiceId, string? ServiceTitle, ServiceCategory? Category, string? Technology, string? Sector,
    string Language, HubRef Hub, HubRef FirstHub, HubRef? ReferredTo, string HandledBy, string? Why, DateTimeOffset SubmittedAt, DateTimeOffset AnswerDueAt,
    bool Overdue, DateTimeOffset? FirstAnsweredAt, string? DeclineReason, DateTimeOffset? ClosedAt, int Version, string TimeZone,
    IReadOnlyList<ServiceRequestStepView> Steps, ServiceDeliveryView? Delivery, ServiceRequestActions Actions);

/// <summary>A customer the person may ask for, and the hubs the ask form proposes for it (the one serving its region first).</summary>
public sealed record AskOptions(IReadOnlyList<AskCustomer> Customers, IReadOnlyList<HubRef> Hubs, AskService? Service, bool Registered);

public sealed record AskCustomer(string Slug, string Name, string RegionCode, string? ProposedHub);

public sealed record AskService(int Id, string Title, HubRef Hub, ServiceCategory Category, IReadOnlyList<string> Technologies, IReadOnlyList<string> Sectors);

/// <summary>What the customer's members, the front desks and the pages read of service requests; the same rules as the workflow.</summary>
public sealed class ServiceRequestQueries(AgoraDbContext db, ServiceRequestAccess access, NetworkAccess network, CurrentUser current,
    IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public static readonly string[] Sorts = ["due", "submitted"];

    /// <summary>The requests of the customer organisations the person is a member of, newest first.</summary>
    public async Task<PagedList<ServiceRequestRow>> MineAsync(int page, CancellationToken ct)
    {
        if (current.Id is not { } me) return new PagedList<ServiceRequestRow>([], 1, 20, 0);
        var q = db.ServiceRequests.AsNoTracking().Where(r => db.OrganisationMembers.Any(m => m.OrganisationId == r.CustomerId && m.UserId == me));
        var total = await q.CountAsync(ct);
        var rows = await RowsAsync(q.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Skip((page - 1) * 20).Take(20), null, ct);
        return new PagedList<ServiceRequestRow>(rows, page, 20, total);
    }

    public sealed record DeskFilter(ServiceRequestState? State, bool Overdue, ListQuery List);

    /// <summary>The front desk's queue: what the hub holds and what was referred to it; null when the person is not at its desk.</summary>
    public async Task<(HubRef Hub, PagedList<ServiceRequestRow> List)?> DeskAsync(string slug, DeskFilter filter, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == slug).Select(h => new { h.Id, h.Slug, h.Name }).SingleOrDefaultAsync(ct);
        if (hub is null || !await network.IsFrontDeskAsync(hub.Id, ct)) return null;
        var now = clock.GetUtcNow();
        var q = db.ServiceRequests.AsNoTracking().Where(r => r.HubId == hub.Id
            || (r.State == ServiceRequestState.Referred && db.ServiceReferrals.Any(f => f.RequestId == r.Id && f.ToHubId == hub.Id && f.Accepted == null)));
        if (filter.State is { } state) q = q.Where(r => r.State == state);
        if (filter.Overdue)
            q = q.Where(r => r.AnswerDueAt < now && ((r.State == ServiceRequestState.Submitted && r.HubId == hub.Id) || (r.State == ServiceRequestState.Referred && r.HubId != hub.Id)));
        var total = await q.CountAsync(ct);
        var l = filter.List;
        var ordered = (l.Sort, l.Descending) switch
        {
            ("submitted", false) => q.OrderBy(r => r.SubmittedAt),
            ("submitted", true) => q.OrderByDescending(r => r.SubmittedAt),
            (_, true) => q.OrderByDescending(r => r.AnswerDueAt),
            _ => q.OrderBy(r => r.AnswerDueAt),
        };
        var rows = await RowsAsync(ordered.ThenBy(r => r.Id).Skip(l.Skip).Take(l.PageSize), hub.Id, ct);
        return (new HubRef(hub.Slug, hub.Name), new PagedList<ServiceRequestRow>(rows, l.Page, l.PageSize, total));
    }

    private async Task<List<ServiceRequestRow>> RowsAsync(IQueryable<ServiceRequest> q, Guid? desk, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Plain rows first, then their hubs, customers and pending referrals: SQLite has no APPLY for row-valued subqueries.
        var rows = await q.Select(r => new { r.Id, r.Title, r.State, r.HubId, r.CustomerId, r.SubmittedAt, r.AnswerDueAt }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var pending = (await db.ServiceReferrals.AsNoTracking().Where(f => ids.Contains(f.RequestId) && f.Accepted == null)
                .Select(f => new { f.Id, f.RequestId, f.ToHubId }).ToListAsync(ct))
            .GroupBy(f => f.RequestId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Id).First().ToHubId);
        var hubIds = rows.Select(r => r.HubId).Concat(pending.Values).Distinct().ToList();
        var hubs = await db.Hubs.AsNoTracking().Where(h => hubIds.Contains(h.Id)).Select(h => new { h.Id, h.Slug, h.Name, h.TimeZone }).ToDictionaryAsync(h => h.Id, ct);
        var orgIds = rows.Select(r => r.CustomerId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.Select(r =>
        {
            Guid? to = r.State == ServiceRequestState.Referred && pending.TryGetValue(r.Id, out var t) ? t : null;
            // Overdue for the desk that owes the answer: the holder while submitted, the hub it was referred to while referred.
            var owes = r.State == ServiceRequestState.Submitted ? r.HubId : to;
            var overdue = owes is not null && r.AnswerDueAt < now && (desk is null || desk == owes);
            var hub = hubs[r.HubId];
            return new ServiceRequestRow(r.Id, r.Title, orgs.GetValueOrDefault(r.CustomerId, ""), r.State, new HubRef(hub.Slug, hub.Name),
                to is { } toId ? new HubRef(hubs[toId].Slug, hubs[toId].Name) : null, r.SubmittedAt, r.AnswerDueAt, overdue, hub.TimeZone);
        }).ToList();
    }

    /// <summary>One request as its customer and the desks involved see it; null for everyone else.</summary>
    public async Task<ServiceRequestDetail?> GetAsync(int id, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return null;
        var r = s.Request;
        var steps = await db.ServiceRequestSteps.AsNoTracking().Where(x => x.RequestId == id).OrderBy(x => x.At).ThenBy(x => x.Id)
            .Select(x => new { x.Kind, x.At, x.HubId, x.ToHubId, x.Note, Actor = db.Users.Where(u => u.Id == x.ActorId).OrderBy(u => u.Id).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var hubIds = steps.SelectMany(x => new[] { x.HubId, x.ToHubId }).OfType<Guid>().Append(r.HubId).Append(r.FirstHubId).ToList();
        if (s.PendingReferral is { } p) hubIds.Add(p.ToHubId);
        hubIds = hubIds.Distinct().ToList();
        var hubs = await db.Hubs.AsNoTracking().Where(h => hubIds.Contains(h.Id)).Select(h => new { h.Id, h.Slug, h.Name, h.TimeZone })
            .ToDictionaryAsync(h => h.Id, h => new { Ref = new HubRef(h.Slug, h.Name), h.TimeZone }, ct);
        HubRef? Hub(Guid? hid) => hid is { } x && hubs.TryGetValue(x, out var h) ? h.Ref : null;
        var views = steps.Where(x => x.Kind != RequestStepKind.Overdue || s.IsDesk).Select(x =>
        {
            var hub = Hub(x.HubId);
            var to = Hub(x.ToHubId);
            var text = t["Network.Requests.Step." + x.Kind, hub?.Name ?? "", to?.Name ?? "", x.Note].Value;
            return new ServiceRequestStepView(x.Kind, x.At, x.Actor is null ? null : (FormerMember.Is(x.Actor) ? FormerMember.Name : x.Actor), hub, to, x.Note, text);
        }).ToList();
        var customer = await db.Organisations.AsNoTracking().Where(o => o.Id == r.CustomerId).Select(o => new { o.Name, o.Slug }).SingleAsync(ct);
        var requester = r.RequesterId is { } rid ? await db.Users.Where(u => u.Id == rid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        string? serviceTitle = null;
        if (r.ServiceId is { } sid)
        {
            var texts = await db.CatalogueServiceTexts.AsNoTracking().Where(x => x.ServiceId == sid).Select(x => new { x.Culture, x.Title }).ToListAsync(ct);
            var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
            serviceTitle = (texts.FirstOrDefault(x => x.Culture == culture) ?? texts.FirstOrDefault(x => x.Culture == "en") ?? texts.FirstOrDefault())?.Title;
        }
        var d = await db.ServiceDeliveries.AsNoTracking().SingleOrDefaultAsync(x => x.RequestId == id, ct);
        var now = clock.GetUtcNow();
        var delivery = d is null ? null : new ServiceDeliveryView(d.Status, d.StartedOn, d.CompletedOn, d.Outcome, d.FeedbackRating, d.FeedbackComment, d.FeedbackAt,
            s.CanGiveFeedback && (d.FeedbackAt is null || (d.FeedbackById == s.UserId && now - d.FeedbackAt.Value <= ServiceRequestLimits.FeedbackEditable)));
        var holder = Hub(r.HubId)!;
        var referredTo = s.PendingReferral is { } pr ? Hub(pr.ToHubId) : null;
        // Who handles it now, and why: the customer reads the last hub's reason.
        var lastMove = steps.LastOrDefault(x => x.Kind is RequestStepKind.Referred or RequestStepKind.ReferralDeclined);
        var handledBy = referredTo is not null ? t["Network.Requests.WaitingFor", referredTo.Name, holder.Name].Value
            : r.State is ServiceRequestState.Declined or ServiceRequestState.Withdrawn or ServiceRequestState.Cancelled ? t["Network.Requests.ClosedAt", holder.Name].Value
            : t["Network.Requests.HandledBy", holder.Name].Value;
        var why = lastMove is null || string.IsNullOrEmpty(lastMove.Note) ? null : lastMove.Note;
        var owes = r.State == ServiceRequestState.Submitted || (r.State == ServiceRequestState.Referred && referredTo is not null);
        var own = s.IsCustomerMember && (s.IsHolderDesk || s.IsReferralDesk);
        var actions = new ServiceRequestActions(s.CanAnswer && !s.IsCustomerMember, s.CanAnswerReferral && !s.IsCustomerMember,
            s.CanRecordDelivery && !s.IsCustomerMember, s.CanWithdraw, delivery?.FeedbackEditable == true, own);
        return new ServiceRequestDetail(r.Id, r.Title, r.Description, r.State, customer.Name, customer.Slug, r.RegionCode, requester is null ? null : (FormerMember.Is(requester) ? FormerMember.Name : requester),
            r.ServiceId, serviceTitle, r.Category, r.Technology, r.Sector, r.Language, holder, Hub(r.FirstHubId)!, referredTo, handledBy, why,
            r.SubmittedAt, r.AnswerDueAt, owes && r.AnswerDueAt < now, r.FirstAnsweredAt, r.DeclineReason, r.ClosedAt, r.Version,
            hubs[r.HubId].TimeZone, views, delivery, actions);
    }

    /// <summary>
    /// What the ask form offers the person: the customers they act for (each with the hub it proposes: the one serving
    /// its region, else one of its country, else any), the hubs of the network, and the service asked about.
    /// </summary>
    public async Task<AskOptions> AskOptionsAsync(int? serviceId, CancellationToken ct)
    {
        var me = current.RequiredId;
        var customers = await db.NetworkCustomers.AsNoTracking()
            .Where(c => db.OrganisationMembers.Any(m => m.OrganisationId == c.OrganisationId && m.UserId == me))
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { o.Slug, o.Name, c.RegionCode, c.Country })
            .OrderBy(c => c.Name).ToListAsync(ct);
        var registeredAnywhere = customers.Count > 0;
        var hubs = await HubProposal.CandidatesAsync(db, ct);
        string? Propose(string region, string country) => HubProposal.Propose(hubs, region, country)?.Slug;
        AskService? service = null;
        if (serviceId is { } sid)
        {
            var found = await db.CatalogueServices.AsNoTracking()
                .Where(x => x.Id == sid && x.Status == ServiceStatus.Published && db.HubNetworkProfiles.Any(p => p.HubId == x.HubId && p.Listed))
                .Select(x => new { x.Id, x.Category, x.Technologies, x.Sectors, HubSlug = db.Hubs.Where(h => h.Id == x.HubId).OrderBy(h => h.Id).Select(h => h.Slug).FirstOrDefault() ?? "", HubName = db.Hubs.Where(h => h.Id == x.HubId).OrderBy(h => h.Id).Select(h => h.Name).FirstOrDefault() ?? "",
                    Texts = x.Texts.Select(tx => new { tx.Culture, tx.Title }).ToList() })
                .SingleOrDefaultAsync(ct);
            if (found is not null)
            {
                var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
                var title = (found.Texts.FirstOrDefault(x => x.Culture == culture) ?? found.Texts.FirstOrDefault(x => x.Culture == "en") ?? found.Texts.FirstOrDefault())?.Title ?? "";
                service = new AskService(found.Id, title, new HubRef(found.HubSlug, found.HubName), found.Category, Tags.Split(found.Technologies), Tags.Split(found.Sectors));
            }
        }
        return new AskOptions(customers.Select(c => new AskCustomer(c.Slug, c.Name, c.RegionCode, Propose(c.RegionCode, c.Country))).ToList(),
            hubs.Select(h => new HubRef(h.Slug, h.Name)).ToList(), service, registeredAnywhere);
    }

    /// <summary>The organisations the person is an admin of that are not registered as customers yet (the ask page points to them).</summary>
    public Task<List<HubRef>> UnregisteredOrganisationsAsync(CancellationToken ct)
    {
        var me = current.RequiredId;
        return db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == me && m.IsAdmin && !db.NetworkCustomers.Any(c => c.OrganisationId == m.OrganisationId))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new HubRef(o.Slug, o.Name)).ToListAsync(ct);
    }

    /// <summary>The hubs a desk may refer to: every hub with a network profile but the one that holds the request.</summary>
    public Task<List<HubRef>> ReferTargetsAsync(string holderSlug, CancellationToken ct) =>
        db.Hubs.AsNoTracking().Where(h => h.Slug != holderSlug && db.HubNetworkProfiles.Any(p => p.HubId == h.Id))
            .OrderBy(h => h.Name).Select(h => new HubRef(h.Slug, h.Name)).ToListAsync(ct);
}
