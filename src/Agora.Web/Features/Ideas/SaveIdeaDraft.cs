using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;

namespace Agora.Web.Features.Ideas;

/// <summary>Starts an idea as a draft: only a title is needed; only its authors see it until it is published.</summary>
public sealed class SaveIdeaDraft(AgoraDbContext db, CampaignQueries campaigns, CurrentUser current, IdeaContent content, TimeProvider clock, Platform.Security.SubmissionLimits limits)
{
    public async Task<Result<IdeaRef>> CreateAsync(string hubSlug, string campaignSlug, IdeaInput input, CancellationToken ct)
    {
        var campaign = await campaigns.GetContextAsync(hubSlug, campaignSlug, ct);
        if (campaign is null || !campaign.CanRead) return Result<IdeaRef>.NotFound();
        if (!current.IsAuthenticated || !CampaignRules.CanParticipate(campaign.Policy, campaign.Viewer)
            || !CampaignRules.SubmissionOpen(campaign.Policy, clock.Today()))
            return Result<IdeaRef>.Forbidden();
        var now = clock.GetUtcNow();
        var idea = new Idea
        {
            HubId = campaign.HubId, CampaignId = campaign.Id, AuthorId = current.RequiredId, Language = IdeaLifecycle.DefaultLanguage(),
            State = IdeaState.Draft, CreatedAt = now, UpdatedAt = now, LastActivityAt = now,
        };
        await content.ApplyAsync(idea, input, campaign, complete: false, ct);
        if (!content.Validator.IsValid) return Result<IdeaRef>.Invalid(content.Validator.Errors);
        var me = idea.AuthorId;
        if (await limits.RefuseAsync<IdeaRef>(Platform.Security.SubmissionKinds.Ideas, db.Ideas.Where(i => i.AuthorId == me).Select(i => i.CreatedAt), ct) is { } tooMany)
            return tooMany;
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        return Result<IdeaRef>.Ok(new IdeaRef(idea.Id, campaign.HubSlug, idea.State, idea.Version));
    }
}
