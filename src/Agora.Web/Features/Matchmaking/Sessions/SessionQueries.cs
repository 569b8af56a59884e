using Agora.Web.Features.Hubs;
using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Sessions;

public sealed record SlotView(int Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool IsBreak);

/// <summary>A table; its online room's link only for the organisers (participants get it with their meetings).</summary>
public sealed record TableView(int Id, string Name, RoomKind Kind, string? OnlineLink);

/// <summary>The quality report of the organiser's last scheduler run.</summary>
public sealed record ScheduleReport(ScheduleRunState State, DateTimeOffset? At, int Placed, int Total, int Bound, int IdleTotal, int IdleMax, double IdleMean,
    string? Status, int ElapsedMs, string? Problem);

public sealed record MyParticipation(int Id, string? Organisation, int? ProfileId, string Introduction, MeetingMode MeetingMode, IReadOnlyList<int> Slots);

/// <summary>The session as the reader may see it: the report and the tables' links for organisers, their participation for a participant.</summary>
public sealed record SessionView(int EventId, string HubSlug, string EventTitle, string TimeZone, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool SetUp,
    RequestMode RequestMode, SchedulingMode SchedulingMode, int RequestExpiryHours, int MeetingMinutes, IReadOnlyList<SlotView> Slots,
    IReadOnlyList<TableView> Tables, bool CanOrganise, bool IsRegistered, bool CanJoin, MyParticipation? Me, int Participants, ScheduleReport? Schedule);

public sealed record ParticipantView(int Id, string Name, string? Organisation, int? ProfileId, string? ProfileTitle, string Introduction, MeetingMode MeetingMode,
    bool IsMe);

/// <summary>A request; <see cref="FreeSlots"/> for the one it was sent to while pending, where participants pick: the slots both are available and free in.</summary>
public sealed record RequestView(int Id, int FromId, string FromName, int ToId, string ToName, string Message, MeetingRequestState State, DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, bool Incoming, IReadOnlyList<int> FreeSlots);

public sealed record OutcomeView(int ParticipantId, MeetingOutcomeKind Outcome, string? Note);

public sealed record MeetingView(int Id, int RequestId, int AId, string AName, int BId, string BName, int? SlotId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    int? TableId, string? Table, RoomKind? Kind, string? OnlineLink, bool Locked, IReadOnlyList<OutcomeView> Outcomes);

/// <summary>One meeting on a participant's agenda: who, when, where (the online room's link for a remote meeting), and what they recorded.</summary>
public sealed record AgendaItem(int MeetingId, string With, string? WithOrganisation, int? SlotId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Table,
    RoomKind? Kind, string? OnlineLink, MeetingOutcomeKind? MyOutcome, string? MyNote);

public sealed record Agenda(int EventId, string HubSlug, string EventTitle, string TimeZone, string Name, IReadOnlyList<AgendaItem> Items);

public sealed record OutcomeCount(MeetingOutcomeKind Outcome, int Count);

/// <summary>The outcome counts of a session: per outcome, the sides that recorded it; and meetings with at least one side's record.</summary>
public sealed record OutcomeCounts(int Meetings, int Recorded, IReadOnlyList<OutcomeCount> Outcomes);

