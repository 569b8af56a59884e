using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>
/// What matchmaking sessions hold about a person: their participations (introduction, availability), the meeting
/// requests they sent and received, their meetings and the outcomes they recorded. Erasure removes the participations;
/// availability, requests, meetings, bookings and outcomes go with them (the other side's agenda loses the meeting).
/// </summary>
public sealed class SessionPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "matchmaking-sessions";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(SessionParticipant)];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var mine = await db.MatchmakingParticipants.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.JoinedAt).ToListAsync(ct);
        var ids = mine.Select(p => p.Id).ToList();
        var availability = await db.MatchmakingAvailability.AsNoTracking().Where(a => ids.Contains(a.ParticipantId))
            .Join(db.MatchmakingSlots, a => a.SlotId, s => s.Id, (a, s) => new { a.ParticipantId, s.StartsAt, s.EndsAt }).ToListAsync(ct);
        var requests = await db.MeetingRequests.AsNoTracking().Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId))
            .OrderBy(r => r.SentAt).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        var meetings = await db.MatchmakingMeetings.AsNoTracking().Where(m => requestIds.Contains(m.RequestId))
            .Select(m => new { m.Id, m.EventId, m.RequestId, Slot = db.MatchmakingSlots.Where(s => s.Id == m.SlotId).Select(s => (DateTimeOffset?)s.StartsAt).SingleOrDefault(),
                Table = db.MatchmakingTables.Where(t => t.Id == m.TableId).Select(t => t.Name).SingleOrDefault() })
            .ToListAsync(ct);
        var outcomes = await db.MeetingOutcomes.AsNoTracking().Where(o => ids.Contains(o.ParticipantId)).ToListAsync(ct);
        return new
        {
            participations = mine.Select(p => new
            {
                p.EventId, p.OrganisationId, p.ProfileId, p.Introduction, MeetingMode = p.MeetingMode.ToString(), p.JoinedAt, p.EndedAt,
                available = availability.Where(a => a.ParticipantId == p.Id).OrderBy(a => a.StartsAt).Select(a => new { a.StartsAt, a.EndsAt }),
            }),
            requests = requests.Select(r => new
            {
                r.EventId, Sent = ids.Contains(r.FromId), r.Message, State = r.State.ToString(), r.SentAt, r.ExpiresAt, r.AnsweredAt,
            }),
            meetings = meetings.Select(m => new { m.EventId, m.Slot, m.Table }),
            outcomes = outcomes.Select(o => new { o.MeetingId, Outcome = o.Outcome.ToString(), o.Note, o.RecordedAt }),
        };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var ids = await db.MatchmakingParticipants.Where(p => p.UserId == e.UserId).Select(p => p.Id).ToListAsync(ct);
        if (ids.Count == 0) return;
        var requests = db.MeetingRequests.Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).Select(r => r.Id);
        var meetings = db.MatchmakingMeetings.Where(m => requests.Contains(m.RequestId)).Select(m => m.Id);
        await db.MeetingOutcomes.Where(o => meetings.Contains(o.MeetingId)).ExecuteDeleteAsync(ct);
        await db.MeetingBookings.Where(b => meetings.Contains(b.MeetingId)).ExecuteDeleteAsync(ct);
        await db.MatchmakingMeetings.Where(m => requests.Contains(m.RequestId)).ExecuteDeleteAsync(ct);
        await db.MeetingRequests.Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).ExecuteDeleteAsync(ct);
        await db.MatchmakingAvailability.Where(a => ids.Contains(a.ParticipantId)).ExecuteDeleteAsync(ct);
        await db.MatchmakingParticipants.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(ct);
    }
}
