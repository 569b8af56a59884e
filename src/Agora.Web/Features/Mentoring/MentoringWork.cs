using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

public sealed record ProfileInput(List<string>? Expertise, List<string>? Languages, int? Capacity, string? Availability, bool Active = true);

public sealed record AskInput(string? Goals, string? FocusArea, string? Language, Guid? PreferredMentorId);

public sealed record PairInput(Guid? MenteeId, Guid? MentorId, string? Goals);

/// <summary>A session's time: a UTC instant (the API), or the wall-clock time of the hub's zone (<see cref="LocalAt"/>, a page).</summary>
public sealed record SessionInput(DateTimeOffset? At, string? Place, [property: System.Text.Json.Serialization.JsonIgnore] DateTime? LocalAt = null);

public sealed record NotesInput(string? Notes, List<string>? NewActions);

public sealed record EndInput(string? Note);

public sealed record FeedbackInput(int? Rating, string? Text);

/// <summary>The languages a mentor or mentee may name: the platform's three.</summary>
public static class MentoringLanguages
{
    public static readonly IReadOnlyList<string> All = Platform.Localization.LocalizationSetup.Cultures;
}

/// <summary>
/// A person holding the hub's Mentor role writes their profile: expertise among the hub's focus areas, languages,
/// capacity (1–20 mentees, never below the mentees they have) and availability; pausing stops new pairings. A new
/// profile, a raised capacity or a profile taken up again gives waiting requests their mentor in the same transaction.
/// </summary>
public sealed class SaveMentorProfile(AgoraDbContext db, MentoringAccess access, MentorMatching matching, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<int>> SaveAsync(string slug, ProfileInput input, CancellationToken ct)
    {
        if (await access.HubAsync(slug, ct) is not { } hub) return Result<int>.NotFound();
        if (hub.UserId is not { } me) return Result<int>.Forbidden();
        var areas = await HubFocusAreasAsync(db, hub.HubId, ct);
        var expertise = (input.Expertise ?? []).Select(Validator.Clean).Where(x => x.Length > 0).Distinct().ToList();
        if (expertise.Count == 0) v.Add("expertise", "Validation.Required");
        else if (expertise.Any(e => !areas.Contains(e))) v.Add("expertise", "Validation.Invalid");
        var languages = (input.Languages ?? []).Select(Validator.Clean).Where(x => x.Length > 0).Distinct().ToList();
        if (languages.Count == 0) v.Add("languages", "Validation.Required");
        else if (languages.Any(l => !MentoringLanguages.All.Contains(l))) v.Add("languages", "Validation.Invalid");
        if (input.Capacity is not { } capacity) v.Add("capacity", "Validation.Required");
        else if (capacity is < MentoringLimits.MinCapacity or > MentoringLimits.MaxCapacity)
            v.Add("capacity", "Mentoring.CapacityRange", MentoringLimits.MinCapacity, MentoringLimits.MaxCapacity);
        var availability = v.Text("availability", input.Availability, MentoringLimits.Availability, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (!hub.IsMentor) return Result<int>.Forbidden();
        var cap = input.Capacity!.Value;
        var expertiseText = string.Join(',', areas.Where(expertise.Contains));
        var languageText = string.Join(',', MentoringLanguages.All.Where(languages.Contains));

        return await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var profile = await db.MentorProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.HubId == hub.HubId && p.UserId == me, ct);
            if (profile is null)
            {
                profile = new MentorProfile
                {
                    HubId = hub.HubId, UserId = me, Expertise = expertiseText, Languages = languageText, Capacity = cap,
                    Availability = availability, Active = input.Active, CreatedAt = now, UpdatedAt = now,
                };
                if (!await db.TryInsertAsync(profile, ct)) return (false, Result<int>.Conflict("", v.Message("Mentoring.ChangedMeanwhile")));
            }
            else
            {
                // Never below the mentees they have now: the guard reads the count in the same statement.
                var rows = await db.MentorProfiles.Where(p => p.Id == profile.Id && p.ActiveCount <= cap)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Expertise, expertiseText).SetProperty(p => p.Languages, languageText)
                        .SetProperty(p => p.Capacity, cap).SetProperty(p => p.Availability, availability)
                        .SetProperty(p => p.Active, input.Active).SetProperty(p => p.UpdatedAt, now), ct);
                if (rows == 0) return (false, Result<int>.Invalid("capacity", v.Message("Mentoring.CapacityBelowLoad", profile.ActiveCount)));
            }
            audit.Add(AuditActions.MentorProfileSaved, hub.HubId, "profile #" + profile.Id, $"capacity={cap}; active={input.Active}");
            await db.SaveChangesAsync(ct);
            if (input.Active) await matching.MatchWaitingAsync(hub.HubId, hub.Slug, ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(profile.Id));
        }, ct);
    }

    /// <summary>The hub's focus area keys, in their order.</summary>
    public static async Task<List<string>> HubFocusAreasAsync(AgoraDbContext db, Guid hubId, CancellationToken ct) =>
        await db.HubFocusAreas.Where(f => f.HubId == hubId).Join(db.FocusAreas, f => f.FocusAreaId, a => a.Id, (f, a) => a)
            .OrderBy(a => a.Id).Select(a => a.Key).ToListAsync(ct);
}

