using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network;

/// <summary>/api/v1/network/figures and /api/v1/network/gaps: the same rules and numbers as the pages and their CSV files.</summary>
public static class FiguresApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/network").WithTags("Network figures");
        g.MapGet("/figures", Figures).WithName("GetNetworkFigures").RequireScope(ApiScopes.HubsRead)
            .WithSummary("The network's reporting figures for a period (managers of a hub in the network, platform admins): customers served by type and region, "
                + "services delivered by category, referrals sent and received per hub with their outcome, first-answer times in hours (median, 90th percentile, "
                + "share answered by the hub's deadline), feedback, matchmaking meetings by outcome. Period: period=this-year|last-year|YYYY|YYYY-qN, or from/to as yyyy-MM-dd (UTC days); "
                + "hub=slug for one hub")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/gaps", Gaps).WithName("GetNetworkGaps").RequireScope(ApiScopes.HubsRead)
            .WithSummary("The gap analysis (anyone signed in): regions × EDIH service categories with supply (published services of listed hubs serving the region) "
                + "and demand (service requests from the region, declined and referred ones counted too); a gap is demand without supply. Filters: technology, "
                + "sector (vocabulary keys), country (NUTS country code), allRegions=true for every region of the countries; hub=slug adds what that hub's "
                + "regions ask for that no hub of the same countries offers")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<NetworkFigures>, ValidationProblem, ProblemHttpResult>> Figures(string? period, string? from, string? to, string? hub,
        NetworkFiguresQuery figures, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (FiguresPeriod.Parse(period, from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) is not { } p)
            return ApiResults.Invalid("period", t["Network.Figures.BadPeriod"]);
        return ApiResults.From(await figures.GetAsync(p, hub, ct));
    }

    private static async Task<Results<Ok<GapAnalysis>, ValidationProblem, ProblemHttpResult>> Gaps(string? technology, string? sector, string? country,
        bool? allRegions, string? hub, GapAnalysisQuery gaps, CancellationToken ct) =>
        ApiResults.From(await gaps.GetAsync(new GapFilters(technology, sector, country, allRegions == true, hub), ct));
}
