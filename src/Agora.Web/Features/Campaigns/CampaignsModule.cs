using Agora.Web.Platform.Html;
using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Campaigns;

public static class CampaignsModule
{
    public static void AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<CampaignQueries>();
        services.AddScoped<SaveCampaign>();
        services.AddScoped<ChangeCampaignState>();
        services.AddScoped<SetCampaignFeatured>();
        services.AddScoped<CampaignCover>();
        services.AddScoped<FollowCampaign>();
        services.AddPersonalData<CampaignsPersonalData>();
    }

    /// <summary>Maps the campaigns endpoints under /api/v1 (CampaignsApi).</summary>
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api) => CampaignsApi.Map(api);
}
