using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>An idea with its campaign and how the person asking relates to it; what the rules look at.</summary>
public sealed record IdeaScope(Idea Idea, CampaignContext Campaign, Guid? UserId, CoAuthorStatus? CoAuthor)
{
    public Viewer Viewer => Campaign.Viewer;
    public bool IsAuthor => UserId is { } u && Idea.AuthorId == u;
    /// <summary>An accepted co-author: appears as author and may edit.</summary>
    public bool IsCoAuthor => CoAuthor == CoAuthorStatus.Accepted;
    public bool IsInvited => CoAuthor == CoAuthorStatus.Invited;
    public bool IsAuthorOrCoAuthor => IsAuthor || IsCoAuthor;

    public bool CanSee => IdeaRules.CanSee(Idea, Campaign, IsAuthorOrCoAuthor || IsInvited);
    public bool CanEdit => IdeaRules.CanEdit(Idea, Campaign, IsAuthorOrCoAuthor);
    public bool ShowAuthors => IdeaRules.ShowAuthors(Idea.Anonymous, IsAuthorOrCoAuthor, Viewer);
}

/// <summary>
/// Who may see and do what with an idea. One place for the rules, so pages, API and handlers agree;
/// the campaign's own rules (audience, phases) come from <see cref="CampaignRules"/>.
/// </summary>
public static class IdeaRules
{
    public static bool IsEditableState(IdeaState s) => s is IdeaState.Draft or IdeaState.Published;

    /// <summary>
    /// Authors (and invited co-authors) always see their idea; others need to read the campaign. Drafts are
    /// their authors' alone; hidden ideas are shown to moderators only.
    /// </summary>
    public static bool CanSee(Idea idea, CampaignContext campaign, bool isAuthorOrCoAuthor)
    {
        if (isAuthorOrCoAuthor) return true;
        if (!campaign.CanRead || idea.State == IdeaState.Draft) return false;
        return idea.HiddenAt is null || campaign.Viewer.CanModerate;
    }

    /// <summary>Authors and accepted co-authors edit until review starts, while they may take part in the campaign.</summary>
    public static bool CanEdit(Idea idea, CampaignContext campaign, bool isAuthorOrCoAuthor) =>
        isAuthorOrCoAuthor && IsEditableState(idea.State) && idea.HiddenAt is null && idea.MergedIntoId is null
        && CampaignRules.CanParticipate(campaign.Policy, campaign.Viewer);

    public static bool CanPublish(Idea idea, CampaignContext campaign, bool isAuthor, DateOnly today, int ideasAlready) =>
        isAuthor && idea.State == IdeaState.Draft && CampaignRules.CanSubmit(campaign.Policy, campaign.Viewer, today, ideasAlready);

    /// <summary>Only the author withdraws, and only before review starts.</summary>
    public static bool CanWithdraw(Idea idea, bool isAuthor) => isAuthor && idea.State == IdeaState.Published;

    public static bool IsVotable(Idea idea) =>
        idea.State is IdeaState.Published or IdeaState.UnderReview && idea.HiddenAt is null && idea.MergedIntoId is null;

    public static bool CanVote(Idea idea, CampaignContext campaign, DateOnly today) =>
        IsVotable(idea) && CampaignRules.CanVote(campaign.Policy, campaign.Viewer, today);

    public static bool CanFollow(Idea idea, CampaignContext campaign) =>
        idea.State != IdeaState.Draft && idea.HiddenAt is null && CampaignRules.CanParticipate(campaign.Policy, campaign.Viewer);

    /// <summary>The public sees "Anonymous"; the authors themselves and hub moderators see the names.</summary>
    public static bool ShowAuthors(bool anonymous, bool isAuthorOrCoAuthor, Viewer viewer) =>
        !anonymous || isAuthorOrCoAuthor || viewer.CanModerate;

    /// <summary>The triage path: Published → UnderReview → Accepted or Declined; Accepted → Implemented.</summary>
    public static IReadOnlyList<IdeaState> NextStates(IdeaState s) => s switch
    {
        IdeaState.Published => [IdeaState.UnderReview],
        IdeaState.UnderReview => [IdeaState.Accepted, IdeaState.Declined],
        IdeaState.Accepted => [IdeaState.Implemented],
        _ => [],
    };

    public static bool CanTriage(Idea idea, Viewer viewer) =>
        viewer.CanModerate && idea.MergedIntoId is null && NextStates(idea.State).Count > 0;

    /// <summary>Ideas that count against a campaign's per-person limit: submitted and not withdrawn.</summary>
    public static bool CountsAgainstLimit(IdeaState s) => s is not (IdeaState.Draft or IdeaState.Withdrawn);
}

/// <summary>Loads an idea with its campaign context and the person's relation to it.</summary>
public sealed class IdeaAccess(AgoraDbContext db, CampaignQueries campaigns, CurrentUser current)
{
    /// <summary>Untracked scopes already loaded in this request: the idea page and its discussion ask for the same idea.</summary>
    private readonly Dictionary<int, IdeaScope?> _loaded = [];

    /// <summary>
    /// The idea (tracked when <paramref name="track"/>, with tags and answers), or null when it does not exist. An untracked
    /// load is remembered for the rest of the request (scoped service); callers must not change an untracked idea.
    /// </summary>
    public async Task<IdeaScope?> LoadAsync(int id, bool track, CancellationToken ct)
    {
        if (!track && _loaded.TryGetValue(id, out var known)) return known;
        var query = db.Ideas.Include(i => i.Tags).Include(i => i.Answers).AsSplitQuery();
        var idea = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id, ct);
        var scope = idea is null ? null : await ScopeAsync(idea, ct);
        if (!track) _loaded[id] = scope;
        return scope;
    }

    private async Task<IdeaScope?> ScopeAsync(Idea idea, CancellationToken ct)
    {
        var campaign = await campaigns.GetContextAsync(idea.CampaignId, ct);
        if (campaign is null) return null;
        var userId = current.IsAuthenticated ? current.Id : null;
        CoAuthorStatus? co = userId is { } u
            ? await db.IdeaCoAuthors.Where(c => c.IdeaId == idea.Id && c.UserId == u).Select(c => (CoAuthorStatus?)c.Status).SingleOrDefaultAsync(ct)
            : null;
        // An open invitation to the person's confirmed address lets them see the idea they are asked to co-author.
        if (co is null or CoAuthorStatus.Declined && userId is { } invitee)
        {
            var now = DateTimeOffset.UtcNow;
            if (await db.IdeaCoAuthorInvitations.AnyAsync(i => i.IdeaId == idea.Id && i.AnsweredAt == null && i.ExpiresAt > now
                    && db.Users.Any(x => x.Id == invitee && x.EmailConfirmed && x.NormalizedEmail == i.NormalizedEmail), ct))
                co = CoAuthorStatus.Invited;
        }
        return new IdeaScope(idea, campaign, userId, co);
    }

    /// <summary>The author's submitted (not withdrawn) ideas in a campaign, for the per-person limit.</summary>
    public Task<int> CountSubmittedAsync(Guid campaignId, Guid authorId, CancellationToken ct) =>
        db.Ideas.CountAsync(i => i.CampaignId == campaignId && i.AuthorId == authorId
            && i.State != IdeaState.Draft && i.State != IdeaState.Withdrawn, ct);
}
