using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>
/// Matchmaking's answer to Network's <see cref="IMeetingOutcomeFigures"/>: the outcomes recorded by the sides of the
/// meetings placed in a slot that starts in the period (at the hub's events when one is named), per outcome; nothing
/// when no side recorded one, so the figures show the section only where there is something to count.
/// </summary>
public sealed class MeetingOutcomeFigures(AgoraDbContext db) : IMeetingOutcomeFigures
{
    public async Task<IReadOnlyList<KeyCount>> MeetingsByOutcomeAsync(Guid? hubId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var meetings = db.MatchmakingMeetings.Where(m => db.MatchmakingSlots.Any(s => s.Id == m.SlotId && s.StartsAt >= start && s.StartsAt < end));
        if (hubId is { } hub) meetings = meetings.Where(m => db.Events.Any(e => e.Id == m.EventId && e.HubId == hub));
        var ids = meetings.Select(m => m.Id);
        var rows = await db.MeetingOutcomes.AsNoTracking().Where(o => ids.Contains(o.MeetingId)).Select(o => o.Outcome).ToListAsync(ct);
        if (rows.Count == 0) return [];
        return Enum.GetValues<MeetingOutcomeKind>().Select(k => new KeyCount(k.ToString(), rows.Count(r => r == k))).ToList();
    }
}
