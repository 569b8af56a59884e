using Agora.Web.Platform.Html;

namespace Agora.Web.Features.Campaigns;

public static class CampaignsModule
{
    public static void AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<Viewers>();
    }

    public static void MapCampaignsApi(this RouteGroupBuilder api)
    {
    }
}
