using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Spreadsheets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network;

/// <summary>
/// /api/v1/hubs/{slug}/services (a hub's managers keep its catalogue services) and /api/v1/network/services (the
/// catalogue: search, one service, its versions, a CSV of a search).
/// </summary>
public static class CatalogueApi
{
    /// <summary>A service and the version it is at now (send it back with the next change).</summary>
    public sealed record ServiceRef(int Id, int Version);

    /// <summary>Publishing or withdrawing: the version the client saw (optional; a stale one answers 409) and what changed.</summary>
    public sealed record ChangeBody(int? Version, string? Note);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;
        var hub = api.MapGroup("/hubs/{slug}/services").WithTags("Network catalogue");
        hub.MapGet("/", ListHubServices).WithName("ListHubCatalogueServices").RequireScope(read)
            .WithSummary("The hub's catalogue services, drafts and withdrawn included (hub managers; sort=title|updated|status|category, '-' for descending; page, pageSize); 409 when the hub has no network profile")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/", CreateService).WithName("CreateCatalogueService").RequireScope(write)
            .WithSummary("Add a service as a draft (hub managers of a hub with a network profile): category, subType, audiences, technologies, sectors, trlMin, trlMax, priceModel, indicativePrice, currency, delivery, languages, leadTimeDays, partnerHubs (slugs), defaultCulture, texts {culture: {title, summary, description}}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapGet("/{id:int}", GetHubService).WithName("GetHubCatalogueService").RequireScope(read)
            .WithSummary("A service as its form holds it, with its status and version (hub managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPut("/{id:int}", UpdateService).WithName("UpdateCatalogueService").RequireScope(write)
            .WithSummary("Change a service (hub managers): the whole form with the version it was read at (a stale version answers 409) and an optional note")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/{id:int}/publish", PublishService).WithName("PublishCatalogueService").RequireScope(write)
            .WithSummary("Put a draft or withdrawn service into the catalogue (hub managers): {\"version\", \"note\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/{id:int}/withdraw", WithdrawService).WithName("WithdrawCatalogueService").RequireScope(write)
            .WithSummary("Take a service out of the catalogue (hub managers): {\"version\", \"note\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var network = api.MapGroup("/network/services").WithTags("Network catalogue");
        network.MapGet("/", Search).WithName("SearchCatalogueServices").AllowAnonymous().RequireScope(read)
            .WithSummary("Search the catalogue: published services of the network's listed hubs. Filters: q (full text, English, Portuguese, Norwegian), category, subType, technology, sector, audience, delivery, price, trl, language, hub (slug), region (NUTS-2 code); sort=relevance|title|newest; page, pageSize");
        network.MapGet("/export", Export).WithName("ExportCatalogueServices").AllowAnonymous().RequireScope(read)
            .WithSummary("A catalogue search (same filters) as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        network.MapGet("/{id:int}", GetService).WithName("GetCatalogueService").AllowAnonymous().RequireScope(read)
            .WithSummary("One service in the reader's language, with all its texts (published services of listed hubs; drafts and withdrawn for the providing hub's managers)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        network.MapGet("/{id:int}/versions", Versions).WithName("ListCatalogueServiceVersions").RequireScope(read)
            .WithSummary("A service's kept versions, newest first, each with who changed it, when, the note and what changed (the providing hub's managers)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PagedList<HubServiceRow>>, ValidationProblem, ProblemHttpResult>> ListHubServices(string slug, MaintainServices use,
        IStringLocalizer<SharedResource> t, int? page, int? pageSize, string? sort, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, MaintainServices.Sorts, "title");
        if (query is null) return ApiResults.BadQuery(t);
        var result = await use.ListAsync(slug, query, ct);
        if (result.IsOk && !result.Value!.InNetwork) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: t["Network.Catalogue.NoProfile"]);
        return ApiResults.From(result, l => TypedResults.Ok(l.Services));
    }

    private static async Task<Results<Created<ServiceRef>, ValidationProblem, ProblemHttpResult>> CreateService(string slug, ServiceInput input, MaintainServices use,
        CancellationToken ct) =>
        ApiResults.From(await use.CreateAsync(slug, input, ct), id => TypedResults.Created($"/api/v1/hubs/{slug}/services/{id}", new ServiceRef(id, 1)));

    private static async Task<Results<Ok<ServiceEdit>, ValidationProblem, ProblemHttpResult>> GetHubService(string slug, int id, MaintainServices use,
        IStringLocalizer<SharedResource> t, CatalogueAccess access, CancellationToken ct)
    {
        var (_, inNetwork, refused) = await access.ManagedHubAsync(slug, ct);
        if (refused is null && !inNetwork) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: t["Network.Catalogue.NoProfile"]);
        return ApiResults.From(await use.GetForEditAsync(slug, id, ct));
    }

    private static async Task<Results<Ok<ServiceRef>, ValidationProblem, ProblemHttpResult>> UpdateService(string slug, int id, ServiceInput input,
        MaintainServices use, AgoraDbContext db, CancellationToken ct) =>
        await Answer(await use.UpdateAsync(slug, id, input, ct), db, ct);

    private static async Task<Results<Ok<ServiceRef>, ValidationProblem, ProblemHttpResult>> PublishService(string slug, int id, [FromBody] ChangeBody? body,
        MaintainServices use, AgoraDbContext db, CancellationToken ct) =>
        await Answer(await use.PublishAsync(slug, id, body?.Version, body?.Note, ct), db, ct);

    private static async Task<Results<Ok<ServiceRef>, ValidationProblem, ProblemHttpResult>> WithdrawService(string slug, int id, [FromBody] ChangeBody? body,
        MaintainServices use, AgoraDbContext db, CancellationToken ct) =>
        await Answer(await use.WithdrawAsync(slug, id, body?.Version, body?.Note, ct), db, ct);

    private static async Task<Results<Ok<ServiceRef>, ValidationProblem, ProblemHttpResult>> Answer(Platform.Errors.Result<int> result, AgoraDbContext db, CancellationToken ct)
    {
        var version = result.IsOk ? await db.CatalogueServices.Where(s => s.Id == result.Value).Select(s => s.Version).SingleAsync(ct) : 0;
        return ApiResults.From(result, id => TypedResults.Ok(new ServiceRef(id, version)));
    }

    private static async Task<Results<Ok<PagedList<CatalogueRow>>, ValidationProblem, ProblemHttpResult>> Search([AsParameters] CatalogueSearchParameters p,
        CatalogueQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(p.Page, p.PageSize, p.Sort, CatalogueQueries.Sorts, string.IsNullOrWhiteSpace(p.Q) ? "title" : "relevance");
        if (query is null) return ApiResults.BadQuery(t);
        return ApiResults.From(await q.SearchAsync(p.Filter(), query, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Export([AsParameters] CatalogueSearchParameters p,
        CatalogueQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(1, 1, p.Sort, CatalogueQueries.Sorts, string.IsNullOrWhiteSpace(p.Q) ? "title" : "relevance");
        if (query is null) return ApiResults.BadQuery(t);
        var rows = await q.FindAsync(p.Filter(), query.Sort, query.Descending, ct);
        return ApiResults.From(rows, list => TypedResults.File(CatalogueCsv.Write(list, t), "text/csv; charset=utf-8", "catalogue.csv"));
    }

    private static async Task<Results<Ok<ServiceDetail>, ValidationProblem, ProblemHttpResult>> GetService(int id, CatalogueQueries q, CancellationToken ct) =>
        ApiResults.From(await q.GetAsync(id, ct));

    private static async Task<Results<Ok<ServiceVersionsView>, ValidationProblem, ProblemHttpResult>> Versions(int id, ServiceVersions q, CancellationToken ct) =>
        ApiResults.From(await q.ListAsync(id, ct));
}

/// <summary>The catalogue search's query string, for the API and the CSV export.</summary>
public sealed class CatalogueSearchParameters
{
    public string? Q { get; init; }
    public string? Category { get; init; }
    public string? SubType { get; init; }
    public string? Technology { get; init; }
    public string? Sector { get; init; }
    public string? Audience { get; init; }
    public string? Delivery { get; init; }
    public string? Price { get; init; }
    public int? Trl { get; init; }
    public string? Language { get; init; }
    public string? Hub { get; init; }
    public string? Region { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public CatalogueFilter Filter() => new(Q, Category, SubType, Technology, Sector, Audience, Delivery, Price, Trl, Language, Hub, Region);
}

/// <summary>A catalogue search as CSV: one row per service, vocabulary in the reader's language.</summary>
public static class CatalogueCsv
{
    public static byte[] Write(IReadOnlyList<CatalogueRow> rows, IStringLocalizer<SharedResource> t)
    {
        using var stream = new MemoryStream();
        var csv = new CsvSheetWriter(stream);
        csv.AddRow([t["Network.Catalogue.Csv.Id"], t["Network.Catalogue.Csv.Title"], t["Network.Catalogue.Csv.Hub"], t["Network.Catalogue.Field.Category"],
            t["Network.Catalogue.Field.SubType"], t["Network.Catalogue.Field.Price"], t["Network.Catalogue.Csv.TrlMin"], t["Network.Catalogue.Csv.TrlMax"],
            t["Network.Catalogue.Field.Technologies"], t["Network.Catalogue.Field.Delivery"], t["Network.Catalogue.Csv.Summary"]]);
        foreach (var r in rows)
        {
            csv.AddRow([r.Id, r.Title, r.Hub.Name, t["Network.Category." + r.Category].Value, t["Network.SubType." + r.SubType].Value,
                t["Network.Price." + r.PriceModel].Value, r.TrlMin, r.TrlMax, string.Join(", ", r.Technologies.Select(k => t["Network.Technology." + k].Value)),
                string.Join(", ", r.Delivery.Select(k => t["Network.Delivery." + k].Value)), r.Summary]);
        }
        csv.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
