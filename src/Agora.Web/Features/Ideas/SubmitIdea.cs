using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;

namespace Agora.Web.Features.Ideas;

/// <summary>Submits a complete idea in one step (the API's <c>publish: true</c>): validated as for publication and published at once.</summary>
public sealed class SubmitIdea(
    AgoraDbContext db, CampaignQueries campaigns, CurrentUser current, IdeaContent content, IdeaAccess access, AuditLog audit, Notifications.Notifier notifier, TimeProvider clock, Platform.Security.SubmissionLimits limits)
{
    public async Task<Result<IdeaRef>> SubmitAsync(string hubSlug, string campaignSlug, IdeaInput input, CancellationToken ct)
    {
        var campaign = await campaigns.GetContextAsync(hubSlug, campaignSlug, ct);
        if (campaign is null || !campaign.CanRead) return Result<IdeaRef>.NotFound();
        if (!current.IsAuthenticated || !CampaignRules.CanParticipate(campaign.Policy, campaign.Viewer)
            || !CampaignRules.SubmissionOpen(campaign.Policy, clock.Today()))
            return Result<IdeaRef>.Forbidden();
        var userId = current.RequiredId;
        var now = clock.GetUtcNow();
        var template = new Idea { Language = IdeaLifecycle.DefaultLanguage() };
        await content.ApplyAsync(template, input, campaign, complete: true, ct);
        if (!content.Validator.IsValid) return Result<IdeaRef>.Invalid(content.Validator.Errors);
        var v = content.Validator;
        if (await limits.RefuseAsync<IdeaRef>(Platform.Security.SubmissionKinds.Ideas, db.Ideas.Where(i => i.AuthorId == userId).Select(i => i.CreatedAt), ct) is { } tooMany)
            return tooMany;

        return await db.InTransactionAsync(async () =>
        {
            // Count-then-insert is exact only one at a time (two parallel publications could both see room).
            if (campaign.Policy.IdeasPerPerson is not null) await db.LockCampaignForLimitAsync(campaign.Id, ct);
            var already = await access.CountSubmittedAsync(campaign.Id, userId, ct);
            if (!CampaignRules.CanSubmit(campaign.Policy, campaign.Viewer, clock.Today(), already))
                return (false, Result<IdeaRef>.Conflict("", v.Message("Ideas.LimitReached", campaign.Policy.IdeasPerPerson ?? 0)));
            var idea = Copy(template);
            idea.HubId = campaign.HubId;
            idea.CampaignId = campaign.Id;
            idea.AuthorId = userId;
            idea.State = IdeaState.Draft;
            idea.CreatedAt = idea.UpdatedAt = idea.LastActivityAt = now;
            db.Ideas.Add(idea);
            await db.SaveChangesAsync(ct);
            await IdeaLifecycle.PublishAsync(db, audit, notifier, idea, userId, now, ct);
            return (true, Result<IdeaRef>.Ok(new IdeaRef(idea.Id, campaign.HubSlug, idea.State, idea.Version)));
        }, ct);
    }

    /// <summary>A fresh entity for each attempt of the transaction (a retry starts from a clean tracker).</summary>
    private static Idea Copy(Idea t) => new()
    {
        Language = t.Language, Title = t.Title, Problem = t.Problem, Solution = t.Solution, Benefits = t.Benefits,
        Beneficiaries = t.Beneficiaries, Origin = t.Origin, CareLevel = t.CareLevel, Setting = t.Setting, FocusAreaId = t.FocusAreaId,
        Anonymous = t.Anonymous,
        Tags = t.Tags.Select(x => new IdeaTag { Tag = x.Tag }).ToList(),
        Answers = t.Answers.Select(a => new IdeaAnswer { QuestionId = a.QuestionId, Value = a.Value }).ToList(),
    };
}
