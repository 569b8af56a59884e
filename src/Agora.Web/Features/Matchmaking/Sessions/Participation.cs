using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>
/// Joining (or changing one's participation): optionally the organisation one is a member of and one of its published
/// partnering profiles, a short introduction, the kind of table one prefers, and the slots one is available in (at least one).
/// </summary>
public sealed record JoinInput(string? Organisation, int? ProfileId, string? Introduction, MeetingMode? MeetingMode, List<int>? Slots);

/// <summary>Joining, changing and leaving a session; and ending the participations whose registration ended.</summary>
public sealed class Participation(AgoraDbContext db, SessionAccess access, Validator v, AuditLog audit, SessionNotices notices, TimeProvider clock)
{
    public async Task<Result<int>> JoinAsync(string hubSlug, int eventId, JoinInput input, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || s.Session is null) return Result<int>.NotFound();
        if (!s.IsRegistered) return Result<int>.Forbidden();
        if (!s.IsOpen) return Result<int>.Conflict("", v.Message("MatchSession.SessionClosed"));
        var me = s.Event.UserId!.Value;

        var intro = v.Text("introduction", input.Introduction, SessionLimits.Introduction, required: false, multiline: true);
        var mode = input.MeetingMode ?? MeetingMode.Any;
        if (!Enum.IsDefined(mode)) v.Add("meetingMode", "Validation.Invalid");
        Guid? organisationId = null;
        if (!string.IsNullOrWhiteSpace(input.Organisation))
        {
            organisationId = await db.Organisations.Where(o => o.Slug == input.Organisation
                    && db.OrganisationMembers.Any(m => m.OrganisationId == o.Id && m.UserId == me))
                .Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
            if (organisationId is null) v.Add("organisation", "MatchSession.NotYourOrganisation");
        }
        if (input.ProfileId is { } profileId)
        {
            var ok = organisationId is { } org && await db.PartneringProfiles.AnyAsync(p => p.Id == profileId && p.OrganisationId == org
                && p.Status == ProfileStatus.Published, ct);
            if (!ok) v.Add("profileId", "MatchSession.ProfileNotPublished");
        }
        var slotIds = (input.Slots ?? []).Distinct().ToList();
        var meetingSlots = await db.MatchmakingSlots.Where(x => x.EventId == eventId && !x.IsBreak).Select(x => x.Id).ToListAsync(ct);
        if (slotIds.Count == 0) v.Add("slots", "MatchSession.NoAvailability");
        else if (slotIds.Any(id => !meetingSlots.Contains(id))) v.Add("slots", "MatchSession.SlotUnknown");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var now = clock.GetUtcNow();
        var ev = s.Event.Event;
        return await db.InTransactionAsync(async token =>
        {
            var p = await db.MatchmakingParticipants.SingleOrDefaultAsync(x => x.EventId == eventId && x.UserId == me, token);
            var joined = p is null || p.EndedAt is not null;
            if (p is null)
            {
                p = new SessionParticipant { EventId = eventId, UserId = me, JoinedAt = now };
                db.MatchmakingParticipants.Add(p);
            }
            else if (p.EndedAt is not null)
            {
                p.EndedAt = null;
                p.JoinedAt = now;
            }
            p.OrganisationId = organisationId;
            p.ProfileId = input.ProfileId;
            p.Introduction = intro;
            p.MeetingMode = mode;
            await db.SaveChangesAsync(token);
            // A slot left out that holds one of the person's meetings stays: the meeting must be moved first.
            var booked = await db.MeetingBookings.Where(b => b.ParticipantId == p.Id).Select(b => b.SlotId).ToListAsync(token);
            var keep = slotIds.Union(booked).ToHashSet();
            await db.MatchmakingAvailability.Where(a => a.ParticipantId == p.Id && !keep.Contains(a.SlotId)).ExecuteDeleteAsync(token);
            var have = await db.MatchmakingAvailability.Where(a => a.ParticipantId == p.Id).Select(a => a.SlotId).ToListAsync(token);
            foreach (var slot in keep.Except(have)) db.MatchmakingAvailability.Add(new ParticipantSlot { ParticipantId = p.Id, SlotId = slot });
            audit.Add(joined ? AuditActions.MatchmakingJoined : AuditActions.MatchmakingParticipationChanged, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title),
                $"{keep.Count} slots");
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(p.Id);
        }, ct);
    }

    /// <summary>The person leaves the session: their pending requests are cancelled and their meetings freed.</summary>
    public async Task<Result<bool>> LeaveAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || s.Me is null) return Result<bool>.NotFound();
        var ev = s.Event.Event;
        return await db.InTransactionAsync(async token =>
        {
            await EndAsync(s.Me.Id, ev.Id, token);
            audit.Add(AuditActions.MatchmakingLeft, ev.HubId, SessionAudit.Subject(ev.Id, ev.Title));
            await db.SaveChangesAsync(token);
            return Result<bool>.Ok(true);
        }, ct);
    }

    /// <summary>Ends the participations whose registration is no longer confirmed (recurring job); answers how many.</summary>
    public async Task<int> EndLapsedAsync(CancellationToken ct)
    {
        var lapsed = await access.Lapsed().OrderBy(p => p.Id).Select(p => new { p.Id, p.EventId }).Take(500).ToListAsync(ct);
        foreach (var p in lapsed)
        {
            await db.InTransactionAsync(async token =>
            {
                var ended = await EndAsync(p.Id, p.EventId, token);
                if (ended) audit.Add(AuditActions.MatchmakingParticipationEnded, subject: $"#{p.EventId}", details: $"participant {p.Id}");
                await db.SaveChangesAsync(token);
                return true;
            }, ct);
        }
        return lapsed.Count;
    }

    /// <summary>
    /// Ends one participation inside the caller's transaction: its pending requests (sent and received) are cancelled,
    /// its accepted meetings cancelled and their places freed, and the other side told.
    /// </summary>
    private async Task<bool> EndAsync(int participantId, int eventId, CancellationToken ct)
    {
        var p = await db.MatchmakingParticipants.SingleOrDefaultAsync(x => x.Id == participantId && x.EndedAt == null, ct);
        if (p is null) return false;
        var now = clock.GetUtcNow();
        p.EndedAt = now;
        var requests = await db.MeetingRequests.Where(r => (r.FromId == participantId || r.ToId == participantId)
            && (r.State == MeetingRequestState.Pending || r.State == MeetingRequestState.Accepted)).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        var meetings = await db.MatchmakingMeetings.Where(m => requestIds.Contains(m.RequestId)).Select(m => m.Id).ToListAsync(ct);
        await db.MeetingBookings.Where(b => meetings.Contains(b.MeetingId)).ExecuteDeleteAsync(ct);
        await db.MatchmakingMeetings.Where(m => meetings.Contains(m.Id)).ExecuteDeleteAsync(ct);
        foreach (var r in requests)
        {
            r.State = MeetingRequestState.Cancelled;
            r.AnsweredAt = now;
        }
        var others = requests.Select(r => r.FromId == participantId ? r.ToId : r.FromId).Distinct().ToList();
        if (others.Count > 0) await notices.TellAsync(eventId, "MeetingCancelled", others, ct);
        return true;
    }
}
