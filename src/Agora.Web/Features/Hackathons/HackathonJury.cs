using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

/// <summary>
/// Judges mark each submission of their challenge on every criterion (1–5), until the results are published. A judge
/// who declared a conflict of interest with a team (with a reason), or who is a member of it, does not score it; a
/// declaration withdraws the marks they gave that team.
/// </summary>
public sealed class HackathonJury(AgoraDbContext db, HackathonAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    /// <summary>The judge's marks for one team, criterion id to 1–5; all criteria at once.</summary>
    public async Task<Result<int>> ScoreAsync(string hubSlug, int eventId, int teamId, IReadOnlyDictionary<int, int>? marks, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.IsJudge || !t.Hackathon.CanTakePart) return t.Hackathon.Refuse<int>();
        var me = t.Hackathon.UserId!.Value;
        if (t.Challenge.Published) return Result<int>.Conflict("", v.Message("Hackathons.AlreadyPublished"));
        if (await db.HackathonConflicts.AnyAsync(c => c.TeamId == teamId && c.JudgeId == me, ct)) return Result<int>.Conflict("", v.Message("Hackathons.ConflictDeclared"));
        if (!await db.HackathonSubmissions.AnyAsync(s => s.TeamId == teamId, ct)) return Result<int>.Conflict("", v.Message("Hackathons.NothingSubmitted"));
        var criteria = await db.HackathonCriteria.AsNoTracking().Where(c => c.ChallengeId == t.Team.ChallengeId).OrderBy(c => c.Position).ToListAsync(ct);
        marks ??= new Dictionary<int, int>();
        foreach (var c in criteria)
        {
            if (!marks.TryGetValue(c.Id, out var mark)) v.Add($"marks.{c.Id}", "Validation.Required");
            else if (mark is < 1 or > 5) v.Add($"marks.{c.Id}", "Hackathons.Range", 1, 5);
        }
        if (marks.Keys.Any(k => criteria.All(c => c.Id != k))) v.Add("marks", "Validation.Invalid");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            // Published meanwhile: the record stays as published.
            if (await db.HackathonChallenges.AnyAsync(c => c.Id == t.Team.ChallengeId && c.ResultsPublishedAt != null, ct))
                return (false, Result<int>.Conflict("", v.Message("Hackathons.AlreadyPublished")));
            await db.HackathonScores.Where(s => s.TeamId == teamId && s.JudgeId == me).ExecuteDeleteAsync(ct);
            db.HackathonScores.AddRange(criteria.Select(c => new HackathonScore
            {
                TeamId = teamId, JudgeId = me, CriterionId = c.Id, ChallengeId = t.Team.ChallengeId, Value = marks[c.Id], ScoredAt = now,
            }));
            audit.Add(AuditActions.HackathonScored, t.Hackathon.HubId, HackathonTeams.Subject(t.Team));
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(teamId));
        }, ct);
    }

    /// <summary>A judge declares a conflict of interest with a team: their marks for it go, and they score it no more.</summary>
    public async Task<Result<int>> DeclareConflictAsync(string hubSlug, int eventId, int teamId, string? reason, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.Challenge.IsJudge || !t.Hackathon.CanTakePart) return t.Hackathon.Refuse<int>();
        var why = v.Text("reason", reason, HackathonLimits.Reason, multiline: true);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (t.Challenge.Published) return Result<int>.Conflict("", v.Message("Hackathons.AlreadyPublished"));
        var me = t.Hackathon.UserId!.Value;
        var added = await db.InTransactionAsync(async () =>
        {
            if (!await db.TryInsertAsync(new HackathonConflict { TeamId = teamId, JudgeId = me, Reason = why, DeclaredAt = clock.GetUtcNow() }, ct)) return (false, false);
            await db.HackathonScores.Where(s => s.TeamId == teamId && s.JudgeId == me).ExecuteDeleteAsync(ct);
            audit.Add(AuditActions.HackathonConflictDeclared, t.Hackathon.HubId, HackathonTeams.Subject(t.Team));
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        return added ? Result<int>.Ok(teamId) : Result<int>.Conflict("", v.Message("Hackathons.ConflictDeclared"));
    }
}
