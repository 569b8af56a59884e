using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;

namespace Agora.Web.Features.Comments;

public static class CommentRules
{
    public const int MaxLength = 5000;

    /// <summary>Ideas that are out in the open take comments while the campaign's current phase allows them.</summary>
    public static bool CanComment(IdeaScope scope) =>
        scope.CanSee
        && scope.Idea.State is not (IdeaState.Draft or IdeaState.Withdrawn)
        && scope.Idea.HiddenAt is null && scope.Idea.MergedIntoId is null
        && CampaignRules.CanComment(scope.Campaign.Policy, scope.Viewer);

    /// <summary>Authors edit and delete their own comments while they may still take part.</summary>
    public static bool CanChange(Comment c, IdeaScope scope) =>
        scope.UserId == c.AuthorId && c.DeletedAt is null && c.HiddenAt is null
        && CampaignRules.CanParticipate(scope.Campaign.Policy, scope.Viewer);

    /// <summary>Only hub managers mark the hub's official answer.</summary>
    public static bool CanMarkOfficial(Comment c, IdeaScope scope) => scope.Viewer.CanManage && c.DeletedAt is null && c.HiddenAt is null;
}
