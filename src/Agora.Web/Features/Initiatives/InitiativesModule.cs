using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Initiatives;

public static class InitiativesModule
{
    public static void AddInitiatives(this IServiceCollection services)
    {
        services.AddScoped<InnovationProcess>();
        services.AddScoped<InitiativeQueries>();
        services.AddScoped<Ideas.IIdeaInitiatives>(sp => sp.GetRequiredService<InitiativeQueries>());
        services.AddScoped<CreateInitiative>();
        services.AddScoped<DecideGate>();
        services.AddScoped<EditInitiative>();
        services.AddScoped<InitiativeBenefits>();
        services.AddScoped<InitiativeAccess>();
        services.AddScoped<AddInitiativeDocument>();
        services.AddScoped<InitiativeDocuments>();
        services.AddScoped<InitiativeScorecards>();
        services.AddScoped<InitiativeResources>();
        services.AddScoped<InitiativeTeam>();
        services.AddScoped<PortfolioSettings>();
        services.AddScoped<Portfolio>();
        services.AddScoped<Indicators>();
        services.AddScoped<IHubRightsEndedHandler, InitiativeRightsEnded>();
        services.AddScoped<InitiativeRightsEnded>();
        services.AddPersonalData<InitiativesPersonalData>();
    }
}
