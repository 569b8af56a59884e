using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Ideas;

/// <summary>The ideas API: the same use cases as the pages, answered with problem details on every error.</summary>
public static class IdeasApi
{
    /// <summary>Query values of the idea lists.</summary>
    public sealed record ListParameters(
        int? Page, int? PageSize, string? Sort, string? State, string? FocusArea, string? Origin, string? CareLevel, string? Setting,
        string? Tag, bool? Mine, bool? Followed, string? Campaign, int? Seed, string? Q);

    /// <summary>Query values of a campaign's idea list: the hub list's without campaign, which the route gives.</summary>
    public sealed record CampaignListParameters(
        int? Page, int? PageSize, string? Sort, string? State, string? FocusArea, string? Origin, string? CareLevel, string? Setting,
        string? Tag, bool? Mine, bool? Followed, int? Seed, string? Q)
    {
        public ListParameters ForCampaign(string campaign) =>
            new(Page, PageSize, Sort, State, FocusArea, Origin, CareLevel, Setting, Tag, Mine, Followed, campaign, Seed, Q);
    }

    public sealed record StateBody(string? State, string? Answer);
    public sealed record MergeBody(int? Into);

    public sealed record EmailBody(string? Email);

    /// <summary>An idea after a change: its state and version, its address in the API and its page.</summary>
    public sealed record IdeaLink(int Id, IdeaState State, int Version, string Url, string Page);
    public sealed record IdeaStateAnswer(int Id, IdeaState State, IdeaState PreviousState, string? Answer, long EventId);
    public sealed record MergeAnswer(int Kept);
    public sealed record FollowAnswer(bool Following);
    public sealed record CoAuthorInvited(string Message);
    public sealed record CoAuthorAnswer(CoAuthorStatus Status);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var write = ApiScopes.IdeasWrite;
        var read = ApiScopes.IdeasRead;

        var hubs = api.MapGroup("/hubs/{slug}").WithTags("Ideas");
        hubs.MapGet("/ideas", ListHubIdeas).WithName("ListHubIdeas").AllowAnonymous().RequireScope(ApiScopes.IdeasRead)
            .WithSummary("Ideas of a hub, across the campaigns you may read")
            .WithDescription("Filters: state, focusArea, origin, careLevel, setting, tag, mine, followed, campaign. Sort: newest, supported, discussed, active or random (with seed), - before one reverses it.");
        hubs.MapGet("/campaigns/{campaign}/ideas", ListCampaignIdeas).WithName("ListCampaignIdeas").AllowAnonymous().RequireScope(ApiScopes.IdeasRead)
            .WithSummary("Ideas of a campaign").WithDescription("Same filters and sorts as the hub's list.");
        hubs.MapPost("/campaigns/{campaign}/ideas", CreateIdea).WithName("CreateIdea").ProducesProblem(StatusCodes.Status429TooManyRequests).RequireScope(write)
            .WithSummary("Start an idea as a draft, or submit it at once with publish: true");

