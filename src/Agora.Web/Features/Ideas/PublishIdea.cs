using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>The author publishes a draft while the campaign takes submissions and within its per-person limit.</summary>
public sealed class PublishIdea(AgoraDbContext db, IdeaAccess access, IdeaContent content, AuditLog audit, Notifications.Notifier notifier, TimeProvider clock)
{
    public async Task<Result<IdeaRef>> PublishAsync(int id, CancellationToken ct)
    {
        var scope = await access.LoadAsync(id, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<IdeaRef>.NotFound();
        var v = content.Validator;
        if (!scope.IsAuthor) return Result<IdeaRef>.Forbidden();
        if (scope.Idea.State != IdeaState.Draft) return Result<IdeaRef>.Conflict("", v.Message("Ideas.NotDraft"));
        var campaign = scope.Campaign;
        if (!CampaignRules.CanParticipate(campaign.Policy, campaign.Viewer) || !CampaignRules.SubmissionOpen(campaign.Policy, clock.Today()))
            return Result<IdeaRef>.Forbidden();
        content.CheckComplete(scope.Idea, campaign.Questions);
        if (!v.IsValid) return Result<IdeaRef>.Invalid(v.Errors);
        var userId = scope.UserId!.Value;
        var now = clock.GetUtcNow();

        return await db.InTransactionAsync(async () =>
        {
            // Count-then-insert is exact only one at a time (two parallel publications could both see room).
            if (campaign.Policy.IdeasPerPerson is not null) await db.LockCampaignForLimitAsync(campaign.Id, ct);
            var already = await access.CountSubmittedAsync(campaign.Id, userId, ct);
            if (!IdeaRules.CanPublish(scope.Idea, campaign, true, clock.Today(), already))
                return (false, Result<IdeaRef>.Conflict("", v.Message("Ideas.LimitReached", campaign.Policy.IdeasPerPerson ?? 0)));
            var idea = await db.Ideas.SingleAsync(i => i.Id == id, ct);
            if (idea.State != IdeaState.Draft) return (false, Result<IdeaRef>.Conflict("", v.Message("Ideas.NotDraft")));
            try
            {
                await IdeaLifecycle.PublishAsync(db, audit, notifier, idea, userId, now, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (false, Result<IdeaRef>.Conflict("", v.Message("Ideas.StaleVersion")));
            }
            return (true, Result<IdeaRef>.Ok(new IdeaRef(idea.Id, campaign.HubSlug, idea.State, idea.Version)));
        }, ct);
    }
}
