using System.Text.Json;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>What another area may read of an event: its title, format, hub and dates.</summary>
public sealed record EventInfo(int Id, Guid HubId, string HubSlug, string Title, EventFormat Format, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    bool AllDay, EventState State);

/// <summary>Which of a hub's events a list shows: "upcoming" (not ended, not cancelled), "past" or "cancelled"; dates in the hub's zone.</summary>
public sealed record EventFilter(EventFormat? Format = null, DateOnly? From = null, DateOnly? To = null, string? When = null, int Page = 1)
{
    public static readonly string[] WhenChoices = ["upcoming", "past", "cancelled"];
}

public sealed record EventListItem(int Id, string Title, string Summary, EventFormat Format, EventMode Mode, EventState State, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, bool AllDay, bool Past, int Seats, int Taken, int Waiting);

public sealed record EventList(Guid HubId, string HubSlug, string HubName, string TimeZone, bool CanCreate, PagedList<EventListItem> Events);

public sealed record SessionView(int Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Speaker, string? Room);

public sealed record TicketView(int Id, string Name, int Capacity, int Taken, int Waiting);

public sealed record QuestionView(int Id, string Text, bool Required);

/// <summary>
/// A material: for a link <see cref="Url"/> is the link; for a file it is the download address and <see cref="File"/> says
/// what the file is.
/// </summary>
public sealed record MaterialView(int Id, string Title, string Url, MaterialFile? File);

/// <summary>An uploaded material's name, type (recognised from its content) and size in bytes.</summary>
public sealed record MaterialFile(string FileName, string ContentType, long Size);

public sealed record PersonView(Guid UserId, string Name);

/// <summary>The reader's own registration: where it stands, their place on the waiting list, their check-in code.</summary>
public sealed record MyRegistration(int Id, int TicketTypeId, string Ticket, RegistrationState State, int? Position, DateTimeOffset? OfferExpiresAt,
    string CheckInCode, DateTimeOffset? AttendedAt);

public sealed record EventOutcomes(Guid? CampaignId, int? TeamsFormed, string? Report, int? Employees, int? Citizens, int? Companies, int? Researchers,
    int Attended)
{
    public bool Any => CampaignId is not null || TeamsFormed is not null || Report is not null || Employees is not null || Citizens is not null
        || Companies is not null || Researchers is not null;
}

/// <summary>An event as the reader may see it; <see cref="OnlineLink"/> only for confirmed participants and organisers.</summary>
public sealed record EventDetail(
    int Id, Guid HubId, string HubSlug, string HubName, string TimeZone, EventFormat Format, string Title, string Summary, string Description,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool AllDay, EventMode Mode, string? Address, string? Room, string? Accessibility,
    string? OnlineLink, IReadOnlyList<string> Languages, EventAudience Audience, EventState State, bool Past, int Sequence,
    bool RequiresApproval, DateTimeOffset? RegistrationDeadline, DateTimeOffset? CancellationCutoff, int OfferHours,
    IReadOnlyList<SessionView> Agenda, IReadOnlyList<TicketView> Tickets, IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<PersonView> Organisers, EventOutcomes Outcomes, string? CampaignSlug,
    MyRegistration? Mine, bool CanOrganise, bool CanPickOrganisers, bool CanRegister, bool CanCancelOwn, bool RegistrationOpen);

/// <summary>A registration as the organisers see it.</summary>
public sealed record RegistrationRow(int Id, Guid UserId, string Name, string Ticket, RegistrationState State, int? Position,
    DateTimeOffset? OfferExpiresAt, IReadOnlyList<AnswerRow> Answers, DateTimeOffset? AttendedAt, DateTimeOffset CreatedAt);

public sealed record AnswerRow(string Question, string Answer);

/// <summary>The hub's events of one format in the community figures.</summary>
public sealed record FormatFigure(EventFormat Format, int Events, int Registrations, int Attended);

/// <summary>Events in the hub's community figures: events by format with registrations (seats held) and attendance, and ideas born at events.</summary>
public sealed record EventFigures(IReadOnlyList<FormatFigure> Formats, int IdeasBorn);