/// <summary>
/// A member asks for a mentor (goals, focus area, language, optionally a preferred mentor). The request is paired at once
/// when a suitable mentor has room and older requests do not come first; otherwise it waits in the hub's queue and the
/// managers are told. A member has one open request per hub and may withdraw it while it waits.
/// </summary>
public sealed class AskForMentor(AgoraDbContext db, MentoringAccess access, MentorMatching matching, MentoringNotices notices, Validator v,
    AuditLog audit, TimeProvider clock)
{
    /// <summary>What became of the request: paired (with the pair) or waiting.</summary>
    public sealed record Asked(int RequestId, int? PairId);

    public async Task<Result<Asked>> AskAsync(string slug, AskInput input, CancellationToken ct)
    {
        if (await access.HubAsync(slug, ct) is not { } hub) return Result<Asked>.NotFound();
        if (hub.UserId is not { } me) return Result<Asked>.Forbidden();
        var goals = v.Text("goals", input.Goals, MentoringLimits.Goals, multiline: true);
        var areas = await SaveMentorProfile.HubFocusAreasAsync(db, hub.HubId, ct);
        var focus = string.IsNullOrWhiteSpace(input.FocusArea) ? null : Validator.Clean(input.FocusArea);
        if (focus is not null && !areas.Contains(focus)) v.Add("focusArea", "Validation.Invalid");
        var language = string.IsNullOrWhiteSpace(input.Language) ? null : Validator.Clean(input.Language);
        if (language is not null && !MentoringLanguages.All.Contains(language)) v.Add("language", "Validation.Invalid");
        if (input.PreferredMentorId is { } preferred
            && (preferred == me || !await db.MentorProfiles.AnyAsync(p => p.HubId == hub.HubId && p.UserId == preferred && p.Active, ct)))
            v.Add("preferredMentorId", "Mentoring.NoSuchMentor");
        if (!v.IsValid) return Result<Asked>.Invalid(v.Errors);
        if (!hub.MayAsk) return Result<Asked>.Forbidden();

        return await db.InTransactionAsync(async () =>
        {
            if (await db.MentoringRequests.AnyAsync(r => r.HubId == hub.HubId && r.MenteeId == me && r.State == MentoringRequestState.Waiting, ct))
                return (false, Result<Asked>.Conflict("", v.Message("Mentoring.AlreadyWaiting")));
            var request = new MentoringRequest
            {
                HubId = hub.HubId, MenteeId = me, Goals = goals, FocusArea = focus, Language = language, PreferredMentorId = input.PreferredMentorId,
                State = MentoringRequestState.Waiting, CreatedAt = clock.GetUtcNow(),
            };
            db.MentoringRequests.Add(request);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.MentoringRequested, hub.HubId, "request #" + request.Id);
            var made = await matching.MatchWaitingAsync(hub.HubId, hub.Slug, ct);
            var mine = made.FirstOrDefault(p => p.RequestId == request.Id);
            if (mine is null) await notices.QueuedAsync(hub.Slug, hub.HubId, me, ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<Asked>.Ok(new Asked(request.Id, mine?.Id)));
        }, ct);
    }

    /// <summary>The mentee takes back their waiting request.</summary>
    public async Task<Result<int>> WithdrawAsync(string slug, int requestId, CancellationToken ct)
    {
        if (await access.HubAsync(slug, ct) is not { UserId: { } me } hub) return Result<int>.NotFound();
        var request = await db.MentoringRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.HubId == hub.HubId, ct);
        if (request is null || (request.MenteeId != me && !hub.RunsProgramme)) return Result<int>.NotFound();
        if (request.MenteeId != me) return Result<int>.Forbidden();
        return await db.InTransactionAsync(async () =>
        {
            var rows = await db.MentoringRequests.Where(r => r.Id == requestId && r.State == MentoringRequestState.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MentoringRequestState.Withdrawn).SetProperty(r => r.ClosedAt, clock.GetUtcNow()), ct);
            if (rows == 0) return (false, Result<int>.Conflict("", v.Message("Mentoring.NotWaiting")));
            audit.Add(AuditActions.MentoringRequestWithdrawn, hub.HubId, "request #" + requestId);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(requestId));
        }, ct);
    }
}

