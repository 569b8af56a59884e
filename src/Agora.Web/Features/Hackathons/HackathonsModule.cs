using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Hackathons;

public static class HackathonsModule
{
    public static void AddHackathons(this IServiceCollection services)
    {
        services.AddScoped<HackathonAccess>();
        services.AddScoped<HackathonQueries>();
        services.AddScoped<HackathonChallenges>();
        services.AddScoped<HackathonTeams>();
        services.AddScoped<HackathonSubmissions>();
        services.AddScoped<HackathonJury>();
        services.AddScoped<HackathonAccelerator>();
        services.AddScoped<IHubRightsEndedHandler, HackathonRightsEnded>();
        services.AddPersonalData<HackathonsPersonalData>();
    }

    /// <summary>Maps the hackathon endpoints under /api/v1 (HackathonsApi).</summary>
    public static RouteGroupBuilder MapHackathonsApi(this RouteGroupBuilder api) => HackathonsApi.Map(api);
}
