using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>The author withdraws a published idea before review starts; the campaign's idea count goes down with it.</summary>
public sealed class WithdrawIdea(AgoraDbContext db, IdeaAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<IdeaRef>> WithdrawAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<IdeaRef>.NotFound();
        if (!scope.IsAuthor) return Result<IdeaRef>.Forbidden();
        if (!IdeaRules.CanWithdraw(scope.Idea, scope.IsAuthor)) return Result<IdeaRef>.Conflict("", v.Message("Ideas.CannotWithdraw"));
        var idea = scope.Idea;
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            var changed = await db.Ideas.Where(i => i.Id == id && i.State == IdeaState.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IdeaState.Withdrawn).SetProperty(i => i.UpdatedAt, now), ct);
            if (changed == 0) return (false, Result<IdeaRef>.Conflict("", v.Message("Ideas.CannotWithdraw")));
            await db.Campaigns.Where(c => c.Id == idea.CampaignId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount - 1), ct);
            db.IdeaEvents.Add(new IdeaEvent { IdeaId = id, FromState = IdeaState.Published, ToState = IdeaState.Withdrawn, ActorId = scope.UserId, OccurredAt = now });
            audit.Add(AuditActions.IdeaWithdrawn, idea.HubId, IdeaLifecycle.Subject(idea));
            await db.SaveChangesAsync(ct);
            return (true, Result<IdeaRef>.Ok(new IdeaRef(id, scope.Campaign.HubSlug, IdeaState.Withdrawn, idea.Version)));
        }, ct);
    }
}
