using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>
/// Makes pairs without ever giving a mentor more active mentees than their capacity (pairs and other commitments such as a
/// hackaccelerator team, <see cref="MentorSeats"/>, count alike): a pair exists only after a guarded
/// UPDATE raised the profile's active count (<c>ActiveCount &lt; Capacity</c> in its WHERE, a check constraint behind it),
/// so concurrent pairings on one mentor (two instances, two managers, a request and a freed seat) cannot overshoot, on
/// SQLite (one writer at a time) and PostgreSQL (the row lock makes the second UPDATE re-read the count) alike.
/// Every method runs inside the caller's <c>db.InTransactionAsync</c>, with the change that freed or asked for capacity.
/// </summary>
public sealed class MentorMatching(AgoraDbContext db, AuditLog audit, MentoringNotices notices, TimeProvider clock)
{
    /// <summary>How many waiting requests one run looks at (the queue of one hub is short; this bounds a pathological one).</summary>
    private const int MaxLook = 500;

    /// <summary>What a new pair starts from.</summary>
    public sealed record PairStart(Guid HubId, string HubSlug, Guid MenteeId, string Goals, int? RequestId, Guid? PairedById);

    /// <summary>
    /// Takes a seat of <paramref name="profileId"/> and makes the pair; null when the mentor is full or inactive, or when
    /// the request was paired or withdrawn meanwhile (the seat is then given back in the same transaction).
    /// </summary>
    public async Task<MentoringPair?> TryPairAsync(int profileId, PairStart start, CancellationToken ct)
    {
        if (await TakeAsync(db.MentorProfiles.Where(p => p.Id == profileId), ct) == 0) return null;
        var now = clock.GetUtcNow();
        if (start.RequestId is { } requestId)
        {
            var claimed = await db.MentoringRequests.Where(r => r.Id == requestId && r.State == MentoringRequestState.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, MentoringRequestState.Paired).SetProperty(r => r.ClosedAt, now), ct);
            if (claimed == 0)
            {
                await ReleaseAsync(profileId, 1, ct);
                return null;
            }
        }
        var mentor = await db.MentorProfiles.Where(p => p.Id == profileId).Select(p => p.UserId).SingleAsync(ct);
        var pair = new MentoringPair
        {
            HubId = start.HubId, ProfileId = profileId, MentorId = mentor, MenteeId = start.MenteeId, RequestId = start.RequestId,
            Goals = start.Goals, State = PairState.Active, PairedById = start.PairedById, StartedAt = now,
        };
        db.MentoringPairs.Add(pair);
        await db.SaveChangesAsync(ct);
        if (start.RequestId is { } id)
            await db.MentoringRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PairId, pair.Id), ct);
        audit.Add(AuditActions.MentoringPaired, start.HubId, Subject(pair), start.PairedById is null ? "queue" : "by hand");
        await notices.PairedAsync(start.HubSlug, pair, start.PairedById, ct);
        return pair;
    }

    /// <summary>
    /// The one capacity rule: takes a seat of the profile(s) <paramref name="profiles"/> selects when it is active and has
    /// room, in one guarded UPDATE (1 when taken, 0 when full or paused).
    /// </summary>
    private static Task<int> TakeAsync(IQueryable<MentorProfile> profiles, CancellationToken ct) =>
        profiles.Where(p => p.Active && p.ActiveCount < p.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveCount, p => p.ActiveCount + 1), ct);

    /// <summary>
    /// Takes a seat of the hub's mentor <paramref name="mentorId"/> for a commitment outside pairs (see <see cref="MentorSeats"/>):
    /// false without an active profile there, without the Mentor role, or when full.
    /// </summary>
    public async Task<bool> TakeSeatAsync(Guid hubId, Guid mentorId, CancellationToken ct) =>
        await TakeAsync(db.MentorProfiles.Where(p => p.HubId == hubId && p.UserId == mentorId
            && db.HubMemberships.Any(m => m.HubId == hubId && m.UserId == mentorId && (m.Roles & HubRoles.Mentor) == HubRoles.Mentor)), ct) == 1;

    /// <summary>Gives one seat of a commitment outside pairs back (the number of profiles changed: 0 or 1).</summary>
    public Task<int> ReleaseSeatAsync(Guid hubId, Guid mentorId, CancellationToken ct) =>
        db.MentorProfiles.Where(p => p.HubId == hubId && p.UserId == mentorId && p.ActiveCount >= 1)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveCount, p => p.ActiveCount - 1), ct);

    /// <summary>Gives <paramref name="seats"/> back to a mentor (a pair ended).</summary>
    public Task<int> ReleaseAsync(int profileId, int seats, CancellationToken ct) =>
        db.MentorProfiles.Where(p => p.Id == profileId && p.ActiveCount >= seats)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveCount, p => p.ActiveCount - seats), ct);

    /// <summary>
    /// Pairs the hub's waiting requests, oldest first, while suitable mentors have room: a request naming a mentor waits
    /// for that mentor; otherwise the mentor who matches its focus area, then its language, then carries the lightest
    /// load. A request no free mentor suits keeps its place and later ones may still be paired. Returns the pairs made.
    /// </summary>
    public async Task<IReadOnlyList<MentoringPair>> MatchWaitingAsync(Guid hubId, string hubSlug, CancellationToken ct)
    {
        var made = new List<MentoringPair>();
        var waiting = await db.MentoringRequests.AsNoTracking()
            .Where(r => r.HubId == hubId && r.State == MentoringRequestState.Waiting)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(MaxLook).ToListAsync(ct);
        foreach (var request in waiting)
        {
            var free = await FreeMentorsAsync(hubId, ct);
            if (free.Count == 0) break;
            var busyWith = (await db.MentoringPairs.AsNoTracking()
                .Where(p => p.MenteeId == request.MenteeId && p.HubId == hubId && p.State == PairState.Active).Select(p => p.MentorId).ToListAsync(ct)).ToHashSet();
            foreach (var candidate in Rank(request, free, busyWith))
            {
                if (await TryPairAsync(candidate.Id, new PairStart(hubId, hubSlug, request.MenteeId, request.Goals, request.Id, null), ct) is { } pair)
                {
                    made.Add(pair);
                    break;
                }
            }
        }
        return made;
    }

    /// <summary>Active profiles with room whose person still holds the Mentor role in the hub.</summary>
    private async Task<List<MentorProfile>> FreeMentorsAsync(Guid hubId, CancellationToken ct) =>
        await db.MentorProfiles.AsNoTracking()
            .Where(p => p.HubId == hubId && p.Active && p.ActiveCount < p.Capacity
                && db.HubMemberships.Any(m => m.HubId == hubId && m.UserId == p.UserId && (m.Roles & HubRoles.Mentor) == HubRoles.Mentor))
            .OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The free mentors who suit a request, best first.</summary>
    private static List<MentorProfile> Rank(MentoringRequest request, List<MentorProfile> free, HashSet<Guid> busyWith) =>
        free
            .Where(p => p.UserId != request.MenteeId && !busyWith.Contains(p.UserId))
            .Where(p => request.PreferredMentorId is null || p.UserId == request.PreferredMentorId)
            .OrderByDescending(p => request.FocusArea is not null && p.ExpertiseList.Contains(request.FocusArea))
            .ThenByDescending(p => request.Language is not null && p.LanguageList.Contains(request.Language))
            .ThenBy(p => (double)p.ActiveCount / p.Capacity)
            .ThenBy(p => p.Id)
            .ToList();

    public static string Subject(MentoringPair p) => $"pair #{p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
