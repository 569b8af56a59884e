using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>What a standing in a hub may do with its mentoring programme.</summary>
public static class MentoringOperations
{
    /// <summary>Hub managers run the programme: they see every pair, the queue and the mentors' load, pair by hand and end pairs.</summary>
    public static readonly HubOperation RunProgramme = new(nameof(RunProgramme), v => v.IsManager && !v.IsBlocked);

    /// <summary>Members (not blocked) ask for a mentor.</summary>
    public static readonly HubOperation AskForMentor = new(nameof(AskForMentor), v => v.IsMember && !v.IsBlocked);
}

/// <summary>
/// Who may do what with mentoring in one hub and with one pair. A pair is known to its mentor, its mentee and the hub's
/// managers; everyone else gets 404. Session notes and agreed actions are the pair's alone: managers see that a session
/// was held, never its notes. Each side sees its own feedback; managers see the ratings.
/// </summary>
public sealed class MentoringAccess(AgoraDbContext db, Viewers viewers, CurrentUser current)
{
    /// <summary>The person asking in one hub: their standing and whether they hold the Mentor role there (not blocked).</summary>
    public sealed record HubStanding(Guid HubId, string Slug, Viewer Viewer, Guid? UserId, bool IsMentor)
    {
        public bool RunsProgramme => Viewer.May(MentoringOperations.RunProgramme);
        public bool MayAsk => Viewer.May(MentoringOperations.AskForMentor);
    }

    /// <summary>What the person asking is to one pair.</summary>
    public sealed record PairStanding(MentoringPair Pair, HubStanding Hub)
    {
        public bool IsMentor => Pair.MentorId == Hub.UserId;
        public bool IsMentee => Pair.MenteeId == Hub.UserId;
        public bool IsParty => IsMentor || IsMentee;
        public bool IsManager => Hub.RunsProgramme;
        public bool Knows => IsParty || IsManager;
        /// <summary>Notes and agreed actions: the pair's alone.</summary>
        public bool SeesNotes => IsParty;
        /// <summary>Sessions are planned and written up by the pair while it is active.</summary>
        public bool Works => IsParty && Pair.State == PairState.Active;

        public Result<T> Refuse<T>() => Knows ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>The hub and the person's standing in it; null when there is no such hub.</summary>
    public async Task<HubStanding?> HubAsync(string slug, CancellationToken ct)
    {
        if (await db.HubIdAsync(slug, ct) is not { } hubId) return null;
        var viewer = await viewers.ForHubAsync(hubId, ct);
        if (!current.IsAuthenticated) return new HubStanding(hubId, slug, viewer, null, false);
        var roles = await current.RolesInAsync(hubId, ct);
        return new HubStanding(hubId, slug, viewer, current.RequiredId, !viewer.IsBlocked && roles.HasFlag(HubRoles.Mentor));
    }

    /// <summary>The pair of the hub with the person's rights on it; null when there is none or the person may not know it.</summary>
    public async Task<PairStanding?> PairAsync(string slug, int pairId, CancellationToken ct)
    {
        if (await HubAsync(slug, ct) is not { UserId: not null } hub) return null;
        var pair = await db.MentoringPairs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pairId && p.HubId == hub.HubId, ct);
        if (pair is null) return null;
        var standing = new PairStanding(pair, hub);
        return standing.Knows ? standing : null;
    }
}