/// <summary>Read side of matchmaking sessions for pages, the API and the calendar.</summary>
public sealed class SessionQueries(AgoraDbContext db, SessionAccess access)
{
    public async Task<Result<SessionView>> GetAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null) return Result<SessionView>.NotFound();
        var ev = s.Event.Event;
        var zone = (await db.HubTimeZoneAsync(ev.HubId, ct)).Id;
        var slots = await db.MatchmakingSlots.AsNoTracking().Where(x => x.EventId == eventId).OrderBy(x => x.StartsAt)
            .Select(x => new SlotView(x.Id, x.StartsAt, x.EndsAt, x.IsBreak)).ToListAsync(ct);
        var tables = await db.MatchmakingTables.AsNoTracking().Where(x => x.EventId == eventId).OrderBy(x => x.Id)
            .Select(x => new TableView(x.Id, x.Name, x.Kind, s.CanOrganise ? x.OnlineLink : null)).ToListAsync(ct);
        MyParticipation? me = null;
        if (s.IsParticipant)
        {
            var mine = await db.MatchmakingAvailability.Where(a => a.ParticipantId == s.Me!.Id).Select(a => a.SlotId).ToListAsync(ct);
            var org = s.Me!.OrganisationId is { } o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Slug).SingleOrDefaultAsync(ct) : null;
            me = new MyParticipation(s.Me.Id, org, s.Me.ProfileId, s.Me.Introduction, s.Me.MeetingMode, mine);
        }
        var count = s.SeesParticipants ? await access.Active(eventId).CountAsync(ct) : 0;
        var x = s.Session;
        var report = s.CanOrganise && x is not null && x.ScheduleState != ScheduleRunState.None
            ? new ScheduleReport(x.ScheduleState, x.ScheduledAt, x.SchedulePlaced, x.ScheduleTotal, x.ScheduleBound, x.IdleTotal, x.IdleMax, x.IdleMean,
                x.SolverStatus, x.ElapsedMs, x.ScheduleProblem)
            : null;
        return Result<SessionView>.Ok(new SessionView(eventId, hubSlug, ev.Title, zone, ev.StartsAt, ev.EndsAt, x is not null,
            x?.RequestMode ?? RequestMode.Participants, x?.SchedulingMode ?? SchedulingMode.ParticipantsPick, x?.RequestExpiryHours ?? 48,
            x?.MeetingMinutes ?? 20, slots, tables, s.CanOrganise, s.IsRegistered, s.CanJoin && x is not null, me, count, report));
    }

    public async Task<Result<List<ParticipantView>>> ParticipantsAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.SeesParticipants) return Result<List<ParticipantView>>.NotFound();
        var me = s.IsParticipant ? s.Me!.Id : 0;
        var rows = await access.Active(eventId).AsNoTracking()
            .Select(p => new
            {
                p.Id, p.Introduction, p.MeetingMode, p.ProfileId,
                Name = db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).Single(),
                Organisation = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).SingleOrDefault(),
                Profile = db.PartneringProfiles.Where(x => x.Id == p.ProfileId && x.Status == ProfileStatus.Published).Select(x => x.Title).SingleOrDefault(),
            })
            .ToListAsync(ct);
        return Result<List<ParticipantView>>.Ok(rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new ParticipantView(r.Id, r.Name, r.Organisation, r.Profile is null ? null : r.ProfileId, r.Profile, r.Introduction, r.MeetingMode, r.Id == me))
            .ToList());
    }

    /// <summary>A participant's requests sent and received; for the organisers, every request of the session.</summary>
    public async Task<Result<List<RequestView>>> RequestsAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.SeesParticipants) return Result<List<RequestView>>.NotFound();
        var me = s.IsParticipant ? s.Me!.Id : 0;
        var query = db.MeetingRequests.AsNoTracking().Where(r => r.EventId == eventId);
        if (!s.CanOrganise) query = query.Where(r => r.FromId == me || r.ToId == me);
        var rows = await query.OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id).Take(1000).ToListAsync(ct);
        var names = await NamesAsync(rows.SelectMany(r => new[] { r.FromId, r.ToId }).Distinct().ToList(), ct);
        var pick = s.Session?.SchedulingMode == SchedulingMode.ParticipantsPick;
        var free = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var r in rows.Where(r => r.ToId == me && r.State == MeetingRequestState.Pending && pick))
            free[r.Id] = await FreeSlotsAsync(eventId, [r.FromId, r.ToId], ct);
        return Result<List<RequestView>>.Ok(rows.Select(r => new RequestView(r.Id, r.FromId, names.GetValueOrDefault(r.FromId, ""), r.ToId,
            names.GetValueOrDefault(r.ToId, ""), r.Message, r.State, r.SentAt, r.ExpiresAt, r.AnsweredAt, r.ToId == me,
            free.GetValueOrDefault(r.Id) ?? [])).ToList());
    }

    /// <summary>The slots (not breaks) every one of <paramref name="people"/> is available in and has no meeting in.</summary>
    public async Task<IReadOnlyList<int>> FreeSlotsAsync(int eventId, IReadOnlyList<int> people, CancellationToken ct)
    {
        var slots = await db.MatchmakingSlots.Where(x => x.EventId == eventId && !x.IsBreak).OrderBy(x => x.StartsAt).Select(x => x.Id).ToListAsync(ct);
        var available = await db.MatchmakingAvailability.Where(a => people.Contains(a.ParticipantId)).ToListAsync(ct);
        var booked = await db.MeetingBookings.Where(b => people.Contains(b.ParticipantId)).Select(b => b.SlotId).ToListAsync(ct);
        return slots.Where(slot => people.All(p => available.Any(a => a.ParticipantId == p && a.SlotId == slot)) && !booked.Contains(slot)).ToList();
    }

    private async Task<Dictionary<int, string>> NamesAsync(List<int> participants, CancellationToken ct) =>
        await db.MatchmakingParticipants.Where(p => participants.Contains(p.Id))
            .Select(p => new { p.Id, Name = db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).Single() })
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);

    /// <summary>Every meeting of the session (the organisers).</summary>
    public async Task<Result<List<MeetingView>>> MeetingsAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.CanOrganise) return Result<List<MeetingView>>.NotFound();
        var rows = await db.MatchmakingMeetings.AsNoTracking().Where(m => m.EventId == eventId)
            .Join(db.MeetingRequests, m => m.RequestId, r => r.Id, (m, r) => new { Meeting = m, r.FromId, r.ToId })
            .ToListAsync(ct);
        var names = await NamesAsync(rows.SelectMany(r => new[] { r.FromId, r.ToId }).Distinct().ToList(), ct);
        var slots = await db.MatchmakingSlots.AsNoTracking().Where(x => x.EventId == eventId).ToDictionaryAsync(x => x.Id, ct);
        var tables = await db.MatchmakingTables.AsNoTracking().Where(x => x.EventId == eventId).ToDictionaryAsync(x => x.Id, ct);
        var ids = rows.Select(r => r.Meeting.Id).ToList();
        var outcomes = await db.MeetingOutcomes.AsNoTracking().Where(o => ids.Contains(o.MeetingId)).ToListAsync(ct);
        return Result<List<MeetingView>>.Ok(rows
            .OrderBy(r => r.Meeting.SlotId is { } sl ? slots[sl].StartsAt : DateTimeOffset.MaxValue).ThenBy(r => r.Meeting.TableId).ThenBy(r => r.Meeting.Id)
            .Select(r =>
            {
                var m = r.Meeting;
                var slot = m.SlotId is { } si ? slots[si] : null;
                var table = m.TableId is { } ti ? tables[ti] : null;
                return new MeetingView(m.Id, m.RequestId, r.FromId, names.GetValueOrDefault(r.FromId, ""), r.ToId, names.GetValueOrDefault(r.ToId, ""),
                    m.SlotId, slot?.StartsAt, slot?.EndsAt, m.TableId, table?.Name, table?.Kind, table?.OnlineLink, m.Locked,
                    outcomes.Where(o => o.MeetingId == m.Id).Select(o => new OutcomeView(o.ParticipantId, o.Outcome, o.Note)).ToList());
            }).ToList());
    }

    /// <summary>The reader's own agenda: their meetings in time order (404 for anyone not taking part).</summary>
    public async Task<Result<Agenda>> AgendaAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.IsParticipant) return Result<Agenda>.NotFound();
        var me = s.Me!.Id;
        var ev = s.Event.Event;
        var zone = (await db.HubTimeZoneAsync(ev.HubId, ct)).Id;
        var rows = await db.MatchmakingMeetings.AsNoTracking().Where(m => m.EventId == eventId)
            .Join(db.MeetingRequests.Where(r => r.FromId == me || r.ToId == me), m => m.RequestId, r => r.Id,
                (m, r) => new { m.Id, m.SlotId, m.TableId, Other = r.FromId == me ? r.ToId : r.FromId })
            .ToListAsync(ct);
        var others = rows.Select(r => r.Other).ToList();
        var people = await db.MatchmakingParticipants.AsNoTracking().Where(p => others.Contains(p.Id))
            .Select(p => new
            {
                p.Id, Name = db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).Single(),
                Organisation = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).SingleOrDefault(),
            }).ToDictionaryAsync(p => p.Id, ct);
        var slots = await db.MatchmakingSlots.AsNoTracking().Where(x => x.EventId == eventId).ToDictionaryAsync(x => x.Id, ct);
        var tables = await db.MatchmakingTables.AsNoTracking().Where(x => x.EventId == eventId).ToDictionaryAsync(x => x.Id, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var mine = await db.MeetingOutcomes.AsNoTracking().Where(o => ids.Contains(o.MeetingId) && o.ParticipantId == me).ToDictionaryAsync(o => o.MeetingId, ct);
        var items = rows.Select(r =>
        {
            var slot = r.SlotId is { } si ? slots[si] : null;
            var table = r.TableId is { } ti ? tables[ti] : null;
            var other = people.GetValueOrDefault(r.Other);
            var outcome = mine.GetValueOrDefault(r.Id);
            return new AgendaItem(r.Id, other?.Name ?? "", other?.Organisation, r.SlotId, slot?.StartsAt, slot?.EndsAt, table?.Name, table?.Kind,
                table?.Kind == RoomKind.Online ? table.OnlineLink : null, outcome?.Outcome, outcome?.Note);
        }).OrderBy(i => i.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.MeetingId).ToList();
        var name = await db.Users.Where(u => u.Id == s.Me.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        return Result<Agenda>.Ok(new Agenda(eventId, hubSlug, ev.Title, zone, name, items));
    }

    /// <summary>Per outcome, how many sides recorded it (the organisers).</summary>
    public async Task<Result<OutcomeCounts>> OutcomesAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var s = await access.LoadAsync(hubSlug, eventId, ct);
        if (s is null || !s.CanOrganise) return Result<OutcomeCounts>.NotFound();
        return Result<OutcomeCounts>.Ok(await CountAsync(db.MatchmakingMeetings.Where(m => m.EventId == eventId), ct));
    }

    public async Task<OutcomeCounts> CountAsync(IQueryable<SessionMeeting> meetings, CancellationToken ct)
    {
        var ids = meetings.Select(m => m.Id);
        var total = await meetings.CountAsync(ct);
        var rows = await db.MeetingOutcomes.AsNoTracking().Where(o => ids.Contains(o.MeetingId)).Select(o => new { o.MeetingId, o.Outcome }).ToListAsync(ct);
        return new OutcomeCounts(total, rows.Select(r => r.MeetingId).Distinct().Count(),
            Enum.GetValues<MeetingOutcomeKind>().Select(k => new OutcomeCount(k, rows.Count(r => r.Outcome == k))).ToList());
    }
}

/// <summary>What a person may choose from when joining: their organisations and those organisations' published partnering profiles.</summary>
public sealed record JoinChoices(IReadOnlyList<(string Slug, string Name)> Organisations, IReadOnlyList<(int Id, string Title, string Organisation)> Profiles);

public static class SessionChoices
{
    public static async Task<JoinChoices> ForAsync(AgoraDbContext db, Guid userId, CancellationToken ct)
    {
        var orgs = await db.Organisations.AsNoTracking().Where(o => db.OrganisationMembers.Any(m => m.OrganisationId == o.Id && m.UserId == userId))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Slug, o.Name }).ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        var profiles = await db.PartneringProfiles.AsNoTracking().Where(p => ids.Contains(p.OrganisationId) && p.Status == ProfileStatus.Published)
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.OrganisationId }).ToListAsync(ct);
        return new JoinChoices(orgs.Select(o => (o.Slug, o.Name)).ToList(),
            profiles.Select(p => (p.Id, p.Title, orgs.Single(o => o.Id == p.OrganisationId).Slug)).ToList());
    }
}
