using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

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
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            DescribeIdeaInitiative(document);
            return Task.CompletedTask;
        }));
    }

    /// <summary>Maps the initiatives and portfolio endpoints under /api/v1 (InitiativesApi, PortfolioApi).</summary>
    public static RouteGroupBuilder MapInitiativesApi(this RouteGroupBuilder api) => PortfolioApi.Map(InitiativesApi.Map(api));

    /// <summary>
    /// The idea's API answer carries its initiative with status and gate outcomes as text (Ideas does not know
    /// Initiatives); Initiatives fills them from its enums, so the document names those enums as their types.
    /// </summary>
    private static void DescribeIdeaInitiative(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas) return;
        foreach (var (owner, property, values) in new[]
                 {
                     (nameof(Ideas.IdeaInitiative), "status", nameof(InitiativeStatus)),
                     (nameof(Ideas.IdeaInitiativeStep), "outcome", nameof(GateOutcome)),
                 })
        {
            if (schemas.TryGetValue(owner, out var schema) && schema is OpenApiSchema { Properties: { } properties } && properties.ContainsKey(property) && schemas.ContainsKey(values))
                properties[property] = new OpenApiSchemaReference(values, document);
        }
    }
}
