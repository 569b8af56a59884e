namespace Agora.Web.Features.Ideas;

/// <summary>
/// The event an idea was born at: an event can open an idea campaign, and that campaign's ideas count as born at it.
/// Events answers it, so Ideas need not know events (Events reads Ideas, never the reverse).
/// </summary>
public interface IIdeaBirthplaces
{
    /// <summary>The event that opened the idea's campaign, when the person asking may see that event; otherwise null.</summary>
    Task<IdeaBornAt?> ForCampaignAsync(Guid hubId, Guid campaignId, CancellationToken ct);
}

/// <summary>The event an idea was born at: its id, title and page.</summary>
public sealed record IdeaBornAt(int EventId, string Title, string Path);
