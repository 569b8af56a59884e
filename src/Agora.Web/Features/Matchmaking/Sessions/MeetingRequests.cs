using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

public sealed record RequestInput(int? To, string? Message);

/// <summary>Accepting: in a session where participants pick, the slot the answerer picks (both available and free in it).</summary>
public sealed record AcceptInput(int? SlotId);

/// <summary>The organiser arranges a meeting between two participants (a session where only the organiser arranges them, or any other).</summary>
public sealed record ArrangeInput(int? A, int? B);

/// <summary>
/// Meeting requests: a participant asks another for a 1:1 meeting (only where participants request, never oneself,
/// never twice while one is pending or accepted between the same two); the other accepts or declines; unanswered by
/// its expiry the request is released. Accepting where participants pick places the meeting at once in a slot the
/// answerer picks and at a free table of the kind it needs: the booking rows' keys make a double booking impossible,
/// so of two accepts racing for one person's slot one wins and the other answers 409.
/// </summary>
public sealed class MeetingRequests(AgoraDbContext db, SessionAccess access, Validator v, AuditLog audit, SessionNotices notices, TimeProvider clock)
{
    public async Task<Result<int>> RequestAsync(string hubSlug, int eventId, RequestInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || s.Session is null) return Result<int>.NotFound();
        if (!s.IsParticipant) return Result<int>.NotFound();
        if (s.Session.RequestMode != RequestMode.Participants) return Result<int>.Conflict("", v.Message("MatchSession.OrganiserArranges"));
        if (!s.IsOpen) return Result<int>.Conflict("", v.Message("MatchSession.SessionClosed"));
        var message = v.Text("message", input.Message, SessionLimits.Message, required: false, multiline: true);
        var to = input.To is { } id ? await access.Active(eventId).SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        if (to is null) v.Add("to", input.To is null ? "Validation.Required" : "Validation.Invalid");
        else if (to.Id == s.Me!.Id) v.Add("to", "MatchSession.NotYourself");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var me = s.Me!.Id;
        if (await Between(me, to!.Id).AnyAsync(r => r.State == MeetingRequestState.Pending || r.State == MeetingRequestState.Accepted, ct))
            return Result<int>.Conflict("to", v.Message("MatchSession.AlreadyAsked"));

