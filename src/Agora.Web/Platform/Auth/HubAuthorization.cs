using Microsoft.AspNetCore.Authorization;

namespace Agora.Web.Platform.Auth;

/// <summary>
/// Route- and page-level checks on a hub through ASP.NET Core's authorization service (<c>AuthorizeAsync(user, new
/// HubResource(id), HubOperations.Manage)</c>): each names one <see cref="HubOperation"/> of the person-in-a-hub model,
/// so these checks and the use cases' <c>viewer.May(...)</c> give one answer.
/// </summary>
public static class HubOperations
{
    public static readonly HubRequirement ViewMembers = new(HubPermissions.ViewMembers);
    public static readonly HubRequirement Manage = new(HubPermissions.Manage);
    public static readonly HubRequirement ViewAudit = new(HubPermissions.Manage);
}

/// <summary>An authorization requirement that is one <see cref="HubOperation"/>.</summary>
public sealed class HubRequirement(HubOperation operation) : IAuthorizationRequirement
{
    public HubOperation Operation { get; } = operation;
}

/// <summary>A hub as an authorization resource.</summary>
public sealed record HubResource(Guid Id);

/// <summary>Decides a <see cref="HubRequirement"/> from the person's <see cref="Viewer"/> standing in the hub.</summary>
public sealed class HubAuthorizationHandler(Viewers viewers) : AuthorizationHandler<HubRequirement, HubResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, HubRequirement requirement, HubResource resource)
    {
        var viewer = await viewers.ForHubAsync(resource.Id, CancellationToken.None);
        if (viewer.IsAuthenticated && viewer.May(requirement.Operation)) context.Succeed(requirement);
    }
}

public sealed class PlatformAdminHandler(CurrentUser currentUser) : AuthorizationHandler<PlatformAdminRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformAdminRequirement requirement)
    {
        if (currentUser.IsAuthenticated && currentUser.IsPlatformAdmin) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public sealed class PlatformAdminRequirement : IAuthorizationRequirement;
