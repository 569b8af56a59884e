using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;

namespace Agora.Web.Features.Ideas;

/// <summary>Following an idea (to hear what happens to it) and stopping; the follower count moves with the row.</summary>
public sealed class FollowIdea(AgoraDbContext db, IdeaAccess access, CurrentUser current, TimeProvider clock)
{
    public async Task<Result<bool>> FollowAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<bool>.NotFound();
        if (!current.IsAuthenticated || !IdeaRules.CanFollow(scope.Idea, scope.Campaign)) return Result<bool>.Forbidden();
        var userId = current.RequiredId;
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(async () => (true, await IdeaLifecycle.FollowAsync(db, id, userId, now, ct)), ct);
        return Result<bool>.Ok(true);
    }

    public async Task<Result<bool>> UnfollowAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<bool>.NotFound();
        if (!current.IsAuthenticated) return Result<bool>.Forbidden();
        var userId = current.RequiredId;
        await db.InTransactionAsync(async () => (true, await IdeaLifecycle.UnfollowAsync(db, id, userId, ct)), ct);
        return Result<bool>.Ok(false);
    }
}
