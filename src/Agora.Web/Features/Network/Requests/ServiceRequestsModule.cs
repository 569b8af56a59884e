namespace Agora.Web.Features.Network;

/// <summary>The services of customers, service requests, the front desk, referrals and deliveries (one line in <see cref="NetworkModule"/>).</summary>
public static class ServiceRequestsModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<NetworkCustomers>();
        services.AddScoped<ServiceRequestAccess>();
        services.AddScoped<ServiceRequestWorkflow>();
        services.AddScoped<ServiceRequestQueries>();
        services.AddRecurringJob<OverdueServiceRequests>(OverdueServiceRequests.Kind, _ => TimeSpan.FromMinutes(15));
    }
}
