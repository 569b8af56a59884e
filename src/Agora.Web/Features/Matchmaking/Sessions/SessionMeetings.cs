using System.Diagnostics;
using System.Globalization;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>The organiser places a meeting by hand: a slot and optionally a table (else the first free one that fits); locked, the scheduler keeps it there.</summary>
public sealed record PlaceInput(int? SlotId, int? TableId, bool? Locked);

/// <summary>What one side says came of a meeting.</summary>
public sealed record OutcomeInput(MeetingOutcomeKind? Outcome, string? Note);

/// <summary>
/// Meetings: the organiser places, locks and moves them, and runs the scheduler as a background job; after its slot,
/// each side records the outcome.
/// </summary>
public sealed class SessionMeetings(AgoraDbContext db, SessionAccess access, Validator v, AuditLog audit, JobQueue jobs, TimeProvider clock)
{
    public async Task<Result<bool>> PlaceAsync(string hubSlug, int eventId, int meetingId, PlaceInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.CanOrganise) return Result<bool>.NotFound();
        if (input.SlotId is null) return Result<bool>.Invalid("slotId", v.Message("Validation.Required"));
        var ev = s.Event.Event;
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var meeting = await db.MatchmakingMeetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
                if (meeting is null) return (false, Result<bool>.NotFound());
                var people = await db.MeetingRequests.Where(r => r.Id == meeting.RequestId).Select(r => new[] { r.FromId, r.ToId }).SingleAsync(ct);
                var problem = await Placement.PlaceAsync(db, eventId, meeting, people, input.SlotId.Value, input.TableId, v, ct);
                if (problem is not null) return (false, Result<bool>.Invalid("slotId", problem));
                meeting.Locked = input.Locked ?? true;
                audit.Add(AuditActions.MatchmakingMeetingPlaced, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title),
                    $"meeting {meetingId}: slot {meeting.SlotId}, table {meeting.TableId}{(meeting.Locked ? ", locked" : "")}");
                await db.SaveChangesAsync(ct);
                return (true, Result<bool>.Ok(true));
            }, ct);
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result<bool>.Conflict("slotId", v.Message("MatchSession.SlotTaken"));
        }
    }

    /// <summary>Unlocks a meeting (it keeps its place until the scheduler moves it).</summary>
    public async Task<Result<bool>> UnlockAsync(string hubSlug, int eventId, int meetingId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.CanOrganise) return Result<bool>.NotFound();
        var ev = s.Event.Event;
        return await db.InTransactionAsync(async () =>
        {
            var changed = await db.MatchmakingMeetings.Where(m => m.Id == meetingId && m.EventId == eventId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Locked, false), ct);
            if (changed == 0) return (false, Result<bool>.NotFound());
            audit.Add(AuditActions.MatchmakingMeetingPlaced, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title), $"meeting {meetingId}: unlocked");
            await db.SaveChangesAsync(ct);
            return (true, Result<bool>.Ok(true));
        }, ct);
    }

    /// <summary>Queues the scheduler for the session (the organiser); the report is on the organiser's page once it ran.</summary>
    public async Task<Result<bool>> QueueScheduleAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.CanOrganise) return Result<bool>.NotFound();
        if (s.Session is null) return Result<bool>.Conflict("", v.Message("MatchSession.NotSetUp"));
        var ev = s.Event.Event;
        return await db.InTransactionAsync(async token =>
        {
            await db.MatchmakingSessions.Where(x => x.EventId == eventId)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.ScheduleState, ScheduleRunState.Queued), token);
            jobs.Add(SessionScheduleJob.Kind, eventId.ToString(CultureInfo.InvariantCulture));
            audit.Add(AuditActions.MatchmakingScheduleQueued, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title));
            await db.SaveChangesAsync(token);
            return Result<bool>.Ok(true);
        }, ct);
    }

    public async Task<Result<bool>> RecordOutcomeAsync(string hubSlug, int eventId, int meetingId, OutcomeInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || s.Me is null) return Result<bool>.NotFound();
        var me = s.Me.Id;
        var meeting = await db.MatchmakingMeetings.AsNoTracking().Where(m => m.Id == meetingId && m.EventId == eventId)
            .Join(db.MeetingRequests, m => m.RequestId, r => r.Id, (m, r) => new { m.SlotId, r.FromId, r.ToId })
            .SingleOrDefaultAsync(ct);
        if (meeting is null || (meeting.FromId != me && meeting.ToId != me)) return Result<bool>.NotFound();
        var slotEnd = meeting.SlotId is { } slotId ? await db.MatchmakingSlots.Where(x => x.Id == slotId).Select(x => (DateTimeOffset?)x.EndsAt).SingleAsync(ct) : null;
        var now = clock.GetUtcNow();
        if (slotEnd is null || slotEnd > now) return Result<bool>.Conflict("", v.Message("MatchSession.NotYetMet"));
        var outcome = input.Outcome;
        if (outcome is null || !Enum.IsDefined(outcome.Value)) v.Add("outcome", outcome is null ? "Validation.Required" : "Validation.Invalid");
        var note = v.Text("note", input.Note, SessionLimits.Note, required: false, multiline: true);
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        var ev = s.Event.Event;
        return await db.InTransactionAsync(async token =>
        {
            var row = await db.MeetingOutcomes.SingleOrDefaultAsync(o => o.MeetingId == meetingId && o.ParticipantId == me, token);
            if (row is null) db.MeetingOutcomes.Add(row = new MeetingOutcome { MeetingId = meetingId, ParticipantId = me });
            row.Outcome = outcome!.Value;
            row.Note = note.Length == 0 ? null : note;
            row.RecordedAt = now;
            audit.Add(AuditActions.MatchmakingOutcomeRecorded, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title), $"meeting {meetingId}: {outcome}");
            await db.SaveChangesAsync(token);
            return Result<bool>.Ok(true);
        }, ct);
    }
}

