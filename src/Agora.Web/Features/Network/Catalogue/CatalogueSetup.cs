using Agora.Web.Platform.Search;

namespace Agora.Web.Features.Network;

/// <summary>The catalogue's services (one line in <see cref="NetworkModule.AddNetwork"/>).</summary>
public static class CatalogueSetup
{
    public static void AddCatalogue(this IServiceCollection services)
    {
        services.AddScoped<CatalogueAccess>();
        services.AddScoped<MaintainServices>();
        services.AddScoped<ServiceVersions>();
        services.AddScoped<CatalogueQueries>();
        services.AddScoped<ServiceTextSearch>();
        services.AddSearchIndexer<ServiceSearchIndexer>();
    }
}
