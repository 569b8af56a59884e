using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Notifications;

/// <summary>/api/v1/me/notifications and /api/v1/me/notification-preferences.</summary>
public static class NotificationsApi
{
    public sealed record PreferencesBody(Dictionary<NotificationKind, Delivery>? Choices);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var read = ApiScopes.ProfileRead;
        var write = ApiScopes.ProfileWrite;
        var me = api.MapGroup("/me").WithTags("Notifications");
        me.MapGet("/notifications", List).WithName("ListMyNotifications").RequireScope(read).WithSummary("Your notifications, newest first (?unread=true for unread only)");
        me.MapPost("/notifications/{id:long}/read", MarkRead).WithName("MarkNotificationRead")
            .RequireScope(write).WithSummary("Mark one notification as read");
        me.MapPost("/notifications/read", MarkAllRead).WithName("MarkAllNotificationsRead")
            .RequireScope(write).WithSummary("Mark all notifications as read");
        me.MapGet("/notification-preferences", Preferences).WithName("GetNotificationPreferences").RequireScope(read)
            .WithSummary("How you hear about each kind of event: Immediately, DailyDigest or Off");
        me.MapPut("/notification-preferences", SetPreferences).WithName("SetNotificationPreferences").RequireScope(write).WithSummary("Choose how you hear about each kind of event");
        return api;
    }

    private static async Task<Results<Ok<PagedList<NotificationRow>>, ValidationProblem>> List(bool? unread, int? page, int? pageSize, CurrentUser current,
        NotificationQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, null, ["newest"], "newest");
        if (query is null) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.ListAsync(current.RequiredId, unread == true, query.Page, query.PageSize, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(long id, CurrentUser current, NotificationQueries q, CancellationToken ct) =>
        await q.MarkReadAsync(current.RequiredId, id, ct) == 0 ? ApiResults.NotFound() : TypedResults.NoContent();

    private static async Task<NoContent> MarkAllRead(CurrentUser current, NotificationQueries q, CancellationToken ct)
    {
        await q.MarkReadAsync(current.RequiredId, null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<PreferenceRow>>> Preferences(CurrentUser current, NotificationPreferences p, CancellationToken ct) =>
        TypedResults.Ok(await p.GetAsync(current.RequiredId, ct));

    private static async Task<Results<Ok<IReadOnlyList<PreferenceRow>>, ValidationProblem>> SetPreferences(PreferencesBody body, CurrentUser current,
        NotificationPreferences p, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (body.Choices is null || body.Choices.Count == 0 || body.Choices.Any(c => !Enum.IsDefined(c.Key) || !Enum.IsDefined(c.Value)))
            return ApiResults.Invalid("choices", t["Validation.Invalid"]);
        await p.SetAsync(current.RequiredId, body.Choices, ct);
        return TypedResults.Ok(await p.GetAsync(current.RequiredId, ct));
    }
}
