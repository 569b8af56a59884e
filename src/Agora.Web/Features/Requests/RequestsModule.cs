using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Requests;

public static class RequestsModule
{
    public static void AddRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestTypes>();
        services.AddScoped<RequestAccess>();
        services.AddScoped<RequestWorkflow>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<Notifications.INotifiedRequests, NotifiedRequests>();
        services.AddScoped<RequestReviewing>();
        services.AddScoped<DecisionLetters>();
        services.AddScoped<RequestOverview>();
        services.AddRecurringJob<RequestReminders>(RequestReminders.Kind, _ => TimeSpan.FromHours(1));
        services.AddScoped<RequestTypeAdmin>();
        services.AddScoped<IHubRightsEndedHandler, RequestRightsEnded>();
        services.AddScoped<RequestRightsEnded>();
        services.AddPersonalData<RequestsPersonalData>();
        services.AddHostedService<BuiltInFormsCheck>();
    }

    /// <summary>Maps the requests endpoints under /api/v1 (RequestsApi).</summary>
    public static RouteGroupBuilder MapRequestsApi(this RouteGroupBuilder api) => RequestsApi.Map(api);
}
