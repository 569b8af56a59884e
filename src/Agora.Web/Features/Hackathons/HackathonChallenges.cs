using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

public sealed record JuryCriterionInput(string? Name, int? Weight);

/// <summary>
/// A challenge as the organisers define it; criteria can change until the first score. The API gives the deadline as a
/// UTC instant (<see cref="SubmissionDeadline"/>); a page gives the wall-clock time of the hub's zone (<see cref="LocalDeadline"/>).
/// </summary>
public sealed record ChallengeInput(string? Title, string? Description, Guid? CampaignId, string? FocusAreas, int? MinTeamSize, int? MaxTeamSize,
    DateTimeOffset? SubmissionDeadline, IReadOnlyList<JuryCriterionInput>? Criteria,
    [property: System.Text.Json.Serialization.JsonIgnore] DateTime? LocalDeadline = null);

/// <summary>The organisers define a hackathon's challenges, their criteria and judges, and publish each challenge's results.</summary>
public sealed class HackathonChallenges(AgoraDbContext db, HackathonAccess access, Validator v, AuditLog audit, Notifier notifier, TimeProvider clock, CurrentUser current)
{
    public static string Subject(HackathonChallenge c) => $"#{c.Id.ToString(CultureInfo.InvariantCulture)} {c.Title}";

    public async Task<Result<int>> CreateAsync(string hubSlug, int eventId, ChallengeInput input, CancellationToken ct)
    {
        if (await access.LoadAsync(hubSlug, eventId, ct) is not { } h) return Result<int>.NotFound();
        if (!h.CanOrganise) return h.Refuse<int>();
        var challenge = new HackathonChallenge { EventId = eventId, HubId = h.HubId, CreatedById = current.RequiredId, CreatedAt = clock.GetUtcNow() };
        var criteria = await ReadAsync(challenge, input, h.HubId, scored: false, ct);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return Result<int>.Ok(await db.InTransactionAsync(async token =>
        {
            db.HackathonChallenges.Add(challenge);
            await db.SaveChangesAsync(token);
            db.HackathonCriteria.AddRange(criteria!.Select((c, i) => new HackathonCriterion { ChallengeId = challenge.Id, Name = c.Name, Weight = c.Weight, Position = i + 1 }));
            audit.Add(AuditActions.HackathonChallengeSaved, h.HubId, Subject(challenge), h.Title);
            await db.SaveChangesAsync(token);
            return challenge.Id;
        }, ct));
    }

