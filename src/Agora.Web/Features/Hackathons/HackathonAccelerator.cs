using System.Globalization;
using System.Text;
using Agora.Web.Features.Initiatives;
using Agora.Web.Features.Mentoring;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

public sealed record TeamMilestoneInput(string? Title, DateOnly? DueOn);

public sealed record CheckInInput(DateOnly? HeldOn, string? Notes);

/// <summary>
/// The hackaccelerator: the organisers choose teams to continue; a chosen team gets mentors (people holding the hub's
/// Mentor role with a mentor profile; the team takes one of their mentoring places), milestones and check-ins over the following weeks, kept by the team, its mentors and the organisers.
/// An organiser turns a chosen team, or a team of a challenge whose results are published, into an innovation initiative
/// at the hub's first stage: its members the initiative's team (the lead its owner), its submission the concept
/// document, its jury scores on record, and the way back to the team as the initiative's origin.
/// </summary>
public sealed class HackathonAccelerator(AgoraDbContext db, HackathonAccess access, HackathonQueries queries, CreateInitiative initiatives, IHubRoleSource roles,
    MentorSeats seats, Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<int>> ChooseAsync(string hubSlug, int eventId, int teamId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.CanOrganise) return t.Hackathon.Refuse<int>();
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            var changed = await db.HackathonTeams.Where(x => x.Id == teamId && x.AcceleratedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.AcceleratedAt, now), ct);
            if (changed == 0) return (false, Result<int>.Conflict("", v.Message("Hackathons.AlreadyChosen")));
            audit.Add(AuditActions.HackathonTeamAccelerated, t.Hackathon.HubId, HackathonTeams.Subject(t.Team), t.Hackathon.Title);
            await HackathonNotices.AddAsync(notifier, t.Hackathon.HubId, t.Hackathon.UserId!.Value, HackathonNotices.Accelerated, t.Team.Name, t.Path, await MembersAsync(teamId, ct), ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(teamId));
        }, ct);
    }

    private Task<List<Guid>> MembersAsync(int teamId, CancellationToken ct) =>
        db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.Status == TeamMemberStatus.Active).Select(m => m.UserId).ToListAsync(ct);

    /// <summary>
    /// An organiser gives a chosen team a mentor: a person holding the hub's Mentor role with a mentor profile there. The
    /// team counts as one mentee of the mentor (one capacity with Mentoring, <see cref="MentorSeats"/>): a full mentor
    /// answers 409, and two assignments racing for the last place cannot both have it.
    /// </summary>
    public async Task<Result<Guid>> AddMentorAsync(string hubSlug, int eventId, int teamId, Guid? userId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<Guid>.NotFound();
        if (!t.CanOrganise) return t.Hackathon.Refuse<Guid>();
        if (t.Team.AcceleratedAt is null) return Result<Guid>.Conflict("", v.Message("Hackathons.NotChosen"));
        var hub = t.Hackathon.HubId;
        if (userId is not { } id || !await roles.Grants.AnyAsync(g => g.HubId == hub && g.UserId == id && (g.Roles & HubRoles.Mentor) != 0, ct)
            || !await db.MentorProfiles.AnyAsync(p => p.HubId == hub && p.UserId == id && p.Active, ct))
            return Result<Guid>.Invalid("userId", v.Message("Hackathons.NotAMentor"));
        return await db.InTransactionAsync(async () =>
        {
            // The seat first: the guarded UPDATE holds the mentor's row until commit, so racing assignments queue behind it.
            if (!await seats.TakeAsync(hub, id, ct)) return (false, Result<Guid>.Conflict("userId", v.Message("Hackathons.MentorFull")));
            if (!await db.TryInsertAsync(new HackathonTeamMentor { TeamId = teamId, UserId = id, AssignedAt = clock.GetUtcNow() }, ct))
                return (false, Result<Guid>.Conflict("userId", v.Message("Hackathons.AlreadyMentor")));
            audit.Add(AuditActions.HackathonAcceleratorChanged, hub, HackathonTeams.Subject(t.Team), $"mentor {id}");
            await db.SaveChangesAsync(ct);
            return (true, Result<Guid>.Ok(id));
        }, ct);
    }

    /// <summary>An organiser ends a mentor's work with a team: the mentor's place is free again and the mentoring queue moves at once.</summary>
    public async Task<Result<Guid>> RemoveMentorAsync(string hubSlug, int eventId, int teamId, Guid userId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<Guid>.NotFound();
        if (!t.CanOrganise) return t.Hackathon.Refuse<Guid>();
        var hub = t.Hackathon.HubId;
        return await db.InTransactionAsync(async () =>
        {
            var gone = await db.HackathonTeamMentors.Where(m => m.TeamId == teamId && m.UserId == userId).ExecuteDeleteAsync(ct);
            if (gone == 0) return (false, Result<Guid>.NotFound());
            audit.Add(AuditActions.HackathonAcceleratorChanged, hub, HackathonTeams.Subject(t.Team), $"mentor removed {userId}");
            await db.SaveChangesAsync(ct);
            await seats.ReleaseAsync(hub, userId, ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<Guid>.Ok(userId));
        }, ct);
    }

    public async Task<Result<int>> AddMilestoneAsync(string hubSlug, int eventId, int teamId, TeamMilestoneInput input, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.WorksInAccelerator) return t.Hackathon.Refuse<int>();
        var title = v.Text("title", input.Title, HackathonLimits.Title);
        if (input.DueOn is null) v.Add("dueOn", "Validation.Required");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await db.InTransactionAsync(async () =>
        {
            if (await db.HackathonMilestones.CountAsync(m => m.TeamId == teamId, ct) >= HackathonLimits.MaxMilestones)
                return (false, Result<int>.Invalid("title", v.Message("Hackathons.TooManyMilestones", HackathonLimits.MaxMilestones)));
            var row = new HackathonMilestone { TeamId = teamId, Title = title, DueOn = input.DueOn!.Value, CreatedAt = clock.GetUtcNow() };
            db.HackathonMilestones.Add(row);
            audit.Add(AuditActions.HackathonAcceleratorChanged, t.Hackathon.HubId, HackathonTeams.Subject(t.Team), $"milestone {title}");
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(row.Id));
        }, ct);
    }

    public async Task<Result<int>> CompleteMilestoneAsync(string hubSlug, int eventId, int teamId, int milestoneId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.WorksInAccelerator) return t.Hackathon.Refuse<int>();
        var today = Today;
        return await db.InTransactionAsync(async token =>
        {
            var changed = await db.HackathonMilestones.Where(m => m.Id == milestoneId && m.TeamId == teamId && m.DoneOn == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DoneOn, today), token);
            if (changed == 0) return Result<int>.NotFound();
            audit.Add(AuditActions.HackathonAcceleratorChanged, t.Hackathon.HubId, HackathonTeams.Subject(t.Team), $"milestone done {milestoneId}");
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(milestoneId);
        }, ct);
    }

    public async Task<Result<int>> AddCheckInAsync(string hubSlug, int eventId, int teamId, CheckInInput input, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.WorksInAccelerator) return t.Hackathon.Refuse<int>();
        var notes = v.Text("notes", input.Notes, HackathonLimits.Notes, multiline: true);
        if (input.HeldOn is null) v.Add("heldOn", "Validation.Required");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return Result<int>.Ok(await db.InTransactionAsync(async token =>
        {
            var row = new HackathonCheckIn { TeamId = teamId, HeldOn = input.HeldOn!.Value, Notes = notes, AuthorId = t.Hackathon.UserId!.Value, CreatedAt = clock.GetUtcNow() };
            db.HackathonCheckIns.Add(row);
            audit.Add(AuditActions.HackathonAcceleratorChanged, t.Hackathon.HubId, HackathonTeams.Subject(t.Team), "check-in");
            await db.SaveChangesAsync(token);
            return row.Id;
        }, ct));
    }

    /// <summary>An organiser turns the team into an innovation initiative (once).</summary>
    public async Task<Result<int>> MakeInitiativeAsync(string hubSlug, int eventId, int teamId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.CanOrganise) return t.Hackathon.Refuse<int>();
        if (t.Team.InitiativeId is not null) return Result<int>.Conflict("", v.Message("Hackathons.AlreadyInitiative"));
        if (t.Team.AcceleratedAt is null && !t.Challenge.Published) return Result<int>.Conflict("", v.Message("Hackathons.NotYetInitiative"));
        var submission = await db.HackathonSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.TeamId == teamId, ct);
        if (submission is null) return Result<int>.Conflict("", v.Message("Hackathons.NothingSubmitted"));
        var members = await db.HackathonTeamMembers.AsNoTracking().Where(m => m.TeamId == teamId && m.Status == TeamMemberStatus.Active)
            .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).Select(m => new { m.UserId, m.Role }).ToListAsync(ct);
        if (members.Count == 0) return Result<int>.Conflict("", v.Message("Hackathons.NoMembers"));
        var results = await queries.ResultsForAsync(t.Team.ChallengeId, ct);
        var mine = results.Teams.FirstOrDefault(x => x.TeamId == teamId);
        var concept = Concept(t, submission, mine, results);
        var files = await (from x in db.HackathonSubmissionFiles.AsNoTracking()
                           join f in db.Files on x.FileId equals f.Id
                           where x.SubmissionId == submission.Id
                           select new OriginDocument(f.FileName, f.ContentType, f.Content)).ToListAsync(ct);
        var origin = v.Message("Hackathons.OriginTitle", t.Team.Name, t.Hackathon.Title);
        var owner = members[0].UserId;
        var hub = t.Hackathon.HubId;
        var title = t.Team.Name;
        var summary = t.Team.Pitch.Length > 0 ? t.Team.Pitch : t.Challenge.Challenge.Title;
        var recipients = members.Select(m => m.UserId).ToList();
        var actor = t.Hackathon.UserId!.Value;
        return await db.InTransactionAsync(async () =>
        {
            var id = await initiatives.AddFromOriginAsync(new InitiativeFromOrigin(hub, title, summary, concept, origin, t.Path, owner,
                recipients, [new OriginDocument("concept.md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(concept)), .. files]), ct);
            var changed = await db.HackathonTeams.Where(x => x.Id == teamId && x.InitiativeId == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.InitiativeId, id), ct);
            if (changed == 0) return (false, Result<int>.Conflict("", v.Message("Hackathons.AlreadyInitiative")));
            audit.Add(AuditActions.HackathonTeamBecameInitiative, hub, HackathonTeams.Subject(t.Team), CreateInitiative.Subject(id, title));
            await HackathonNotices.AddAsync(notifier, hub, actor, HackathonNotices.BecameInitiative, title, $"/hubs/{t.Hackathon.HubSlug}/initiatives/{id}", recipients, ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(id));
        }, ct);
    }

    /// <summary>The concept document: the submission and the jury's scores, in the organiser's language (Markdown).</summary>
    private string Concept(HackathonAccess.TeamStanding t, HackathonSubmission s, TeamScore? score, ChallengeResults results)
    {
        var c = CultureInfo.CurrentCulture;
        var text = new StringBuilder();
        text.Append("# ").AppendLine(t.Team.Name).AppendLine();
        text.AppendLine(v.Message("Hackathons.Concept.From", t.Challenge.Challenge.Title, t.Hackathon.Title)).AppendLine();
        text.AppendLine(s.Description).AppendLine();
        if (s.CodeUrl is { } code) text.Append("- ").Append(v.Message("Hackathons.CodeUrl")).Append(": ").AppendLine(code);
        if (s.VideoUrl is { } video) text.Append("- ").Append(v.Message("Hackathons.VideoUrl")).Append(": ").AppendLine(video);
        text.AppendLine().Append("## ").AppendLine(v.Message("Hackathons.Concept.Jury"));
        if (score is null) text.AppendLine(v.Message("Hackathons.Concept.NoScores"));
        else
        {
            var rawPlace = results.RawRanking.ToList().FindIndex(x => x.TeamId == score.TeamId) + 1;
            var normPlace = results.NormalisedRanking.ToList().FindIndex(x => x.TeamId == score.TeamId) + 1;
            text.AppendLine(v.Message("Hackathons.Concept.Scores", score.Raw.ToString("0.00", c), rawPlace, score.Normalised.ToString("0.00", c), normPlace,
                score.Judges, results.Teams.Count));
            foreach (var criterion in results.Criteria)
                if (results.CriterionMeans.TryGetValue((score.TeamId, criterion.Id), out var mean))
                    text.Append("- ").Append(criterion.Name).Append(" (×").Append(criterion.Weight.ToString(c)).Append("): ").AppendLine(mean.ToString("0.00", c));
        }
        return text.ToString();
    }
}
