using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Moderation;

public static class ModerationModule
{
    public static void AddModeration(this IServiceCollection services)
    {
        services.AddScoped<IHubBlocks, HubBlocks>();
        services.AddScoped<ReportContent>();
        services.AddScoped<ModerateContent>();
        services.AddScoped<ModerationQueries>();
        services.AddPersonalData<ModerationPersonalData>();
    }

    /// <summary>Maps the moderation endpoints under /api/v1 (ModerationApi).</summary>
    public static RouteGroupBuilder MapModerationApi(this RouteGroupBuilder api) => ModerationApi.Map(api);
}