    public async Task<Result<int>> UpdateAsync(string hubSlug, int eventId, int challengeId, ChallengeInput input, CancellationToken ct)
    {
        if (await access.ChallengeAsync(hubSlug, eventId, challengeId, ct) is not { } c) return Result<int>.NotFound();
        if (!c.CanOrganise) return c.Hackathon.Refuse<int>();
        var scored = await db.HackathonScores.AnyAsync(s => s.ChallengeId == challengeId, ct);
        var challenge = await db.HackathonChallenges.SingleAsync(x => x.Id == challengeId, ct);
        var criteria = await ReadAsync(challenge, input, c.Hackathon.HubId, scored, ct);
        if (!v.IsValid) { db.ChangeTracker.Clear(); return Result<int>.Invalid(v.Errors); }
        var values = new { challenge.Title, challenge.Description, challenge.CampaignId, challenge.FocusAreas, challenge.MinTeamSize, challenge.MaxTeamSize, challenge.SubmissionDeadline };
        db.ChangeTracker.Clear();
        return Result<int>.Ok(await db.InTransactionAsync(async token =>
        {
            await db.HackathonChallenges.Where(x => x.Id == challengeId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Title, values.Title).SetProperty(x => x.Description, values.Description)
                .SetProperty(x => x.CampaignId, values.CampaignId).SetProperty(x => x.FocusAreas, values.FocusAreas)
                .SetProperty(x => x.MinTeamSize, values.MinTeamSize).SetProperty(x => x.MaxTeamSize, values.MaxTeamSize)
                .SetProperty(x => x.SubmissionDeadline, values.SubmissionDeadline), token);
            if (criteria is not null)
            {
                await db.HackathonCriteria.Where(x => x.ChallengeId == challengeId).ExecuteDeleteAsync(token);
                db.HackathonCriteria.AddRange(criteria.Select((k, i) => new HackathonCriterion { ChallengeId = challengeId, Name = k.Name, Weight = k.Weight, Position = i + 1 }));
            }
            audit.Add(AuditActions.HackathonChallengeSaved, c.Hackathon.HubId, $"#{challengeId.ToString(CultureInfo.InvariantCulture)} {values.Title}", c.Hackathon.Title);
            await db.SaveChangesAsync(token);
            return challengeId;
        }, ct));
    }

    /// <summary>Checks the input into <paramref name="c"/>; the criteria to store, or null to keep them (once scored they stay).</summary>
    private async Task<List<(string Name, int Weight)>?> ReadAsync(HackathonChallenge c, ChallengeInput input, Guid hubId, bool scored, CancellationToken ct)
    {
        c.Title = v.Text("title", input.Title, HackathonLimits.Title);
        c.Description = v.Text("description", input.Description, HackathonLimits.Description, multiline: true);
        c.FocusAreas = v.Text("focusAreas", input.FocusAreas, HackathonLimits.FocusAreas, required: false);
        c.CampaignId = input.CampaignId;
        if (input.CampaignId is { } campaign && !await db.Campaigns.AnyAsync(x => x.Id == campaign && x.HubId == hubId, ct)) v.Add("campaignId", "Validation.Invalid");
        c.MinTeamSize = input.MinTeamSize ?? 1;
        c.MaxTeamSize = input.MaxTeamSize ?? 5;
        if (c.MinTeamSize < 1 || c.MinTeamSize > HackathonLimits.MaxTeamSize) v.Add("minTeamSize", "Hackathons.Range", 1, HackathonLimits.MaxTeamSize);
        if (c.MaxTeamSize < c.MinTeamSize || c.MaxTeamSize > HackathonLimits.MaxTeamSize) v.Add("maxTeamSize", "Hackathons.Range", c.MinTeamSize, HackathonLimits.MaxTeamSize);
        if (input.LocalDeadline is { } local)
        {
            // The hub's wall-clock time; a time its clocks skip (spring forward) does not exist.
            if (ZonedTime.ToUtc(local, await db.HubTimeZoneAsync(hubId, ct)) is { } utc) c.SubmissionDeadline = utc;
            else v.Add("submissionDeadline", "Events.NoSuchTime");
        }
        else if (input.SubmissionDeadline is { } deadline) c.SubmissionDeadline = deadline.ToUniversalTime();
        else v.Add("submissionDeadline", "Validation.Required");
        if (scored) return null;
        var list = new List<(string, int)>();
        var given = (input.Criteria ?? []).Where(k => !string.IsNullOrWhiteSpace(k.Name) || k.Weight is not null).ToList();
        if (given.Count == 0) v.Add("criteria", "Hackathons.CriteriaRequired");
        if (given.Count > HackathonLimits.MaxCriteria) v.Add("criteria", "Hackathons.TooManyCriteria", HackathonLimits.MaxCriteria);
        for (var i = 0; i < Math.Min(given.Count, HackathonLimits.MaxCriteria); i++)
        {
            var name = v.Text($"criteria[{i}].name", given[i].Name, HackathonLimits.Name);
            var weight = given[i].Weight ?? 1;
            if (weight < 1 || weight > HackathonLimits.MaxWeight) v.Add($"criteria[{i}].weight", "Hackathons.Range", 1, HackathonLimits.MaxWeight);
            list.Add((name, weight));
        }
        return list;
    }

    /// <summary>The organisers make a person (by email) a judge of the challenge; they are told.</summary>
    public async Task<Result<Guid>> AssignJudgeAsync(string hubSlug, int eventId, int challengeId, string? email, CancellationToken ct)
    {
        if (await access.ChallengeAsync(hubSlug, eventId, challengeId, ct) is not { } c) return Result<Guid>.NotFound();
        if (!c.CanOrganise) return c.Hackathon.Refuse<Guid>();
        var address = v.Email("email", email);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var user = await db.Users.Where(u => u.NormalizedEmail == address.ToUpperInvariant()).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (user is null) return Result<Guid>.Invalid("email", v.Message("Hackathons.NoSuchPerson"));
        var added = await db.InTransactionAsync(async () =>
        {
            if (!await db.TryInsertAsync(new HackathonJudge { ChallengeId = challengeId, UserId = user.Id, AssignedAt = clock.GetUtcNow() }, ct)) return (false, false);
            audit.Add(AuditActions.HackathonJudgeAssigned, c.Hackathon.HubId, Subject(c.Challenge), user.DisplayName);
            await HackathonNotices.AddAsync(notifier, c.Hackathon.HubId, current.RequiredId, HackathonNotices.JudgeAssigned, c.Challenge.Title, c.Path, [user.Id], ct);
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        return added ? Result<Guid>.Ok(user.Id) : Result<Guid>.Conflict("email", v.Message("Hackathons.AlreadyJudge"));
    }

    /// <summary>The organisers take a judge off the challenge (their scores go with them, until the results are published).</summary>
    public async Task<Result<Guid>> RemoveJudgeAsync(string hubSlug, int eventId, int challengeId, Guid userId, CancellationToken ct)
    {
        if (await access.ChallengeAsync(hubSlug, eventId, challengeId, ct) is not { } c) return Result<Guid>.NotFound();
        if (!c.CanOrganise) return c.Hackathon.Refuse<Guid>();
        if (c.Published) return Result<Guid>.Conflict("", v.Message("Hackathons.AlreadyPublished"));
        return await db.InTransactionAsync(async token =>
        {
            var gone = await db.HackathonJudges.Where(j => j.ChallengeId == challengeId && j.UserId == userId).ExecuteDeleteAsync(token);
            if (gone == 0) return Result<Guid>.NotFound();
            await db.HackathonScores.Where(s => s.ChallengeId == challengeId && s.JudgeId == userId).ExecuteDeleteAsync(token);
            audit.Add(AuditActions.HackathonJudgeRemoved, c.Hackathon.HubId, Subject(c.Challenge), userId.ToString());
            await db.SaveChangesAsync(token);
            return Result<Guid>.Ok(userId);
        }, ct);
    }

    /// <summary>The organisers publish the challenge's rankings: everyone who knows the event sees them; teams and judges are told.</summary>
    public async Task<Result<int>> PublishAsync(string hubSlug, int eventId, int challengeId, CancellationToken ct)
    {
        if (await access.ChallengeAsync(hubSlug, eventId, challengeId, ct) is not { } c) return Result<int>.NotFound();
        if (!c.CanOrganise) return c.Hackathon.Refuse<int>();
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            var changed = await db.HackathonChallenges.Where(x => x.Id == challengeId && x.ResultsPublishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResultsPublishedAt, now), ct);
            if (changed == 0) return (false, Result<int>.Conflict("", v.Message("Hackathons.AlreadyPublished")));
            audit.Add(AuditActions.HackathonResultsPublished, c.Hackathon.HubId, Subject(c.Challenge), c.Hackathon.Title);
            var people = await db.HackathonTeamMembers
                .Where(m => m.Status == TeamMemberStatus.Active && db.HackathonTeams.Any(t => t.Id == m.TeamId && t.ChallengeId == challengeId))
                .Select(m => m.UserId)
                .Concat(db.HackathonJudges.Where(j => j.ChallengeId == challengeId).Select(j => j.UserId)).ToListAsync(ct);
            await HackathonNotices.AddAsync(notifier, c.Hackathon.HubId, current.RequiredId, HackathonNotices.ResultsPublished, c.Challenge.Title, c.Path + "#results", people, ct);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(challengeId));
        }, ct);
    }
}