        var ideas = api.MapGroup("/ideas").WithTags("Ideas");
        ideas.MapGet("/{id:int}", GetIdea).WithName("GetIdea").AllowAnonymous().RequireScope(ApiScopes.IdeasRead).WithSummary("One idea");
        ideas.MapPut("/{id:int}", PutIdea).WithName("EditIdea").RequireScope(write).WithSummary("Edit an idea (authors, until review starts; send the version you edited)");
        ideas.MapPost("/{id:int}/publish", Publish)
            .RequireScope(write).WithName("PublishIdea").WithSummary("Publish a draft (its author)");
        ideas.MapPost("/{id:int}/withdraw", Withdraw)
            .RequireScope(write).WithName("WithdrawIdea").WithSummary("Withdraw a published idea (its author, before review)");
        ideas.MapPost("/{id:int}/state", ChangeState).WithName("ChangeIdeaState").RequireScope(write)
            .WithSummary("Triage: move an idea along Published, UnderReview, Accepted/Declined, Implemented with a public answer (hub managers and facilitators)");
        ideas.MapPost("/{id:int}/merge", Merge).WithName("MergeIdeas")
            .RequireScope(write)
            .WithSummary("Merge a duplicate into the idea to keep (hub managers): votes without double counting, followers, comments and authors move");
        ideas.MapPut("/{id:int}/vote", Vote)
            .RequireScope(write).WithName("CastVote").WithSummary("Support an idea (one vote per person, within the campaign's budget)");
        ideas.MapDelete("/{id:int}/vote", Unvote)
            .RequireScope(write).WithName("WithdrawVote").WithSummary("Take your vote back");
        ideas.MapPut("/{id:int}/follow", Follow)
            .RequireScope(write).WithName("FollowIdea").WithSummary("Follow an idea");
        ideas.MapDelete("/{id:int}/follow", Unfollow)
            .RequireScope(write).WithName("UnfollowIdea").WithSummary("Stop following an idea");
        // Multipart from API clients (tokens or the session); the session cookie is SameSite=Lax, so other sites cannot post it.
        ideas.MapPost("/{id:int}/attachments", AddAttachment).WithName("AddIdeaAttachment").RequireScope(write).DisableAntiforgery().AcceptsFileForm("file")
            .WithSummary("Attach a file (multipart field \"file\"): PNG, JPEG, WebP, PDF, docx, xlsx, pptx, odt, ods, odp; at most 10 MB, 5 per idea");
        ideas.MapGet("/{id:int}/attachments/{fileId:guid}", Download).WithName("DownloadIdeaAttachment").AllowAnonymous().RequireScope(ApiScopes.IdeasRead)
            .WithSummary("Download an attachment (people who may see the idea)");
        ideas.MapDelete("/{id:int}/attachments/{fileId:guid}", RemoveAttachment)
            .RequireScope(write).WithName("RemoveIdeaAttachment").WithSummary("Remove an attachment (authors, while editable)");
        ideas.MapPost("/{id:int}/coauthors", InviteCoAuthor)
            .RequireScope(write).WithName("InviteCoAuthor").ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Invite a person by email to co-author (the author; at most 5); answers 202 the same way whether or not the address has an account");
        ideas.MapPost("/{id:int}/coauthors/accept", AcceptCoAuthor)
            .RequireScope(write).WithName("AcceptCoAuthorInvitation").WithSummary("Accept your invitation to co-author");
        ideas.MapPost("/{id:int}/coauthors/decline", DeclineCoAuthor)
            .RequireScope(write).WithName("DeclineCoAuthorInvitation").WithSummary("Decline your invitation to co-author");
        ideas.MapGet("/{id:int}/versions", Versions)
            .AllowAnonymous().RequireScope(ApiScopes.IdeasRead).WithName("IdeaVersions").WithSummary("Earlier texts of an idea");

