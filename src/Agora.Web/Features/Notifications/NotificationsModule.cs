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
        services.AddScoped<NotificationMailJob>();
        services.AddPersonalData<NotificationsPersonalData>();
        services.AddHostedService<NotificationMailService>();
    }
}
