using Agora.Web.Features.Events;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>
/// Who may know and do what with a matchmaking session, decided once for pages, API, calendar and export, over
/// <see cref="EventAccess"/>:
/// <list type="bullet">
/// <item>the session exists only on an event of the format Matchmaking; whoever may not know the event gets 404;</item>
/// <item>the event's organisers and the hub's managers organise it (settings, slots, tables, every request and meeting,
/// the scheduler, locks and moves, the outcome counts);</item>
/// <item>a person holding a confirmed registration for the event may join; a participant sees the other participants
/// and their own requests, meetings and agenda. Participation lasts as long as the registration is confirmed: this is
/// checked at every read and write (<see cref="Active"/>), and the recurring <see cref="SessionExpiryJob"/> ends lapsed
/// participations (pending requests cancelled, meetings freed), since Events tells nobody when a registration ends;</item>
/// <item>everyone else who may see the event sees the session's public facts (modes and slots) and nothing more: the
/// participants, requests and meetings answer 404.</item>
/// </list>
/// </summary>
public sealed class SessionAccess(AgoraDbContext db, EventAccess events)
{
    public sealed record Standing(EventAccess.Standing Event, MatchmakingSession? Session, SessionParticipant? Me)
    {
        public int EventId => Event.Event.Id;
        public Guid HubId => Event.Event.HubId;
        public string HubSlug => Event.HubSlug;
        public bool CanOrganise => Event.CanOrganise;
        public bool IsRegistered => Event.Mine?.State == RegistrationState.Confirmed && !Event.Viewer.IsBlocked;
        /// <summary>A participant whose registration is still confirmed.</summary>
        public bool IsParticipant => Me is not null && IsRegistered;
        public bool SeesParticipants => CanOrganise || IsParticipant;
        public bool IsOpen => Session is not null && Event.Event.State == EventState.Published && !Event.IsPast;
        public bool CanJoin => IsRegistered && IsOpen;
        public string Path => SessionPaths.Session(HubSlug, EventId);
    }

    /// <summary>The session of the hub's event with the person's standing; null when the event is unknown to them or not a matchmaking event.</summary>
    public async Task<Standing?> LoadAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var ev = await events.LoadAsync(hubSlug, eventId, ct);
        if (ev is null || ev.Event.Format != EventFormat.Matchmaking) return null;
        var session = await db.MatchmakingSessions.AsNoTracking().SingleOrDefaultAsync(s => s.EventId == eventId, ct);
        var me = ev.UserId is { } u
            ? await db.MatchmakingParticipants.AsNoTracking().SingleOrDefaultAsync(p => p.EventId == eventId && p.UserId == u && p.EndedAt == null, ct)
            : null;
        return new Standing(ev, session, me);
    }

    /// <summary>The event's participants who still take part: not ended, registration confirmed.</summary>
    public IQueryable<SessionParticipant> Active(int eventId) =>
        db.MatchmakingParticipants.Where(p => p.EventId == eventId && p.EndedAt == null
            && db.Registrations.Any(r => r.EventId == eventId && r.UserId == p.UserId && r.State == RegistrationState.Confirmed));

    /// <summary>Participants not ended whose registration is no longer confirmed (any event).</summary>
    public IQueryable<SessionParticipant> Lapsed() =>
        db.MatchmakingParticipants.Where(p => p.EndedAt == null
            && !db.Registrations.Any(r => r.EventId == p.EventId && r.UserId == p.UserId && r.State == RegistrationState.Confirmed));
}

public static class SessionPaths
{
    public static string Session(string hub, int eventId) => $"/hubs/{hub}/events/{eventId}/matchmaking";
    public static string Organise(string hub, int eventId) => Session(hub, eventId) + "/organise";
    public static string Agenda(string hub, int eventId) => Session(hub, eventId) + "/agenda";
    public static string AgendaIcs(string hub, int eventId) => Session(hub, eventId) + "/agenda.ics";
}
