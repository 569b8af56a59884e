using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Events;

public static class EventsModule
{
    public static void AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventAccess>();
        services.AddScoped<EventEditing>();
        services.AddScoped<EventNotices>();
        services.AddScoped<EventQueries>();
    }

    /// <summary>Maps the events endpoints under /api/v1 (EventsApi).</summary>
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api) => api;
}
