using System.Text.Json.Nodes;
using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests;

/// <summary>/api/v1/hubs/{slug}/requests and /api/v1/me/requests: the same rules as the pages.</summary>
public static class RequestsApi
{
    public sealed record RequestLink(int Id, string Page);
    public sealed record RequestVersion(int Version);
    public sealed record RequestStateAnswer(RequestState State);
    public sealed record RequestFileRef(Guid Id);
    public sealed record ReviewRef(Guid Id);
    public sealed record MessageRef(long Id);
    public sealed record RegisterAnswer(bool Published);
    public sealed record RequestTypeRef(string Key);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hub = api.MapGroup("/hubs/{slug}").WithTags("Requests");
        var read = ApiScopes.HubsRead;
        var write = ApiScopes.HubsWrite;

        hub.MapGet("/request-types", Types).WithName("ListRequestTypes").AllowAnonymous().RequireScope(read)
            .WithSummary("The kinds of request a hub takes, with their forms' names (research or innovation participation, health-data access, sandbox test, the hub's own)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/request-types/{key}/form", Form).WithName("GetRequestForm").AllowAnonymous().RequireScope(read)
            .WithSummary("A kind of request's form: sections and fields (kind, label, help, options, required, repeatable groups)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/requests", List).WithName("ListHubRequests").RequireScope(read)
            .WithSummary("The hub's requests you work on (hub managers: all but drafts; reviewers: those assigned to them)")
            .WithDescription("Filters: state (Submitted, Returned, InReview, Approved, ApprovedWithConditions, Rejected, Withdrawn), type (a request type's key), "
                + "overdue=true (in review past the decision deadline), page. Open requests come first, the nearest deadline on top.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/requests", Create).WithName("StartRequest").ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write)
            .WithSummary("Start a request as a draft: {\"typeKey\", \"title\"}")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/requests/{id:int}", Get).WithName("GetRequest").RequireScope(read)
            .WithSummary("One request (its applicant, assigned reviewers and hub managers; 404 for everyone else). Every view is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/requests/{id:int}", Save).WithName("SaveRequest").RequireScope(write)
            .WithSummary("Save a draft or returned request: {\"title\", \"answers\": {field key: value; multiple choices as arrays; groups as arrays of objects}, \"version\"}")
            .WithDescription("Answers are checked for shape (options, dates yyyy-MM-dd, numbers, lengths) but not for completeness; submitting checks that.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/submit", Submit).WithName("SubmitRequest").RequireScope(write)
            .WithSummary("Submit (or resubmit once completed): every required answer and document must be there")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/return", Return).WithName("ReturnRequest").RequireScope(write)
            .WithSummary("Return a submitted request for completion (hub managers): {\"missing\", \"dueOn\" (default: in four weeks)}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/accept", Accept).WithName("AcceptRequest").RequireScope(write)
            .WithSummary("Find a submitted request complete and start its review (hub managers); the decision deadline runs from today")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/extend", Extend).WithName("ExtendRequestDeadline").RequireScope(write)
            .WithSummary("Extend the decision deadline once (hub managers): {\"months\": 1–3, \"reason\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/withdraw", Withdraw).WithName("WithdrawRequest").RequireScope(write)
            .WithSummary("Withdraw your request (until it is decided)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/files", AddFile).WithName("AddRequestFile").RequireScope(write).DisableAntiforgery().AcceptsFileForm("file")
            .WithSummary("Attach a document to one of the form's file fields (the applicant, while editable)")
            .WithDescription("multipart/form-data: \"field\" (the file field's key) and \"file\" (PDF, Office or OpenDocument, PNG, JPEG or WebP; at most 10 MB).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/requests/{id:int}/files/{fileId:guid}", Download).WithName("DownloadRequestFile").RequireScope(read)
            .WithSummary("Download a request's document (its applicant, assigned reviewers and hub managers; every download is audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapDelete("/requests/{id:int}/files/{fileId:guid}", RemoveFile).WithName("RemoveRequestFile").RequireScope(write)
            .WithSummary("Remove a document (the applicant, while editable)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        hub.MapPost("/requests/{id:int}/reviewers", Assign).WithName("AssignReviewer").RequireScope(write)
            .WithSummary("Assign a reviewer in a role (hub managers): {\"email\" of a member of the hub, \"role\": Legal | Privacy | Ethics | Technical | Clinical | Business | Security}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapDelete("/requests/{id:int}/reviewers/{reviewId:guid}", Unassign).WithName("UnassignReviewer").RequireScope(write)
            .WithSummary("Take a reviewer off (hub managers; not once signed off)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPut("/requests/{id:int}/reviews/{reviewId:guid}", Review).WithName("SaveReview").RequireScope(write)
            .WithSummary("Save your review: {\"checklist\": {item key: true/false}, \"recommendation\": Approve | ApproveWithConditions | Reject, \"opinion\", \"signOff\": true to sign it off (final)}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/notes", AddNote).WithName("AddInternalNote")
            .RequireScope(write)
            .WithSummary("Write an internal note (hub managers and assigned reviewers); never shown to the applicant: {\"body\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/questions", Ask).WithName("AskApplicant")
            .RequireScope(write)
            .WithSummary("Ask the applicant a question (hub managers and assigned reviewers): {\"body\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/answers", AnswerQuestion).WithName("AnswerQuestion")
            .RequireScope(write)
            .WithSummary("Answer a question (the applicant): {\"questionId\", \"body\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/decision", Decide).WithName("DecideRequest").RequireScope(write)
            .WithSummary("Decide a request in review (hub managers)")
            .WithDescription("Body: {\"decision\": Approved | ApprovedWithConditions | Rejected, \"reasons\" (required to reject), \"conditions\" (required with conditions), "
                + "\"permit\": {\"validFrom\", \"validTo\", \"grantedData\", \"environment\", \"authorisedPeople\", \"conditions\"} (required to approve a health-data application)}. "
                + "Approval is refused (409) until the reviews the kind of request needs are signed off: legal and privacy for health-data access, security for a sandbox test.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/permit", AmendPermit).WithName("AmendPermit").RequireScope(write)
            .WithSummary("Amend or renew the data permit: a new version with {\"validFrom\", \"validTo\", \"grantedData\", \"environment\", \"authorisedPeople\", \"conditions\", \"reason\"} (hub managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hub.MapPost("/requests/{id:int}/permit/revoke", RevokePermit).WithName("RevokePermit").RequireScope(write)
            .WithSummary("Revoke the data permit with a reason (hub managers): {\"reason\"}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        hub.MapGet("/requests/dashboard", Dashboard).WithName("GetRequestDashboard").RequireScope(read)
            .WithSummary("The hub managers' overview: requests by kind and state, time to decision against the deadlines, reviewers' workload")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapGet("/register", Register).WithName("GetPublicRegister").AllowAnonymous().RequireScope(read)
            .WithSummary("The public register of health-data applications and their decisions (title, applicant organisation, purposes, state, dates; no personal data)")
            .WithDescription("404 unless the hub publishes its register.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/register", SetRegister).WithName("SetRegisterPublished").RequireScope(write)
            .WithSummary("Publish the register or take it down (hub managers): {\"published\": true|false}")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        hub.MapGet("/requests/{id:int}/letter.{format:regex(^(pdf|html)$)}", Letter).WithName("GetDecisionLetter").RequireScope(read)
            .WithSummary("The decision letter, in the applicant's language, as PDF or HTML (after the decision; every download is audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        hub.MapGet("/request-types/all", AllTypes).WithName("ListAllRequestTypes").RequireScope(read)
            .WithSummary("Every kind of request of the hub with its form and how many requests it has, offered or not (hub managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPost("/request-types", CreateType).WithName("DefineRequestType").RequireScope(write)
            .WithSummary("Define a kind of request of the hub's own (hub managers)")
            .WithDescription("Body: {\"key\": lowercase letters, digits and hyphens, \"nameEn\", \"namePt\", \"nameNb\", \"descriptionEn\", \"descriptionPt\", \"descriptionNb\", "
                + "\"decisionMonths\": 1–12, \"signOffs\": [review roles that must sign off before approval], \"active\", "
                + "\"separateDecider\": true when the manager who decides may not be one of the reviewers who signed off}. Its form starts empty: PUT its form next.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/request-types/{key}", UpdateType).WithName("ChangeRequestType").RequireScope(write)
            .WithSummary("Change a kind of request (a built-in one can only be switched on or off with \"active\")")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hub.MapPut("/request-types/{key}/form", SetForm).WithName("ReplaceRequestForm").RequireScope(write)
            .WithSummary("Replace the form of one of the hub's own kinds of request (the same shape as GET …/form), checked whole")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/me/requests", Mine).WithName("ListMyRequests").RequireScope(read).WithTags("Requests")
            .WithSummary("Your own requests in every hub, most recently changed first");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<RequestTypeView>>, ProblemHttpResult>> Types(string slug, RequestTypes types, CancellationToken ct) =>
        await types.ListAsync(slug, ct) is { } list ? TypedResults.Ok(list) : ApiResults.NotFound();

    private static async Task<Results<Ok<RequestForm>, ProblemHttpResult>> Form(string slug, string key, RequestTypes types, Platform.Data.AgoraDbContext db, CancellationToken ct)
    {
        if (await Hubs.HubLookup.HubIdAsync(db, slug, ct) is not { } hub) return ApiResults.NotFound();
        var type = (await types.ForHubAsync(hub, ct)).FirstOrDefault(t => t.Key == key && t.Active);
        return type is null ? ApiResults.NotFound() : TypedResults.Ok(RequestAnswers.ReadForm(type.FormJson));
    }

    private static async Task<Results<Ok<PagedList<RequestSummary>>, ValidationProblem, ProblemHttpResult>> List(string slug, string? state, string? type, bool? overdue, int? page, RequestQueries q, Hubs.HubQueries hubs,
        Viewers viewers, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        RequestState? s = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<RequestState>(state, ignoreCase: true, out var parsed) || parsed == RequestState.Draft) return ApiResults.BadQuery(t);
            s = parsed;
        }
        if (page is < 1 or > 10_000) return ApiResults.BadQuery(t);
        if (await hubs.GetAsync(slug, ct) is not { } hub) return ApiResults.NotFound();
        var viewer = await viewers.ForHubAsync(hub.Id, ct);
        var result = await q.HubAsync(slug, new RequestQueries.HubFilter(s, type, overdue == true, page ?? 1), viewer.IsManager, ct);
        return result is { } r ? TypedResults.Ok(r.List) : ApiResults.NotFound();
    }

    private static async Task<Results<Ok<PagedList<RequestSummary>>, ValidationProblem>> Mine(int? page, RequestQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        page is < 1 or > 10_000 ? ApiResults.BadQuery(t) : TypedResults.Ok(await q.MineAsync(null, page ?? 1, ct));

    private static async Task<Results<Created<RequestLink>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> Create(string slug, NewRequest input, RequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.FromLimited(await workflow.CreateAsync(slug, input, ct),
            id => TypedResults.Created($"/api/v1/hubs/{slug}/requests/{id}", new RequestLink(id, $"/hubs/{slug}/requests/{id}")));

    private static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> Get(string slug, int id, RequestQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();

    public sealed record SaveBody(string? Title, JsonObject? Answers, int? Version);

    private static async Task<Results<Ok<RequestVersion>, ValidationProblem, ProblemHttpResult>> Save(string slug, int id, SaveBody body, RequestWorkflow workflow, RequestAccess access, CancellationToken ct)
    {
        // The answers are kept to the form's fields and shapes before they are checked.
        var scope = await access.LoadAsync(slug, id, ct);
        if (scope is null) return ApiResults.NotFound();
        var answers = RequestAnswers.FromJson(RequestAnswers.ReadForm(scope.Type.FormJson), body.Answers);
        return ApiResults.From(await workflow.SaveAsync(slug, id, new DraftChanges(body.Title, answers, body.Version), ct), v => TypedResults.Ok(new RequestVersion(v)));
    }

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Submit(string slug, int id, RequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.SubmitAsync(slug, id, ct), _ => TypedResults.Ok(new RequestStateAnswer(RequestState.Submitted)));

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Return(string slug, int id, ReturnInput input, RequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.ReturnAsync(slug, id, input, ct), _ => TypedResults.Ok(new RequestStateAnswer(RequestState.Returned)));

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Accept(string slug, int id, RequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.AcceptAsync(slug, id, ct), _ => TypedResults.Ok(new RequestStateAnswer(RequestState.InReview)));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Extend(string slug, int id, ExtendInput input, RequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.ExtendAsync(slug, id, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok<RequestStateAnswer>, ValidationProblem, ProblemHttpResult>> Withdraw(string slug, int id, RequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.WithdrawAsync(slug, id, ct), _ => TypedResults.Ok(new RequestStateAnswer(RequestState.Withdrawn)));

    private static async Task<Results<Created<RequestFileRef>, ValidationProblem, ProblemHttpResult>> AddFile(string slug, int id, HttpRequest request, RequestWorkflow workflow, CancellationToken ct)
    {
        var (form, problem) = await ApiResults.ReadFormAsync(request, ct);
        if (form is null) return problem!;
        var upload = await Uploads.ReadAsync(form.Files.GetFile("file"), Uploads.MaxBytes, ct);
        return ApiResults.From(await workflow.AddFileAsync(slug, id, form["field"].ToString(), upload, ct),
            fileId => TypedResults.Created($"/api/v1/hubs/{slug}/requests/{id}/files/{fileId}", new RequestFileRef(fileId)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string slug, int id, Guid fileId, RequestQueries q, HttpContext http, CancellationToken ct)
    {
        var file = await q.FileAsync(slug, id, fileId, ct);
        if (file is null) return ApiResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Created<ReviewRef>, ValidationProblem, ProblemHttpResult>> Assign(string slug, int id, AssignInput input, RequestReviewing r, CancellationToken ct) =>
        ApiResults.From(await r.AssignAsync(slug, id, input, ct), reviewId => TypedResults.Created($"/api/v1/hubs/{slug}/requests/{id}", new ReviewRef(reviewId)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Unassign(string slug, int id, Guid reviewId, RequestReviewing r, CancellationToken ct) =>
        ApiResults.From(await r.UnassignAsync(slug, id, reviewId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Review(string slug, int id, Guid reviewId, ReviewInput input, RequestReviewing r, CancellationToken ct) =>
        ApiResults.From(await r.ReviewAsync(slug, id, reviewId, input, ct), _ => TypedResults.Ok());

    private static Task<Results<Created<MessageRef>, ValidationProblem, ProblemHttpResult>> AddNote(string slug, int id, MessageInput body, RequestReviewing r,
        CancellationToken ct) => Message(r.WriteAsync(slug, id, MessageKind.InternalNote, body, ct));

    private static Task<Results<Created<MessageRef>, ValidationProblem, ProblemHttpResult>> Ask(string slug, int id, MessageInput body, RequestReviewing r,
        CancellationToken ct) => Message(r.WriteAsync(slug, id, MessageKind.Question, body, ct));

    private static Task<Results<Created<MessageRef>, ValidationProblem, ProblemHttpResult>> AnswerQuestion(string slug, int id, MessageInput body,
        RequestReviewing r, CancellationToken ct) => Message(r.WriteAsync(slug, id, MessageKind.Answer, body, ct));

    private static async Task<Results<Created<MessageRef>, ValidationProblem, ProblemHttpResult>> Message(Task<Result<long>> work) =>
        ApiResults.From(await work, m => TypedResults.Created((string?)null, new MessageRef(m)));

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Decide(string slug, int id, DecisionInput input, RequestReviewing r, CancellationToken ct) =>
        ApiResults.From(await r.DecideAsync(slug, id, input, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok<RequestVersion>, ValidationProblem, ProblemHttpResult>> AmendPermit(string slug, int id, PermitInput input, RequestReviewing r, CancellationToken ct) =>
        ApiResults.From(await r.AmendPermitAsync(slug, id, input, ct), version => TypedResults.Ok(new RequestVersion(version)));

    public sealed record ReasonBody(string? Reason);

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> RevokePermit(string slug, int id, ReasonBody body, RequestReviewing r, CancellationToken ct) =>
        ApiResults.From(await r.RevokePermitAsync(slug, id, body.Reason, ct), _ => TypedResults.Ok());

    private static async Task<Results<Ok<RequestDashboard>, ValidationProblem, ProblemHttpResult>> Dashboard(string slug, RequestOverview overview, CancellationToken ct) =>
        ApiResults.From(await overview.DashboardAsync(slug, ct), d => TypedResults.Ok(d));

    private static async Task<Results<Ok<PagedList<RegisterEntry>>, ValidationProblem, ProblemHttpResult>> Register(string slug, int? page, RequestOverview overview, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (page is < 1 or > 10_000) return ApiResults.BadQuery(t);
        return await overview.RegisterAsync(slug, page ?? 1, ct) is { } list ? TypedResults.Ok(list) : ApiResults.NotFound();
    }

    public sealed record RegisterBody(bool? Published);

    private static async Task<Results<Ok<RegisterAnswer>, ValidationProblem, ProblemHttpResult>> SetRegister(string slug, RegisterBody body, RequestOverview overview, CancellationToken ct) =>
        ApiResults.From(await overview.SetRegisterAsync(slug, body.Published, ct), p => TypedResults.Ok(new RegisterAnswer(p)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Letter(string slug, int id, string format, RequestQueries q, DecisionLetters letters, HttpContext http, CancellationToken ct)
    {
        var letter = await q.LetterAsync(slug, id, format == "pdf", letters, ct);
        if (letter is null) return ApiResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        // Served as a download, so the letter's own inline style never runs inside the app's pages.
        return TypedResults.File(letter.Content, letter.ContentType, letter.FileName);
    }

    private static async Task<Results<Ok<IReadOnlyList<RequestTypeDetail>>, ValidationProblem, ProblemHttpResult>> AllTypes(string slug, RequestTypeAdmin admin, CancellationToken ct) =>
        ApiResults.From(await admin.ListAsync(slug, ct), list => TypedResults.Ok(list));

    private static async Task<Results<Created<RequestTypeRef>, ValidationProblem, ProblemHttpResult>> CreateType(string slug, TypeInput input, RequestTypeAdmin admin, CancellationToken ct) =>
        ApiResults.From(await admin.CreateAsync(slug, input, ct), key => TypedResults.Created($"/api/v1/hubs/{slug}/request-types/{key}/form", new RequestTypeRef(key)));

    private static async Task<Results<Ok<RequestTypeRef>, ValidationProblem, ProblemHttpResult>> UpdateType(string slug, string key, TypeInput input, RequestTypeAdmin admin, CancellationToken ct) =>
        ApiResults.From(await admin.UpdateAsync(slug, key, input, ct), k => TypedResults.Ok(new RequestTypeRef(k)));

    private static async Task<Results<Ok<RequestTypeRef>, ValidationProblem, ProblemHttpResult>> SetForm(string slug, string key, RequestForm? form, RequestTypeAdmin admin, CancellationToken ct) =>
        ApiResults.From(await admin.SetFormAsync(slug, key, form, ct), k => TypedResults.Ok(new RequestTypeRef(k)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveFile(string slug, int id, Guid fileId, RequestWorkflow workflow, CancellationToken ct) =>
        ApiResults.From(await workflow.RemoveFileAsync(slug, id, fileId, ct), _ => TypedResults.NoContent());
}
