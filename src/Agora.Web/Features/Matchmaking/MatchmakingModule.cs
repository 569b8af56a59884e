using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Platform.Jobs;
using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Matchmaking;

/// <summary>
/// Matchmaking (issue 17): partnering profiles reviewed by a hub, expressions of interest, explained matches between
/// profiles, customers' needs, catalogue services and organisations, and matchmaking sessions with 1:1 meetings.
/// </summary>
public static class MatchmakingModule
{
    public static void AddMatchmaking(this IServiceCollection services)
    {
        services.AddScoped<PartneringAccess>();
        services.AddScoped<PartneringProfiles>();
        services.AddScoped<PartneringInterests>();
        services.AddScoped<PartneringQueries>();
        services.AddRecurringJob<ProfileExpiryJob>(ProfileExpiryJob.Kind, _ => TimeSpan.FromHours(1));
        services.AddPersonalData<PartneringPersonalData>();
    }

    /// <summary>Maps the matchmaking endpoints under /api/v1.</summary>
    public static RouteGroupBuilder MapMatchmakingApi(this RouteGroupBuilder api)
    {
        PartneringApi.Map(api);
        return api;
    }
}
