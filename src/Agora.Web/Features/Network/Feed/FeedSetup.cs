using Agora.Web.Platform.Jobs;

namespace Agora.Web.Features.Network;

public static class FeedSetup
{
    /// <summary>The feed, harvesting (its client, job and use cases) and the harvested services' queries.</summary>
    public static void AddNetworkFeed(this IServiceCollection services)
    {
        services.AddOptions<HarvestSettings>().BindConfiguration(HarvestSettings.Section);
        services.AddScoped<CatalogueFeed>();
        services.AddScoped<FeedJsonLd>();
        services.AddScoped<Harvester>();
        services.AddScoped<HarvestSources>();
        services.AddScoped<HarvestedCatalogue>();
        services.AddHttpClient(Harvester.ClientName, c =>
            {
                // The harvester's own timeout per page is the limit; this one only stops a client that lost track.
                c.Timeout = TimeSpan.FromMinutes(2);
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Agora-Harvester/1");
            })
            .ConfigurePrimaryHttpMessageHandler(Harvester.CreateHandler);
        services.AddRecurringJob<HarvestJob>(HarvestJob.Kind, _ => TimeSpan.FromMinutes(1));
    }
}
