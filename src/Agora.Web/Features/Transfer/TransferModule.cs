using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Transfer;

/// <summary>Export of a campaign's ideas (CSV, XLSX, JSON) and import of ideas from CSV in the background.</summary>
public static class TransferModule
{
    public static void AddTransfer(this IServiceCollection services)
    {
        services.AddScoped<ExportIdeas>();
        services.AddScoped<ImportRows>();
        services.AddScoped<ImportIdeas>();
        services.AddScoped<ImportQueries>();
        services.AddJob<ImportJobRunner>(ImportJobRunner.Kind);
        services.AddRecurringJob<ImportCleanup>(ImportCleanup.Kind, _ => TimeSpan.FromHours(1));
        services.AddPersonalData<TransferPersonalData>();
    }

    /// <summary>Maps the transfer endpoints under /api/v1 (TransferApi).</summary>
    public static RouteGroupBuilder MapTransferApi(this RouteGroupBuilder api) => TransferApi.Map(api);
}
