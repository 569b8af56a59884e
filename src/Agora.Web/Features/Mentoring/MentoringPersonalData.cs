using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Mentoring;

/// <summary>
/// What mentoring holds about a person: their mentor profiles, their requests for a mentor, the pairs they were part of
/// (their side only: never the other person's name), the session notes they wrote, the actions they added and the
/// feedback they gave. Erasure ends their open pairs, deletes their requests and profile texts, and drops the notes,
/// actions and feedback text they wrote; the other person's notes, actions and feedback stay as they were.
/// </summary>
public sealed class MentoringPersonalData(AgoraDbContext db, MentorMatching matching, TimeProvider clock) : IPersonalData
{
    public string Section => "mentoring";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // UserId: their profiles (exported; texts blanked, stopped).
        typeof(MentorProfile),
        // MenteeId: their requests (exported; deleted). PreferredMentorId: the mentor they named, an anonymised reference.
        typeof(MentoringRequest),
        // MentorId, MenteeId: their pairs (exported without the other person; ended, kept for the other side).
        // PairedById, EndedById: anonymised references.
        typeof(MentoringPair),
        // NotesById: notes they wrote (exported; blanked). CreatedById: an anonymised reference.
        typeof(MentoringSession),
        // CreatedById: actions they added (exported; deleted).
        typeof(MentoringAction),
        // AuthorId: feedback they gave (exported; text dropped, rating kept for the programme's figures).
        typeof(MentoringFeedback),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var id = userId;
        var profiles = await db.MentorProfiles.AsNoTracking().Where(p => p.UserId == id).OrderBy(p => p.Id)
            .Select(p => new { p.HubId, p.Expertise, p.Languages, p.Capacity, p.Availability, p.Active, p.CreatedAt, p.UpdatedAt }).ToListAsync(ct);
        var requests = await db.MentoringRequests.AsNoTracking().Where(r => r.MenteeId == id).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.HubId, r.Goals, r.FocusArea, r.Language, State = r.State.ToString(), r.CreatedAt, r.ClosedAt }).ToListAsync(ct);
        var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.MentorId == id || p.MenteeId == id).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.HubId, Role = p.MentorId == id ? "mentor" : "mentee", p.Goals, State = p.State.ToString(), p.StartedAt, p.EndedAt,
                EndNote = p.EndedById == id ? p.EndNote : null,
                Sessions = db.MentoringSessions.Where(s => s.PairId == p.Id).OrderBy(s => s.At)
                    .Select(s => new
                    {
                        s.At, s.Place, MyNotes = s.NotesById == id ? s.Notes : null,
                        MyActions = db.MentoringActions.Where(a => a.SessionId == s.Id && a.CreatedById == id).OrderBy(a => a.Id).Select(a => new { a.Text, a.Done }).ToList(),
                    }).ToList(),
                MyFeedback = db.MentoringFeedback.Where(f => f.PairId == p.Id && f.AuthorId == id).Select(f => new { f.Rating, f.Text, f.At }).FirstOrDefault(),
            }).ToListAsync(ct);
        return new { profiles, requests, pairs };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        var now = clock.GetUtcNow();
        // Their open pairs end, on either side (the mentor's seat given back).
        var open = await db.MentoringPairs.Where(p => (p.MentorId == person || p.MenteeId == person) && p.State == PairState.Active)
            .Select(p => new { p.Id, Mentor = p.MentorId == person }).ToListAsync(ct);
        foreach (var p in open)
            await EndPair.EndOneAsync(db, matching, p.Id, null, p.Mentor ? PairEndReason.MentorLeft : PairEndReason.MenteeLeft, null, now, ct);
        await db.MentorProfiles.Where(p => p.UserId == person)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false).SetProperty(p => p.Availability, "").SetProperty(p => p.UpdatedAt, now), ct);
        // Their requests go; the pairs made from them keep the pair's own goals unless the person wrote them as mentee.
        await db.MentoringPairs.Where(p => p.RequestId != null && db.MentoringRequests.Any(r => r.Id == p.RequestId && r.MenteeId == person))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RequestId, (int?)null), ct);
        await db.MentoringRequests.Where(r => r.MenteeId == person).ExecuteDeleteAsync(ct);
        await db.MentoringPairs.Where(p => p.MenteeId == person && p.PairedById == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.Goals, ""), ct);
        await db.MentoringPairs.Where(p => p.EndedById == person).ExecuteUpdateAsync(s => s.SetProperty(p => p.EndNote, (string?)null), ct);
        // What they wrote in the pair's sessions and feedback; the other person's words stay.
        await db.MentoringSessions.Where(s => s.NotesById == person)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, "").SetProperty(x => x.NotesById, (Guid?)null), ct);
        await db.MentoringActions.Where(a => a.CreatedById == person).ExecuteDeleteAsync(ct);
        await db.MentoringFeedback.Where(f => f.AuthorId == person).ExecuteUpdateAsync(s => s.SetProperty(f => f.Text, ""), ct);
    }
}
