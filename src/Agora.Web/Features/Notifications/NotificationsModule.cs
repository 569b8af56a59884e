using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Notifications;

public static class NotificationsModule
{
    public static void AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationSettings>().BindConfiguration("Notifications");
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationQueries>();
        services.AddScoped<NotificationPreferences>();
        services.AddRecurringJob<NotificationMailJob>(NotificationMailJob.Kind,
            sp => TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationSettings>>().Value.MailIntervalSeconds)));
        services.AddPersonalData<NotificationsPersonalData>();
    }

    /// <summary>Maps the notifications endpoints under /api/v1 (NotificationsApi).</summary>
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api) => NotificationsApi.Map(api);
}
