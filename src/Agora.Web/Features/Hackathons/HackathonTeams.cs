using System.Globalization;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

public sealed record NewTeam(int? ChallengeId, string? Name, string? Pitch, string? RoleText);

/// <summary>
/// Teams form by consent: a participant creates a team (and leads it), invites others who accept or decline, or asks
/// to join a team whose lead accepts or declines. Nobody is put in a team without saying yes. A team never passes its
/// challenge's size limit: the seat is taken by one guarded UPDATE (MemberCount below the maximum) in the same
/// transaction as the membership, and a person is in at most one team per challenge (a unique index on their active
/// place), so concurrent acceptances cannot overfill a team or place someone twice.
/// </summary>
public sealed class HackathonTeams(AgoraDbContext db, HackathonAccess access, Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public static string Subject(HackathonTeam t) => $"#{t.Id.ToString(CultureInfo.InvariantCulture)} {t.Name}";

    public async Task<Result<int>> CreateAsync(string hubSlug, int eventId, NewTeam input, CancellationToken ct)
    {
        if (await access.LoadAsync(hubSlug, eventId, ct) is not { } h) return Result<int>.NotFound();
        if (!h.CanTakePart) return h.Refuse<int>();
        var challenge = input.ChallengeId is { } cid ? await db.HackathonChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid && c.EventId == eventId, ct) : null;
        if (challenge is null) v.Add("challengeId", input.ChallengeId is null ? "Validation.Required" : "Validation.Invalid");
        var name = v.Text("name", input.Name, HackathonLimits.Name);
        var pitch = v.Text("pitch", input.Pitch, HackathonLimits.Description, required: false, multiline: true);
        var role = v.Text("roleText", input.RoleText, HackathonLimits.RoleText, required: false);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        if (challenge!.SubmissionDeadline <= clock.GetUtcNow()) return Result<int>.Conflict("", v.Message("Hackathons.DeadlinePassed"));
        var me = h.UserId!.Value;
        var now = clock.GetUtcNow();
        try
        {
            return Result<int>.Ok(await db.InTransactionAsync(async token =>
            {
                var team = new HackathonTeam { ChallengeId = challenge.Id, EventId = eventId, HubId = h.HubId, Name = name, Pitch = pitch, MemberCount = 1, CreatedById = me, CreatedAt = now };
                db.HackathonTeams.Add(team);
                await db.SaveChangesAsync(token);
                // A pending invitation or request of the creator's for this challenge gives way to the team they lead.
                await db.HackathonTeamMembers.Where(m => m.UserId == me && m.Status != TeamMemberStatus.Active
                    && db.HackathonTeams.Any(t => t.Id == m.TeamId && t.ChallengeId == challenge.Id)).ExecuteDeleteAsync(token);
                db.HackathonTeamMembers.Add(new HackathonTeamMember
                {
                    TeamId = team.Id, UserId = me, Role = TeamMemberRole.Lead, RoleText = role, Status = TeamMemberStatus.Active,
                    ActiveChallengeId = challenge.Id, CreatedAt = now, JoinedAt = now,
                });
                audit.Add(AuditActions.HackathonTeamCreated, h.HubId, Subject(team), challenge.Title);
                await db.SaveChangesAsync(token);
                return team.Id;
            }, ct));
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var inTeam = await db.HackathonTeamMembers.AnyAsync(m => m.UserId == me && m.ActiveChallengeId == challenge.Id, ct);
            return Result<int>.Conflict(inTeam ? "" : "name", v.Message(inTeam ? "Hackathons.AlreadyInTeam" : "Hackathons.TeamNameTaken"));
        }
    }

    /// <summary>The team's lead invites a person (by email); they join only by accepting.</summary>
    public async Task<Result<Guid>> InviteAsync(string hubSlug, int eventId, int teamId, string? email, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<Guid>.NotFound();
        if (!t.IsLead || !t.Hackathon.CanTakePart) return t.Hackathon.Refuse<Guid>();
        var address = v.Email("email", email);
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var user = await db.Users.Where(u => u.NormalizedEmail == address.ToUpperInvariant()).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (user is null) return Result<Guid>.Invalid("email", v.Message("Hackathons.NoSuchPerson"));
        if (await db.HackathonTeamMembers.AnyAsync(m => m.UserId == user.Id && m.ActiveChallengeId == t.Team.ChallengeId, ct))
            return Result<Guid>.Conflict("email", v.Message("Hackathons.PersonInTeam"));
        var added = await db.InTransactionAsync(async () =>
        {
            var row = new HackathonTeamMember
            {
                TeamId = teamId, UserId = user.Id, Role = TeamMemberRole.Member, Status = TeamMemberStatus.Invited, InvitedById = t.Hackathon.UserId, CreatedAt = clock.GetUtcNow(),
            };
            if (!await db.TryInsertAsync(row, ct)) return (false, false);
            audit.Add(AuditActions.HackathonTeamMembership, t.Hackathon.HubId, Subject(t.Team), $"invited {user.DisplayName}");
            await HackathonNotices.AddAsync(notifier, t.Hackathon.HubId, t.Hackathon.UserId!.Value, HackathonNotices.Invited, t.Team.Name, t.Path, [user.Id], ct);
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        return added ? Result<Guid>.Ok(user.Id) : Result<Guid>.Conflict("email", v.Message("Hackathons.AlreadyAsked"));
    }

    /// <summary>A person asks to join a team; its lead answers.</summary>
    public async Task<Result<int>> RequestToJoinAsync(string hubSlug, int eventId, int teamId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.Hackathon.CanTakePart) return t.Hackathon.Refuse<int>();
        var me = t.Hackathon.UserId!.Value;
        if (t.Mine is not null) return Result<int>.Conflict("", v.Message("Hackathons.AlreadyAsked"));
        if (await db.HackathonTeamMembers.AnyAsync(m => m.UserId == me && m.ActiveChallengeId == t.Team.ChallengeId, ct))
            return Result<int>.Conflict("", v.Message("Hackathons.AlreadyInTeam"));
        var added = await db.InTransactionAsync(async () =>
        {
            if (!await db.TryInsertAsync(new HackathonTeamMember { TeamId = teamId, UserId = me, Role = TeamMemberRole.Member, Status = TeamMemberStatus.Requested, CreatedAt = clock.GetUtcNow() }, ct))
                return (false, false);
            audit.Add(AuditActions.HackathonTeamMembership, t.Hackathon.HubId, Subject(t.Team), "requested");
            var leads = await db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.Role == TeamMemberRole.Lead && m.Status == TeamMemberStatus.Active).Select(m => m.UserId).ToListAsync(ct);
            await HackathonNotices.AddAsync(notifier, t.Hackathon.HubId, me, HackathonNotices.JoinRequested, t.Team.Name, t.Path, leads, ct);
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        return added ? Result<int>.Ok(teamId) : Result<int>.Conflict("", v.Message("Hackathons.AlreadyAsked"));
    }

    /// <summary>The invited person answers their invitation.</summary>
    public async Task<Result<int>> AnswerInvitationAsync(string hubSlug, int eventId, int teamId, bool accept, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (t.Mine?.Status != TeamMemberStatus.Invited || !t.Hackathon.CanTakePart) return t.Hackathon.Refuse<int>();
        var me = t.Hackathon.UserId!.Value;
        var inviter = t.Mine.InvitedById;
        return await AdmitAsync(t, me, accept, accept ? HackathonNotices.InvitationAccepted : HackathonNotices.InvitationDeclined,
            inviter is { } i ? [i] : [], ct);
    }

    /// <summary>The team's lead answers a request to join.</summary>
    public async Task<Result<int>> AnswerRequestAsync(string hubSlug, int eventId, int teamId, Guid userId, bool accept, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.IsLead || !t.Hackathon.CanTakePart) return t.Hackathon.Refuse<int>();
        if (!await db.HackathonTeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId && m.Status == TeamMemberStatus.Requested, ct)) return Result<int>.NotFound();
        return await AdmitAsync(t, userId, accept, accept ? HackathonNotices.JoinAccepted : HackathonNotices.JoinDeclined, [userId], ct);
    }

    /// <summary>Turns a pending place into a seat (or removes it): the seat by a guarded UPDATE, the place unique per challenge.</summary>
    private async Task<Result<int>> AdmitAsync(HackathonAccess.TeamStanding t, Guid person, bool accept, string notice, IReadOnlyList<Guid> tell, CancellationToken ct)
    {
        var teamId = t.Team.Id;
        var challengeId = t.Team.ChallengeId;
        var actor = t.Hackathon.UserId!.Value;
        var now = clock.GetUtcNow();
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                if (!accept)
                {
                    await db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.UserId == person && m.Status != TeamMemberStatus.Active).ExecuteDeleteAsync(ct);
                }
                else
                {
                    if (t.Challenge.Challenge.SubmissionDeadline <= now) return (false, Result<int>.Conflict("", v.Message("Hackathons.DeadlinePassed")));
                    var seat = await db.HackathonTeams
                        .Where(x => x.Id == teamId && x.MemberCount < db.HackathonChallenges.Where(c => c.Id == x.ChallengeId).Select(c => c.MaxTeamSize).First())
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberCount, x => x.MemberCount + 1), ct);
                    if (seat == 0) return (false, Result<int>.Conflict("", v.Message("Hackathons.TeamFull")));
                    var placed = await db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.UserId == person && m.Status != TeamMemberStatus.Active)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, TeamMemberStatus.Active).SetProperty(m => m.ActiveChallengeId, challengeId)
                            .SetProperty(m => m.JoinedAt, now), ct);
                    if (placed == 0) return (false, Result<int>.NotFound());
                    // Their other pending invitations and requests in this challenge lapse.
                    await db.HackathonTeamMembers.Where(m => m.UserId == person && m.Status != TeamMemberStatus.Active && m.TeamId != teamId
                        && db.HackathonTeams.Any(x => x.Id == m.TeamId && x.ChallengeId == challengeId)).ExecuteDeleteAsync(ct);
                }
                audit.Add(AuditActions.HackathonTeamMembership, t.Hackathon.HubId, Subject(t.Team), $"{notice} {person}");
                await HackathonNotices.AddAsync(notifier, t.Hackathon.HubId, actor, notice, t.Team.Name, t.Path, tell, ct);
                await db.SaveChangesAsync(ct);
                return (true, Result<int>.Ok(teamId));
            }, ct);
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result<int>.Conflict("", v.Message("Hackathons.PersonInTeam"));
        }
    }

    /// <summary>A member leaves (or the lead removes a member); the seat frees. A lead leaves last, or hands the lead on first.</summary>
    public async Task<Result<int>> RemoveAsync(string hubSlug, int eventId, int teamId, Guid userId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        var me = t.Hackathon.UserId;
        if (!(me == userId && t.Mine is not null) && !t.IsLead) return t.Hackathon.Refuse<int>();
        var row = await db.HackathonTeamMembers.AsNoTracking().SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
        if (row is null) return Result<int>.NotFound();
        if (row.Role == TeamMemberRole.Lead && t.Team.MemberCount > 1) return Result<int>.Conflict("", v.Message("Hackathons.LeadLeavesLast"));
        return await db.InTransactionAsync(async token =>
        {
            var gone = await db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId).ExecuteDeleteAsync(token);
            if (gone > 0 && row.Status == TeamMemberStatus.Active)
                await db.HackathonTeams.Where(x => x.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberCount, x => x.MemberCount - 1), token);
            audit.Add(AuditActions.HackathonTeamMembership, t.Hackathon.HubId, Subject(t.Team), $"removed {userId}");
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(teamId);
        }, ct);
    }

    /// <summary>The lead sets a member's free-text role, or hands the lead to them.</summary>
    public async Task<Result<int>> SetRoleAsync(string hubSlug, int eventId, int teamId, Guid userId, string? roleText, bool makeLead, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.IsLead && !(t.IsMember && userId == t.Hackathon.UserId && !makeLead)) return t.Hackathon.Refuse<int>();
        var text = v.Text("roleText", roleText, HackathonLimits.RoleText, required: false);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        return await db.InTransactionAsync(async token =>
        {
            var changed = await db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId && m.Status == TeamMemberStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.RoleText, text), token);
            if (changed == 0) return Result<int>.NotFound();
            if (makeLead && userId != t.Hackathon.UserId)
            {
                await db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.Role == TeamMemberRole.Lead).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, TeamMemberRole.Member), token);
                await db.HackathonTeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, TeamMemberRole.Lead), token);
            }
            audit.Add(AuditActions.HackathonTeamMembership, t.Hackathon.HubId, Subject(t.Team), makeLead ? $"lead {userId}" : $"role {userId}");
            await db.SaveChangesAsync(token);
            return Result<int>.Ok(teamId);
        }, ct);
    }
}
