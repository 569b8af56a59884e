using System.Globalization;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Agora.Web.Features.Network;

/// <param name="Organisation">The customer organisation's slug; may be left out by someone who acts for one customer only.</param>
/// <param name="ServiceId">A published catalogue service (its hub receives the request); or none, with <paramref name="Hub"/>.</param>
/// <summary>
/// A need, for a service of the catalogue (<see cref="ServiceId"/>) or described; <see cref="Hub"/> is the hub asked
/// when there is no service (none: the hub serving the customer's region, see <see cref="HubProposal"/>);
/// <see cref="Organisation"/> may be left out by a member of a single customer.
/// </summary>
public sealed record AskInput(string? Organisation, int? ServiceId, string? Hub, string? Title, string? Description,
    ServiceCategory? Category, string? Technology, string? Sector);

public sealed record DeclineInput(string? Reason);

public sealed record ReferInput(string? Hub, string? Note);

public sealed record ReferralAnswerInput(string? Note);

public sealed record DeliveryInput(DeliveryStatus? Status, DateOnly? StartedOn, DateOnly? CompletedOn, string? Outcome);

public sealed record FeedbackInput(int? Rating, string? Comment);

public static class ServiceRequestLimits
{
    public const int Title = 200;
    public const int Description = 4000;
    public const int Note = 2000;
    public const int Outcome = 4000;
    /// <summary>The customer may change their feedback for this long after first giving it.</summary>
    public static readonly TimeSpan FeedbackEditable = TimeSpan.FromDays(30);
}

