using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Agora.Web.Platform.Auth;

/// <summary>What can be done to a hub; checked inside handlers against the hub itself.</summary>
public static class HubOperations
{
    public static readonly OperationAuthorizationRequirement Join = new() { Name = nameof(Join) };
    public static readonly OperationAuthorizationRequirement ViewMembers = new() { Name = nameof(ViewMembers) };
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
    public static readonly OperationAuthorizationRequirement ViewAudit = new() { Name = nameof(ViewAudit) };
}

/// <summary>A hub as an authorization resource.</summary>
public sealed record HubResource(Guid Id);

public sealed class HubAuthorizationHandler(CurrentUser currentUser)
    : AuthorizationHandler<OperationAuthorizationRequirement, HubResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, HubResource resource)
    {
        if (!currentUser.IsAuthenticated) return;
        if (currentUser.IsPlatformAdmin)
        {
            context.Succeed(requirement);
            return;
        }
        var roles = await currentUser.RolesInAsync(resource.Id);
        var allowed = requirement.Name switch
        {
            nameof(HubOperations.Join) => roles == HubRoles.None,
            nameof(HubOperations.ViewMembers) => roles != HubRoles.None,
            nameof(HubOperations.Manage) or nameof(HubOperations.ViewAudit) => roles.HasFlag(HubRoles.HubManager),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
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
