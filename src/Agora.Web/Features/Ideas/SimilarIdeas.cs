namespace Agora.Web.Features.Ideas;

/// <summary>An idea that looks like the one being written.</summary>
/// <remarks>No vote count: a campaign may hide vote counts while people vote.</remarks>
public sealed record SimilarIdea(int Id, string Title, string CampaignSlug, string CampaignTitle, IdeaState State, int CommentCount);

/// <summary>
/// Finds up to five published ideas of a hub that resemble a text, by language-aware matching
/// (stemmed terms, ranked), the same on SQLite and PostgreSQL. Only ideas the person may see are returned.
/// </summary>
public interface ISimilarIdeas
{
    Task<IReadOnlyList<SimilarIdea>> FindAsync(Guid hubId, string? title, string? text, string? language, int? excludeIdeaId, CancellationToken ct);
}
