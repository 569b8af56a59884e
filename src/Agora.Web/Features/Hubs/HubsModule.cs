using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Hubs;

public static class HubsModule
{
    public static void AddHubs(this IServiceCollection services)
    {
        services.AddScoped<HubQueries>();
        services.AddScoped<IHubRoleSource, HubRoleSource>();
        services.AddScoped<SaveHub>();
        services.AddScoped<Membership>();
        services.AddScoped<HubRoleGrants>();
        services.AddScoped<DefinedRoles>();
        services.AddScoped<Platform.Auth.IHubRightsEndedHandler, DefinedRolesEnded>();
        services.AddPersonalData<HubsPersonalData>();
    }

    /// <summary>Maps the hubs endpoints under /api/v1 (HubsApi).</summary>
    public static RouteGroupBuilder MapHubsApi(this RouteGroupBuilder api) => HubsApi.Map(api);
}
