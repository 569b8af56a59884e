using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// The digital maturity assessment (issue 17): the JRC question sets for SMEs and public sector organisations, filled
/// by a network customer with a hub at T0 and T1, scored per dimension, compared, and exported for the network's reporting.
/// </summary>
public static class MaturityModule
{
    public static void AddMaturity(this IServiceCollection services)
    {
        services.AddScoped<MaturityAccess>();
        services.AddScoped<MaturityAssessments>();
        services.AddScoped<MaturityQueries>();
        services.AddPersonalData<MaturityPersonalData>();
    }

    /// <summary>Maps the digital maturity endpoints under /api/v1.</summary>
    public static RouteGroupBuilder MapMaturityApi(this RouteGroupBuilder api)
    {
        MaturityApi.Map(api);
        return api;
    }
}
