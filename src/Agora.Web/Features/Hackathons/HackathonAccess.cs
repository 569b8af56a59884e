using Agora.Web.Features.Events;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

/// <summary>
/// Who may do what in a hackathon. The event decides who knows it and who organises it (<see cref="EventAccess"/>:
/// the hub's managers and the event's organisers); a hackathon is an event of format Hackathon or Hackaccelerator,
/// any other event has none (404). Signed-in people who know the event and are not blocked take part: they form and
/// join teams. Judges are assigned per challenge; a judge never scores a team they are in or declared a conflict with.
/// Submissions are read by their team, the organisers and the challenge's judges; rankings by the organisers until
/// published, then by everyone who knows the event.
/// </summary>
public sealed class HackathonAccess(AgoraDbContext db, EventAccess events)
{
    public sealed record Standing(EventAccess.Standing Event)
    {
        public int EventId => Event.Event.Id;
        public Guid HubId => Event.Event.HubId;
        public string HubSlug => Event.HubSlug;
        public string Title => Event.Event.Title;
        public bool IsAccelerator => Event.Event.Format == EventFormat.Hackaccelerator;
        public Guid? UserId => Event.UserId;
        public bool CanOrganise => Event.CanOrganise;
        public bool CanTakePart => Event.UserId is not null && !Event.Viewer.IsBlocked;
        public string Path => $"/hubs/{HubSlug}/events/{EventId}/hackathon";

        public Result<T> Refuse<T>() => Event.UserId is null || !Event.Knows ? Result<T>.NotFound() : Result<T>.Forbidden();
    }

    /// <summary>A challenge with the person's standing in it.</summary>
    public sealed record ChallengeStanding(Standing Hackathon, HackathonChallenge Challenge, bool IsJudge)
    {
        public bool CanOrganise => Hackathon.CanOrganise;
        public bool Published => Challenge.ResultsPublishedAt is not null;
        public bool SeesRankings => CanOrganise || Published;
        public string Path => $"{Hackathon.Path}/challenges/{Challenge.Id}";
    }

    /// <summary>A team with the person's place in it.</summary>
    public sealed record TeamStanding(ChallengeStanding Challenge, HackathonTeam Team, HackathonTeamMember? Mine, bool IsMentor)
    {
        public Standing Hackathon => Challenge.Hackathon;
        public bool IsMember => Mine?.Status == TeamMemberStatus.Active;
        public bool IsLead => IsMember && Mine!.Role == TeamMemberRole.Lead;
        public bool IsJudge => Challenge.IsJudge && !IsMember;
        public bool CanOrganise => Challenge.CanOrganise;
        /// <summary>The team, the organisers and the challenge's judges read the submission.</summary>
        public bool SeesSubmission => IsMember || CanOrganise || IsJudge || IsMentor;
        /// <summary>Milestones and check-ins of an accelerated team: the team, its mentors and the organisers.</summary>
        public bool WorksInAccelerator => Team.AcceleratedAt is not null && (IsMember || IsMentor || CanOrganise) && !Hackathon.Event.Viewer.IsBlocked;
        public string Path => $"{Hackathon.Path}/teams/{Team.Id}";
    }

    public async Task<Standing?> LoadAsync(string hubSlug, int eventId, CancellationToken ct)
    {
        var ev = await events.LoadAsync(hubSlug, eventId, ct);
        if (ev is null || ev.Event.Format is not (EventFormat.Hackathon or EventFormat.Hackaccelerator)) return null;
        return new Standing(ev);
    }

    public async Task<ChallengeStanding?> ChallengeAsync(string hubSlug, int eventId, int challengeId, CancellationToken ct)
    {
        if (await LoadAsync(hubSlug, eventId, ct) is not { } hackathon) return null;
        var challenge = await db.HackathonChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == challengeId && c.EventId == eventId, ct);
        if (challenge is null) return null;
        var me = hackathon.UserId;
        var judge = me is { } u && !hackathon.Event.Viewer.IsBlocked && await db.HackathonJudges.AnyAsync(j => j.ChallengeId == challengeId && j.UserId == u, ct);
        return new ChallengeStanding(hackathon, challenge, judge);
    }

    public async Task<TeamStanding?> TeamAsync(string hubSlug, int eventId, int teamId, CancellationToken ct)
    {
        if (await LoadAsync(hubSlug, eventId, ct) is not { } hackathon) return null;
        var team = await db.HackathonTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId && t.EventId == eventId, ct);
        if (team is null) return null;
        var challenge = await db.HackathonChallenges.AsNoTracking().SingleAsync(c => c.Id == team.ChallengeId, ct);
        var me = hackathon.UserId;
        var judge = me is { } u && !hackathon.Event.Viewer.IsBlocked && await db.HackathonJudges.AnyAsync(j => j.ChallengeId == challenge.Id && j.UserId == u, ct);
        var mine = me is { } m ? await db.HackathonTeamMembers.AsNoTracking().SingleOrDefaultAsync(x => x.TeamId == teamId && x.UserId == m, ct) : null;
        var mentor = me is { } n && await db.HackathonTeamMentors.AnyAsync(x => x.TeamId == teamId && x.UserId == n, ct);
        return new TeamStanding(new ChallengeStanding(hackathon, challenge, judge), team, mine, mentor);
    }
}
