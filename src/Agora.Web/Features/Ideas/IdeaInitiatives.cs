namespace Agora.Web.Features.Ideas;

/// <summary>
/// What a reader of an idea learns of the initiative it goes on as (the idea's API answer carries it). Initiatives
/// answers it, so Ideas need not know initiatives; status and outcomes are the names the API has always sent.
/// </summary>
public interface IIdeaInitiatives
{
    /// <summary>The initiative the idea goes on as, when the person asking may see that initiative.</summary>
    Task<IdeaInitiative?> ForIdeaAsync(Guid hubId, int ideaId, CancellationToken ct);
}

/// <summary>The initiative an idea goes on as: its stage in the reader's language, its status and every step so far.</summary>
public sealed record IdeaInitiative(int Id, string Title, string Stage, string Status, IReadOnlyList<IdeaInitiativeStep> Steps);

/// <summary>A gate the initiative passed: what was decided (a gate outcome), from which stage to which, when.</summary>
public sealed record IdeaInitiativeStep(string Outcome, string From, string To, DateTimeOffset DecidedAt);
