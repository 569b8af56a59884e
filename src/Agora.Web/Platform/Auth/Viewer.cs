namespace Agora.Web.Platform.Auth;

/// <summary>
/// The person asking, in one hub: what their roles there make them. Every feature's rules read this one model;
/// what each standing may do is stated as <see cref="HubOperation"/>s (the hub's own in <see cref="HubPermissions"/>,
/// a feature's next to its use cases, e.g. InitiativeOperations).
/// </summary>
public sealed record Viewer(bool IsAuthenticated, bool IsMember, bool IsManager, bool IsBlocked, bool IsFacilitator = false, bool IsGatekeeper = false,
    bool IsEvaluator = false)
{
    public static readonly Viewer Anonymous = new(false, false, false, false);

    /// <summary>
    /// The one place roles become a standing: platform admins act as members and managers of every hub; a block ends
    /// every right a role gave in the hub (ModerateContent also takes the roles away).
    /// </summary>
    public static Viewer Of(HubRoles roles, bool isPlatformAdmin, bool isBlocked) => new(
        IsAuthenticated: true,
        IsMember: roles != HubRoles.None || isPlatformAdmin,
        IsManager: roles.HasFlag(HubRoles.HubManager) || isPlatformAdmin,
        IsBlocked: isBlocked,
        IsFacilitator: !isBlocked && roles.HasFlag(HubRoles.Facilitator),
        IsGatekeeper: !isBlocked && roles.HasFlag(HubRoles.Gatekeeper),
        IsEvaluator: !isBlocked && roles.HasFlag(HubRoles.Evaluator));

    /// <summary>Whether this person may do <paramref name="operation"/> in the hub.</summary>
    public bool May(HubOperation operation) => operation.AllowedFor(this);

    /// <summary>Hub managers (and platform admins) configure the hub and what is in it.</summary>
    public bool CanManage => May(HubPermissions.Manage);

    /// <summary>Hub managers and facilitators triage ideas and work the moderation queue.</summary>
    public bool CanModerate => May(HubPermissions.Moderate);
}

/// <summary>
/// Something a person may do in a hub, decided from their <see cref="Viewer"/> standing alone. A feature declares its
/// own operations in its own folder (a static class of these), so adding one edits neither Platform nor another feature.
/// </summary>
public sealed class HubOperation(string name, Func<Viewer, bool> rule)
{
    public string Name { get; } = name;

    public bool AllowedFor(Viewer viewer) => rule(viewer);

    public override string ToString() => Name;
}

/// <summary>What every area of a hub shares: who manages it and who moderates in it.</summary>
public static class HubPermissions
{
    public static readonly HubOperation Manage = new(nameof(Manage), v => v.IsManager);

    /// <summary>Members (and platform admins) see who else belongs to the hub.</summary>
    public static readonly HubOperation ViewMembers = new(nameof(ViewMembers), v => v.IsMember);

    public static readonly HubOperation Moderate = new(nameof(Moderate), v => v.IsManager || v.IsFacilitator);
}
