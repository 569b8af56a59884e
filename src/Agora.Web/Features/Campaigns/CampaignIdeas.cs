namespace Agora.Web.Features.Campaigns;

/// <summary>
/// What the campaign rules need to know of the ideas submitted to campaigns, answered by the Ideas area as queries
/// to compose into Campaigns' own (Ideas depends on Campaigns, never the other way round).
/// </summary>
public interface ICampaignIdeas
{
    /// <summary>The ideas that count toward a campaign's "ideas per person" (withdrawn ones do not).</summary>
    IQueryable<CountedIdea> Counted { get; }

    /// <summary>The ids of campaign questions some idea has answered.</summary>
    IQueryable<Guid> AnsweredQuestionIds { get; }
}

/// <summary>One idea as the submission limit counts it.</summary>
public sealed class CountedIdea
{
    public Guid CampaignId { get; init; }
    public Guid AuthorId { get; init; }
}
