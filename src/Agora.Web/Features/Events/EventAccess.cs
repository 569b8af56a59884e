using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>What a person's standing in a hub lets them do with its events.</summary>
public static class EventOperations
{
    /// <summary>Hub managers create events and pick their organisers.</summary>
    public static readonly HubOperation Create = new("Events.Create", v => v.IsManager);
}

/// <summary>
/// The one place that decides who may see an event, register for it, read its online link and organise it; pages, API
/// and calendar feeds all ask it. A draft is known to the hub's managers and the event's organisers only; a published
/// or cancelled event to its audience (hub members, anyone signed in, or everyone). Who may not know an event gets 404.
/// The online link is shown to confirmed participants and organisers alone.
/// </summary>
public sealed class EventAccess(AgoraDbContext db, Viewers viewers, CurrentUser current, TimeProvider clock)
{
    public sealed record Standing(Event Event, string HubSlug, Viewer Viewer, Guid? UserId, bool IsOrganiser, Registration? Mine, DateTimeOffset Now)
    {
        /// <summary>Managers of the hub and the event's organisers (while members, not blocked) run the event.</summary>
        public bool CanOrganise => !Viewer.IsBlocked && (Viewer.IsManager || (IsOrganiser && Viewer.IsMember));
        public bool CanPickOrganisers => Viewer.IsManager && !Viewer.IsBlocked;
        public bool Knows => CanOrganise || (Event.State != EventState.Draft && InAudience(Event.Audience, Viewer));
        public bool IsPast => Event.IsPast(Now);
        public bool RegistrationOpen => Event.State == EventState.Published && !IsPast
            && (Event.RegistrationDeadline is not { } d || Now < d);
        /// <summary>Signed in, in the audience, not blocked, and registration is open.</summary>
        public bool CanRegister => UserId is not null && !Viewer.IsBlocked && InAudience(Event.Audience, Viewer) && RegistrationOpen;
        public bool CanCancelOwn => Mine is { } r && r.State is RegistrationState.Pending or RegistrationState.Confirmed
            or RegistrationState.Waiting or RegistrationState.Offered && !IsPast
            && (Event.CancellationCutoff is not { } c || Now < c);
        public bool SeesOnlineLink => CanOrganise || Mine?.State == RegistrationState.Confirmed;
        /// <summary>The event's materials (links and files) are for everyone who may see the event page.</summary>
        public bool SeesMaterials => Knows;

        public Result<T> Refuse<T>() => Knows ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>Whether someone of this standing is in the audience (the audience rule alone; drafts aside).</summary>
    public static bool InAudience(EventAudience audience, Viewer viewer) => audience switch
    {
        EventAudience.Public => true,
        EventAudience.SignedIn => viewer.IsAuthenticated,
        _ => viewer.IsMember,
    };

    /// <summary>The audiences someone of this standing belongs to, for lists and feeds.</summary>
    public static EventAudience[] Audiences(Viewer viewer) => viewer switch
    {
        { IsMember: true } => [EventAudience.Public, EventAudience.SignedIn, EventAudience.HubMembers],
        { IsAuthenticated: true } => [EventAudience.Public, EventAudience.SignedIn],
        _ => [EventAudience.Public],
    };

    /// <summary>The hub's events this person may know (drafts only to managers and the event's organisers).</summary>
    public IQueryable<Event> Visible(Guid hubId, Viewer viewer)
    {
        var events = db.Events.AsNoTracking().Where(e => e.HubId == hubId);
        if (viewer.IsManager) return events;
        var audiences = Audiences(viewer);
        var me = current.Id;
        return events.Where(e => (e.State != EventState.Draft && audiences.Contains(e.Audience))
            || (me != null && viewer.IsMember && !viewer.IsBlocked && db.EventOrganisers.Any(o => o.EventId == e.Id && o.UserId == me)));
    }

    /// <summary>The event of the hub with the person's standing; null when there is none or the person may not know it.</summary>
    public async Task<Standing?> LoadAsync(string hubSlug, int id, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.Events : db.Events.AsNoTracking();
        var found = await query.Where(e => e.Id == id)
            .Select(e => new { Event = e, Slug = db.Hubs.Where(h => h.Id == e.HubId).Select(h => h.Slug).Single() })
            .SingleOrDefaultAsync(ct);
        if (found is null || found.Slug != hubSlug) return null;
        var standing = await StandingAsync(found.Event, found.Slug, ct);
        return standing.Knows ? standing : null;
    }

    private async Task<Standing> StandingAsync(Event ev, string slug, CancellationToken ct)
    {
        var viewer = await viewers.ForHubAsync(ev.HubId, ct);
        var me = current.Id;
        var organiser = me is { } u && await db.EventOrganisers.AnyAsync(o => o.EventId == ev.Id && o.UserId == u, ct);
        var mine = me is { } m ? await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == ev.Id && r.UserId == m, ct) : null;
        return new Standing(ev, slug, viewer, me, organiser, mine, clock.GetUtcNow());
    }
}
