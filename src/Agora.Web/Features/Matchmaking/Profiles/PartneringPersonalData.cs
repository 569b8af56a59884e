using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Profiles;

/// <summary>
/// What partnering holds about a person: the profiles they wrote, the review notes they wrote, the expressions of
/// interest they sent and those they answered. A profile belongs to its organisation, so erasure keeps it and removes
/// the person from it; the messages of their expressions of interest are their own words and go.
/// </summary>
public sealed class PartneringPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "partnering";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        // AuthorId, ReviewedById: exported; references cleared.
        typeof(PartneringProfile),
        // AuthorId: the notes they wrote (exported; the author cleared, the text kept for the profile's history).
        typeof(ProfileReviewNote),
        // SenderId, AnsweredById: exported; the sender's message erased with them.
        typeof(ExpressionOfInterest),
    ];

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var profiles = await db.PartneringProfiles.AsNoTracking()
            .Where(p => p.AuthorId == userId || p.ReviewedById == userId)
            .OrderBy(p => p.CreatedAt)
            .Select(p => new
            {
                p.Id, p.OrganisationId, p.HubId, Kind = p.Kind.ToString(), Status = p.Status.ToString(), p.Title, p.Summary,
                Wrote = p.AuthorId == userId, Reviewed = p.ReviewedById == userId, p.CreatedAt, p.PublishedAt,
            })
            .ToListAsync(ct);
        var reviewNotes = await db.ProfileReviewNotes.AsNoTracking().Where(n => n.AuthorId == userId).OrderBy(n => n.At)
            .Select(n => new { n.ProfileId, Kind = n.Kind.ToString(), n.Text, n.At })
            .ToListAsync(ct);
        var interests = await db.ExpressionsOfInterest.AsNoTracking()
            .Where(e => e.SenderId == userId || e.AnsweredById == userId)
            .OrderBy(e => e.SentAt)
            .Select(e => new
            {
                e.ProfileId, Sent = e.SenderId == userId, Answered = e.AnsweredById == userId,
                Message = e.SenderId == userId ? e.Message : null, State = e.State.ToString(), e.SentAt, e.AnsweredAt,
            })
            .ToListAsync(ct);
        return new { profiles, reviewNotes, interests };
    }

    public async Task EraseAsync(Erasure e, CancellationToken ct)
    {
        var person = e.UserId;
        await db.PartneringProfiles.Where(p => p.AuthorId == person).ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorId, (Guid?)null), ct);
        await db.PartneringProfiles.Where(p => p.ReviewedById == person).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewedById, (Guid?)null), ct);
        await db.ProfileReviewNotes.Where(n => n.AuthorId == person).ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorId, (Guid?)null), ct);
        await db.ExpressionsOfInterest.Where(i => i.SenderId == person)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.SenderId, (Guid?)null).SetProperty(i => i.Message, ""), ct);
        await db.ExpressionsOfInterest.Where(i => i.AnsweredById == person).ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredById, (Guid?)null), ct);
    }
}
