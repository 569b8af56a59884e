namespace Agora.Web.Features.Audit;

public static class AuditModule
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
    }
}