/// <summary>
/// A hub manager pairs a member with a mentor by hand (the member's waiting request, when there is one, is closed by
/// it). The mentor's capacity holds here too: a full mentor answers 409.
/// </summary>
public sealed class PairByHand(AgoraDbContext db, MentoringAccess access, MentorMatching matching, Validator v)
{
    public async Task<Result<int>> PairAsync(string slug, PairInput input, CancellationToken ct)
    {
        if (await access.HubAsync(slug, ct) is not { } hub) return Result<int>.NotFound();
        if (hub.UserId is not { } me || !hub.RunsProgramme) return Result<int>.Forbidden();
        if (input.MenteeId is not { } mentee) v.Add("menteeId", "Validation.Required");
        else if (!await db.HubMemberships.AnyAsync(m => m.HubId == hub.HubId && m.UserId == mentee, ct)) v.Add("menteeId", "Mentoring.NotAMember");
        var profile = input.MentorId is { } mentor
            ? await db.MentorProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.HubId == hub.HubId && p.UserId == mentor, ct)
            : null;
        if (input.MentorId is null) v.Add("mentorId", "Validation.Required");
        else if (profile is null || !profile.Active
            || !await db.HubMemberships.AnyAsync(m => m.HubId == hub.HubId && m.UserId == profile.UserId && (m.Roles & HubRoles.Mentor) == HubRoles.Mentor, ct))
            v.Add("mentorId", "Mentoring.NoSuchMentor");
        else if (profile.UserId == input.MenteeId) v.Add("menteeId", "Mentoring.NotYourself");
        var goals = v.Text("goals", input.Goals, MentoringLimits.Goals, required: false, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var menteeId = input.MenteeId!.Value;

        return await db.InTransactionAsync(async () =>
        {
            if (await db.MentoringPairs.AnyAsync(p => p.HubId == hub.HubId && p.MentorId == profile!.UserId && p.MenteeId == menteeId && p.State == PairState.Active, ct))
                return (false, Result<int>.Conflict("", v.Message("Mentoring.AlreadyPaired")));
            var waiting = await db.MentoringRequests.AsNoTracking()
                .Where(r => r.HubId == hub.HubId && r.MenteeId == menteeId && r.State == MentoringRequestState.Waiting)
                .Select(r => new { r.Id, r.Goals }).FirstOrDefaultAsync(ct);
            var start = new MentorMatching.PairStart(hub.HubId, hub.Slug, menteeId, goals.Length > 0 ? goals : waiting?.Goals ?? "", waiting?.Id, me);
            var pair = await matching.TryPairAsync(profile!.Id, start, ct);
            if (pair is null) return (false, Result<int>.Conflict("mentorId", v.Message("Mentoring.MentorFull")));
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(pair.Id));
        }, ct);
    }
}

