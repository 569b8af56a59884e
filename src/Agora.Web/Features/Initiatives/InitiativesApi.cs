using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Initiatives;

/// <summary>/api/v1/hubs/{slug}/initiatives and the hub's innovation process: the same rules as the pages.</summary>
public static class InitiativesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var hub = api.MapGroup("/hubs/{slug}").WithTags("Initiatives");
        var write = Policies.ForScope(ApiScopes.HubsWrite);

        hub.MapGet("/innovation-process", Process).AllowAnonymous().AddEndpointFilter(ReadScope)
            .WithSummary("The hub's innovation process: its stages in order (ISO 56002 clause 8.3 unless the hub set its own)")
            .Produces<IReadOnlyList<StageInfo>>().ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives", List).AllowAnonymous().AddEndpointFilter(ReadScope)
            .WithSummary("Initiatives of a hub that you may see")
            .WithDescription("Hub managers and an initiative's team see every initiative; the authors of its ideas see it too; everyone else those with a public summary. "
                + "Sort by updatedAt, createdAt or title (prefix - for descending; default -updatedAt).")
            .Produces<PagedList<InitiativeSummary>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives/{id:int}", Get).AllowAnonymous().AddEndpointFilter(ReadScope)
            .WithSummary("One initiative; its description and team only for the team and the hub's managers")
            .Produces<InitiativeDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives", Create).RequireAuthorization(write)
            .WithSummary("Start an initiative, from accepted ideas of the hub or directly (hub manager)")
            .WithDescription("Body: {\"title\", \"summary\", \"description\" (Markdown), \"visibility\": \"HubInternal\" (default) or \"PublicSummary\", "
                + "\"ideaIds\": [accepted ideas of the hub not yet in an initiative, at most 20]}. It enters the process's first stage with you as owner; "
                + "the ideas' authors and co-authors are notified.")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/initiatives/{id:int}/documents", AddDocument).RequireAuthorization(write).DisableAntiforgery().AcceptsFileForm("file")
            .WithSummary("Attach a document to an initiative (its team and the hub's managers)")
            .WithDescription("multipart/form-data with the file in \"file\" (PDF, Office or OpenDocument, PNG, JPEG or WebP, recognised by content; at most 10 MB) "
                + "and its kind in \"kind\" (ConceptDescription, ValidationPlan, ValidationReport, PilotReport, DeploymentPlan, BusinessCase, Other). "
                + "A stage's gate lets the initiative on only when the kinds the stage requires are attached.")
            .Produces<DocumentView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives/{id:int}/documents/{documentId:int}", Download).AllowAnonymous().AddEndpointFilter(ReadScope)
            .WithSummary("Download a document (the team, the hub's managers and gatekeepers; every download is audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/initiatives/{id:int}", Edit).RequireAuthorization(write)
            .WithSummary("Edit an initiative's texts, visibility and classification (its owner and hub managers)")
            .WithDescription("Body: {\"title\", \"summary\", \"description\", \"visibility\", \"verganti\": EverydayImprovement | TechnologyDriven | MeaningDriven | Epiphany, "
                + "\"kind\": Product | Service | Process | Organisational | BusinessModel, \"stakeholders\": e.g. \"PatientsAndCitizens, OwnersAndCustomers\", "
                + "\"version\": the version you saw (409 when it changed)}. Left-out classification is cleared.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapGet("/effect-goals", EffectGoals).AllowAnonymous().AddEndpointFilter(ReadScope)
            .WithSummary("The hub's effect goals, which initiatives' benefits work towards")
            .Produces<IReadOnlyList<EffectGoalView>>().ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/benefits", AddBenefit).RequireAuthorization(write)
            .WithSummary("Add an expected benefit (the team and hub managers)")
            .WithDescription("Body: {\"indicator\", \"unit\", \"baseline\", \"target\", \"effectGoalId\" (optional, one of the hub's effect goals)}.")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/benefits/{benefitId:int}/measurements", Measure).RequireAuthorization(write)
            .WithSummary("Record a measurement of a benefit's indicator (the team and hub managers)")
            .WithDescription("Body: {\"measuredOn\": \"2026-11-01\" (not in the future), \"value\", \"note\"}.")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/used", MarkUsed).RequireAuthorization(write)
            .WithSummary("Mark a deployed initiative as used (gatekeepers and hub managers)")
            .WithDescription("Body: {\"rationale\"}. Only in the process's last stage, and only with at least one benefit measurement.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/initiatives/{id:int}/gate", Gate).RequireAuthorization(write)
            .WithSummary("Decide at the gate of the initiative's stage (gatekeepers and hub managers)")
            .WithDescription("Body: {\"outcome\": \"Go\" | \"Pivot\" | \"Hold\" | \"Stop\", \"rationale\": required, \"pivotTo\": an earlier stage's id (pivot), "
                + "\"version\": the initiative's version you saw (optional; 409 when it changed)}. Go moves to the next stage (or resumes one on hold); "
                + "stop ends the initiative, the rationale saying why and what was learned. The team and the authors and followers of its ideas are notified.")
            .Produces(StatusCodes.Status200OK).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> AddDocument(string slug, int id, HttpRequest request, AddInitiativeDocument add, CancellationToken ct)
    {
        if (!request.HasFormContentType) return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest);
        }
        ArtefactKind? kind = Enum.TryParse<ArtefactKind>(form["kind"].ToString(), ignoreCase: true, out var k) ? k
            : string.IsNullOrEmpty(form["kind"]) ? null : (ArtefactKind)(-1);
        var upload = await Ideas.IdeasApi.ReadUploadAsync(form.Files.GetFile("file"), ct);
        return ApiResults.From(await add.AddAsync(slug, id, kind, upload, ct), d => TypedResults.Created(d.Url, d));
    }

    private static async Task<IResult> Download(string slug, int id, int documentId, InitiativeDocuments documents, CancellationToken ct) =>
        await documents.DownloadAsync(slug, id, documentId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    private static async Task<IResult> Edit(string slug, int id, InitiativeChanges input, EditInitiative edit, CancellationToken ct) =>
        ApiResults.From(await edit.EditAsync(slug, id, input, ct), _ => TypedResults.Ok(new { id }));

    private static async Task<IResult> EffectGoals(string slug, InitiativeBenefits benefits, CancellationToken ct) =>
        await benefits.EffectGoalsAsync(slug, ct) is { } goals ? TypedResults.Ok(goals) : NotFound();

    private static async Task<IResult> AddBenefit(string slug, int id, BenefitInput input, InitiativeBenefits benefits, CancellationToken ct) =>
        ApiResults.From(await benefits.AddBenefitAsync(slug, id, input, ct), b => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}", new { id = b }));

    private static async Task<IResult> Measure(string slug, int id, int benefitId, MeasurementInput input, InitiativeBenefits benefits, CancellationToken ct) =>
        ApiResults.From(await benefits.MeasureAsync(slug, id, benefitId, input, ct), m => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}", new { id = m }));

    public sealed record UsedBody(string? Rationale);

    private static async Task<IResult> MarkUsed(string slug, int id, UsedBody body, InitiativeBenefits benefits, CancellationToken ct) =>
        ApiResults.From(await benefits.MarkUsedAsync(slug, id, body.Rationale, ct), _ => TypedResults.Ok(new { status = InitiativeStatus.Used }));

    private static async Task<IResult> Gate(string slug, int id, GateInput input, DecideGate decide, CancellationToken ct) =>
        ApiResults.From(await decide.DecideAsync(slug, id, input, ct), outcome => TypedResults.Ok(new { outcome }));

    /// <summary>Reads are open to everyone, but a personal access token must carry hubs:read.</summary>
    internal static async ValueTask<object?> ReadScope(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var user = ctx.HttpContext.User;
        if (user.HasClaim(c => c.Type == AgoraClaims.TokenId) && !user.HasClaim(AgoraClaims.Scope, ApiScopes.HubsRead))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden);
        return await next(ctx);
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> Process(string slug, InitiativeQueries q, CancellationToken ct) =>
        await q.ProcessAsync(slug, ct) is { } stages ? TypedResults.Ok(stages) : NotFound();

    private static async Task<IResult> List(string slug, int? page, int? pageSize, string? sort, InitiativeQueries q,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, InitiativeQueries.Sorts, InitiativeQueries.DefaultSort);
        if (query is null) return ApiResults.BadQuery(t);
        return await q.ListAsync(slug, query, ct) is { } list ? TypedResults.Ok(list) : NotFound();
    }

    private static async Task<IResult> Get(string slug, int id, InitiativeQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, id, ct) is { } detail ? TypedResults.Ok(detail) : NotFound();

    private static async Task<IResult> Create(string slug, InitiativeInput input, CreateInitiative create, CancellationToken ct) =>
        ApiResults.From(await create.CreateAsync(slug, input, ct),
            id => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}", new { id, page = $"/hubs/{slug}/initiatives/{id}" }));
}
