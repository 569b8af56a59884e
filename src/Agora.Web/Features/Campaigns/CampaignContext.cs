namespace Agora.Web.Features.Campaigns;

/// <summary>
/// What other features (ideas, votes, comments) need to know about a campaign and the person asking.
/// Phases and questions are detached copies: read them, do not save them.
/// </summary>
public sealed record CampaignContext(
    Guid Id, Guid HubId, string HubSlug, string HubName, string Slug, string Title, string Language,
    CampaignPolicy Policy, IReadOnlyList<CampaignQuestion> Questions, Viewer Viewer)
{
    /// <summary>The focus areas the campaign is about (an idea may pick one of them).</summary>
    public IReadOnlyList<FocusAreaRef> FocusAreas { get; init; } = [];

    public CampaignState State => Policy.State;

    public bool CanRead => CampaignRules.CanRead(Policy, Viewer);

    public bool CanParticipate => CampaignRules.CanParticipate(Policy, Viewer);
}

/// <summary>A seeded focus area: its id and its key (people see "FocusArea.{Key}").</summary>
public sealed record FocusAreaRef(int Id, string Key);
