using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Network;

/// <summary>
/// The network of hubs (issue 16): hub profiles, the joint service catalogue, service requests with the front desk,
/// referrals and deliveries, network figures and the gap analysis, and the open catalogue feed with its harvesting.
/// </summary>
public static class NetworkModule
{
    public static void AddNetwork(this IServiceCollection services)
    {
        services.AddScoped<NetworkAccess>();
        services.AddPersonalData<NetworkPersonalData>();
        services.AddProfiles();
        services.AddCatalogue();
        ServiceRequestsModule.Add(services);
        services.AddNetworkFigures();
        services.AddNetworkFeed();
    }

    /// <summary>Maps the network endpoints under /api/v1.</summary>
    public static RouteGroupBuilder MapNetworkApi(this RouteGroupBuilder api)
    {
        ProfilesApi.Map(api);
        CatalogueApi.Map(api);
        ServiceRequestsApi.Map(api);
        FiguresApi.Map(api);
        HarvestApi.Map(api);
        return api;
    }
}