/// <summary>
/// A pair's sessions: either side plans one (date and time, place or link), writes its notes (the pair's alone) and
/// agreed actions, and ticks actions off. Managers see that sessions were held, never what was said.
/// </summary>
public sealed class PairSessions(AgoraDbContext db, MentoringAccess access, MentoringNotices notices, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<int>> PlanAsync(string slug, int pairId, SessionInput input, CancellationToken ct)
    {
        if (await access.PairAsync(slug, pairId, ct) is not { } pair) return Result<int>.NotFound();
        if (!pair.Works) return pair.Refuse<int>();
        var when = input.At;
        if (input.LocalAt is { } local)
        {
            // The hub's wall-clock time; a time its clocks skip (spring forward) does not exist.
            when = ZonedTime.ToUtc(local, await db.HubTimeZoneAsync(pair.Pair.HubId, ct));
            if (when is null) v.Add("at", "Mentoring.NoSuchTime");
        }
        else if (when is null) v.Add("at", "Validation.Required");
        var place = v.Text("place", input.Place, MentoringLimits.Place);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var me = pair.Hub.UserId!.Value;
        return await db.InTransactionAsync(async token =>
        {
            var at = when!.Value.ToUniversalTime();
            var session = new MentoringSession { PairId = pairId, At = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero), Place = place, CreatedById = me, CreatedAt = clock.GetUtcNow() };
            db.MentoringSessions.Add(session);
            audit.Add(AuditActions.MentoringSessionPlanned, pair.Pair.HubId, MentorMatching.Subject(pair.Pair));
            await notices.SessionPlannedAsync(slug, pair.Pair, me, token);
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(session.Id);
        }, ct);
    }

    /// <summary>Writes a session's notes and adds agreed actions (blank lines ignored).</summary>
    public async Task<Result<int>> WriteAsync(string slug, int pairId, int sessionId, NotesInput input, CancellationToken ct)
    {
        if (await access.PairAsync(slug, pairId, ct) is not { } pair) return Result<int>.NotFound();
        if (!pair.SeesNotes) return pair.Refuse<int>();
        if (!pair.Works) return Result<int>.Conflict("", v.Message("Mentoring.PairEnded"));
        var notes = v.Text("notes", input.Notes, MentoringLimits.Notes, required: false, multiline: true);
        var actions = new List<string>();
        foreach (var (text, i) in (input.NewActions ?? []).Select((a, i) => (a, i)))
        {
            var clean = v.Text($"newActions[{i}]", text, MentoringLimits.Action, required: false);
            if (clean.Length > 0) actions.Add(clean);
        }
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var me = pair.Hub.UserId!.Value;
        return await db.InTransactionAsync(async () =>
        {
            var session = await db.MentoringSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.PairId == pairId, ct);
            if (session is null) return (false, Result<int>.NotFound());
            if (await db.MentoringActions.CountAsync(a => a.SessionId == sessionId, ct) + actions.Count > MentoringLimits.MaxActions)
                return (false, Result<int>.Invalid("newActions", v.Message("Mentoring.TooManyActions", MentoringLimits.MaxActions)));
            if (session.Notes != notes)
            {
                session.Notes = notes;
                session.NotesById = notes.Length > 0 ? me : null;
            }
            var now = clock.GetUtcNow();
            foreach (var text in actions) db.MentoringActions.Add(new MentoringAction { SessionId = sessionId, Text = text, CreatedById = me, CreatedAt = now });
            audit.Add(AuditActions.MentoringSessionChanged, pair.Pair.HubId, MentorMatching.Subject(pair.Pair), "session #" + sessionId);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(sessionId));
        }, ct);
    }

    /// <summary>Ticks an agreed action done (or not done).</summary>
    public async Task<Result<int>> SetDoneAsync(string slug, int pairId, int actionId, bool done, CancellationToken ct)
    {
        if (await access.PairAsync(slug, pairId, ct) is not { } pair) return Result<int>.NotFound();
        if (!pair.SeesNotes) return pair.Refuse<int>();
        var rows = await db.MentoringActions
            .Where(a => a.Id == actionId && db.MentoringSessions.Any(s => s.Id == a.SessionId && s.PairId == pairId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Done, done), ct);
        return rows == 1 ? Result<int>.Ok(actionId) : Result<int>.NotFound();
    }
}