/// <summary>Read side of events for pages, the API and other areas.</summary>
public sealed class EventQueries(AgoraDbContext db, EventAccess access, Viewers viewers, TimeProvider clock)
{
    /// <summary>An event's public facts (no access check: callers decide what their own pages show).</summary>
    public Task<EventInfo?> InfoAsync(int id, CancellationToken ct) =>
        db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EventInfo(e.Id, e.HubId, db.Hubs.Where(h => h.Id == e.HubId).Select(h => h.Slug).Single(), e.Title, e.Format,
                e.StartsAt, e.EndsAt, e.AllDay, e.State))
            .SingleOrDefaultAsync(ct);

    /// <summary>The event of this hub address, or null.</summary>
    public async Task<EventInfo?> InfoAsync(string hubSlug, int id, CancellationToken ct) =>
        await InfoAsync(id, ct) is { } info && info.HubSlug == hubSlug ? info : null;

    public const int PageSize = 20;

    /// <summary>The hub's events the reader may see, filtered, soonest first (past ones most recent first); null when the hub does not exist.</summary>
    public async Task<EventList?> ListAsync(string hubSlug, EventFilter f, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == hubSlug).Select(h => new { h.Id, h.Name, h.TimeZone }).SingleOrDefaultAsync(ct);
        if (hub is null) return null;
        var viewer = await viewers.ForHubAsync(hub.Id, ct);
        var zone = ZonedTime.Find(hub.TimeZone);
        var now = clock.GetUtcNow();
        var events = access.Visible(hub.Id, viewer);
        if (f.Format is { } format) events = events.Where(e => e.Format == format);
        if (f.From is { } from && ZonedTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone) is { } fromUtc) events = events.Where(e => e.EndsAt > fromUtc);
        if (f.To is { } to && ZonedTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) is { } toUtc) events = events.Where(e => e.StartsAt < toUtc);
        events = f.When switch
        {
            "past" => events.Where(e => e.State != EventState.Cancelled && e.EndsAt <= now),
            "cancelled" => events.Where(e => e.State == EventState.Cancelled),
            "upcoming" => events.Where(e => e.State != EventState.Cancelled && e.EndsAt > now),
            _ => events,
        };
        var total = await events.CountAsync(ct);
        var ordered = f.When == "past" ? events.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id) : events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        var page = Math.Max(1, f.Page);
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new
            {
                e.Id, e.Title, e.Summary, e.Format, e.Mode, e.State, e.StartsAt, e.EndsAt, e.AllDay,
                Seats = db.TicketTypes.Where(t => t.EventId == e.Id).Sum(t => (int?)t.Capacity) ?? 0,
                Taken = db.TicketTypes.Where(t => t.EventId == e.Id).Sum(t => (int?)t.Taken) ?? 0,
                Waiting = db.Registrations.Count(r => r.EventId == e.Id && r.State == RegistrationState.Waiting),
            }).ToListAsync(ct);
        var items = rows.Select(e => new EventListItem(e.Id, e.Title, e.Summary, e.Format, e.Mode, e.State, e.StartsAt, e.EndsAt, e.AllDay,
            e.EndsAt <= now, e.Seats, e.Taken, e.Waiting)).ToList();
        return new EventList(hub.Id, hubSlug, hub.Name, hub.TimeZone, viewer.May(EventOperations.Create) && !viewer.IsBlocked,
            new PagedList<EventListItem>(items, page, PageSize, total));
    }

    /// <summary>The event as the reader may see it; null when they may not know it.</summary>
    public async Task<EventDetail?> GetAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        return scope is null ? null : await DetailAsync(scope, ct);
    }

    public async Task<EventDetail> DetailAsync(EventAccess.Standing scope, CancellationToken ct)
    {
        var ev = scope.Event;
        var id = ev.Id;
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Id == ev.HubId).Select(h => new { h.Name, h.TimeZone }).SingleAsync(ct);
        var agenda = await db.EventSessions.AsNoTracking().Where(s => s.EventId == id).OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new SessionView(s.Id, s.Title, s.StartsAt, s.EndsAt, s.Speaker, s.Room)).ToListAsync(ct);
        var tickets = await db.TicketTypes.AsNoTracking().Where(t => t.EventId == id).OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new TicketView(t.Id, t.Name, t.Capacity, t.Taken, db.Registrations.Count(r => r.TicketTypeId == t.Id && r.State == RegistrationState.Waiting)))
            .ToListAsync(ct);
        var questions = await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == id).OrderBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new QuestionView(q.Id, q.Text, q.Required)).ToListAsync(ct);
        var materials = scope.SeesMaterials ? await LoadMaterialsAsync(scope.HubSlug, id, ct) : [];
        IReadOnlyList<PersonView> organisers = scope.CanOrganise
            ? await db.EventOrganisers.AsNoTracking().Where(o => o.EventId == id).Join(db.Users, o => o.UserId, u => u.Id, (o, u) => new PersonView(u.Id, u.DisplayName))
                .ToListAsync(ct)
            : [];
        var attended = await db.Registrations.CountAsync(r => r.EventId == id && r.AttendedAt != null, ct);
        var campaignSlug = ev.CampaignId is { } cid ? await db.Campaigns.Where(c => c.Id == cid).Select(c => c.Slug).SingleOrDefaultAsync(ct) : null;
        MyRegistration? mine = null;
        if (scope.Mine is { } r)
        {
            var ticket = tickets.FirstOrDefault(t => t.Id == r.TicketTypeId)?.Name ?? "";
            mine = new MyRegistration(r.Id, r.TicketTypeId, ticket, r.State, r.State == RegistrationState.Waiting ? await PositionAsync(r, ct) : null,
                r.OfferExpiresAt, r.CheckInCode, r.AttendedAt);
        }
        return new EventDetail(id, ev.HubId, scope.HubSlug, hub.Name, hub.TimeZone, ev.Format, ev.Title, ev.Summary, ev.Description, ev.StartsAt, ev.EndsAt,
            ev.AllDay, ev.Mode, ev.Address, ev.Room, ev.Accessibility, scope.SeesOnlineLink ? ev.OnlineLink : null, ev.LanguageList, ev.Audience, ev.State,
            scope.IsPast, ev.Sequence, ev.RequiresApproval, ev.RegistrationDeadline, ev.CancellationCutoff, ev.OfferHours, agenda, tickets, questions,
            materials, organisers,
            new EventOutcomes(ev.CampaignId, ev.TeamsFormed, ev.Report, ev.ParticipantsEmployees, ev.ParticipantsCitizens, ev.ParticipantsCompanies,
                ev.ParticipantsResearchers, attended), campaignSlug,
            mine, scope.CanOrganise, scope.CanPickOrganisers, scope.CanRegister && (mine is null || !Registration.HoldsSeat(mine.State) && mine.State != RegistrationState.Waiting),
            scope.CanCancelOwn, scope.RegistrationOpen);
    }

    /// <summary>The event's materials in the order they were added (the caller decided the reader may see them).</summary>
    private async Task<IReadOnlyList<MaterialView>> LoadMaterialsAsync(string hubSlug, int id, CancellationToken ct)
    {
        var rows = await (from m in db.EventMaterials.AsNoTracking()
                          where m.EventId == id
                          join f in db.Files on m.FileId equals (Guid?)f.Id into files
                          from f in files.DefaultIfEmpty()
                          orderby m.Id
                          select new { m.Id, m.Title, m.Url, FileName = f == null ? null : f.FileName, ContentType = f == null ? null : f.ContentType, Size = f == null ? 0 : f.Size })
            .ToListAsync(ct);
        return rows.Select(m => m.Url is { } url
            ? new MaterialView(m.Id, m.Title, url, null)
            : new MaterialView(m.Id, m.Title, MaterialPath(hubSlug, id, m.Id), new MaterialFile(m.FileName ?? "", m.ContentType ?? "", m.Size))).ToList();
    }

    /// <summary>Where a file material is downloaded (by people who may see the event).</summary>
    public static string MaterialPath(string hubSlug, int eventId, int materialId) => $"/api/v1/hubs/{hubSlug}/events/{eventId}/materials/{materialId}";

    /// <summary>The event's materials for the reader; null when they may not see the event.</summary>
    public async Task<IReadOnlyList<MaterialView>?> MaterialsAsync(string hubSlug, int id, CancellationToken ct) =>
        await access.LoadAsync(hubSlug, id, ct) is { SeesMaterials: true } scope ? await LoadMaterialsAsync(scope.HubSlug, id, ct) : null;

    /// <summary>A waiting registration's place on its ticket type's list (1 = next).</summary>
    private async Task<int> PositionAsync(Registration r, CancellationToken ct) =>
        1 + await db.Registrations.CountAsync(x => x.TicketTypeId == r.TicketTypeId && x.State == RegistrationState.Waiting
            && (x.QueuedAt < r.QueuedAt || (x.QueuedAt == r.QueuedAt && x.Id < r.Id)), ct);

    /// <summary>Everyone registered, waiting or gone, for the organisers; null when the reader does not organise the event.</summary>
    public async Task<(EventDetail Event, IReadOnlyList<RegistrationRow> Rows)?> RegistrationsAsync(string hubSlug, int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(hubSlug, id, ct);
        if (scope is null || !scope.CanOrganise) return null;
        var detail = await DetailAsync(scope, ct);
        var questions = detail.Questions.ToDictionary(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), q => q.Text);
        var rows = await db.Registrations.AsNoTracking().Where(r => r.EventId == id)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { R = r, u.DisplayName })
            .OrderBy(x => x.R.TicketTypeId).ThenBy(x => x.R.QueuedAt).ThenBy(x => x.R.Id).ToListAsync(ct);
        var positions = new Dictionary<int, int>();
        var result = new List<RegistrationRow>();
        foreach (var x in rows)
        {
            int? position = null;
            if (x.R.State == RegistrationState.Waiting)
            {
                positions[x.R.TicketTypeId] = positions.GetValueOrDefault(x.R.TicketTypeId) + 1;
                position = positions[x.R.TicketTypeId];
            }
            var answers = JsonSerializer.Deserialize<Dictionary<string, string>>(x.R.AnswersJson) ?? [];
            result.Add(new RegistrationRow(x.R.Id, x.R.UserId, x.DisplayName, detail.Tickets.FirstOrDefault(t => t.Id == x.R.TicketTypeId)?.Name ?? "",
                x.R.State, position, x.R.OfferExpiresAt,
                answers.Where(a => questions.ContainsKey(a.Key)).Select(a => new AnswerRow(questions[a.Key], a.Value)).ToList(), x.R.AttendedAt, x.R.CreatedAt));
        }
        return (detail, result);
    }

    /// <summary>The hub's events in its community figures (published and past ones; drafts and cancelled ones do not count).</summary>
    public async Task<EventFigures> FiguresAsync(Guid hubId, CancellationToken ct)
    {
        var events = db.Events.AsNoTracking().Where(e => e.HubId == hubId && e.State == EventState.Published);
        var byFormat = await events.GroupBy(e => e.Format).Select(g => new
        {
            Format = g.Key,
            Events = g.Count(),
        }).ToListAsync(ct);
        var regs = await db.Registrations.AsNoTracking()
            .Where(r => events.Any(e => e.Id == r.EventId) && (r.State == RegistrationState.Confirmed || r.State == RegistrationState.Pending || r.State == RegistrationState.Offered))
            .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { e.Format, Attended = r.AttendedAt != null })
            .GroupBy(x => x.Format).Select(g => new { Format = g.Key, Registrations = g.Count(), Attended = g.Count(x => x.Attended) }).ToListAsync(ct);
        var formats = byFormat.Select(f =>
        {
            var r = regs.FirstOrDefault(x => x.Format == f.Format);
            return new FormatFigure(f.Format, f.Events, r?.Registrations ?? 0, r?.Attended ?? 0);
        }).OrderBy(f => f.Format).ToList();
        var campaigns = await events.Where(e => e.CampaignId != null).Select(e => e.CampaignId!.Value).Distinct().ToListAsync(ct);
        var ideas = campaigns.Count == 0 ? 0 : await db.Ideas.CountAsync(i => campaigns.Contains(i.CampaignId) && i.PublishedAt != null, ct);
        return new EventFigures(formats, ideas);
    }
}
