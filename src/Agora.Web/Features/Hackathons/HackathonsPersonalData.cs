using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

/// <summary>
/// What hackathons hold about a person: the teams they are in or were asked into, the submissions they made, the
/// judging they did (assignments, marks, conflicts with their reasons), the teams they mentor and the check-ins they
/// wrote. On erasure their places in teams, judge and mentor assignments go (a team's seat frees); marks and conflicts
/// go unless the challenge's results are published, when the marks stay as the record by a former member. A team's
/// submission, challenges and check-ins stay with the team (their author shown as a former member); check-in notes
/// are blanked when the person deletes their contributions.
/// </summary>
public sealed class HackathonsPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "hackathons";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // CreatedById: kept as an anonymised reference.
        typeof(HackathonChallenge),
        // UserId: judge assignments (exported; deleted).
        typeof(HackathonJudge),
        // CreatedById: kept as an anonymised reference.
        typeof(HackathonTeam),
        // UserId: their places (exported; deleted); InvitedById: kept as an anonymised reference.
        typeof(HackathonTeamMember),
        // SubmittedById: submissions they made (exported; the team's, kept).
        typeof(HackathonSubmission),
        // UploadedById: kept with the team's submission.
        typeof(HackathonSubmissionFile),
        // JudgeId: marks they gave (exported; deleted unless published).
        typeof(HackathonScore),
        // JudgeId: conflicts they declared (exported; deleted unless published).
        typeof(HackathonConflict),
        // UserId: teams they mentor (exported; deleted).
        typeof(HackathonTeamMentor),
        // AuthorId: check-ins they wrote (exported; kept, notes blanked when contributions are deleted).
        typeof(HackathonCheckIn),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var id = userId;
        var teams = await (from m in db.HackathonTeamMembers.AsNoTracking()
                           join t in db.HackathonTeams on m.TeamId equals t.Id
                           where m.UserId == id
                           orderby m.CreatedAt
                           select new { t.Id, t.HubId, t.EventId, t.Name, Role = m.Role.ToString(), m.RoleText, Status = m.Status.ToString(), m.CreatedAt, m.JoinedAt })
            .ToListAsync(ct);
        var submissions = await db.HackathonSubmissions.AsNoTracking().Where(s => s.SubmittedById == id).OrderBy(s => s.Id)
            .Select(s => new { s.TeamId, s.Description, s.CodeUrl, s.VideoUrl, s.SubmittedAt, s.UpdatedAt }).ToListAsync(ct);
        var judging = await db.HackathonJudges.AsNoTracking().Where(j => j.UserId == id).OrderBy(j => j.AssignedAt)
            .Select(j => new { j.ChallengeId, j.AssignedAt }).ToListAsync(ct);
        var marks = await db.HackathonScores.AsNoTracking().Where(s => s.JudgeId == id).OrderBy(s => s.TeamId).ThenBy(s => s.CriterionId)
            .Select(s => new { s.ChallengeId, s.TeamId, Criterion = db.HackathonCriteria.Where(k => k.Id == s.CriterionId).Select(k => k.Name).Single(), s.Value, s.ScoredAt })
            .ToListAsync(ct);
        var conflicts = await db.HackathonConflicts.AsNoTracking().Where(k => k.JudgeId == id).OrderBy(k => k.DeclaredAt)
            .Select(k => new { k.TeamId, k.Reason, k.DeclaredAt }).ToListAsync(ct);
        var mentoring = await db.HackathonTeamMentors.AsNoTracking().Where(m => m.UserId == id).Select(m => new { m.TeamId, m.AssignedAt }).ToListAsync(ct);
        var checkIns = await db.HackathonCheckIns.AsNoTracking().Where(k => k.AuthorId == id).OrderBy(k => k.Id)
            .Select(k => new { k.TeamId, k.HeldOn, k.Notes, k.CreatedAt }).ToListAsync(ct);
        return new { teams, submissions, judging, marks, conflicts, mentoring, checkIns };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        var seats = await db.HackathonTeamMembers.Where(m => m.UserId == person && m.Status == TeamMemberStatus.Active).Select(m => m.TeamId).ToListAsync(ct);
        if (seats.Count > 0)
            await db.HackathonTeams.Where(t => seats.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.MemberCount, t => t.MemberCount - 1), ct);
        await db.HackathonTeamMembers.Where(m => m.UserId == person).ExecuteDeleteAsync(ct);
        var open = db.HackathonChallenges.Where(c => c.ResultsPublishedAt == null).Select(c => c.Id);
        await db.HackathonScores.Where(s => s.JudgeId == person && open.Contains(s.ChallengeId)).ExecuteDeleteAsync(ct);
        await db.HackathonConflicts.Where(k => k.JudgeId == person
            && db.HackathonTeams.Any(t => t.Id == k.TeamId && open.Contains(t.ChallengeId))).ExecuteDeleteAsync(ct);
        await db.HackathonJudges.Where(j => j.UserId == person && open.Contains(j.ChallengeId)).ExecuteDeleteAsync(ct);
        await db.HackathonTeamMentors.Where(m => m.UserId == person).ExecuteDeleteAsync(ct);
        if (e.DeleteContributions)
            await db.HackathonCheckIns.Where(k => k.AuthorId == person && k.Notes != "").ExecuteUpdateAsync(s => s.SetProperty(k => k.Notes, ""), ct);
    }
}
