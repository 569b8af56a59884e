namespace Agora.Web.Features.Audit;

public static class AuditModule
{
    public static void AddAudit(this IServiceCollection services) => services.AddScoped<AuditQueries>();

    /// <summary>Maps the audit endpoints under /api/v1 (AuditApi).</summary>
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api) => AuditApi.Map(api);
}
