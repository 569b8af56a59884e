using Agora.Web.Platform.Jobs;
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
        services.AddScoped<Registrations>();
        services.AddScoped<Organising>();
        services.AddScoped<Calendars>();
        services.AddScoped<Ideas.IIdeaBirthplaces, EventIdeas>();
        services.AddRecurringJob<EventOffersJob>(EventOffersJob.Kind, _ => TimeSpan.FromMinutes(5));
        services.AddRecurringJob<EventRemindersJob>(EventRemindersJob.Kind, _ => TimeSpan.FromHours(1));
        services.AddPersonalData<EventsPersonalData>();
    }

    /// <summary>Maps the events endpoints under /api/v1 (EventsApi).</summary>
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api) => EventsApi.Map(api);

    /// <summary>Maps the calendar files (.ics) outside /api/v1, where calendar programs subscribe.</summary>
    public static void MapEventCalendars(this IEndpointRouteBuilder app) => EventsApi.MapCalendars(app);
}