/// <summary>
/// The scheduler run for one session: builds <see cref="ScheduleInput"/> from the accepted meetings of the active
/// participants (locked ones as <see cref="MeetingLock"/>), runs <see cref="MeetingScheduler"/>, and saves the
/// assignments only when <see cref="ScheduleChecker.Verify"/> finds nothing wrong, with the quality report. A run
/// that is repeated (a lost lease) computes and saves the same schedule again.
/// </summary>
public sealed class SessionScheduling(AgoraDbContext db, SessionAccess access, AuditLog audit, SessionNotices notices, TimeProvider clock,
    ILogger<SessionScheduling> log)
{
    public async Task RunAsync(int eventId, CancellationToken ct)
    {
        var session = await db.MatchmakingSessions.AsNoTracking().SingleOrDefaultAsync(x => x.EventId == eventId, ct);
        if (session is null || session.ScheduleState != ScheduleRunState.Queued) return;
        var (input, slotIds) = await InputAsync(eventId, ct);
        var watch = Stopwatch.StartNew();
        var result = MeetingScheduler.Schedule(input);
        watch.Stop();
        var violations = ScheduleChecker.Verify(input, result);
        var q = result.Quality;
        var now = clock.GetUtcNow();
        var hubId = await db.Events.Where(e => e.Id == eventId).Select(e => e.HubId).SingleAsync(ct);
        if (violations.Count > 0)
        {
            log.LogError("The schedule of session {EventId} failed its check: {Violations}", eventId, string.Join(" ", violations));
            await db.InTransactionAsync(async token =>
            {
                await db.MatchmakingSessions.Where(x => x.EventId == eventId).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.ScheduleState, ScheduleRunState.Rejected).SetProperty(x => x.ScheduledAt, (DateTimeOffset?)now)
                    .SetProperty(x => x.ScheduleProblem, violations[0].Length > 500 ? violations[0][..500] : violations[0]), token);
                audit.Add(AuditActions.MatchmakingScheduleRejected, hubId, $"#{eventId}", violations[0]);
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
            return;
        }
        var inInput = input.Meetings.Select(m => m.Id).ToList();
        var people = input.Meetings.ToDictionary(m => m.Id, m => m.ParticipantIds);
        await db.InTransactionAsync(async token =>
        {
            await db.MeetingBookings.Where(b => inInput.Contains(b.MeetingId)).ExecuteDeleteAsync(token);
            await db.MatchmakingMeetings.Where(m => inInput.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SlotId, (int?)null).SetProperty(m => m.TableId, (int?)null), token);
            foreach (var a in result.Assignments)
            {
                var slotId = slotIds[a.Slot];
                await db.MatchmakingMeetings.Where(m => m.Id == a.MeetingId)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.SlotId, (int?)slotId).SetProperty(m => m.TableId, (int?)a.TableId), token);
                foreach (var p in people[a.MeetingId]) db.MeetingBookings.Add(new MeetingBooking { ParticipantId = p, SlotId = slotId, MeetingId = a.MeetingId });
            }
            await db.MatchmakingSessions.Where(x => x.EventId == eventId).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.ScheduleState, ScheduleRunState.Saved).SetProperty(x => x.ScheduledAt, (DateTimeOffset?)now)
                .SetProperty(x => x.SchedulePlaced, q.Placed).SetProperty(x => x.ScheduleTotal, q.Total).SetProperty(x => x.ScheduleBound, q.PlacementBound)
                .SetProperty(x => x.IdleTotal, q.TotalIdle).SetProperty(x => x.IdleMax, q.MaxIdle).SetProperty(x => x.IdleMean, q.MeanIdle)
                .SetProperty(x => x.SolverStatus, q.Status.ToString()).SetProperty(x => x.ElapsedMs, (int)Math.Min(int.MaxValue, q.Elapsed.TotalMilliseconds))
                .SetProperty(x => x.ScheduleProblem, (string?)null), token);
            audit.Add(AuditActions.MatchmakingScheduleSaved, hubId, $"#{eventId}", $"{q.Placed}/{q.Total} placed, {q.Status}, idle {q.TotalIdle}");
            var told = people.Values.SelectMany(x => x).Distinct().ToList();
            if (told.Count > 0) await notices.TellAsync(eventId, "MeetingScheduled", told, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }

    /// <summary>The scheduler's input from the tables: slots in time order (indexes), tables, active participants, accepted meetings.</summary>
    public async Task<(ScheduleInput Input, IReadOnlyList<int> SlotIds)> InputAsync(int eventId, CancellationToken ct)
    {
        var slots = await db.MatchmakingSlots.AsNoTracking().Where(x => x.EventId == eventId).OrderBy(x => x.StartsAt).ToListAsync(ct);
        var index = slots.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var tables = await db.MatchmakingTables.AsNoTracking().Where(x => x.EventId == eventId).OrderBy(x => x.Id).ToListAsync(ct);
        var participants = await access.Active(eventId).AsNoTracking().Select(p => new { p.Id, p.MeetingMode }).ToListAsync(ct);
        var ids = participants.Select(p => p.Id).ToList();
        var availability = await db.MatchmakingAvailability.AsNoTracking().Where(a => ids.Contains(a.ParticipantId)).ToListAsync(ct);
        var meetings = await db.MatchmakingMeetings.AsNoTracking().Where(m => m.EventId == eventId)
            .Join(db.MeetingRequests.Where(r => r.State == MeetingRequestState.Accepted), m => m.RequestId, r => r.Id,
                (m, r) => new { m.Id, m.SlotId, m.TableId, m.Locked, r.FromId, r.ToId })
            .OrderBy(m => m.Id).ToListAsync(ct);
        var modes = participants.ToDictionary(p => p.Id, p => p.MeetingMode);
        var input = new ScheduleInput(
            slots.Select(x => new ScheduleSlot(x.IsBreak)).ToList(),
            tables.Select(t => new ScheduleTable(t.Id, t.Kind)).ToList(),
            participants.Select(p => new ScheduleParticipant(p.Id,
                availability.Where(a => a.ParticipantId == p.Id && index.ContainsKey(a.SlotId)).Select(a => index[a.SlotId]).ToHashSet())).ToList(),
            meetings.Where(m => modes.ContainsKey(m.FromId) && modes.ContainsKey(m.ToId))
                .Select(m => new ScheduleMeeting(m.Id, [m.FromId, m.ToId], Placement.ModeOf([modes[m.FromId], modes[m.ToId]]),
                    m.Locked && m.SlotId is { } slot ? new MeetingLock(index[slot], m.TableId) : null)).ToList());
        return (input, slots.Select(x => x.Id).ToList());
    }
}
