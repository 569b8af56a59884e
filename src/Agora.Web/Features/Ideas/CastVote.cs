using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>The person's support for an idea after a vote or its withdrawal; counts are null when the campaign hides them.</summary>
public sealed record VoteState(bool Voted, int? VoteCount, int? VotesLeft);

/// <summary>
/// One vote per person per idea while voting runs, within the campaign's per-person budget. Each rule holds
/// under concurrency by the database itself: the vote's primary key (insert, a duplicate means "already voted"),
/// a conditional UPDATE of the budget (Used &lt; limit), and atomic counter updates in the same transaction.
/// </summary>
public sealed class CastVote(AgoraDbContext db, IdeaAccess access, CurrentUser current, Validator v, TimeProvider clock)
{
    private enum Outcome { Voted, AlreadyVoted, NoVotesLeft }

    public async Task<Result<VoteState>> CastAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<VoteState>.NotFound();
        if (!current.IsAuthenticated || !IdeaRules.CanVote(scope.Idea, scope.Campaign, clock.Today())) return Result<VoteState>.Forbidden();
        var userId = current.RequiredId;
        var campaignId = scope.Campaign.Id;
        var limit = scope.Campaign.Policy.VotesPerPerson;
        var now = clock.GetUtcNow();
        // The budget row exists before the transaction; inserting it twice at once is harmless (one wins).
        if (limit is not null && !await db.CampaignVoteBudgets.AnyAsync(b => b.CampaignId == campaignId && b.UserId == userId, ct))
            await db.TryInsertAsync(new CampaignVoteBudget { CampaignId = campaignId, UserId = userId }, ct);

        var outcome = await db.InTransactionAsync(async () =>
        {
            if (!await db.TryInsertAsync(new Vote { IdeaId = id, UserId = userId, CampaignId = campaignId, CastAt = now }, ct))
                return (false, Outcome.AlreadyVoted);
            if (limit is { } max)
            {
                var spent = await db.CampaignVoteBudgets.Where(b => b.CampaignId == campaignId && b.UserId == userId && b.Used < max)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Used, b => b.Used + 1), ct);
                if (spent == 0) return (false, Outcome.NoVotesLeft);
            }
            await db.Ideas.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.VoteCount, i => i.VoteCount + 1).SetProperty(i => i.LastActivityAt, now), ct);
            await IdeaLifecycle.FollowAsync(db, id, userId, now, ct);
            return (true, Outcome.Voted);
        }, ct);
        if (outcome == Outcome.NoVotesLeft) return Result<VoteState>.Conflict("", v.Message("Ideas.NoVotesLeft", limit ?? 0));
        return Result<VoteState>.Ok(await VoteQueries.StateAsync(db, scope, userId, ct));
    }
}

/// <summary>Takes a vote back while voting runs; the budget and the idea's count move with it.</summary>
public sealed class WithdrawVote(AgoraDbContext db, IdeaAccess access, CurrentUser current, TimeProvider clock)
{
    public async Task<Result<VoteState>> WithdrawAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<VoteState>.NotFound();
        // Any idea, also a withdrawn one, so people can take their budget back.
        if (!current.IsAuthenticated || !CampaignRules.CanVote(scope.Campaign.Policy, scope.Viewer, clock.Today())) return Result<VoteState>.Forbidden();
        var userId = current.RequiredId;
        var campaignId = scope.Campaign.Id;
        await db.InTransactionAsync(async () =>
        {
            var removed = await db.Votes.Where(x => x.IdeaId == id && x.UserId == userId).ExecuteDeleteAsync(ct);
            if (removed == 0) return (false, false);
            await db.CampaignVoteBudgets.Where(b => b.CampaignId == campaignId && b.UserId == userId && b.Used > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Used, b => b.Used - 1), ct);
            await db.Ideas.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.VoteCount, i => i.VoteCount - 1), ct);
            return (true, true);
        }, ct);
        return Result<VoteState>.Ok(await VoteQueries.StateAsync(db, scope, userId, ct));
    }
}

internal static class VoteQueries
{
    public static async Task<VoteState> StateAsync(AgoraDbContext db, IdeaScope scope, Guid userId, CancellationToken ct)
    {
        var id = scope.Idea.Id;
        var campaignId = scope.Campaign.Id;
        var row = await db.Ideas.Where(i => i.Id == id).Select(i => new
        {
            i.VoteCount,
            Voted = db.Votes.Any(x => x.IdeaId == i.Id && x.UserId == userId),
            Used = db.CampaignVoteBudgets.Where(b => b.CampaignId == campaignId && b.UserId == userId).Select(b => (int?)b.Used).FirstOrDefault(),
        }).SingleAsync(ct);
        var show = CampaignRules.ShowVoteCounts(scope.Campaign.Policy, scope.Viewer);
        int? left = scope.Campaign.Policy.VotesPerPerson is { } max ? Math.Max(0, max - (row.Used ?? 0)) : null;
        return new VoteState(row.Voted, show ? row.VoteCount : null, left);
    }
}
