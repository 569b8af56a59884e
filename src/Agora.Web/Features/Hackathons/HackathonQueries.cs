using Agora.Web.Features.Hubs;
using Agora.Web.Features.Mentoring;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

/// <param name="TimeZone">The hub's time zone (IANA id): the deadline is entered and shown in it; the API keeps UTC instants.</param>
public sealed record ChallengeRow(int Id, string Title, string Description, DateTimeOffset SubmissionDeadline, int MinTeamSize, int MaxTeamSize,
    DateTimeOffset? ResultsPublishedAt, int Teams, bool IsJudge, Guid? CampaignId, string FocusAreas, string TimeZone);

public sealed record TeamRow(int Id, int ChallengeId, string Name, string Pitch, int MemberCount, bool Submitted, bool Accelerated, int? InitiativeId,
    TeamMemberStatus? MyStatus);

/// <summary>A hackathon as the person may see it: its challenges and teams, and what they may do.</summary>
public sealed record HackathonOverview(int EventId, string HubSlug, string Title, bool IsAccelerator, bool CanOrganise, bool CanTakePart,
    IReadOnlyList<ChallengeRow> Challenges, IReadOnlyList<TeamRow> Teams, string TimeZone);

public sealed record CriterionView(int Id, string Name, int Weight);

public sealed record PersonRef(Guid Id, string Name);

/// <summary>One submitted team as a judge sees it: their own marks and whether they may score it.</summary>
public sealed record JudgeSheet(int TeamId, string TeamName, bool Submitted, bool Excluded, string? ExclusionReason, IReadOnlyDictionary<int, int> Marks);

public sealed record RankedTeam(int Place, int TeamId, string Name, double Raw, double Normalised, int Judges);

public sealed record ChallengeView(ChallengeRow Challenge, string HubSlug, int EventId, string EventTitle, bool CanOrganise, bool IsJudge, bool CanTakePart,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<PersonRef>? Judges, IReadOnlyList<TeamRow> Teams, IReadOnlyList<JudgeSheet>? MySheets,
    bool SeesRankings, IReadOnlyList<RankedTeam>? RawRanking, IReadOnlyList<RankedTeam>? NormalisedRanking, double Mean, double Spread, bool Scored);

public sealed record MemberView(Guid UserId, string Name, TeamMemberRole Role, string RoleText, TeamMemberStatus Status);

public sealed record SubmissionView(string Description, string? CodeUrl, string? VideoUrl, DateTimeOffset UpdatedAt, IReadOnlyList<SubmissionFileView> Files);

public sealed record SubmissionFileView(int Id, string FileName, long Size, string Url);

public sealed record MilestoneRow(int Id, string Title, DateOnly DueOn, DateOnly? DoneOn);

public sealed record CheckInRow(int Id, DateOnly HeldOn, string Notes, string Author);

public sealed record TeamView(int Id, string Name, string Pitch, int EventId, string EventTitle, string HubSlug, ChallengeRow Challenge,
    IReadOnlyList<MemberView> Members, SubmissionView? Submission, bool IsMember, bool IsLead, bool IsInvited, bool HasRequested, bool CanAskToJoin,
    bool CanOrganise, bool IsJudge, bool DeadlinePassed, DateTimeOffset? AcceleratedAt, int? InitiativeId, IReadOnlyList<PersonRef> Mentors,
    IReadOnlyList<MilestoneRow>? Milestones, IReadOnlyList<CheckInRow>? CheckIns, bool WorksInAccelerator, IReadOnlyList<PersonRef>? MentorChoices,
    bool CanBecomeInitiative);

/// <summary>Jury results of a challenge: the criteria, the computed rankings and each team's mean mark per criterion.</summary>
public sealed record ChallengeResults(IReadOnlyList<CriterionView> Criteria, JuryResult Jury, IReadOnlyDictionary<(int TeamId, int CriterionId), double> CriterionMeans)
{
    public IReadOnlyList<TeamScore> Teams => Jury.Teams;
    public IReadOnlyList<TeamScore> RawRanking => Jury.RawRanking;
    public IReadOnlyList<TeamScore> NormalisedRanking => Jury.NormalisedRanking;
}