/// <summary>
/// A service request's way through the network: a customer asks (for a catalogue service, or with a need of their
/// own) and the hub's front desk owes a first answer within its working days; the desk accepts, declines with a
/// reason, or refers it to another hub with a note; that hub accepts (and handles it) or declines (back to the first
/// desk, which owes a new answer). An accepted request becomes a delivery; completed, the customer gives feedback.
/// Every transition is a state-and-version-guarded UPDATE inside one transaction with its step, audit entry and
/// notifications: of two people answering at once one wins, the other gets 409.
/// </summary>
public sealed class ServiceRequestWorkflow(AgoraDbContext db, ServiceRequestAccess access, NetworkAccess network, CurrentUser current,
    Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public static string Subject(ServiceRequest r) => $"#{r.Id.ToString(CultureInfo.InvariantCulture)} {r.Title}";

    public static string PathOf(int id) => $"/network/requests/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>When the hub's first answer is due for a request it received at <paramref name="from"/>.</summary>
    public async Task<DateTimeOffset> AnswerDueAsync(Guid hubId, DateTimeOffset from, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Id == hubId).Select(h => new
        {
            h.TimeZone,
            Profile = db.HubNetworkProfiles.Where(p => p.HubId == h.Id).OrderBy(p => p.HubId).Select(p => new { p.Country, p.FirstAnswerDays }).FirstOrDefault(),
        }).SingleAsync(ct);
        return WorkingDays.AnswerDue(from, hub.Profile?.Country, hub.Profile?.FirstAnswerDays ?? 5, hub.TimeZone);
    }

    /// <summary>The customers a person may ask for: registered organisations they are a member of.</summary>
    public Task<List<Guid>> CustomersOfAsync(Guid person, CancellationToken ct) =>
        db.NetworkCustomers.Where(c => db.OrganisationMembers.Any(m => m.OrganisationId == c.OrganisationId && m.UserId == person))
            .Select(c => c.OrganisationId).ToListAsync(ct);

    /// <summary>A hub in the network (with a listed profile) by slug.</summary>
    private Task<Guid?> NetworkHubAsync(string? slug, CancellationToken ct) =>
        db.Hubs.Where(h => h.Slug == slug && db.HubNetworkProfiles.Any(p => p.HubId == h.Id && p.Listed)).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);

    public async Task<Result<int>> AskAsync(AskInput input, CancellationToken ct)
    {
        if (!current.IsAuthenticated || current.Id is not { } me) return Result<int>.Forbidden();
        Guid customerId;
        if (!string.IsNullOrWhiteSpace(input.Organisation))
        {
            var org = await db.Organisations.Where(o => o.Slug == input.Organisation).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
            if (org is null || !await network.ActsForCustomerAsync(org.Value, ct)) return Result<int>.Invalid("organisation", v.Message("Validation.Invalid"));
            if (!await db.NetworkCustomers.AnyAsync(c => c.OrganisationId == org.Value, ct))
                return Result<int>.Invalid("organisation", v.Message("Network.Requests.NotACustomer"));
            customerId = org.Value;
        }
        else
        {
            var mine = await CustomersOfAsync(me, ct);
            if (mine.Count == 0) return Result<int>.Invalid("organisation", v.Message("Network.Requests.NotACustomer"));
            if (mine.Count > 1) return Result<int>.Invalid("organisation", v.Message("Validation.Required"));
            customerId = mine[0];
        }
        var customer = await db.NetworkCustomers.AsNoTracking().SingleAsync(c => c.OrganisationId == customerId, ct);

        Guid? hubId = null;
        var category = input.Category;
        if (input.ServiceId is { } serviceId)
        {
            var service = await db.CatalogueServices.AsNoTracking()
                .Where(s => s.Id == serviceId && s.Status == ServiceStatus.Published && db.HubNetworkProfiles.Any(p => p.HubId == s.HubId && p.Listed))
                .Select(s => new { s.HubId, s.Category, s.Technologies, s.Sectors }).SingleOrDefaultAsync(ct);
            if (service is null) v.Add("serviceId", "Validation.Invalid");
            else
            {
                hubId = service.HubId;
                category = service.Category;
            }
        }
        else if (string.IsNullOrWhiteSpace(input.Hub))
        {
            // No hub chosen: the one the ask form proposes.
            hubId = HubProposal.Propose(await HubProposal.CandidatesAsync(db, ct), customer.RegionCode, customer.Country)?.Id;
            if (hubId is null) v.Add("hub", "Validation.Required");
        }
        else
        {
            hubId = await NetworkHubAsync(input.Hub, ct);
            if (hubId is null) v.Add("hub", "Validation.Invalid");
        }
        var title = v.Text("title", input.Title, ServiceRequestLimits.Title);
        var description = v.Text("description", input.Description, ServiceRequestLimits.Description, multiline: true);
        if (category is { } c && !Enum.IsDefined(c)) v.Add("category", "Validation.Invalid");
        var technology = string.IsNullOrWhiteSpace(input.Technology) ? null : input.Technology.Trim();
        if (technology is not null && !NetworkTaxonomy.Technologies.Contains(technology)) v.Add("technology", "Validation.Invalid");
        var sector = string.IsNullOrWhiteSpace(input.Sector) ? null : input.Sector.Trim();
        if (sector is not null && !NetworkTaxonomy.Sectors.Contains(sector)) v.Add("sector", "Validation.Invalid");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var now = clock.GetUtcNow();
        var request = new ServiceRequest
        {
            CustomerId = customerId, RequesterId = me, ServiceId = input.ServiceId, HubId = hubId!.Value, FirstHubId = hubId.Value,
            Title = title, Description = description, Category = category, Technology = technology, Sector = sector ?? customer.Sector,
            RegionCode = customer.RegionCode, Language = CultureInfo.CurrentUICulture.Name, State = ServiceRequestState.Submitted,
            SubmittedAt = now, AnswerDueAt = await AnswerDueAsync(hubId.Value, now, ct),
        };
        request.FirstAnswerDueAt = request.AnswerDueAt;
        return await db.InTransactionAsync(async token =>
        {
            db.ServiceRequests.Add(request);
            await db.SaveChangesAsync(token);
            db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = request.Id, Kind = RequestStepKind.Submitted, At = now, ActorId = me, HubId = request.HubId });
            audit.Add(AuditActions.ServiceRequestSubmitted, request.HubId, Subject(request), request.ServiceId is { } s ? $"service {s}" : "need");
            await TellAsync("Submitted", request, request.HubId, await NetworkAccess.FrontDeskOf(db, request.HubId).ToListAsync(token), token);
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(request.Id);
        }, ct);
    }

    public async Task<Result<int>> AcceptAsync(int id, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (Refused(s, s.IsHolderDesk, ServiceRequestState.Submitted) is { } no) return no;
        var r = s.Request;
        var now = clock.GetUtcNow();
        return await MoveAsync(s, ServiceRequestState.Accepted, b => b.SetProperty(x => x.FirstAnsweredAt, (DateTimeOffset?)(r.FirstAnsweredAt ?? now)), async token =>
        {
            db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.Accepted, At = now, ActorId = s.UserId, HubId = r.HubId });
            db.ServiceDeliveries.Add(NewDelivery(r, r.HubId, now));
            audit.Add(AuditActions.ServiceRequestAccepted, r.HubId, Subject(r));
            await TellCustomerAsync("Accepted", r, r.HubId, token);
        }, ct);
    }

    public async Task<Result<int>> DeclineAsync(int id, DeclineInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (Refused(s, s.IsHolderDesk, ServiceRequestState.Submitted) is { } no) return no;
        var reason = v.Text("reason", input.Reason, ServiceRequestLimits.Note, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var r = s.Request;
        var now = clock.GetUtcNow();
        return await MoveAsync(s, ServiceRequestState.Declined,
            b => b.SetProperty(x => x.FirstAnsweredAt, (DateTimeOffset?)(r.FirstAnsweredAt ?? now)).SetProperty(x => x.DeclineReason, reason).SetProperty(x => x.ClosedAt, now), async token =>
        {
            db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.Declined, At = now, ActorId = s.UserId, HubId = r.HubId, Note = reason });
            audit.Add(AuditActions.ServiceRequestDeclined, r.HubId, Subject(r), reason);
            await TellCustomerAsync("Declined", r, r.HubId, token);
        }, ct);
    }

    public async Task<Result<int>> ReferAsync(int id, ReferInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (Refused(s, s.IsHolderDesk, ServiceRequestState.Submitted) is { } no) return no;
        var r = s.Request;
        // Only to another hub in the network: one with a profile.
        var to = await db.Hubs.Where(h => h.Slug == input.Hub && db.HubNetworkProfiles.Any(p => p.HubId == h.Id)).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        if (to is null) v.Add("hub", string.IsNullOrWhiteSpace(input.Hub) ? "Validation.Required" : "Validation.Invalid");
        else if (to == r.HubId) v.Add("hub", "Network.Requests.NotToItself");
        var note = v.Text("note", input.Note, ServiceRequestLimits.Note, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var due = await AnswerDueAsync(to!.Value, now, ct);
        return await MoveAsync(s, ServiceRequestState.Referred,
            b => b.SetProperty(x => x.FirstAnsweredAt, (DateTimeOffset?)(r.FirstAnsweredAt ?? now)).SetProperty(x => x.AnswerDueAt, due), async token =>
        {
            db.ServiceReferrals.Add(new ServiceReferral { RequestId = r.Id, FromHubId = r.HubId, ToHubId = to.Value, Note = note, SentById = s.UserId, SentAt = now });
            db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.Referred, At = now, ActorId = s.UserId, HubId = r.HubId, ToHubId = to, Note = note });
            audit.Add(AuditActions.ServiceRequestReferred, r.HubId, Subject(r), $"→ {input.Hub}: {note}");
            await TellAsync("Referred", r, to.Value, await NetworkAccess.FrontDeskOf(db, to.Value).ToListAsync(token), token);
            await TellCustomerAsync("ReferredToOther", r, r.HubId, token);
        }, ct);
    }

    /// <summary>The front desk of the hub a request was referred to takes it on: that hub now handles it.</summary>
    public async Task<Result<int>> AcceptReferralAsync(int id, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (Refused(s, s.IsReferralDesk, ServiceRequestState.Referred) is { } no) return no;
        var r = s.Request;
        var referral = s.PendingReferral!;
        var now = clock.GetUtcNow();
        return await MoveAsync(s, ServiceRequestState.Accepted, b => b.SetProperty(x => x.HubId, referral.ToHubId), async token =>
        {
            if (await AnswerReferralAsync(referral.Id, true, null, s.UserId, now, token) == 0) throw new DbUpdateConcurrencyException();
            db.ServiceRequestSteps.Add(new ServiceRequestStep
            {
                RequestId = r.Id, Kind = RequestStepKind.ReferralAccepted, At = now, ActorId = s.UserId, HubId = referral.ToHubId, ToHubId = referral.FromHubId,
            });
            db.ServiceDeliveries.Add(NewDelivery(r, referral.ToHubId, now));
            audit.Add(AuditActions.ServiceReferralAccepted, referral.ToHubId, Subject(r));
            await TellAsync("ReferralAccepted", r, referral.ToHubId, await NetworkAccess.FrontDeskOf(db, referral.FromHubId).ToListAsync(token), token);
            await TellCustomerAsync("ReferralAccepted", r, referral.ToHubId, token);
        }, ct);
    }

    /// <summary>The hub a request was referred to declines, with a note: it goes back to the referring desk, which owes a new first answer.</summary>
    public async Task<Result<int>> DeclineReferralAsync(int id, ReferralAnswerInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (Refused(s, s.IsReferralDesk, ServiceRequestState.Referred) is { } no) return no;
        var note = v.Text("note", input.Note, ServiceRequestLimits.Note, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var r = s.Request;
        var referral = s.PendingReferral!;
        var now = clock.GetUtcNow();
        var due = await AnswerDueAsync(referral.FromHubId, now, ct);
        return await MoveAsync(s, ServiceRequestState.Submitted, b => b.SetProperty(x => x.HubId, referral.FromHubId).SetProperty(x => x.AnswerDueAt, due), async token =>
        {
            if (await AnswerReferralAsync(referral.Id, false, note, s.UserId, now, token) == 0) throw new DbUpdateConcurrencyException();
            db.ServiceRequestSteps.Add(new ServiceRequestStep
            {
                RequestId = r.Id, Kind = RequestStepKind.ReferralDeclined, At = now, ActorId = s.UserId, HubId = referral.ToHubId, ToHubId = referral.FromHubId, Note = note,
            });
            audit.Add(AuditActions.ServiceReferralDeclined, referral.ToHubId, Subject(r), note);
            await TellAsync("ReferralDeclined", r, referral.ToHubId, await NetworkAccess.FrontDeskOf(db, referral.FromHubId).ToListAsync(token), token);
            await TellCustomerAsync("ReferralDeclined", r, referral.ToHubId, token);
        }, ct);
    }

    private Task<int> AnswerReferralAsync(int referralId, bool accepted, string? note, Guid by, DateTimeOffset now, CancellationToken ct) =>
        db.ServiceReferrals.Where(x => x.Id == referralId && x.Accepted == null)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.Accepted, accepted).SetProperty(x => x.AnswerNote, note)
                .SetProperty(x => x.AnsweredById, by).SetProperty(x => x.AnsweredAt, now), ct);

    /// <summary>The customer takes their request back while no hub has accepted it.</summary>
    public async Task<Result<int>> WithdrawAsync(int id, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (!s.IsCustomer) return s.Refuse<int>();
        if (!s.CanWithdraw) return WrongState(s.Request);
        var r = s.Request;
        var now = clock.GetUtcNow();
        var desk = s.PendingReferral?.ToHubId ?? r.HubId;
        return await MoveAsync(s, ServiceRequestState.Withdrawn, b => b.SetProperty(x => x.ClosedAt, now), async token =>
        {
            db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.Withdrawn, At = now, ActorId = s.UserId });
            audit.Add(AuditActions.ServiceRequestWithdrawn, r.HubId, Subject(r));
            await TellAsync("Withdrawn", r, desk, await NetworkAccess.FrontDeskOf(db, desk).ToListAsync(token), token);
        }, ct);
    }

    /// <summary>
    /// The handling hub's front desk records the delivery: planned, under way, completed (the request is delivered) or
    /// cancelled with the reason (the request is cancelled: it cannot be reopened, the customer asks again).
    /// </summary>
    public async Task<Result<int>> RecordDeliveryAsync(int id, DeliveryInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (!s.IsHolderDesk) return s.Refuse<int>();
        if (s.IsCustomerMember) return OwnOrganisation();
        if (!s.CanRecordDelivery) return WrongState(s.Request);
        var r = s.Request;
        var delivery = await db.ServiceDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.RequestId == id, ct);
        if (delivery is null) return WrongState(r);
        var today = DateOnly.FromDateTime(ZonedTime.ToLocal(clock.GetUtcNow(), ZonedTime.Find(await db.Hubs.Where(h => h.Id == r.HubId).Select(h => h.TimeZone).SingleAsync(ct))));
        if (input.Status is not { } status || !Enum.IsDefined(status)) { v.Add("status", input.Status is null ? "Validation.Required" : "Validation.Invalid"); status = delivery.Status; }
        if (r.State == ServiceRequestState.Delivered && status != DeliveryStatus.Completed) v.Add("status", "Network.Requests.AlreadyDelivered");
        // The outcome says what the customer received, or why the delivery was cancelled.
        var outcome = v.Text("outcome", input.Outcome, ServiceRequestLimits.Outcome, required: status is DeliveryStatus.Completed or DeliveryStatus.Cancelled, multiline: true);
        var started = input.StartedOn ?? delivery.StartedOn ?? (status is DeliveryStatus.UnderWay or DeliveryStatus.Completed ? today : null);
        DateOnly? completed = status == DeliveryStatus.Completed ? input.CompletedOn ?? delivery.CompletedOn ?? today : null;
        if (started is { } a && completed is { } z && z < a) v.Add("completedOn", "Network.Requests.CompletedBeforeStarted");
        if (completed > today) v.Add("completedOn", "Network.Requests.NotInFuture");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var to = status switch { DeliveryStatus.Completed => ServiceRequestState.Delivered, DeliveryStatus.Cancelled => ServiceRequestState.Cancelled, _ => r.State };
        var closes = status is DeliveryStatus.Completed or DeliveryStatus.Cancelled;
        return await MoveAsync(s, to, b => b.SetProperty(x => x.ClosedAt, closes ? (DateTimeOffset?)(r.ClosedAt ?? now) : null), async token =>
        {
            await db.ServiceDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(b => b.SetProperty(d => d.Status, status)
                .SetProperty(d => d.StartedOn, started).SetProperty(d => d.CompletedOn, completed).SetProperty(d => d.Outcome, outcome)
                .SetProperty(d => d.RecordedById, s.UserId).SetProperty(d => d.UpdatedAt, now), token);
            if (status is DeliveryStatus.UnderWay or DeliveryStatus.Completed && delivery.Status is DeliveryStatus.Planned)
                db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.DeliveryStarted, At = now, ActorId = s.UserId, HubId = r.HubId });
            if (status == DeliveryStatus.Completed && r.State != ServiceRequestState.Delivered)
            {
                db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.DeliveryCompleted, At = now, ActorId = s.UserId, HubId = r.HubId, Note = outcome });
                await TellCustomerAsync("DeliveryCompleted", r, r.HubId, token);
            }
            if (status == DeliveryStatus.Cancelled)
            {
                db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.DeliveryCancelled, At = now, ActorId = s.UserId, HubId = r.HubId, Note = outcome });
                await TellCustomerAsync("DeliveryCancelled", r, r.HubId, token);
            }
            audit.Add(AuditActions.ServiceDeliveryRecorded, r.HubId, Subject(r), $"{delivery.Status} → {status}");
        }, ct);
    }

    /// <summary>The customer rates a delivered service (1–5) with a comment: once, and may change it for 30 days.</summary>
    public async Task<Result<int>> GiveFeedbackAsync(int id, FeedbackInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<int>.NotFound();
        if (!s.IsCustomerMember) return s.Refuse<int>();
        if (!s.CanGiveFeedback) return WrongState(s.Request);
        if (input.Rating is not { } rating) v.Add("rating", "Validation.Required");
        else if (rating is < 1 or > 5) v.Add("rating", "Validation.Range", 1, 5);
        var comment = v.Text("comment", input.Comment, ServiceRequestLimits.Note, required: false, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var r = s.Request;
        var delivery = await db.ServiceDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == id, ct);
        var now = clock.GetUtcNow();
        if (delivery.FeedbackAt is { } given && (delivery.FeedbackById != s.UserId || now - given > ServiceRequestLimits.FeedbackEditable))
            return Result<int>.Conflict("", v.Message("Network.Requests.FeedbackClosed"));
        var first = delivery.FeedbackAt is null;
        var changed = await db.InTransactionAsync(async token =>
        {
            var rows = await db.ServiceDeliveries.Where(d => d.Id == delivery.Id && d.FeedbackAt == delivery.FeedbackAt && d.FeedbackById == delivery.FeedbackById)
                .ExecuteUpdateAsync(b => b.SetProperty(d => d.FeedbackRating, input.Rating).SetProperty(d => d.FeedbackComment, comment.Length == 0 ? null : comment)
                    .SetProperty(d => d.FeedbackById, s.UserId).SetProperty(d => d.FeedbackAt, delivery.FeedbackAt ?? now).SetProperty(d => d.UpdatedAt, now), token);
            if (rows == 0) return false;
            if (first)
            {
                db.ServiceRequestSteps.Add(new ServiceRequestStep { RequestId = r.Id, Kind = RequestStepKind.FeedbackGiven, At = now, ActorId = s.UserId, HubId = r.HubId });
                await TellAsync("FeedbackGiven", r, r.HubId, await NetworkAccess.FrontDeskOf(db, r.HubId).ToListAsync(token), token);
            }
            audit.Add(AuditActions.ServiceFeedbackGiven, r.HubId, Subject(r), $"{input.Rating}/5");
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return changed ? Result<int>.Ok(id) : Result<int>.Conflict("", v.Message("Network.Requests.ChangedMeanwhile"));
    }

    private static ServiceDelivery NewDelivery(ServiceRequest r, Guid hubId, DateTimeOffset now) =>
        new() { RequestId = r.Id, HubId = hubId, ServiceId = r.ServiceId, Status = DeliveryStatus.Planned, CreatedAt = now, UpdatedAt = now };

    /// <summary>A desk action's refusal: not the desk (404/403), one's own organisation's request, or a request no longer in that state (409).</summary>
    private Result<int>? Refused(ServiceRequestAccess.Standing s, bool isDesk, ServiceRequestState state)
    {
        if (!isDesk) return s.Refuse<int>();
        if (s.IsCustomerMember) return OwnOrganisation();
        return s.Request.State == state ? null : WrongState(s.Request);
    }

    private Result<int> OwnOrganisation() => Result<int>.Invalid("", v.Message("Network.Requests.OwnOrganisation"));

    private Result<int> WrongState(ServiceRequest r) =>
        Result<int>.Conflict("", v.Message("Network.Requests.WrongState", v.Message("Network.RequestState." + r.State)));

    /// <summary>Moves the request to <paramref name="to"/> if nobody changed it meanwhile, with what <paramref name="within"/> stages in the same transaction.</summary>
    private async Task<Result<int>> MoveAsync(ServiceRequestAccess.Standing s, ServiceRequestState to, Action<UpdateSettersBuilder<ServiceRequest>> set,
        Func<CancellationToken, Task> within, CancellationToken ct)
    {
        var r = s.Request;
        bool changed;
        try
        {
            changed = await db.InTransactionAsync(async token =>
            {
                var rows = await db.ServiceRequests.Where(x => x.Id == r.Id && x.Version == r.Version && x.State == r.State)
                    .ExecuteUpdateAsync(b =>
                    {
                        b.SetProperty(x => x.State, to).SetProperty(x => x.Version, x => x.Version + 1);
                        set(b);
                    }, token);
                if (rows == 0) return false;
                await within(token);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            changed = false;
        }
        return changed ? Result<int>.Ok(r.Id) : Result<int>.Conflict("", v.Message("Network.Requests.ChangedMeanwhile"));
    }

    private Task TellAsync(string detail, ServiceRequest r, Guid hubId, IEnumerable<Guid> to, CancellationToken ct) =>
        notifier.AddAsync(new NotificationEvent(NotificationKind.ServiceRequest, hubId, ActorId: current.Id, Detail: detail, Title: r.Title, Path: PathOf(r.Id)), to, ct);

    /// <summary>The customer hears of every answer: the person who asked and the organisation's admins.</summary>
    private async Task TellCustomerAsync(string detail, ServiceRequest r, Guid hubId, CancellationToken ct)
    {
        var admins = await db.OrganisationMembers.Where(m => m.OrganisationId == r.CustomerId && m.IsAdmin).Select(m => m.UserId).ToListAsync(ct);
        if (r.RequesterId is { } requester) admins.Add(requester);
        await TellAsync(detail, r, hubId, admins, ct);
    }
}
