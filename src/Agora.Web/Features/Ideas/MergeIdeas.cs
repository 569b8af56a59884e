using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>
/// A hub manager merges a duplicate into the idea that is kept. Votes move without double counting (a person
/// who supported both keeps one vote, and gets the other back in their budget), followers and comments move,
/// the duplicate's authors become co-authors of the kept idea, the duplicate redirects to it, and both authors
/// and the followers are told. One transaction; counters are recounted from the rows.
/// </summary>
public sealed class MergeIdeas(AgoraDbContext db, IdeaAccess access, Validator v, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<int>> MergeAsync(int duplicateId, int keptId, CancellationToken ct)
    {
        var dup = await access.LoadAsync(duplicateId, track: false, ct);
        if (dup is null || !dup.CanSee) return Result<int>.NotFound();
        if (!dup.Viewer.CanManage) return Result<int>.Forbidden();
        var kept = await access.LoadAsync(keptId, track: false, ct);
        if (kept is null || !kept.CanSee || kept.Idea.HubId != dup.Idea.HubId) v.Add("into", "Ideas.MergeTargetInvalid");
        else if (duplicateId == keptId || dup.Idea.MergedIntoId is not null || kept.Idea.MergedIntoId is not null
                 || dup.Idea.State is IdeaState.Draft or IdeaState.Withdrawn || kept.Idea.State is IdeaState.Draft or IdeaState.Withdrawn)
            v.Add("into", "Ideas.MergeNotAllowed");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);

        var d = dup.Idea;
        var k = kept!.Idea;
        var actor = dup.UserId!.Value;
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(async () =>
        {
            // Votes: the duplicate's supporters who had not supported the kept idea move over; the others are refunded.
            var doubles = db.Votes.Where(x => x.IdeaId == d.Id && db.Votes.Any(y => y.IdeaId == k.Id && y.UserId == x.UserId));
            var refunded = await doubles.Select(x => x.UserId).ToListAsync(ct);
            await db.CampaignVoteBudgets.Where(b => b.CampaignId == d.CampaignId && refunded.Contains(b.UserId) && b.Used > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Used, b => b.Used - 1), ct);
            await doubles.ExecuteDeleteAsync(ct);
            await db.Votes.Where(x => x.IdeaId == d.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IdeaId, k.Id).SetProperty(x => x.CampaignId, k.CampaignId), ct);

            // Followers: everyone who followed either follows the kept idea.
            var followers = await db.IdeaFollowers.Where(f => f.IdeaId == d.Id).Select(f => f.UserId).ToListAsync(ct);
            var already = await db.IdeaFollowers.Where(f => f.IdeaId == k.Id).Select(f => f.UserId).ToListAsync(ct);
            foreach (var f in followers.Except(already)) db.IdeaFollowers.Add(new IdeaFollower { IdeaId = k.Id, UserId = f, FollowedAt = now });
            await db.IdeaFollowers.Where(f => f.IdeaId == d.Id).ExecuteDeleteAsync(ct);

            // Comments and their search documents move with the discussion.
            await db.Comments.Where(c => c.IdeaId == d.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaId, k.Id), ct);
            await db.SearchDocuments.Where(s => s.Kind == SearchKinds.Comment && s.IdeaId == d.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IdeaId, k.Id), ct);

            // Credit: the duplicate's author and co-authors become co-authors of the kept idea.
            var credited = await db.IdeaCoAuthors.Where(c => c.IdeaId == d.Id && c.Status == CoAuthorStatus.Accepted).Select(c => c.UserId).ToListAsync(ct);
            credited.Add(d.AuthorId);
            var existing = await db.IdeaCoAuthors.Where(c => c.IdeaId == k.Id).ToListAsync(ct);
            foreach (var person in credited.Distinct().Where(p => p != k.AuthorId))
            {
                var row = existing.FirstOrDefault(c => c.UserId == person);
                if (row is null)
                    db.IdeaCoAuthors.Add(new IdeaCoAuthor { Id = Guid.NewGuid(), IdeaId = k.Id, UserId = person, Status = CoAuthorStatus.Accepted, InvitedById = actor, InvitedAt = now, AnsweredAt = now });
                else if (row.Status != CoAuthorStatus.Accepted)
                {
                    row.Status = CoAuthorStatus.Accepted;
                    row.AnsweredAt = now;
                }
            }

            await db.Ideas.Where(i => i.Id == d.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.MergedIntoId, k.Id).SetProperty(i => i.VoteCount, 0).SetProperty(i => i.CommentCount, 0)
                .SetProperty(i => i.FollowerCount, 0).SetProperty(i => i.UpdatedAt, now), ct);
            if (d.HiddenAt is null && IdeaRules.CountsAgainstLimit(d.State))
                await db.Campaigns.Where(c => c.Id == d.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount - 1), ct);
            db.IdeaEvents.Add(new IdeaEvent { IdeaId = d.Id, FromState = d.State, ToState = d.State, RelatedIdeaId = k.Id, ActorId = actor, OccurredAt = now });
            db.IdeaEvents.Add(new IdeaEvent { IdeaId = k.Id, FromState = k.State, ToState = k.State, RelatedIdeaId = d.Id, ActorId = actor, OccurredAt = now });
            audit.Add(AuditActions.IdeaMerged, k.HubId, IdeaLifecycle.Subject(d), IdeaLifecycle.Subject(k));
            await db.SaveChangesAsync(ct);

            // Counters from the rows, now that everything has moved.
            await db.Ideas.Where(i => i.Id == k.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.VoteCount, i => db.Votes.Count(x => x.IdeaId == i.Id))
                .SetProperty(i => i.FollowerCount, i => db.IdeaFollowers.Count(f => f.IdeaId == i.Id))
                .SetProperty(i => i.CommentCount, i => db.Comments.Count(c => c.IdeaId == i.Id && c.DeletedAt == null && c.HiddenAt == null))
                .SetProperty(i => i.LastActivityAt, now), ct);

            var told = followers.Union(already).Append(d.AuthorId).Append(k.AuthorId);
            await notifier.AddAsync(new NotificationEvent(NotificationKind.IdeaMerged, d.HubId, k.Id, ActorId: actor, Detail: d.Title), told, ct);
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        return Result<int>.Ok(k.Id);
    }
}
