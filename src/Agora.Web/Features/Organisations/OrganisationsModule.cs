using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Organisations;

public static class OrganisationsModule
{
    public static void AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<OrganisationAccess>();
        services.AddScoped<SaveOrganisation>();
        services.AddScoped<OrganisationMembership>();
        services.AddPersonalData<OrganisationsPersonalData>();
    }

    /// <summary>Maps the organisations endpoints under /api/v1 (OrganisationsApi).</summary>
    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api) => OrganisationsApi.Map(api);
}
