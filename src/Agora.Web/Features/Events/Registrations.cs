using System.Security.Cryptography;
using System.Text.Json;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

public sealed record RegisterInput(int? TicketTypeId, IReadOnlyDictionary<int, string?>? Answers);

/// <summary>
/// Registration, the waiting list and check-in. Seats are counted on the ticket type (<see cref="TicketType.Taken"/>)
/// and only ever taken by a guarded UPDATE (<c>Taken = Taken + 1 WHERE Taken &lt; Capacity</c>) inside the transaction
/// that stores the registration, so twenty people asking for the last five seats at once get five seats and fifteen
/// places on the waiting list, on every database and every instance. A freed seat is not released but offered to the
/// next person waiting, who has the event's <see cref="Event.OfferHours"/> to confirm it; an offer that lapses
/// (job <see cref="EventOffersJob"/>) passes the seat on again.
/// </summary>
public sealed class Registrations(AgoraDbContext db, EventAccess access, Validator v, AuditLog audit, TimeProvider clock, EventNotices notices)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewCheckInCode() => RandomNumberGenerator.GetString(CodeAlphabet, 6);

    /// <summary>The person registers for a ticket type: a seat when one is free (pending when the event needs approval), the waiting list otherwise.</summary>
    public async Task<Result<RegistrationState>> RegisterAsync(string hubSlug, int id, RegisterInput input, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<RegistrationState>.NotFound();
        if (scope.UserId is not { } me) return Result<RegistrationState>.Forbidden();
        if (!scope.CanRegister)
            return scope.Event.State == EventState.Published && EventAccess.InAudience(scope.Event.Audience, scope.Viewer) && !scope.Viewer.IsBlocked
                ? Result<RegistrationState>.Conflict("", v.Message("Events.RegistrationClosed")) : scope.Refuse<RegistrationState>();
        if (scope.Mine is { } existing && existing.State is RegistrationState.Pending or RegistrationState.Confirmed or RegistrationState.Waiting or RegistrationState.Offered)
            return Result<RegistrationState>.Conflict("", v.Message("Events.AlreadyRegistered"));
        var ticket = await db.TicketTypes.AsNoTracking().SingleOrDefaultAsync(t => t.EventId == id && t.Id == input.TicketTypeId, ct);
        if (ticket is null) v.Add("ticketTypeId", "Validation.Required");
        var questions = await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == id).OrderBy(q => q.Position).ToListAsync(ct);
        var answers = new Dictionary<string, string>();
        foreach (var q in questions)
        {
            string? given = null;
            input.Answers?.TryGetValue(q.Id, out given);
            var text = v.Text($"answers[{q.Id}]", given, EventLimits.Answer, required: q.Required, multiline: true);
            if (text.Length > 0) answers[q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = text;
        }
        if (!v.IsValid) return Result<RegistrationState>.Invalid(v.Errors);
        var ev = scope.Event;
        var previous = scope.Mine;
        var json = JsonSerializer.Serialize(answers);
        var state = await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var seated = await db.TicketTypes.Where(t => t.Id == ticket!.Id && t.Taken < t.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, t => t.Taken + 1), ct) == 1;
            var st = seated ? ev.RequiresApproval ? RegistrationState.Pending : RegistrationState.Confirmed : RegistrationState.Waiting;
            DateTimeOffset? queued = seated ? null : now;
            if (previous is null)
            {
                var row = new Registration
                {
                    EventId = id, TicketTypeId = ticket!.Id, UserId = me, State = st, AnswersJson = json, QueuedAt = queued,
                    CheckInCode = NewCheckInCode(), CreatedAt = now, UpdatedAt = now,
                };
                // The unique index (event, person) refuses a second registration sent at the same moment.
                if (!await db.TryInsertAsync(row, ct)) return (false, (RegistrationState?)null);
            }
            else
            {
                var rows = await db.Registrations.Where(r => r.Id == previous.Id && r.State == previous.State)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, st).SetProperty(r => r.TicketTypeId, ticket!.Id)
                        .SetProperty(r => r.AnswersJson, json).SetProperty(r => r.QueuedAt, queued).SetProperty(r => r.OfferExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(r => r.AttendedAt, (DateTimeOffset?)null).SetProperty(r => r.ReminderSentAt, (DateTimeOffset?)null)
                        .SetProperty(r => r.UpdatedAt, now), ct);
                if (rows == 0) return (false, null);
            }
            await notices.TellAsync(ev, hubSlug, st switch
            {
                RegistrationState.Confirmed => "Registered",
                RegistrationState.Pending => "Pending",
                _ => "Waiting",
            }, [me], ct);
            await db.SaveChangesAsync(ct);
            return (true, (RegistrationState?)st);
        }, ct);
        return state is { } s ? Result<RegistrationState>.Ok(s) : Result<RegistrationState>.Conflict("", v.Message("Events.AlreadyRegistered"));
    }

    /// <summary>The person cancels their registration (or leaves the waiting list, or declines an offer) until the cut-off; a seat they held passes on.</summary>
    public async Task<Result<RegistrationState>> CancelAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<RegistrationState>.NotFound();
        if (scope.Mine is not { } mine) return Result<RegistrationState>.NotFound();
        if (!scope.CanCancelOwn) return Result<RegistrationState>.Conflict("", v.Message("Events.CannotCancel"));
        var done = await LeaveAsync(scope.Event, hubSlug, mine, RegistrationState.Cancelled, ct);
        return done ? Result<RegistrationState>.Ok(RegistrationState.Cancelled) : Result<RegistrationState>.Conflict("", v.Message("Events.ChangedMeanwhile"));
    }

    /// <summary>The person offered a freed seat takes it before the offer lapses.</summary>
    public async Task<Result<RegistrationState>> ConfirmOfferAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<RegistrationState>.NotFound();
        if (scope.Mine is not { State: RegistrationState.Offered } mine) return Result<RegistrationState>.Conflict("", v.Message("Events.NoOffer"));
        var now = clock.GetUtcNow();
        var state = scope.Event.RequiresApproval ? RegistrationState.Pending : RegistrationState.Confirmed;
        var rows = await db.Registrations.Where(r => r.Id == mine.Id && r.State == RegistrationState.Offered && r.OfferExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state).SetProperty(r => r.OfferExpiresAt, (DateTimeOffset?)null)
                .SetProperty(r => r.QueuedAt, (DateTimeOffset?)null).SetProperty(r => r.UpdatedAt, now), ct);
        return rows == 1 ? Result<RegistrationState>.Ok(state) : Result<RegistrationState>.Conflict("", v.Message("Events.NoOffer"));
    }

    /// <summary>An organiser approves a pending registration or declines one (a declined seat passes on).</summary>
    public async Task<Result<RegistrationState>> DecideAsync(string hubSlug, int id, int registrationId, bool approve, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<RegistrationState>.NotFound();
        if (!scope.CanOrganise) return scope.Refuse<RegistrationState>();
        var reg = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == id, ct);
        if (reg is null) return Result<RegistrationState>.NotFound();
        if (approve)
        {
            if (reg.State != RegistrationState.Pending) return Result<RegistrationState>.Conflict("", v.Message("Events.ChangedMeanwhile"));
            var ok = await db.InTransactionAsync(async token =>
            {
                var rows = await db.Registrations.Where(r => r.Id == reg.Id && r.State == RegistrationState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RegistrationState.Confirmed).SetProperty(r => r.UpdatedAt, clock.GetUtcNow()), token);
                if (rows == 0) return false;
                audit.Add(AuditActions.EventRegistrationDecided, scope.Event.HubId, EventEditing.Subject(scope.Event), $"{reg.Id}: Approved");
                await notices.TellAsync(scope.Event, hubSlug, "Approved", [reg.UserId], token);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
            return ok ? Result<RegistrationState>.Ok(RegistrationState.Confirmed) : Result<RegistrationState>.Conflict("", v.Message("Events.ChangedMeanwhile"));
        }
        if (reg.State is not (RegistrationState.Pending or RegistrationState.Confirmed or RegistrationState.Waiting or RegistrationState.Offered))
            return Result<RegistrationState>.Conflict("", v.Message("Events.ChangedMeanwhile"));
        var declined = await LeaveAsync(scope.Event, hubSlug, reg, RegistrationState.Declined, ct, organiserAction: true);
        return declined ? Result<RegistrationState>.Ok(RegistrationState.Declined) : Result<RegistrationState>.Conflict("", v.Message("Events.ChangedMeanwhile"));
    }

    /// <summary>An organiser promotes a person from the waiting list at once; when the ticket type is full its capacity grows by one.</summary>
    public async Task<Result<RegistrationState>> PromoteAsync(string hubSlug, int id, int registrationId, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<RegistrationState>.NotFound();
        if (!scope.CanOrganise) return scope.Refuse<RegistrationState>();
        var reg = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == id, ct);
        if (reg is null) return Result<RegistrationState>.NotFound();
        if (reg.State is not (RegistrationState.Waiting or RegistrationState.Offered)) return Result<RegistrationState>.Conflict("", v.Message("Events.ChangedMeanwhile"));
        var ok = await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var rows = await db.Registrations.Where(r => r.Id == reg.Id && r.State == reg.State)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RegistrationState.Confirmed).SetProperty(r => r.QueuedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.OfferExpiresAt, (DateTimeOffset?)null).SetProperty(r => r.UpdatedAt, now), ct);
            if (rows == 0) return (false, false);
            // An offered person already holds a seat; a waiting one takes one, growing the capacity when none is free.
            if (reg.State == RegistrationState.Waiting)
                await db.TicketTypes.Where(t => t.Id == reg.TicketTypeId).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Capacity, t => t.Taken >= t.Capacity ? t.Taken + 1 : t.Capacity)
                    .SetProperty(t => t.Taken, t => t.Taken + 1), ct);
            audit.Add(AuditActions.EventPromoted, scope.Event.HubId, EventEditing.Subject(scope.Event), reg.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await notices.TellAsync(scope.Event, hubSlug, "Promoted", [reg.UserId], ct);
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        return ok ? Result<RegistrationState>.Ok(RegistrationState.Confirmed) : Result<RegistrationState>.Conflict("", v.Message("Events.ChangedMeanwhile"));
    }

    /// <summary>An organiser marks a confirmed person present (by their check-in code or on the list) or takes the mark back.</summary>
    public async Task<Result<int>> CheckInAsync(string hubSlug, int id, int? registrationId, string? code, bool attended, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null) return Result<int>.NotFound();
        if (!scope.CanOrganise) return scope.Refuse<int>();
        var clean = Validator.Clean(code).ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (registrationId is null && clean.Length == 0) return Result<int>.Invalid("code", v.Message("Validation.Required"));
        var reg = await db.Registrations.AsNoTracking().Where(r => r.EventId == id && r.State == RegistrationState.Confirmed
                && (registrationId != null ? r.Id == registrationId : r.CheckInCode == clean))
            .Select(r => new { r.Id }).SingleOrDefaultAsync(ct);
        if (reg is null) return Result<int>.Invalid("code", v.Message("Events.UnknownCode"));
        DateTimeOffset? at = attended ? clock.GetUtcNow() : null;
        await db.InTransactionAsync(async token =>
        {
            await db.Registrations.Where(r => r.Id == reg.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AttendedAt, at), token);
            audit.Add(AuditActions.EventCheckedIn, scope.Event.HubId, EventEditing.Subject(scope.Event), $"{reg.Id}: {(attended ? "present" : "absent")}");
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return Result<int>.Ok(reg.Id);
    }

    /// <summary>Leaves a registration (cancelled by the person, declined by an organiser); a seat it held is offered to the next person waiting.</summary>
    private Task<bool> LeaveAsync(Event ev, string hubSlug, Registration reg, RegistrationState to, CancellationToken ct, bool organiserAction = false) =>
        db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var rows = await db.Registrations.Where(r => r.Id == reg.Id && r.State == reg.State)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, to).SetProperty(r => r.QueuedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.OfferExpiresAt, (DateTimeOffset?)null).SetProperty(r => r.UpdatedAt, now), ct);
            if (rows == 0) return (false, false);
            if (Registration.HoldsSeat(reg.State)) await PassSeatOnAsync(ev, hubSlug, reg.TicketTypeId, ct);
            if (organiserAction)
            {
                audit.Add(AuditActions.EventRegistrationDecided, ev.HubId, EventEditing.Subject(ev), $"{reg.Id}: {to}");
                await notices.TellAsync(ev, hubSlug, "Declined", [reg.UserId], ct);
            }
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);

    /// <summary>
    /// A seat of the ticket type was freed (inside the caller's transaction): it goes to the first person waiting as an
    /// offer, or back to the pool when nobody waits or the capacity was lowered below the seats taken.
    /// </summary>
    internal async Task PassSeatOnAsync(Event ev, string hubSlug, int ticketTypeId, CancellationToken ct)
    {
        var ticket = await db.TicketTypes.AsNoTracking().Where(t => t.Id == ticketTypeId).Select(t => new { t.Taken, t.Capacity }).SingleAsync(ct);
        if (ticket.Taken <= ticket.Capacity && ev.State == EventState.Published && !ev.IsPast(clock.GetUtcNow()) && await OfferNextAsync(ev, hubSlug, ticketTypeId, ct))
            return;
        await db.TicketTypes.Where(t => t.Id == ticketTypeId && t.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, t => t.Taken - 1), ct);
    }

    /// <summary>Offers a held seat to the first person waiting for the ticket type; false when nobody waits.</summary>
    private async Task<bool> OfferNextAsync(Event ev, string hubSlug, int ticketTypeId, CancellationToken ct)
    {
        while (true)
        {
            var next = await db.Registrations.AsNoTracking().Where(r => r.TicketTypeId == ticketTypeId && r.State == RegistrationState.Waiting)
                .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.UserId }).FirstOrDefaultAsync(ct);
            if (next is null) return false;
            var now = clock.GetUtcNow();
            var expires = now.AddHours(ev.OfferHours);
            var rows = await db.Registrations.Where(r => r.Id == next.Id && r.State == RegistrationState.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RegistrationState.Offered).SetProperty(r => r.OfferExpiresAt, expires)
                    .SetProperty(r => r.UpdatedAt, now), ct);
            if (rows == 0) continue;
            await notices.TellAsync(ev, hubSlug, "Offered", [next.UserId], ct, at: expires);
            return true;
        }
    }

    /// <summary>Seats free on the ticket type (its capacity was raised) go to the people waiting at once, as offers.</summary>
    internal async Task FillFreeSeatsAsync(Event ev, string hubSlug, int ticketTypeId, CancellationToken ct)
    {
        if (ev.State != EventState.Published || ev.IsPast(clock.GetUtcNow())) return;
        while (await db.Registrations.AnyAsync(r => r.TicketTypeId == ticketTypeId && r.State == RegistrationState.Waiting, ct))
        {
            var took = await db.TicketTypes.Where(t => t.Id == ticketTypeId && t.Taken < t.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, t => t.Taken + 1), ct);
            if (took == 0) return;
            if (!await OfferNextAsync(ev, hubSlug, ticketTypeId, ct))
            {
                await db.TicketTypes.Where(t => t.Id == ticketTypeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Taken, t => t.Taken - 1), ct);
                return;
            }
        }
    }

    /// <summary>Lapses offers whose time ran out and passes their seats on; each offer in its own transaction (job events.offers).</summary>
    public async Task<int> LapseExpiredOffersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Registrations.AsNoTracking().Where(r => r.State == RegistrationState.Offered && r.OfferExpiresAt <= now)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.EventId, r.TicketTypeId, r.UserId }).Take(500).ToListAsync(ct);
        var lapsed = 0;
        foreach (var offer in due)
        {
            var done = await db.InTransactionAsync(async token =>
            {
                var rows = await db.Registrations.Where(r => r.Id == offer.Id && r.State == RegistrationState.Offered && r.OfferExpiresAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RegistrationState.Lapsed).SetProperty(r => r.OfferExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(r => r.UpdatedAt, now), token);
                if (rows == 0) return false;
                var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == offer.EventId, token);
                var slug = await db.Hubs.Where(h => h.Id == ev.HubId).Select(h => h.Slug).SingleAsync(token);
                await notices.TellAsync(ev, slug, "Lapsed", [offer.UserId], token);
                await PassSeatOnAsync(ev, slug, offer.TicketTypeId, token);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
            if (done) lapsed++;
        }
        return lapsed;
    }

    /// <summary>Sends the one reminder a day before to every confirmed participant (job events.reminders); remembered per registration.</summary>
    public async Task<int> SendRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.AddDays(1);
        var due = await db.Registrations.AsNoTracking()
            .Where(r => r.State == RegistrationState.Confirmed && r.ReminderSentAt == null
                && db.Events.Any(e => e.Id == r.EventId && e.State == EventState.Published && e.StartsAt > now && e.StartsAt <= until))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.EventId, r.UserId }).Take(1000).ToListAsync(ct);
        var sent = 0;
        foreach (var r in due)
        {
            var done = await db.InTransactionAsync(async token =>
            {
                var rows = await db.Registrations.Where(x => x.Id == r.Id && x.ReminderSentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), token);
                if (rows == 0) return false;
                var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == r.EventId, token);
                var slug = await db.Hubs.Where(h => h.Id == ev.HubId).Select(h => h.Slug).SingleAsync(token);
                await notices.TellAsync(ev, slug, "Reminder", [r.UserId], token, at: ev.StartsAt, dateOnly: ev.AllDay);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
            if (done) sent++;
        }
        return sent;
    }
}
