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
}
