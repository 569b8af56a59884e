namespace Agora.Web.Features.Organisations;

public static class OrganisationsModule
{
    public static void AddOrganisations(this IServiceCollection services)
    {
    }

    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
    }
}
