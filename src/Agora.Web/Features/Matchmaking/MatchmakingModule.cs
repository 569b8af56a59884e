using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Matchmaking.Suggestions;
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
        services.AddPersonalData<PartneringPersonalData>();

        services.AddScoped<SuggestionSources>();
        services.AddScoped<ReasonWords>();
        services.AddScoped<Suggestions.Suggestions>();
        services.AddJob<SuggestionRefresh>(SuggestionRefresh.Kind);
        services.AddRecurringJob<SuggestionRefresh>(SuggestionRefresh.SweepKind, _ => TimeSpan.FromMinutes(5));
        services.AddPersonalData<SuggestionsPersonalData>();
    }

    /// <summary>Maps the matchmaking endpoints under /api/v1.</summary>
    public static RouteGroupBuilder MapMatchmakingApi(this RouteGroupBuilder api)
    {
        SuggestionsApi.Map(api);
        return api;
    }
}