/// <summary>
/// Either side or a hub manager ends a pair (with a note); the mentor's seat is given back and waiting requests are
/// paired in the same transaction; both are asked for feedback. Then each side gives theirs once: a rating 1–5 and text.
/// </summary>
public sealed class EndPair(AgoraDbContext db, MentoringAccess access, MentorMatching matching, MentoringNotices notices, Validator v,
    AuditLog audit, TimeProvider clock)
{
    public async Task<Result<int>> EndAsync(string slug, int pairId, EndInput input, CancellationToken ct)
    {
        if (await access.PairAsync(slug, pairId, ct) is not { } pair) return Result<int>.NotFound();
        if (!pair.IsParty && !pair.IsManager) return pair.Refuse<int>();
        var note = v.Text("note", input.Note, MentoringLimits.EndNote, required: false, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var me = pair.Hub.UserId!.Value;
        var reason = pair.IsParty ? PairEndReason.Ended : PairEndReason.EndedByManager;
        return await db.InTransactionAsync(async () =>
        {
            var ended = await EndOneAsync(db, matching, pairId, me, reason, note.Length > 0 ? note : null, clock.GetUtcNow(), ct);
            if (!ended) return (false, Result<int>.Conflict("", v.Message("Mentoring.PairEnded")));
            audit.Add(AuditActions.MentoringPairEnded, pair.Pair.HubId, MentorMatching.Subject(pair.Pair), reason.ToString());
            await notices.EndedAsync(slug, pair.Pair, me, ct);
            await db.SaveChangesAsync(ct);
            await matching.MatchWaitingAsync(pair.Pair.HubId, slug, ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(pairId));
        }, ct);
    }

    /// <summary>Ends an active pair and gives its seat back (guarded: false when it had ended already).</summary>
    internal static async Task<bool> EndOneAsync(AgoraDbContext db, MentorMatching matching, int pairId, Guid? by, PairEndReason reason, string? note,
        DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.MentoringPairs.Where(p => p.Id == pairId && p.State == PairState.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PairState.Ended).SetProperty(p => p.EndedAt, now)
                .SetProperty(p => p.EndedById, by).SetProperty(p => p.EndReason, reason).SetProperty(p => p.EndNote, note), ct);
        if (rows == 0) return false;
        var profile = await db.MentoringPairs.Where(p => p.Id == pairId).Select(p => p.ProfileId).SingleAsync(ct);
        await matching.ReleaseAsync(profile, 1, ct);
        return true;
    }

    public async Task<Result<int>> FeedbackAsync(string slug, int pairId, FeedbackInput input, CancellationToken ct)
    {
        if (await access.PairAsync(slug, pairId, ct) is not { } pair) return Result<int>.NotFound();
        if (!pair.IsParty) return pair.Refuse<int>();
        if (pair.Pair.State != PairState.Ended) return Result<int>.Conflict("", v.Message("Mentoring.NotEndedYet"));
        if (input.Rating is not { } rating) v.Add("rating", "Validation.Required");
        else if (rating is < 1 or > 5) v.Add("rating", "Mentoring.RatingRange");
        var text = v.Text("text", input.Text, MentoringLimits.Feedback, required: false, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var me = pair.Hub.UserId!.Value;
        return await db.InTransactionAsync(async () =>
        {
            var feedback = new MentoringFeedback { PairId = pairId, AuthorId = me, Rating = input.Rating!.Value, Text = text, At = clock.GetUtcNow() };
            if (!await db.TryInsertAsync(feedback, ct)) return (false, Result<int>.Conflict("", v.Message("Mentoring.FeedbackGiven")));
            audit.Add(AuditActions.MentoringFeedbackGiven, pair.Pair.HubId, MentorMatching.Subject(pair.Pair), $"rating={feedback.Rating}");
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(feedback.Id));
        }, ct);
    }
}
