using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>The hub's mentoring figures for its community page: active pairs, sessions held, waiting mentees, mentors taking mentees.</summary>
public sealed record MentoringFigures(int ActivePairs, int SessionsHeld, int WaitingMentees, int Mentors);

/// <summary>A mentor of the hub with their offer and load.</summary>
public sealed record MentorCard(Guid UserId, string Name, IReadOnlyList<string> Expertise, IReadOnlyList<string> Languages, int Capacity, int ActiveMentees,
    string Availability)
{
    public int FreeSeats => Math.Max(0, Capacity - ActiveMentees);
}

public sealed record ProfileView(IReadOnlyList<string> Expertise, IReadOnlyList<string> Languages, int Capacity, int ActiveMentees, string Availability, bool Active);

public sealed record PairRow(int Id, Guid MentorId, string Mentor, Guid MenteeId, string Mentee, PairState State, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, PairEndReason? EndReason, int SessionsHeld, DateTimeOffset? NextSession);

/// <summary>A waiting request and its place in the hub's queue (1 = next).</summary>
public sealed record WaitingRow(int Id, int Position, Guid MenteeId, string Mentee, string Goals, string? FocusArea, string? Language, string? PreferredMentor,
    DateTimeOffset CreatedAt);

/// <param name="TimeZone">The hub's time zone (IANA id): pages show times in it; the API's instants are UTC.</param>
public sealed record MyMentoring(bool IsMentor, bool MayAsk, bool RunsProgramme, ProfileView? Profile, IReadOnlyList<PairRow> AsMentor,
    IReadOnlyList<PairRow> AsMentee, WaitingRow? Waiting, IReadOnlyList<MentorCard> Mentors, IReadOnlyList<string> FocusAreas, string TimeZone);

public sealed record ActionView(int Id, string Text, bool Done);

/// <summary>A session; <see cref="Notes"/> and <see cref="Actions"/> are null for managers (the pair's alone).</summary>
public sealed record SessionView(int Id, DateTimeOffset At, string Place, bool Held, string? Notes, IReadOnlyList<ActionView>? Actions);

public sealed record FeedbackView(int Rating, string Text, DateTimeOffset At);

/// <summary>A rating as managers see it: the side that gave it and the rating, never the text.</summary>
public sealed record RatingView(string Side, int Rating);

public sealed record PairView(int Id, Guid MentorId, string Mentor, Guid MenteeId, string Mentee, string Goals, PairState State, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, PairEndReason? EndReason, string? EndNote, IReadOnlyList<SessionView> Sessions, FeedbackView? MyFeedback,
    IReadOnlyList<RatingView>? Ratings, bool IsMentor, bool IsMentee, bool IsManager, string TimeZone)
{
    public bool Works => (IsMentor || IsMentee) && State == PairState.Active;
    public bool AsksFeedback => (IsMentor || IsMentee) && State == PairState.Ended && MyFeedback is null;
}

/// <summary>
/// A mentor's load: seats taken of their capacity, made of active pairs and other commitments (a hackaccelerator team
/// counts as one mentee, <see cref="MentorSeats"/>).
/// </summary>
public sealed record MentorLoad(Guid UserId, string Mentor, int ActiveMentees, int OtherCommitments, int SeatsTaken, int Capacity, bool Taking);

public sealed record Programme(MentoringFigures Figures, PagedList<PairRow> Pairs, IReadOnlyList<WaitingRow> Queue, IReadOnlyList<MentorLoad> Load, string TimeZone);

public sealed record MentoringExport(string FileName, string ContentType, byte[] Content);

/// <summary>Read side of mentoring: the figures and mentors other areas may ask for, and what the pages and API show.</summary>
public sealed class MentoringQueries(AgoraDbContext db, MentoringAccess access, Validator v, TimeProvider clock)
{
    public static readonly string[] PairSorts = ["startedAt", "mentor", "mentee", "sessions", "state"];

    /// <summary>The hub's mentoring figures (for the community figures of the hub page and API).</summary>
    public async Task<MentoringFigures> FiguresAsync(Guid hubId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return new MentoringFigures(
            await db.MentoringPairs.CountAsync(p => p.HubId == hubId && p.State == PairState.Active, ct),
            await db.MentoringSessions.CountAsync(s => s.At <= now && db.MentoringPairs.Any(p => p.Id == s.PairId && p.HubId == hubId), ct),
            await db.MentoringRequests.CountAsync(r => r.HubId == hubId && r.State == MentoringRequestState.Waiting, ct),
            await ActiveProfiles(hubId).CountAsync(ct));
    }