/// <summary>The community figures hackathons add to a hub.</summary>
public sealed record HackathonFigures(int Hackathons, int Teams, int Submissions, int Initiatives);

/// <summary>Read side of hackathons for pages, the API and other areas.</summary>
public sealed class HackathonQueries(AgoraDbContext db, HackathonAccess access, MentoringQueries mentoring, TimeProvider clock)
{
    public async Task<HackathonOverview?> OverviewAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        if (await access.LoadAsync(hubSlug, eventId, ct) is not { } h) return null;
        var me = h.UserId;
        var zone = (await db.HubTimeZoneAsync(h.HubId, ct)).Id;
        var challenges = await db.HackathonChallenges.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.Id)
            .Select(c => new ChallengeRow(c.Id, c.Title, c.Description, c.SubmissionDeadline, c.MinTeamSize, c.MaxTeamSize, c.ResultsPublishedAt,
                db.HackathonTeams.Count(t => t.ChallengeId == c.Id), me != null && db.HackathonJudges.Any(j => j.ChallengeId == c.Id && j.UserId == me),
                c.CampaignId, c.FocusAreas, zone))
            .ToListAsync(ct);
        var teams = await TeamsAsync(db.HackathonTeams.Where(t => t.EventId == eventId), me, ct);
        return new HackathonOverview(eventId, h.HubSlug, h.Title, h.IsAccelerator, h.CanOrganise, h.CanTakePart, challenges, teams, zone);
    }

    private Task<List<TeamRow>> TeamsAsync(IQueryable<HackathonTeam> teams, Guid? me, CancellationToken ct) =>
        teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.ChallengeId, t.Name, t.Pitch, t.MemberCount, db.HackathonSubmissions.Any(s => s.TeamId == t.Id), t.AcceleratedAt != null,
                t.InitiativeId, db.HackathonTeamMembers.Where(m => m.TeamId == t.Id && m.UserId == me).Select(m => (TeamMemberStatus?)m.Status).FirstOrDefault()))
            .ToListAsync(ct);

    public async Task<ChallengeView?> ChallengeAsync(string hubSlug, int eventId, int challengeId, CancellationToken ct)
    {
        if (await access.ChallengeAsync(hubSlug, eventId, challengeId, ct) is not { } c) return null;
        var me = c.Hackathon.UserId;
        var x = c.Challenge;
        var teams = await TeamsAsync(db.HackathonTeams.Where(t => t.ChallengeId == challengeId), me, ct);
        var row = new ChallengeRow(x.Id, x.Title, x.Description, x.SubmissionDeadline, x.MinTeamSize, x.MaxTeamSize, x.ResultsPublishedAt, teams.Count, c.IsJudge,
            x.CampaignId, x.FocusAreas, (await db.HubTimeZoneAsync(c.Hackathon.HubId, ct)).Id);
        var criteria = await CriteriaAsync(challengeId, ct);
        var judges = c.CanOrganise || c.IsJudge
            ? await (from j in db.HackathonJudges.AsNoTracking()
                     join u in db.Users on j.UserId equals u.Id
                     where j.ChallengeId == challengeId
                     orderby u.DisplayName
                     select new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct)
            : null;
        List<JudgeSheet>? sheets = null;
        if (c.IsJudge && me is { } judge)
        {
            var marks = await db.HackathonScores.AsNoTracking().Where(s => s.ChallengeId == challengeId && s.JudgeId == judge).ToListAsync(ct);
            var conflicts = await db.HackathonConflicts.AsNoTracking().Where(k => k.JudgeId == judge && db.HackathonTeams.Any(t => t.Id == k.TeamId && t.ChallengeId == challengeId))
                .ToDictionaryAsync(k => k.TeamId, k => k.Reason, ct);
            sheets = teams.Select(t => new JudgeSheet(t.Id, t.Name, t.Submitted, t.MyStatus == TeamMemberStatus.Active || conflicts.ContainsKey(t.Id),
                    conflicts.GetValueOrDefault(t.Id), marks.Where(m => m.TeamId == t.Id).ToDictionary(m => m.CriterionId, m => m.Value)))
                .ToList();
        }
        List<RankedTeam>? raw = null, normalised = null;
        double mean = 0, spread = 0;
        if (c.SeesRankings)
        {
            var results = await ResultsForAsync(challengeId, ct);
            var names = teams.ToDictionary(t => t.Id, t => t.Name);
            raw = results.RawRanking.Select((t, i) => new RankedTeam(i + 1, t.TeamId, names.GetValueOrDefault(t.TeamId, ""), t.Raw, t.Normalised, t.Judges)).ToList();
            normalised = results.NormalisedRanking.Select((t, i) => new RankedTeam(i + 1, t.TeamId, names.GetValueOrDefault(t.TeamId, ""), t.Raw, t.Normalised, t.Judges)).ToList();
            mean = results.Jury.Mean;
            spread = results.Jury.Spread;
        }
        var scored = await db.HackathonScores.AnyAsync(s => s.ChallengeId == challengeId, ct);
        return new ChallengeView(row, c.Hackathon.HubSlug, eventId, c.Hackathon.Title, c.CanOrganise, c.IsJudge, c.Hackathon.CanTakePart, criteria, judges, teams,
            sheets, c.SeesRankings, raw, normalised, mean, spread, scored);
    }

    private Task<List<CriterionView>> CriteriaAsync(int challengeId, CancellationToken ct) =>
        db.HackathonCriteria.AsNoTracking().Where(k => k.ChallengeId == challengeId).OrderBy(k => k.Position)
            .Select(k => new CriterionView(k.Id, k.Name, k.Weight)).ToListAsync(ct);

    /// <summary>
    /// The jury's results of a challenge (no access check): the marks of its assigned judges, leaving out every judge's
    /// marks for a team they declared a conflict with or are a member of.
    /// </summary>
    public async Task<ChallengeResults> ResultsForAsync(int challengeId, CancellationToken ct)
    {
        var criteria = await CriteriaAsync(challengeId, ct);
        var marks = await db.HackathonScores.AsNoTracking()
            .Where(s => s.ChallengeId == challengeId
                && db.HackathonJudges.Any(j => j.ChallengeId == challengeId && j.UserId == s.JudgeId)
                && !db.HackathonConflicts.Any(k => k.TeamId == s.TeamId && k.JudgeId == s.JudgeId)
                && !db.HackathonTeamMembers.Any(m => m.TeamId == s.TeamId && m.UserId == s.JudgeId && m.Status == TeamMemberStatus.Active))
            .Select(s => new Mark(s.JudgeId, s.TeamId, s.CriterionId, s.Value)).ToListAsync(ct);
        var jury = JuryScoring.Compute(criteria.Select(k => new CriterionWeight(k.Id, k.Weight)).ToList(), marks);
        var counted = jury.Totals.Select(t => (t.JudgeId, t.TeamId)).ToHashSet();
        var means = marks.Where(m => counted.Contains((m.JudgeId, m.TeamId))).GroupBy(m => (m.TeamId, m.CriterionId))
            .ToDictionary(g => g.Key, g => g.Average(m => (double)m.Value));
        return new ChallengeResults(criteria, jury, means);
    }

    public async Task<TeamView?> TeamAsync(string hubSlug, int eventId, int teamId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return null;
        var insider = t.IsMember || t.CanOrganise;
        var members = await (from m in db.HackathonTeamMembers.AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             where m.TeamId == teamId
                             orderby m.Role, u.DisplayName
                             select new MemberView(u.Id, u.DisplayName, m.Role, m.RoleText, m.Status)).ToListAsync(ct);
        // Pending invitations and requests are the team's business (and the person's own).
        members = members.Where(m => m.Status == TeamMemberStatus.Active || insider || m.UserId == t.Hackathon.UserId).ToList();
        SubmissionView? submission = null;
        if (t.SeesSubmission)
        {
            var s = await db.HackathonSubmissions.AsNoTracking().SingleOrDefaultAsync(x => x.TeamId == teamId, ct);
            if (s is not null)
            {
                var files = await (from x in db.HackathonSubmissionFiles.AsNoTracking()
                                   join f in db.Files on x.FileId equals f.Id
                                   where x.SubmissionId == s.Id
                                   orderby x.Id
                                   select new { x.Id, f.FileName, f.Size }).ToListAsync(ct);
                submission = new SubmissionView(s.Description, s.CodeUrl, s.VideoUrl, s.UpdatedAt,
                    files.Select(f => new SubmissionFileView(f.Id, f.FileName, f.Size, $"/api/v1/hubs/{hubSlug}/events/{eventId}/hackathon/teams/{teamId}/files/{f.Id}")).ToList());
            }
        }
        var mentors = await (from m in db.HackathonTeamMentors.AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             where m.TeamId == teamId
                             orderby u.DisplayName
                             select new PersonRef(u.Id, u.DisplayName)).ToListAsync(ct);
        var works = t.WorksInAccelerator;
        var milestones = works ? await db.HackathonMilestones.AsNoTracking().Where(m => m.TeamId == teamId).OrderBy(m => m.DueOn)
            .Select(m => new MilestoneRow(m.Id, m.Title, m.DueOn, m.DoneOn)).ToListAsync(ct) : null;
        var checkIns = works ? await (from k in db.HackathonCheckIns.AsNoTracking()
                                      join u in db.Users on k.AuthorId equals u.Id
                                      where k.TeamId == teamId
                                      orderby k.HeldOn descending
                                      select new CheckInRow(k.Id, k.HeldOn, k.Notes, u.DisplayName)).ToListAsync(ct) : null;
        List<PersonRef>? choices = null;
        if (t.CanOrganise && t.Team.AcceleratedAt is not null)
        {
            // Mentoring decides who has a free place (one capacity for pairs and teams), the freest first.
            choices = (await mentoring.MentorsAsync(t.Hackathon.HubId, ct)).Where(p => mentors.All(m => m.Id != p.UserId))
                .Select(p => new PersonRef(p.UserId, p.Name)).ToList();
        }
        var c = t.Challenge.Challenge;
        var teams = await db.HackathonTeams.CountAsync(x => x.ChallengeId == c.Id, ct);
        var row = new ChallengeRow(c.Id, c.Title, c.Description, c.SubmissionDeadline, c.MinTeamSize, c.MaxTeamSize, c.ResultsPublishedAt, teams, t.Challenge.IsJudge,
            c.CampaignId, c.FocusAreas, (await db.HubTimeZoneAsync(t.Hackathon.HubId, ct)).Id);
        var now = clock.GetUtcNow();
        var inChallenge = t.Hackathon.UserId is { } me && await db.HackathonTeamMembers.AnyAsync(m => m.UserId == me && m.ActiveChallengeId == c.Id, ct);
        return new TeamView(teamId, t.Team.Name, t.Team.Pitch, eventId, t.Hackathon.Title, hubSlug, row, members, submission, t.IsMember, t.IsLead,
            t.Mine?.Status == TeamMemberStatus.Invited, t.Mine?.Status == TeamMemberStatus.Requested,
            t.Hackathon.CanTakePart && t.Mine is null && !inChallenge && c.SubmissionDeadline > now && t.Team.MemberCount < c.MaxTeamSize,
            t.CanOrganise, t.IsJudge, c.SubmissionDeadline <= now, t.Team.AcceleratedAt, t.Team.InitiativeId, mentors, milestones, checkIns, works, choices,
            t.CanOrganise && t.Team.InitiativeId is null && (t.Team.AcceleratedAt is not null || c.ResultsPublishedAt is not null) && submission is not null);
    }

    /// <summary>A hub's hackathon figures: hackathon events that have challenges, teams, submissions, initiatives born at hackathons.</summary>
    public async Task<HackathonFigures> FiguresAsync(Guid hubId, CancellationToken ct) => new(
        await db.HackathonChallenges.Where(c => c.HubId == hubId).Select(c => c.EventId).Distinct().CountAsync(ct),
        await db.HackathonTeams.CountAsync(t => t.HubId == hubId, ct),
        await db.HackathonSubmissions.CountAsync(s => db.HackathonTeams.Any(t => t.Id == s.TeamId && t.HubId == hubId), ct),
        await db.HackathonTeams.CountAsync(t => t.HubId == hubId && t.InitiativeId != null, ct));
}
