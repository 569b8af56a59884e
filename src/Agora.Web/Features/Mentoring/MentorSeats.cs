using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>
/// One capacity for all of a mentor's work in a hub. Other areas (a hackaccelerator giving a team a mentor) take and give
/// back a seat here, and the seat counts as one mentee: a profile's <see cref="MentorProfile.ActiveCount"/> is its active
/// pairs plus these commitments, raised only by the guarded UPDATE of <see cref="MentorMatching"/>, so a pairing and an
/// assignment racing for a mentor's last seat cannot both have it. Every method runs inside the caller's
/// <c>db.InTransactionAsync</c> with the change it belongs to.
/// </summary>
public sealed class MentorSeats(AgoraDbContext db, MentorMatching matching, JobQueue jobs)
{
    /// <summary>
    /// Takes one seat of <paramref name="mentorId"/> in the hub for a commitment outside mentoring pairs; false when the
    /// person has no active profile there, no longer holds the Mentor role, or is full.
    /// </summary>
    public Task<bool> TakeAsync(Guid hubId, Guid mentorId, CancellationToken ct) => matching.TakeSeatAsync(hubId, mentorId, ct);

    /// <summary>Gives the seat of an ended commitment back and pairs the hub's waiting requests at once (this saves).</summary>
    public async Task ReleaseAsync(Guid hubId, Guid mentorId, CancellationToken ct)
    {
        if (await matching.ReleaseSeatAsync(hubId, mentorId, ct) == 0) return;
        var slug = await db.Hubs.Where(h => h.Id == hubId).Select(h => h.Slug).SingleAsync(ct);
        await db.SaveChangesAsync(ct);
        await matching.MatchWaitingAsync(hubId, slug, ct);
    }

    /// <summary>
    /// Gives the seat back where the caller must not save (a hub-rights handler): the waiting requests are paired by
    /// <see cref="MentoringQueueJob"/>, queued with the caller's own changes.
    /// </summary>
    public async Task ReleaseLaterAsync(Guid hubId, Guid mentorId, CancellationToken ct)
    {
        if (await matching.ReleaseSeatAsync(hubId, mentorId, ct) > 0) MentoringQueueJob.Queue(jobs, hubId);
    }
}

/// <summary>
/// Pairs a hub's waiting requests after seats were freed where pairing could not happen at once (a person's rights in the
/// hub ended: those handlers must not save). Queued with the change that freed the seats, so it exists exactly when they
/// were freed, and run at once on that instance. Several instances are safe: a pair exists only after the guarded
/// UPDATEs of <see cref="MentorMatching"/> took a seat and claimed the request.
/// </summary>
public sealed class MentoringQueueJob(AgoraDbContext db, MentorMatching matching) : IJob
{
    public const string Kind = "mentoring.queue";

    /// <summary>Stages a run for the hub (a key of its own each time: the queue's unique (kind, key) never refuses it).</summary>
    public static void Queue(JobQueue jobs, Guid hubId) => jobs.Add(Kind, $"{hubId:N}.{Guid.NewGuid():N}");

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        if (!Guid.TryParseExact(job.Key.Split('.')[0], "N", out var hubId)) return;
        var slug = await db.Hubs.Where(h => h.Id == hubId).Select(h => h.Slug).SingleOrDefaultAsync(ct);
        if (slug is null) return;
        await db.InTransactionAsync(async token =>
        {
            await matching.MatchWaitingAsync(hubId, slug, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }
}
