namespace Agora.Web.Features.Audit;

public static class AuditModule
{
    public static void AddAudit(this IServiceCollection services) => services.AddScoped<AuditQueries>();
}
