
namespace Agora.Web.Platform.Auth;

/// <summary>Why a person's rights in a hub ended or shrank.</summary>
public enum HubRightsEndReason
{
    /// <summary>They left the hub themselves.</summary>
    Left,
    /// <summary>A manager removed them.</summary>
    Removed,
    /// <summary>A moderator blocked them in the hub.</summary>
    Blocked,
    /// <summary>A manager took one or more roles away; <see cref="HubRightsEnded.Remaining"/> says what is left.</summary>
    RolesChanged,
    /// <summary>Their account was erased.</summary>
    Erased,
}

/// <summary>
/// A person's rights in a hub ended (Remaining is None) or shrank to Remaining. Every right that came from the
/// membership or a role (review assignments, team seats, evaluator duties) ends with it.
/// </summary>
public sealed record HubRightsEnded(Guid HubId, Guid UserId, HubRoles Remaining, HubRightsEndReason Reason);

/// <summary>
/// A feature that grants rights through hub membership or roles implements this to end them. Handlers run inside
/// the unit of work that ends the membership (before it is saved), add their own audit entries and never save.
/// </summary>
public interface IHubRightsEndedHandler
{
    Task HandleAsync(HubRightsEnded ended, CancellationToken ct);
}

/// <summary>Tells every feature that a person's rights in a hub ended; Hubs and Moderation call it.</summary>
public sealed class HubRights(IEnumerable<IHubRightsEndedHandler> handlers)
{
    public async Task EndedAsync(HubRightsEnded ended, CancellationToken ct)
    {
        foreach (var handler in handlers) await handler.HandleAsync(ended, ct);
    }
}