        api.MapGet("/me/ideas", Mine)
            .RequireScope(read).WithTags("Ideas").WithName("MyIdeas")
            .WithSummary("Ideas you wrote or co-write, with what happened to them, and your open co-author invitations");
        return api;
    }

    private static IdeaLink Link(IdeaRef r) => new(r.Id, r.State, r.Version, $"/api/v1/ideas/{r.Id}", $"/hubs/{r.HubSlug}/ideas/{r.Id}");

    private static (ListQuery Query, IdeaFilter Filter)? Parse(ListParameters p)
    {
        var query = ListQuery.Parse(p.Page, p.PageSize, p.Sort, IdeaQueries.Sorts, IdeaQueries.DefaultSort);
        var filter = IdeaFilter.Parse(p.State, p.FocusArea, p.Origin, p.CareLevel, p.Setting, p.Tag, p.Mine, p.Followed, p.Campaign, p.Seed, p.Q);
        return query is null || filter is null ? null : (query, filter);
    }

    private static async Task<Results<Ok<PagedList<IdeaSummary>>, ValidationProblem, ProblemHttpResult>> ListHubIdeas(string slug,
        [AsParameters] ListParameters p, IdeaQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (Parse(p) is not { } parsed) return ApiResults.BadQuery(t);
        return await q.ListForHubAsync(slug, parsed.Query, parsed.Filter, ct) is { } list ? TypedResults.Ok(list.Ideas) : ApiResults.NotFound();
    }

    private static async Task<Results<Ok<PagedList<IdeaSummary>>, ValidationProblem, ProblemHttpResult>> ListCampaignIdeas(string slug, string campaign,
        [AsParameters] CampaignListParameters query, IdeaQueries q, CampaignQueries campaigns, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var context = await campaigns.GetContextAsync(slug, campaign, ct);
        if (context is null || !context.CanRead) return ApiResults.NotFound();
        if (Parse(query.ForCampaign(campaign)) is not { } parsed) return ApiResults.BadQuery(t);
        return TypedResults.Ok(await q.ListForCampaignAsync(context, parsed.Query, parsed.Filter, ct));
    }

    private static async Task<Results<Created<IdeaLink>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> CreateIdea(string slug,
        string campaign, NewIdeaInput? input, SaveIdeaDraft draft, SubmitIdea submit, CancellationToken ct)
    {
        input ??= new NewIdeaInput();
        var result = input.Publish == true
            ? await submit.SubmitAsync(slug, campaign, input, ct)
            : await draft.CreateAsync(slug, campaign, input, ct);
        return ApiResults.FromLimited(result, r => TypedResults.Created($"/api/v1/ideas/{r.Id}", Link(r)));
    }

    private static async Task<Results<Ok<IdeaDetail>, ProblemHttpResult>> GetIdea(int id, IdeaQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } idea ? TypedResults.Ok(idea) : ApiResults.NotFound();

    private static async Task<Results<Ok<IdeaLink>, ValidationProblem, ProblemHttpResult>> PutIdea(int id, IdeaInput? input, EditIdea edit, CancellationToken ct) =>
        ApiResults.From(await edit.EditAsync(id, input ?? new IdeaInput(), ct), r => TypedResults.Ok(Link(r)));

    private static async Task<Results<Ok<IdeaLink>, ValidationProblem, ProblemHttpResult>> Publish(int id, PublishIdea h, CancellationToken ct) =>
        ApiResults.From(await h.PublishAsync(id, ct), r => TypedResults.Ok(Link(r)));

    private static async Task<Results<Ok<IdeaLink>, ValidationProblem, ProblemHttpResult>> Withdraw(int id, WithdrawIdea h, CancellationToken ct) =>
        ApiResults.From(await h.WithdrawAsync(id, ct), r => TypedResults.Ok(Link(r)));

    private static async Task<Results<Ok<IdeaStateAnswer>, ValidationProblem, ProblemHttpResult>> ChangeState(int id, StateBody? body, ChangeIdeaState h,
        CancellationToken ct) =>
        ApiResults.From(await h.ChangeAsync(id, body?.State, body?.Answer, ct),
            e => TypedResults.Ok(new IdeaStateAnswer(e.IdeaId, e.To, e.From, e.Answer, e.EventId)));

    private static async Task<Results<Ok<MergeAnswer>, ValidationProblem, ProblemHttpResult>> Merge(int id, MergeBody? body, MergeIdeas h, CancellationToken ct) =>
        ApiResults.From(await h.MergeAsync(id, body?.Into ?? 0, ct), kept => TypedResults.Ok(new MergeAnswer(kept)));

    private static async Task<Results<Ok<VoteState>, ValidationProblem, ProblemHttpResult>> Vote(int id, CastVote h, CancellationToken ct) =>
        ApiResults.From(await h.CastAsync(id, ct));

    private static async Task<Results<Ok<VoteState>, ValidationProblem, ProblemHttpResult>> Unvote(int id, WithdrawVote h, CancellationToken ct) =>
        ApiResults.From(await h.WithdrawAsync(id, ct));

    private static async Task<Results<Ok<FollowAnswer>, ValidationProblem, ProblemHttpResult>> Follow(int id, FollowIdea h, CancellationToken ct) =>
        ApiResults.From(await h.FollowAsync(id, ct), f => TypedResults.Ok(new FollowAnswer(f)));

    private static async Task<Results<Ok<FollowAnswer>, ValidationProblem, ProblemHttpResult>> Unfollow(int id, FollowIdea h, CancellationToken ct) =>
        ApiResults.From(await h.UnfollowAsync(id, ct), f => TypedResults.Ok(new FollowAnswer(f)));

    /// <summary>
    /// Reads the multipart form itself rather than binding an IFormFile parameter: a bound form adds a content-type
    /// matcher, which answers 415 for any address that looks like this one before the {id:int} constraint is checked.
    /// </summary>
    private static async Task<Results<Created<AttachmentView>, ValidationProblem, ProblemHttpResult>> AddAttachment(int id, HttpRequest request,
        AddIdeaAttachment h, CancellationToken ct)
    {
        var (form, problem) = await ApiResults.ReadFormAsync(request, ct);
        if (form is null) return problem!;
        var upload = await ReadUploadAsync(form.Files.GetFile("file"), ct);
        return ApiResults.From(await h.AddAsync(id, upload, ct), a => TypedResults.Created(a.Url, a));
    }

    /// <summary>Reads an upload, refusing oversized files before reading them whole.</summary>
    public static Task<UploadInput?> ReadUploadAsync(IFormFile? file, CancellationToken ct) =>
        Uploads.ReadAsync(file, AddIdeaAttachment.MaxBytes, ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(int id, Guid fileId, IdeaAttachmentFiles files, HttpContext http,
        CancellationToken ct)
    {
        var file = await files.GetAsync(id, fileId, ct);
        if (file is null) return ApiResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        // With a download name the answer is "attachment; filename=...; filename*=UTF-8''..." (RFC 6266).
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAttachment(int id, Guid fileId, RemoveIdeaAttachment h,
        CancellationToken ct) =>
        ApiResults.From(await h.RemoveAsync(id, fileId, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Accepted<CoAuthorInvited>, ValidationProblem, ProblemHttpResult, TooManyRequestsProblem>> InviteCoAuthor(int id,
        EmailBody? body, InviteCoAuthor h, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        ApiResults.FromLimited(await h.InviteAsync(id, body?.Email, ct), _ => TypedResults.Accepted((string?)null, new CoAuthorInvited(t["Ideas.CoAuthorInvited"].Value)));

    private static async Task<Results<Ok<CoAuthorAnswer>, ValidationProblem, ProblemHttpResult>> AcceptCoAuthor(int id, AnswerCoAuthorInvitation h,
        CancellationToken ct) =>
        ApiResults.From(await h.AnswerAsync(id, true, ct), s => TypedResults.Ok(new CoAuthorAnswer(s)));

    private static async Task<Results<Ok<CoAuthorAnswer>, ValidationProblem, ProblemHttpResult>> DeclineCoAuthor(int id, AnswerCoAuthorInvitation h,
        CancellationToken ct) =>
        ApiResults.From(await h.AnswerAsync(id, false, ct), s => TypedResults.Ok(new CoAuthorAnswer(s)));

    private static async Task<Results<Ok<IdeaVersions>, ProblemHttpResult>> Versions(int id, IdeaQueries q, CancellationToken ct) =>
        await q.VersionsAsync(id, ct) is { } versions ? TypedResults.Ok(versions) : ApiResults.NotFound();

    private static async Task<Ok<MyIdeas>> Mine(IdeaQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));
}
