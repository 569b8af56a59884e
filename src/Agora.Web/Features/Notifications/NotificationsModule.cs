using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Privacy;
using Microsoft.Extensions.Localization;

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

    public sealed record PreferencesBody(Dictionary<NotificationKind, Delivery>? Choices);

    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var read = ApiScopes.ProfileRead;
        var write = ApiScopes.ProfileWrite;
        var me = api.MapGroup("/me").WithTags("Notifications");
        me.MapGet("/notifications", List).WithName("ListMyNotifications").RequireScope(read).WithSummary("Your notifications, newest first (?unread=true for unread only)");
        me.MapPost("/notifications/{id:long}/read", (long id, CurrentUser current, NotificationQueries q, CancellationToken ct) => MarkRead(id, current, q, ct)).WithName("MarkNotificationRead")
            .RequireScope(write).WithSummary("Mark one notification as read");
        me.MapPost("/notifications/read", (CurrentUser current, NotificationQueries q, CancellationToken ct) => MarkRead(null, current, q, ct)).WithName("MarkAllNotificationsRead")
            .RequireScope(write).WithSummary("Mark all notifications as read");
        me.MapGet("/notification-preferences", async (CurrentUser current, NotificationPreferences p, CancellationToken ct) =>
            TypedResults.Ok(await p.GetAsync(current.RequiredId, ct))).WithName("GetNotificationPreferences").RequireScope(read)
            .WithSummary("How you hear about each kind of event: Immediately, DailyDigest or Off");
        me.MapPut("/notification-preferences", SetPreferences).WithName("SetNotificationPreferences").RequireScope(write).WithSummary("Choose how you hear about each kind of event");
    }

    private static async Task<IResult> List(bool? unread, int? page, int? pageSize, CurrentUser current, NotificationQueries q,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, null, ["newest"], "newest");
        if (query is null) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.ListAsync(current.RequiredId, unread == true, query.Page, query.PageSize, ct));
    }

    private static async Task<IResult> MarkRead(long? id, CurrentUser current, NotificationQueries q, CancellationToken ct)
    {
        var changed = await q.MarkReadAsync(current.RequiredId, id, ct);
        return id is not null && changed == 0 ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound) : TypedResults.NoContent();
    }

    private static async Task<IResult> SetPreferences(PreferencesBody body, CurrentUser current, NotificationPreferences p,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (body.Choices is null || body.Choices.Count == 0 || body.Choices.Any(c => !Enum.IsDefined(c.Key) || !Enum.IsDefined(c.Value)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["choices"] = [t["Validation.Invalid"]] });
        await p.SetAsync(current.RequiredId, body.Choices, ct);
        return TypedResults.Ok(await p.GetAsync(current.RequiredId, ct));
    }
}
