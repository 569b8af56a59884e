using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Data;

namespace Agora.Web.Features.Ideas;

/// <summary>Tells Campaigns which ideas count toward its limits and which questions have answers.</summary>
public sealed class CampaignIdeas(AgoraDbContext db) : ICampaignIdeas
{
    public IQueryable<CountedIdea> Counted =>
        db.Ideas.Where(i => i.State != IdeaState.Withdrawn).Select(i => new CountedIdea { CampaignId = i.CampaignId, AuthorId = i.AuthorId });

    public IQueryable<Guid> AnsweredQuestionIds => db.IdeaAnswers.Select(a => a.QuestionId);
}
