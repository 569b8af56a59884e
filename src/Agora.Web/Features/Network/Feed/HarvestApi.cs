using System.Globalization;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network;

/// <summary>/api/v1/network/harvest-sources (platform admins) and /api/v1/network/harvested (everyone): harvesting other installations' feeds.</summary>
public static class HarvestApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/network/harvest-sources").WithTags("Network harvesting")
            .RequireAuthorization(Policies.PlatformAdmin).RequireScope(ApiScopes.AdminWrite);
        sources.MapGet("/", ListSources).WithName("ListHarvestSources").WithSummary("Harvest sources (platform admin)");
        sources.MapPost("/", AddSource).WithName("AddHarvestSource").WithSummary("Add a harvest source (platform admin)")
            .WithDescription("feedUrl is another installation's /network/feed.json; private addresses only with allowPrivateAddress.");
        sources.MapGet("/{id:int}", GetSource).WithName("GetHarvestSource").WithSummary("A harvest source with its last harvest (platform admin)");
        sources.MapPut("/{id:int}", UpdateSource).WithName("UpdateHarvestSource").WithSummary("Change a harvest source (platform admin)");
        sources.MapDelete("/{id:int}", RemoveSource).WithName("RemoveHarvestSource").WithSummary("Remove a harvest source and what was harvested from it (platform admin)");
        sources.MapPost("/{id:int}/harvest", HarvestNow).WithName("HarvestSourceNow").WithSummary("Harvest a source now (platform admin)");

        var harvested = api.MapGroup("/network/harvested").WithTags("Network harvesting").AllowAnonymous().RequireScope(ApiScopes.HubsRead);
        harvested.MapGet("/", Search).WithName("SearchHarvestedServices").WithSummary("Services harvested from other installations")
            .WithDescription("Filters: category (e.g. TestBeforeInvest), technology, sector, region (NUTS-2), q (text in titles and summaries).");
        harvested.MapGet("/{id:int}", GetHarvested).WithName("GetHarvestedService").WithSummary("One harvested service, with its origin");
        return api;
    }

    private static async Task<Results<Ok<PagedList<HarvestSourceView>>, ValidationProblem, ProblemHttpResult>> ListSources(HarvestSources sources,
        IStringLocalizer<SharedResource> t, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = ListQuery.Parse(page, pageSize, null, ["name"], "name");
        if (paging is null) return ApiResults.BadQuery(t);
        return ApiResults.From(await sources.ListAsync(paging.Page, paging.PageSize, ct));
    }

    private static async Task<Results<Ok<HarvestSourceView>, ValidationProblem, ProblemHttpResult>> AddSource(HarvestSourceInput input, HarvestSources sources, CancellationToken ct)
    {
        var added = await sources.AddAsync(input, ct);
        if (!added.IsOk) return ApiResults.From(added.Select(_ => default(HarvestSourceView)!));
        return ApiResults.From(await sources.GetAsync(added.Value, ct));
    }

    private static async Task<Results<Ok<HarvestSourceView>, ValidationProblem, ProblemHttpResult>> GetSource(int id, HarvestSources sources, CancellationToken ct) =>
        ApiResults.From(await sources.GetAsync(id, ct));

    private static async Task<Results<Ok<HarvestSourceView>, ValidationProblem, ProblemHttpResult>> UpdateSource(int id, HarvestSourceInput input, HarvestSources sources, CancellationToken ct)
    {
        var updated = await sources.UpdateAsync(id, input, ct);
        if (!updated.IsOk) return ApiResults.From(updated.Select(_ => default(HarvestSourceView)!));
        return ApiResults.From(await sources.GetAsync(id, ct));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveSource(int id, HarvestSources sources, CancellationToken ct) =>
        ApiResults.From(await sources.RemoveAsync(id, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<HarvestSourceView>, ValidationProblem, ProblemHttpResult>> HarvestNow(int id, HarvestSources sources, CancellationToken ct)
    {
        var run = await sources.HarvestNowAsync(id, ct);
        if (!run.IsOk) return ApiResults.From(run.Select(_ => default(HarvestSourceView)!));
        return ApiResults.From(await sources.GetAsync(id, ct));
    }

    private static async Task<Results<Ok<PagedList<HarvestedServiceRow>>, ValidationProblem>> Search(HarvestedCatalogue catalogue, IStringLocalizer<SharedResource> t,
        string? category, string? technology, string? sector, string? region, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = ListQuery.Parse(page, pageSize, null, ["id"], "id");
        ServiceCategory? parsed = null;
        if (category is not null)
        {
            if (!Enum.TryParse<ServiceCategory>(category, ignoreCase: false, out var c) || !Enum.IsDefined(c)) return ApiResults.BadQuery(t);
            parsed = c;
        }
        if (paging is null || q?.Length > 200 || technology?.Length > 40 || sector?.Length > 40 || region?.Length > 5) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await catalogue.SearchAsync(new HarvestedFilter(parsed, technology, sector, q, region), CultureInfo.CurrentUICulture.Name,
            paging.Page, paging.PageSize, ct));
    }

    private static async Task<Results<Ok<HarvestedServiceDetail>, ProblemHttpResult>> GetHarvested(int id, HarvestedCatalogue catalogue, CancellationToken ct) =>
        await catalogue.GetAsync(id, CultureInfo.CurrentUICulture.Name, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();
}
