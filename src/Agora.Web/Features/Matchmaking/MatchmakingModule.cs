using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Matchmaking.Suggestions;
using Agora.Web.Features.Matchmaking.Sessions;
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

        services.AddScoped<SuggestionSources>();
        services.AddScoped<ReasonWords>();
        services.AddScoped<Suggestions.Suggestions>();
        services.AddJob<SuggestionRefresh>(SuggestionRefresh.Kind);
        services.AddRecurringJob<SuggestionRefresh>(SuggestionRefresh.SweepKind, _ => TimeSpan.FromMinutes(5));
        services.AddPersonalData<SuggestionsPersonalData>();
        services.AddMatchmakingSessions();
    }

    /// <summary>Maps the matchmaking endpoints under /api/v1.</summary>
    public static RouteGroupBuilder MapMatchmakingApi(this RouteGroupBuilder api)
    {
        SuggestionsApi.Map(api);
        SessionsApi.Map(api);
        PartneringApi.Map(api);
        return api;
    }

    /// <summary>Matchmaking sessions: use cases, queries, the expiry and scheduler jobs, personal data.</summary>
    private static void AddMatchmakingSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionAccess>();
        services.AddScoped<SessionSetup>();
        services.AddScoped<Participation>();
        services.AddScoped<MeetingRequests>();
        services.AddScoped<SessionMeetings>();
        services.AddScoped<SessionScheduling>();
        services.AddScoped<SessionNotices>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<SessionCalendar>();
        services.AddRecurringJob<SessionExpiryJob>(SessionExpiryJob.Kind, _ => TimeSpan.FromMinutes(5));
        services.AddJob<SessionScheduleJob>(SessionScheduleJob.Kind);
        services.AddPersonalData<SessionPersonalData>();
        services.AddScoped<Network.IMeetingOutcomeFigures, MeetingOutcomeFigures>();
        services.AddScoped<Events.IPersonalCalendarEntries, SessionCalendarEntries>();
    }
}