    /// <summary>
    /// The hub's active mentors with room for another mentee (for other areas, e.g. a hackaccelerator choosing mentors for
    /// its teams), those with most free seats first.
    /// </summary>
    public async Task<IReadOnlyList<MentorCard>> MentorsAsync(Guid hubId, CancellationToken ct) =>
        (await CardsAsync(hubId, ct)).Where(m => m.FreeSeats > 0).OrderByDescending(m => m.FreeSeats).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();

    private IQueryable<MentorProfile> ActiveProfiles(Guid hubId) =>
        db.MentorProfiles.Where(p => p.HubId == hubId && p.Active
            && db.HubMemberships.Any(m => m.HubId == hubId && m.UserId == p.UserId && (m.Roles & HubRoles.Mentor) == HubRoles.Mentor));

    private async Task<List<MentorCard>> CardsAsync(Guid hubId, CancellationToken ct) =>
        (await ActiveProfiles(hubId).AsNoTracking()
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p.UserId, u.DisplayName, p.Expertise, p.Languages, p.Capacity, p.ActiveCount, p.Availability })
            .ToListAsync(ct))
        .Select(p => new MentorCard(p.UserId, p.DisplayName, MentoringLists.Split(p.Expertise), MentoringLists.Split(p.Languages), p.Capacity, p.ActiveCount, p.Availability))
        .OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>The signed-in person's mentoring in a hub: their profile and mentees, their mentor, their request and its place in the queue.</summary>
    public async Task<Result<MyMentoring>> MineAsync(string slug, CancellationToken ct)
    {
        if (await access.HubAsync(slug, ct) is not { } hub) return Result<MyMentoring>.NotFound();
        if (hub.UserId is not { } me) return Result<MyMentoring>.Forbidden();
        var raw = await db.MentorProfiles.AsNoTracking().Where(p => p.HubId == hub.HubId && p.UserId == me).SingleOrDefaultAsync(ct);
        var profile = raw is null ? null
            : new ProfileView(raw.ExpertiseList, raw.LanguageList, raw.Capacity, raw.ActiveCount, raw.Availability, raw.Active);
        var pairs = (await PairRows(db.MentoringPairs.Where(p => p.HubId == hub.HubId && (p.MentorId == me || p.MenteeId == me)))
            .OrderBy(p => p.State).ThenByDescending(p => p.StartedAt).ToListAsync(ct)).Select(p => p.Row()).ToList();
        var queue = await QueueAsync(hub.HubId, ct);
        return Result<MyMentoring>.Ok(new MyMentoring(hub.IsMentor, hub.MayAsk, hub.RunsProgramme, profile,
            pairs.Where(p => p.MentorId == me).ToList(), pairs.Where(p => p.MenteeId == me).ToList(),
            queue.FirstOrDefault(w => w.MenteeId == me), await CardsAsync(hub.HubId, ct), await SaveMentorProfile.HubFocusAreasAsync(db, hub.HubId, ct),
            (await db.HubTimeZoneAsync(hub.HubId, ct)).Id));
    }

    /// <summary>A pair as the database answers it (member-init, so it can be sorted and paged there), made a <see cref="PairRow"/> after.</summary>
    private sealed class PairData
    {
        public int Id { get; init; }
        public Guid MentorId { get; init; }
        public string Mentor { get; init; } = "";
        public Guid MenteeId { get; init; }
        public string Mentee { get; init; } = "";
        public PairState State { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public PairEndReason? EndReason { get; init; }
        public int SessionsHeld { get; init; }
        public DateTimeOffset? NextSession { get; init; }

        public PairRow Row() => new(Id, MentorId, Mentor, MenteeId, Mentee, State, StartedAt, EndedAt, EndReason, SessionsHeld, NextSession);
    }

    private IQueryable<PairData> PairRows(IQueryable<MentoringPair> pairs)
    {
        var now = clock.GetUtcNow();
        return from p in pairs
               join mentor in db.Users on p.MentorId equals mentor.Id
               join mentee in db.Users on p.MenteeId equals mentee.Id
               select new PairData
               {
                   Id = p.Id, MentorId = p.MentorId, Mentor = mentor.DisplayName, MenteeId = p.MenteeId, Mentee = mentee.DisplayName, State = p.State,
                   StartedAt = p.StartedAt, EndedAt = p.EndedAt, EndReason = p.EndReason,
                   SessionsHeld = db.MentoringSessions.Count(s => s.PairId == p.Id && s.At <= now),
                   NextSession = db.MentoringSessions.Where(s => s.PairId == p.Id && s.At > now).OrderBy(s => s.At).Select(s => (DateTimeOffset?)s.At).FirstOrDefault(),
               };
    }

    /// <summary>The hub's waiting requests in queue order (oldest first).</summary>
    private async Task<List<WaitingRow>> QueueAsync(Guid hubId, CancellationToken ct)
    {
        var rows = await (from r in db.MentoringRequests.AsNoTracking()
                          join u in db.Users on r.MenteeId equals u.Id
                          where r.HubId == hubId && r.State == MentoringRequestState.Waiting
                          orderby r.CreatedAt, r.Id
                          select new
                          {
                              r.Id, r.MenteeId, u.DisplayName, r.Goals, r.FocusArea, r.Language, r.CreatedAt,
                              Preferred = db.Users.Where(x => x.Id == r.PreferredMentorId).Select(x => x.DisplayName).FirstOrDefault(),
                          }).ToListAsync(ct);
        return rows.Select((r, i) => new WaitingRow(r.Id, i + 1, r.MenteeId, r.DisplayName, r.Goals, r.FocusArea, r.Language, r.Preferred, r.CreatedAt)).ToList();
    }

    /// <summary>One pair as the person asking may see it: notes and actions for the pair alone, ratings (not texts) for managers.</summary>
    public async Task<Result<PairView>> PairAsync(string slug, int pairId, CancellationToken ct)
    {
        if (await access.PairAsync(slug, pairId, ct) is not { } standing) return Result<PairView>.NotFound();
        var p = standing.Pair;
        var me = standing.Hub.UserId!.Value;
        var now = clock.GetUtcNow();
        var names = await db.Users.Where(u => u.Id == p.MentorId || u.Id == p.MenteeId).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var sessions = await db.MentoringSessions.AsNoTracking().Where(s => s.PairId == pairId).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var actions = standing.SeesNotes
            ? (await db.MentoringActions.AsNoTracking().Where(a => ids.Contains(a.SessionId)).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.SessionId)
            : null;
        var feedback = await db.MentoringFeedback.AsNoTracking().Where(f => f.PairId == pairId).ToListAsync(ct);
        var mine = feedback.FirstOrDefault(f => f.AuthorId == me);
        IReadOnlyList<RatingView>? ratings = standing.IsManager
            ? feedback.OrderBy(f => f.AuthorId == p.MentorId ? 0 : 1).Select(f => new RatingView(f.AuthorId == p.MentorId ? "mentor" : "mentee", f.Rating)).ToList()
            : null;
        return Result<PairView>.Ok(new PairView(p.Id, p.MentorId, names.GetValueOrDefault(p.MentorId, ""), p.MenteeId, names.GetValueOrDefault(p.MenteeId, ""),
            p.Goals, p.State, p.StartedAt, p.EndedAt, p.EndReason, p.EndNote,
            sessions.Select(s => new SessionView(s.Id, s.At, s.Place, s.At <= now, standing.SeesNotes ? s.Notes : null,
                actions?[s.Id].Select(a => new ActionView(a.Id, a.Text, a.Done)).ToList())).ToList(),
            mine is null ? null : new FeedbackView(mine.Rating, mine.Text, mine.At), ratings, standing.IsMentor, standing.IsMentee, standing.IsManager,
            (await db.HubTimeZoneAsync(p.HubId, ct)).Id));
    }

    /// <summary>The programme for the hub's managers: figures, pairs (filtered, sorted, paged), the queue in order and the mentors' load.</summary>
    public async Task<Result<Programme>> ProgrammeAsync(string slug, ListQuery q, PairState? state, CancellationToken ct)
    {
        if (await access.HubAsync(slug, ct) is not { } hub) return Result<Programme>.NotFound();
        if (!hub.RunsProgramme) return Result<Programme>.Forbidden();
        var pairs = PairRows(db.MentoringPairs.Where(p => p.HubId == hub.HubId && (state == null || p.State == state)));
        var total = await pairs.CountAsync(ct);
        var rows = (await Sort(pairs, q).Skip(q.Skip).Take(q.PageSize).ToListAsync(ct)).Select(p => p.Row()).ToList();
        var load = (await db.MentorProfiles.AsNoTracking().Where(p => p.HubId == hub.HubId)
                .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new
                {
                    p.UserId, u.DisplayName, p.ActiveCount, p.Capacity, p.Active,
                    Pairs = db.MentoringPairs.Count(x => x.ProfileId == p.Id && x.State == PairState.Active),
                })
                .ToListAsync(ct))
            .Where(p => p.Active || p.ActiveCount > 0)
            .Select(p => new MentorLoad(p.UserId, p.DisplayName, p.Pairs, Math.Max(0, p.ActiveCount - p.Pairs), p.ActiveCount, p.Capacity, p.Active))
            .OrderByDescending(p => (double)p.SeatsTaken / p.Capacity).ThenBy(p => p.Mentor, StringComparer.CurrentCulture).ToList();
        return Result<Programme>.Ok(new Programme(await FiguresAsync(hub.HubId, ct), new PagedList<PairRow>(rows, q.Page, q.PageSize, total),
            await QueueAsync(hub.HubId, ct), load, (await db.HubTimeZoneAsync(hub.HubId, ct)).Id));
    }

    private static IQueryable<PairData> Sort(IQueryable<PairData> rows, ListQuery q) => (q.Sort, q.Descending) switch
    {
        ("mentor", false) => rows.OrderBy(r => r.Mentor).ThenBy(r => r.Id),
        ("mentor", true) => rows.OrderByDescending(r => r.Mentor).ThenBy(r => r.Id),
        ("mentee", false) => rows.OrderBy(r => r.Mentee).ThenBy(r => r.Id),
        ("mentee", true) => rows.OrderByDescending(r => r.Mentee).ThenBy(r => r.Id),
        ("sessions", false) => rows.OrderBy(r => r.SessionsHeld).ThenBy(r => r.Id),
        ("sessions", true) => rows.OrderByDescending(r => r.SessionsHeld).ThenBy(r => r.Id),
        ("state", false) => rows.OrderBy(r => r.State).ThenBy(r => r.Id),
        ("state", true) => rows.OrderByDescending(r => r.State).ThenBy(r => r.Id),
        (_, false) => rows.OrderBy(r => r.StartedAt).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id),
    };

    private static readonly string[] ExportHeaders =
        ["pair", "mentor", "mentee", "state", "startedAt", "endedAt", "endReason", "sessionsHeld", "mentorRating", "menteeRating"];

    /// <summary>Every pair of the programme (filtered by state) as CSV or XLSX, for the hub's managers; ratings but never notes or feedback text.</summary>
    public async Task<Result<MentoringExport>> ExportAsync(string slug, PairState? state, string? format, CancellationToken ct)
    {
        var kind = format?.Trim().ToLowerInvariant() switch { null or "" or "csv" => "csv", "xlsx" => "xlsx", _ => null };
        if (await access.HubAsync(slug, ct) is not { } hub) return Result<MentoringExport>.NotFound();
        if (!hub.RunsProgramme) return Result<MentoringExport>.Forbidden();
        if (kind is null) return Result<MentoringExport>.Invalid("format", v.Message("Mentoring.UnknownFormat"));
        var rows = (await PairRows(db.MentoringPairs.Where(p => p.HubId == hub.HubId && (state == null || p.State == state)))
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(ct)).Select(p => p.Row()).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var ratings = await db.MentoringFeedback.AsNoTracking().Where(f => ids.Contains(f.PairId)).Select(f => new { f.PairId, f.AuthorId, f.Rating }).ToListAsync(ct);
        object?[] Cells(PairRow r) =>
        [
            r.Id, r.Mentor, r.Mentee, r.State.ToString(), r.StartedAt, r.EndedAt, r.EndReason?.ToString(), r.SessionsHeld,
            ratings.FirstOrDefault(x => x.PairId == r.Id && x.AuthorId == r.MentorId)?.Rating,
            ratings.FirstOrDefault(x => x.PairId == r.Id && x.AuthorId == r.MenteeId)?.Rating,
        ];
        using var stream = new MemoryStream();
        if (kind == "xlsx")
        {
            await using (var xlsx = XlsxSheetWriter.Create(stream, "Mentoring"))
            {
                xlsx.AddRow(ExportHeaders);
                foreach (var r in rows) xlsx.AddRow(Cells(r));
                await xlsx.FlushAsync(ct);
            }
        }
        else
        {
            var csv = new CsvSheetWriter(stream);
            csv.AddRow(ExportHeaders);
            foreach (var r in rows) csv.AddRow(Cells(r));
            await csv.FlushAsync(ct);
        }
        var name = $"{hub.Slug}-mentoring-{clock.GetUtcNow():yyyyMMdd}.{kind}";
        return Result<MentoringExport>.Ok(new MentoringExport(name,
            kind == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", stream.ToArray()));
    }
}
