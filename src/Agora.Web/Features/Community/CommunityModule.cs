using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Community;

public static class CommunityModule
{
    public static void AddCommunity(this IServiceCollection services)
    {
        services.AddScoped<CallAccess>();
        services.AddScoped<CallNotices>();
        services.AddScoped<CallSetup>();
        services.AddScoped<CallApplications>();
        services.AddScoped<CallReviewing>();
        services.AddScoped<CallDecisions>();
        services.AddScoped<CommunityQueries>();
        services.AddScoped<HubCommunity>();
        services.AddScoped<IHubRightsEndedHandler, CallRightsEnded>();
        services.AddScoped<Hubs.IDefinedRoleUse, CallsForDefinedRoles>();
        services.AddPersonalData<CommunityPersonalData>();
    }

    /// <summary>Maps the calls endpoints under /api/v1 (CommunityApi).</summary>
    public static RouteGroupBuilder MapCommunityApi(this RouteGroupBuilder api) => CommunityApi.Map(api);
}
