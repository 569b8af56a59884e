using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Initiatives;

/// <summary>/api/v1/hubs/{slug}/initiatives and the hub's innovation process: the same rules as the pages.</summary>
public static class InitiativesApi
{
    public sealed record InitiativeItemRef(int Id);
    public sealed record InitiativeLink(int Id, string Page);
    public sealed record SettingRef(Guid Id);
    public sealed record InitiativeStatusAnswer(InitiativeStatus Status);
    public sealed record GateAnswer(GateOutcome Outcome);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hub = api.MapGroup("/hubs/{slug}").WithTags("Initiatives");
        var write = ApiScopes.HubsWrite;

        hub.MapGet("/innovation-process", Process).WithName("GetInnovationProcess").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("The hub's innovation process: its stages in order (ISO 56002 clause 8.3 unless the hub set its own)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives", List).WithName("ListInitiatives").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("Initiatives of a hub that you may see")
            .WithDescription("Hub managers and an initiative's team see every initiative; the authors of its ideas see it too; everyone else those with a public summary. "
                + "Sort by updatedAt, createdAt or title (prefix - for descending; default -updatedAt).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives/{id:int}", Get).WithName("GetInitiative").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("One initiative; its description and team only for the team and the hub's managers")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives", Create).WithName("StartInitiative").RequireScope(write)
            .WithSummary("Start an initiative, from accepted ideas of the hub or directly (hub manager)")
            .WithDescription("Body: {\"title\", \"summary\", \"description\" (Markdown), \"visibility\": \"HubInternal\" (default) or \"PublicSummary\", "
                + "\"ideaIds\": [accepted ideas of the hub not yet in an initiative, at most 20]}. It enters the process's first stage with you as owner; "
                + "the ideas' authors and co-authors are notified.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/initiatives/{id:int}/documents", AddDocument).WithName("AddInitiativeDocument").RequireScope(write).DisableAntiforgery().AcceptsFileForm("file")
            .WithSummary("Attach a document to an initiative (its team and the hub's managers)")
            .WithDescription("multipart/form-data with the file in \"file\" (PDF, Office or OpenDocument, PNG, JPEG or WebP, recognised by content; at most 10 MB) "
                + "and its kind in \"kind\" (ConceptDescription, ValidationPlan, ValidationReport, PilotReport, DeploymentPlan, BusinessCase, Other). "
                + "A stage's gate lets the initiative on only when the kinds the stage requires are attached.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives/{id:int}/documents/{documentId:int}", Download).WithName("DownloadInitiativeDocument").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("Download a document (the team, the hub's managers and gatekeepers; every download is audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/initiatives/{id:int}", Edit).WithName("EditInitiative").RequireScope(write)
            .WithSummary("Edit an initiative's texts, visibility and classification (its owner and hub managers)")
            .WithDescription("Body: {\"title\", \"summary\", \"description\", \"visibility\", \"verganti\": EverydayImprovement | TechnologyDriven | MeaningDriven | Epiphany, "
                + "\"kind\": Product | Service | Process | Organisational | BusinessModel, \"stakeholders\": e.g. \"PatientsAndCitizens, OwnersAndCustomers\", "
                + "\"version\": the version you saw (409 when it changed)}. Left-out classification is cleared.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapGet("/effect-goals", EffectGoals).WithName("ListEffectGoals").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("The hub's effect goals, which initiatives' benefits work towards")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/benefits", AddBenefit).WithName("AddBenefit").RequireScope(write)
            .WithSummary("Add an expected benefit (the team and hub managers)")
            .WithDescription("Body: {\"indicator\", \"unit\", \"baseline\", \"target\", \"effectGoalId\" (optional, one of the hub's effect goals)}.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/benefits/{benefitId:int}/measurements", Measure).WithName("RecordMeasurement").RequireScope(write)
            .WithSummary("Record a measurement of a benefit's indicator (the team and hub managers)")
            .WithDescription("Body: {\"measuredOn\": \"2026-11-01\" (not in the future), \"value\", \"note\"}.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/used", MarkUsed).WithName("MarkInitiativeUsed").RequireScope(write)
            .WithSummary("Mark a deployed initiative as used (gatekeepers and hub managers)")
            .WithDescription("Body: {\"rationale\"}. Only in the process's last stage, and only with at least one benefit measurement.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapGet("/evaluation-criteria", Criteria).WithName("ListEvaluationCriteria").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("The hub's evaluation criteria with their weights (scored 1–5, 5 always best)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives/{id:int}/scorecard", Scorecard).WithName("GetScorecard").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("An initiative's evaluation scorecard at a stage (the current one unless ?stage= names another)")
            .WithDescription("\"result\" is null until you may see it: evaluators after submitting their own scores at that stage (never after declaring a conflict of interest), "
                + "gatekeepers and hub managers who are not evaluators themselves. Evaluations with a declared conflict of interest are listed but not counted.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/evaluations", Evaluate).WithName("SubmitEvaluation").RequireScope(write)
            .WithSummary("Submit your scorecard for the initiative's current stage (the hub's evaluators, not its team; once per stage)")
            .WithDescription("Body: {\"scores\": {\"<criterion id>\": 1–5, … every criterion}, \"comment\", \"conflict\": true to declare a conflict of interest "
                + "(then \"conflictNote\" is required and no scores are needed; the evaluation is kept but left out of the result)}.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapGet("/initiatives/{id:int}/resources", Resources).WithName("GetInitiativeResources").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("An initiative's budget (per quarter and funding source, in the hub's currency) and risks")
            .WithDescription("For the team, the hub's managers, gatekeepers and evaluators; 404 for everyone else.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/initiatives/{id:int}/budget", SetBudget).WithName("SetBudget").RequireScope(write)
            .WithSummary("Set the budget of one quarter and funding source (the team and hub managers)")
            .WithDescription("Body: {\"year\", \"quarter\": 1–4, \"source\": Internal | EuStructuralFunds | NationalGrant | PartnerContribution, "
                + "\"planned\", \"spent\"}. Replaces what that quarter and source had; 0 and 0 removes the line.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/risks", AddRisk).WithName("AddRisk").RequireScope(write)
            .WithSummary("Add a risk (the team and hub managers)")
            .WithDescription("Body: {\"description\", \"likelihood\": 1–5, \"impact\": 1–5, \"mitigation\"}. The score is likelihood × impact.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/initiatives/{id:int}/risks/{riskId:int}", UpdateRisk).WithName("ChangeRisk").RequireScope(write)
            .WithSummary("Change a risk, or close it with \"closed\": true (the team and hub managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives/{id:int}/team", Team).WithName("GetInitiativeTeam").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("An initiative's team with roles, partner organisations and milestones")
            .WithDescription("For the team, the hub's managers, gatekeepers and evaluators; 404 for everyone else.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/initiatives/{id:int}/team", SetMember).WithName("SetTeamMember").RequireScope(write)
            .WithSummary("Add a member of the hub to the team or change their role (the owner and hub managers)")
            .WithDescription("Body: {\"email\", \"role\": Owner | ProjectManager | ClinicalLead | TechnicalLead | Member | Advisor}. "
                + "Making someone owner hands ownership over; the previous owner stays as a member.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete("/initiatives/{id:int}/team/{userId:guid}", RemoveMember).WithName("RemoveTeamMember").RequireScope(write)
            .WithSummary("Take someone off the team (not the owner)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/partners", AddPartner).WithName("AddPartner").RequireScope(write)
            .WithSummary("Add a partner organisation (the team and hub managers)")
            .WithDescription("Body: {\"name\", \"kind\": Hospital | Municipality | Company | Research | PatientOrganisation | PublicAgency | Other, \"contribution\"}.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete("/initiatives/{id:int}/partners/{partnerId:int}", RemovePartner).WithName("RemovePartner").RequireScope(write)
            .WithSummary("Remove a partner organisation")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/milestones", AddMilestone).WithName("AddMilestone").RequireScope(write)
            .WithSummary("Add a milestone (the team and hub managers)")
            .WithDescription("Body: {\"title\", \"dueOn\": \"2027-03-31\"}.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/initiatives/{id:int}/milestones/{milestoneId:int}", CompleteMilestone).WithName("CompleteMilestone").RequireScope(write)
            .WithSummary("Mark a milestone done ({\"doneOn\": a date, not in the future}) or open again ({\"doneOn\": null})")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete("/initiatives/{id:int}/milestones/{milestoneId:int}", RemoveMilestone).WithName("RemoveMilestone").RequireScope(write)
            .WithSummary("Remove a milestone")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/initiatives/lessons", Lessons).WithName("ListLessonsLearned").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("Lessons learned: stopped initiatives you may see and what was learned, optionally matching ?q= (every word, any case)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var settings = hub.MapGroup("/portfolio-settings").RequireScope(write);
        hub.MapGet("/portfolio-settings", Settings).WithName("GetPortfolioSettings").RequireScope(write).WithSummary("The hub's portfolio settings: currency, stages, effect goals, criteria (hub managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPut("/currency", SetCurrency).WithName("SetPortfolioCurrency").WithSummary("Set the currency of the hub's budgets: {\"currency\": \"NOK\"} (ISO 4217)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPost("/stages", AddStage).WithName("AddStage")
            .WithSummary("Add a stage at the end of the process")
            .WithDescription("Body: {\"nameEn\", \"namePt\", \"nameNb\", \"step\": IdentifyOpportunity | CreateConcept | ValidateConcept | DevelopSolution | DeploySolution, "
                + "\"required\": [artefact kinds the stage needs before its gate]}.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPut("/stages/{itemId:guid}", ChangeStage).WithName("ChangeStage")
            .WithSummary("Change a stage's names, step and required artefacts")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapDelete("/stages/{itemId:guid}", RemoveStage).WithName("RemoveStage")
            .WithSummary("Remove a stage that holds no initiatives and no history")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPost("/effect-goals", AddGoal).WithName("AddEffectGoal")
            .WithSummary("Add an effect goal: {\"nameEn\", \"namePt\", \"nameNb\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPut("/effect-goals/{itemId:guid}", RenameGoal).WithName("RenameEffectGoal")
            .WithSummary("Rename an effect goal")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapDelete("/effect-goals/{itemId:guid}", RemoveGoal).WithName("RemoveEffectGoal")
            .WithSummary("Remove an effect goal (benefits towards it keep their figures without a goal)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPost("/criteria", AddCriterion).WithName("AddCriterion")
            .WithSummary("Add an evaluation criterion: {\"nameEn\", \"namePt\", \"nameNb\", \"weight\": 1–10}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPut("/criteria/{itemId:guid}", ChangeCriterion).WithName("ChangeCriterion")
            .WithSummary("Change a criterion's names and weight (later evaluations use the new weight; submitted ones keep theirs)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapDelete("/criteria/{itemId:guid}", RemoveCriterion).WithName("RemoveCriterion")
            .WithSummary("Remove a criterion no evaluation has scored")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPost("/{what:regex(^(stages|effect-goals|criteria)$)}/{itemId:guid}/move", Move).WithName("MovePortfolioSetting")
            .WithSummary("Move a stage, effect goal or criterion one place: {\"up\": true} towards the start, false towards the end")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/initiatives/{id:int}/gate", Gate).WithName("DecideGate").RequireScope(write)
            .WithSummary("Decide at the gate of the initiative's stage (gatekeepers and hub managers)")
            .WithDescription("Body: {\"outcome\": \"Go\" | \"Pivot\" | \"Hold\" | \"Stop\", \"rationale\": required, \"pivotTo\": an earlier stage's id (pivot), "
                + "\"version\": the initiative's version you saw (optional; 409 when it changed), \"lessons\": what was learned (required to stop)}. Go moves to the next stage (or resumes one on hold); "
                + "stop ends the initiative, its lessons shared with everyone who may see it. The team and the authors and followers of its ideas are notified.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult>> AddDocument(string slug, int id, HttpRequest request, AddInitiativeDocument add, CancellationToken ct)
    {
        var (form, problem) = await ApiResults.ReadFormAsync(request, ct);
        if (form is null) return problem!;
        ArtefactKind? kind = Enum.TryParse<ArtefactKind>(form["kind"].ToString(), ignoreCase: true, out var k) ? k
            : string.IsNullOrEmpty(form["kind"]) ? null : (ArtefactKind)(-1);
        var upload = await Uploads.ReadAsync(form.Files.GetFile("file"), Uploads.MaxBytes, ct);
        return ApiResults.From(await add.AddAsync(slug, id, kind, upload, ct), d => TypedResults.Created(d.Url, d));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string slug, int id, int documentId, InitiativeDocuments documents, CancellationToken ct) =>
        await documents.DownloadAsync(slug, id, documentId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ApiResults.NotFound();

    private static async Task<Results<Ok<InitiativeItemRef>, ValidationProblem, ProblemHttpResult>> Edit(string slug, int id, InitiativeChanges input, EditInitiative edit, CancellationToken ct) =>
        ApiResults.From(await edit.EditAsync(slug, id, input, ct), _ => TypedResults.Ok(new InitiativeItemRef(id)));

    private static async Task<Results<Ok<IReadOnlyList<EffectGoalView>>, ProblemHttpResult>> EffectGoals(string slug, InitiativeBenefits benefits, CancellationToken ct) =>
        await benefits.EffectGoalsAsync(slug, ct) is { } goals ? TypedResults.Ok(goals) : ApiResults.NotFound();

    private static async Task<Results<Created<InitiativeItemRef>, ValidationProblem, ProblemHttpResult>> AddBenefit(string slug, int id, BenefitInput input, InitiativeBenefits benefits, CancellationToken ct) =>
        ApiResults.From(await benefits.AddBenefitAsync(slug, id, input, ct), b => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}", new InitiativeItemRef(b)));

    private static async Task<Results<Created<InitiativeItemRef>, ValidationProblem, ProblemHttpResult>> Measure(string slug, int id, int benefitId, MeasurementInput input, InitiativeBenefits benefits, CancellationToken ct) =>
        ApiResults.From(await benefits.MeasureAsync(slug, id, benefitId, input, ct), m => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}", new InitiativeItemRef(m)));

    public sealed record UsedBody(string? Rationale);

    private static async Task<Results<Ok<InitiativeStatusAnswer>, ValidationProblem, ProblemHttpResult>> MarkUsed(string slug, int id, UsedBody body, InitiativeBenefits benefits, CancellationToken ct) =>
        ApiResults.From(await benefits.MarkUsedAsync(slug, id, body.Rationale, ct), _ => TypedResults.Ok(new InitiativeStatusAnswer(InitiativeStatus.Used)));

    private static async Task<Results<Ok<GateAnswer>, ValidationProblem, ProblemHttpResult>> Gate(string slug, int id, GateInput input, DecideGate decide, CancellationToken ct) =>
        ApiResults.From(await decide.DecideAsync(slug, id, input, ct), outcome => TypedResults.Ok(new GateAnswer(outcome)));

    private static async Task<Results<Ok<IReadOnlyList<CriterionView>>, ProblemHttpResult>> Criteria(string slug, InitiativeScorecards scorecards, CancellationToken ct) =>
        await scorecards.CriteriaAsync(slug, ct) is { } criteria ? TypedResults.Ok(criteria) : ApiResults.NotFound();

    private static async Task<Results<Ok<ScorecardView>, ProblemHttpResult>> Scorecard(string slug, int id, Guid? stage, InitiativeScorecards scorecards, CancellationToken ct) =>
        await scorecards.GetAsync(slug, id, stage, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    public sealed record EvaluationBody(Dictionary<Guid, int>? Scores, string? Comment, bool Conflict, string? ConflictNote);

    private static async Task<Results<Created<InitiativeItemRef>, ValidationProblem, ProblemHttpResult>> Evaluate(string slug, int id, EvaluationBody body, InitiativeScorecards scorecards, CancellationToken ct) =>
        ApiResults.From(await scorecards.SubmitAsync(slug, id, new ScorecardInput(body.Conflict, body.ConflictNote, body.Comment, body.Scores), ct),
            e => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}/scorecard", new InitiativeItemRef(e)));

    private static async Task<Results<Ok<ResourcesView>, ProblemHttpResult>> Resources(string slug, int id, InitiativeResources resources, CancellationToken ct) =>
        await resources.GetAsync(slug, id, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> SetBudget(string slug, int id, BudgetInput input, InitiativeResources resources, CancellationToken ct) =>
        ApiResults.From(await resources.SetBudgetAsync(slug, id, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<InitiativeItemRef>, ValidationProblem, ProblemHttpResult>> AddRisk(string slug, int id, RiskInput input, InitiativeResources resources, CancellationToken ct) =>
        ApiResults.From(await resources.AddRiskAsync(slug, id, input, ct), r => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}/resources", new InitiativeItemRef(r)));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> UpdateRisk(string slug, int id, int riskId, RiskInput input, InitiativeResources resources, CancellationToken ct) =>
        ApiResults.From(await resources.UpdateRiskAsync(slug, id, riskId, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> Team(string slug, int id, InitiativeTeam team, CancellationToken ct) =>
        await team.GetAsync(slug, id, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound();

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> SetMember(string slug, int id, MemberInput input, InitiativeTeam team, CancellationToken ct) =>
        ApiResults.From(await team.SetMemberAsync(slug, id, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMember(string slug, int id, Guid userId, InitiativeTeam team, CancellationToken ct) =>
        ApiResults.From(await team.RemoveMemberAsync(slug, id, userId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Created<InitiativeItemRef>, ValidationProblem, ProblemHttpResult>> AddPartner(string slug, int id, PartnerInput input, InitiativeTeam team, CancellationToken ct) =>
        ApiResults.From(await team.AddPartnerAsync(slug, id, input, ct), p => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}/team", new InitiativeItemRef(p)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemovePartner(string slug, int id, int partnerId, InitiativeTeam team, CancellationToken ct) =>
        ApiResults.From(await team.RemovePartnerAsync(slug, id, partnerId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Created<InitiativeItemRef>, ValidationProblem, ProblemHttpResult>> AddMilestone(string slug, int id, MilestoneInput input, InitiativeTeam team, CancellationToken ct) =>
        ApiResults.From(await team.AddMilestoneAsync(slug, id, input, ct), m => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}/team", new InitiativeItemRef(m)));

    public sealed record MilestoneDone(DateOnly? DoneOn);

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> CompleteMilestone(string slug, int id, int milestoneId, MilestoneDone body, InitiativeTeam team, CancellationToken ct) =>
        ApiResults.From(await team.CompleteMilestoneAsync(slug, id, milestoneId, body.DoneOn, ct), _ => TypedResults.Ok());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMilestone(string slug, int id, int milestoneId, InitiativeTeam team, CancellationToken ct) =>
        ApiResults.From(await team.RemoveMilestoneAsync(slug, id, milestoneId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<PagedList<InitiativeHit>>, ValidationProblem, ProblemHttpResult>> Lessons(string slug, string? q, int? page, InitiativeQueries queries, AgoraDbContext db,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (q?.Length > Pages.LessonsModel.MaxQueryLength || page is < 1 or > 10_000) return ApiResults.BadQuery(t);
        if (await db.HubIdAsync(slug, ct) is not { } hub) return ApiResults.NotFound();
        return TypedResults.Ok(Pages.LessonsModel.Page(await queries.FindAsync(hub, q, stoppedOnly: true, ct), page ?? 1));
    }

    private static async Task<Results<Ok<PortfolioSettingsView>, ValidationProblem, ProblemHttpResult>> Settings(string slug, PortfolioSettings settings, CancellationToken ct) =>
        ApiResults.From(await settings.GetAsync(slug, ct), view => TypedResults.Ok(view));

    public sealed record CurrencyBody(string? Currency);

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> SetCurrency(string slug, CurrencyBody body, PortfolioSettings settings, CancellationToken ct) =>
        ApiResults.From(await settings.SetCurrencyAsync(slug, body.Currency, ct), _ => TypedResults.Ok());

    private static async Task<Results<Created<SettingRef>, ValidationProblem, ProblemHttpResult>> Saved(Task<Result<Guid>> work) =>
        ApiResults.From(await work, id => TypedResults.Created((string?)null, new SettingRef(id)));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Changed(Task<Result<Guid>> work) => ApiResults.From(await work, _ => TypedResults.Ok());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Removed(Task<Result<int>> work) => ApiResults.From(await work, _ => TypedResults.NoContent());

    private static Task<Results<Created<SettingRef>, ValidationProblem, ProblemHttpResult>> AddStage(string slug, StageInput input, PortfolioSettings s,
        CancellationToken ct) => Saved(s.SaveStageAsync(slug, null, input, ct));

    private static Task<Results<Ok, ValidationProblem, ProblemHttpResult>> ChangeStage(string slug, Guid itemId, StageInput input, PortfolioSettings s,
        CancellationToken ct) => Changed(s.SaveStageAsync(slug, itemId, input, ct));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveStage(string slug, Guid itemId, PortfolioSettings s,
        CancellationToken ct) => Removed(s.RemoveStageAsync(slug, itemId, ct));

    private static Task<Results<Created<SettingRef>, ValidationProblem, ProblemHttpResult>> AddGoal(string slug, GoalInput input, PortfolioSettings s,
        CancellationToken ct) => Saved(s.SaveGoalAsync(slug, null, input, ct));

    private static Task<Results<Ok, ValidationProblem, ProblemHttpResult>> RenameGoal(string slug, Guid itemId, GoalInput input, PortfolioSettings s,
        CancellationToken ct) => Changed(s.SaveGoalAsync(slug, itemId, input, ct));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveGoal(string slug, Guid itemId, PortfolioSettings s,
        CancellationToken ct) => Removed(s.RemoveGoalAsync(slug, itemId, ct));

    private static Task<Results<Created<SettingRef>, ValidationProblem, ProblemHttpResult>> AddCriterion(string slug, CriterionInput input, PortfolioSettings s,
        CancellationToken ct) => Saved(s.SaveCriterionAsync(slug, null, input, ct));

    private static Task<Results<Ok, ValidationProblem, ProblemHttpResult>> ChangeCriterion(string slug, Guid itemId, CriterionInput input, PortfolioSettings s,
        CancellationToken ct) => Changed(s.SaveCriterionAsync(slug, itemId, input, ct));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveCriterion(string slug, Guid itemId, PortfolioSettings s,
        CancellationToken ct) => Removed(s.RemoveCriterionAsync(slug, itemId, ct));

    public sealed record MoveBody(bool Up);

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Move(string slug, string what, Guid itemId, MoveBody body, PortfolioSettings settings, CancellationToken ct) =>
        ApiResults.From(await settings.MoveAsync(slug, what switch { "stages" => "stage", "effect-goals" => "goal", _ => "criterion" }, itemId, body.Up, ct),
            _ => TypedResults.Ok());

    private static async Task<Results<Ok<IReadOnlyList<StageInfo>>, ProblemHttpResult>> Process(string slug, InitiativeQueries q, CancellationToken ct) =>
        await q.ProcessAsync(slug, ct) is { } stages ? TypedResults.Ok(stages) : ApiResults.NotFound();

    private static async Task<Results<Ok<PagedList<InitiativeSummary>>, ValidationProblem, ProblemHttpResult>> List(string slug, int? page, int? pageSize, string? sort, InitiativeQueries q,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, InitiativeQueries.Sorts, InitiativeQueries.DefaultSort);
        if (query is null) return ApiResults.BadQuery(t);
        return await q.ListAsync(slug, query, ct) is { } list ? TypedResults.Ok(list) : ApiResults.NotFound();
    }

    private static async Task<Results<Ok<InitiativeDetail>, ProblemHttpResult>> Get(string slug, int id, InitiativeQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();

    private static async Task<Results<Created<InitiativeLink>, ValidationProblem, ProblemHttpResult>> Create(string slug, InitiativeInput input, CreateInitiative create, CancellationToken ct) =>
        ApiResults.From(await create.CreateAsync(slug, input, ct),
            id => TypedResults.Created($"/api/v1/hubs/{slug}/initiatives/{id}", new InitiativeLink(id, $"/hubs/{slug}/initiatives/{id}")));
}