        var now = clock.GetUtcNow();
        var ev = s.Event.Event;
        var request = new MeetingRequest
        {
            EventId = eventId, FromId = me, ToId = to.Id, Message = message, State = MeetingRequestState.Pending, SentAt = now,
            ExpiresAt = Min(now.AddHours(s.Session.RequestExpiryHours), ev.StartsAt > now ? ev.StartsAt : ev.EndsAt),
        };
        return await db.InTransactionAsync(async token =>
        {
            db.MeetingRequests.Add(request);
            audit.Add(AuditActions.MatchmakingRequestSent, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title), $"participant {me} to {to.Id}");
            await notices.TellAsync(eventId, "MeetingRequested", [to.Id], token);
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(request.Id);
        }, ct);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private IQueryable<MeetingRequest> Between(int a, int b) =>
        db.MeetingRequests.Where(r => (r.FromId == a && r.ToId == b) || (r.FromId == b && r.ToId == a));

    public async Task<Result<int?>> AcceptAsync(string hubSlug, int eventId, int requestId, AcceptInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || s.Session is null || !s.IsParticipant) return Result<int?>.NotFound();
        var r = await db.MeetingRequests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId && x.EventId == eventId, ct);
        if (r is null || (r.ToId != s.Me!.Id && r.FromId != s.Me.Id)) return Result<int?>.NotFound();
        if (r.ToId != s.Me.Id) return Result<int?>.Forbidden(); // nobody accepts their own request
        if (r.State != MeetingRequestState.Pending || r.ExpiresAt <= clock.GetUtcNow()) return Result<int?>.Conflict("", v.Message("MatchSession.NotPending"));
        var from = await access.Active(eventId).AsNoTracking().SingleOrDefaultAsync(p => p.Id == r.FromId, ct);
        if (from is null) return Result<int?>.Conflict("", v.Message("MatchSession.NotPending"));
        var pick = s.Session.SchedulingMode == SchedulingMode.ParticipantsPick;
        if (pick && input.SlotId is null) return Result<int?>.Invalid("slotId", v.Message("Validation.Required"));
        var ev = s.Event.Event;
        var now = clock.GetUtcNow();
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                // The state moves only from Pending: of two answers at once, one counts.
                var moved = await db.MeetingRequests.Where(x => x.Id == requestId && x.State == MeetingRequestState.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.State, MeetingRequestState.Accepted).SetProperty(x => x.AnsweredAt, (DateTimeOffset?)now), ct);
                if (moved == 0) return (false, Result<int?>.Conflict("", v.Message("MatchSession.NotPending")));
                var meeting = new SessionMeeting { EventId = eventId, RequestId = requestId, CreatedAt = now };
                db.MatchmakingMeetings.Add(meeting);
                if (pick)
                {
                    var placed = await Placement.PlaceAsync(db, eventId, meeting, [from.Id, s.Me.Id], input.SlotId!.Value, null, v, ct);
                    if (placed is not null) return (false, Result<int?>.Invalid("slotId", placed));
                }
                audit.Add(AuditActions.MatchmakingRequestAccepted, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title), $"request {requestId}");
                await notices.TellAsync(eventId, "MeetingAccepted", [r.FromId], ct);
                await db.SaveChangesAsync(ct);
                return (true, Result<int?>.Ok(meeting.Id));
            }, ct);
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            // Someone took the person's slot or the last table at the same moment: nothing was written.
            db.ChangeTracker.Clear();
            return Result<int?>.Conflict("slotId", v.Message("MatchSession.SlotTaken"));
        }
    }

    public async Task<Result<bool>> DeclineAsync(string hubSlug, int eventId, int requestId, CancellationToken ct) =>
        await CloseAsync(hubSlug, eventId, requestId, MeetingRequestState.Declined, ct);

    /// <summary>The sender takes back a request still pending.</summary>
    public async Task<Result<bool>> WithdrawAsync(string hubSlug, int eventId, int requestId, CancellationToken ct) =>
        await CloseAsync(hubSlug, eventId, requestId, MeetingRequestState.Cancelled, ct);

    private async Task<Result<bool>> CloseAsync(string hubSlug, int eventId, int requestId, MeetingRequestState to, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || s.Session is null || !s.IsParticipant) return Result<bool>.NotFound();
        var r = await db.MeetingRequests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId && x.EventId == eventId, ct);
        if (r is null || (r.ToId != s.Me!.Id && r.FromId != s.Me.Id)) return Result<bool>.NotFound();
        var mine = to == MeetingRequestState.Declined ? r.ToId : r.FromId;
        if (mine != s.Me.Id) return Result<bool>.Forbidden();
        var ev = s.Event.Event;
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            var moved = await db.MeetingRequests.Where(x => x.Id == requestId && x.State == MeetingRequestState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.State, to).SetProperty(x => x.AnsweredAt, (DateTimeOffset?)now), ct);
            if (moved == 0) return (false, Result<bool>.Conflict("", v.Message("MatchSession.NotPending")));
            audit.Add(to == MeetingRequestState.Declined ? AuditActions.MatchmakingRequestDeclined : AuditActions.MatchmakingRequestWithdrawn,
                ev.HubId, SessionAudit.Subject(ev.Id, ev.Title), $"request {requestId}");
            if (to == MeetingRequestState.Declined) await notices.TellAsync(eventId, "MeetingDeclined", [r.FromId], ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<bool>.Ok(true));
        }, ct);
    }

    /// <summary>The organiser arranges a meeting between two participants: an accepted request, placed later (by the scheduler or by hand).</summary>
    public async Task<Result<int>> ArrangeAsync(string hubSlug, int eventId, ArrangeInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.CanOrganise) return Result<int>.NotFound();
        if (s.Session is null) return Result<int>.Conflict("", v.Message("MatchSession.NotSetUp"));
        var ids = new[] { input.A, input.B };
        var found = await access.Active(eventId).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (input.A is null || !found.Contains(input.A.Value)) v.Add("a", "Validation.Invalid");
        if (input.B is null || !found.Contains(input.B.Value)) v.Add("b", "Validation.Invalid");
        if (v.IsValid && input.A == input.B) v.Add("b", "MatchSession.NotYourself");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var (a, b) = (input.A!.Value, input.B!.Value);
        if (await Between(a, b).AnyAsync(r => r.State == MeetingRequestState.Pending || r.State == MeetingRequestState.Accepted, ct))
            return Result<int>.Conflict("b", v.Message("MatchSession.AlreadyAsked"));
        var now = clock.GetUtcNow();
        var ev = s.Event.Event;
        return await db.InTransactionAsync(async token =>
        {
            var request = new MeetingRequest
            {
                EventId = eventId, FromId = a, ToId = b, Message = "", State = MeetingRequestState.Accepted, SentAt = now, ExpiresAt = now, AnsweredAt = now,
            };
            db.MeetingRequests.Add(request);
            await db.SaveChangesAsync(token);
            var meeting = new SessionMeeting { EventId = eventId, RequestId = request.Id, CreatedAt = now };
            db.MatchmakingMeetings.Add(meeting);
            audit.Add(AuditActions.MatchmakingMeetingArranged, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title), $"participants {a} and {b}");
            await notices.TellAsync(eventId, "MeetingArranged", [a, b], token);
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(meeting.Id);
        }, ct);
    }

    /// <summary>Releases pending requests past their expiry (Expired), telling both sides; answers how many (recurring job).</summary>
    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.MeetingRequests.AsNoTracking().Where(r => r.State == MeetingRequestState.Pending && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt).Take(500).ToListAsync(ct);
        var count = 0;
        foreach (var r in due)
        {
            var done = await db.InTransactionAsync(async () =>
            {
                var moved = await db.MeetingRequests.Where(x => x.Id == r.Id && x.State == MeetingRequestState.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.State, MeetingRequestState.Expired).SetProperty(x => x.AnsweredAt, (DateTimeOffset?)now), ct);
                if (moved == 0) return (false, false);
                audit.Add(AuditActions.MatchmakingRequestExpired, subject: $"#{r.EventId}", details: $"request {r.Id}");
                await notices.TellAsync(r.EventId, "MeetingExpired", [r.FromId, r.ToId], ct);
                await db.SaveChangesAsync(ct);
                return (true, true);
            }, ct);
            if (done) count++;
        }
        return count;
    }
}
