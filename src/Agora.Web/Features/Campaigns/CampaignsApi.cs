using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Campaigns;

/// <summary>/api/v1/hubs/{slug}/campaigns: the same handlers and rules as the campaign pages.</summary>
public static class CampaignsApi
{
    public sealed record CampaignRef(string Slug);
    public sealed record CampaignStateAnswer(CampaignState State);
    public sealed record FeaturedAnswer(bool Featured);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/hubs/{slug}/campaigns").WithTags("Campaigns");
        var write = ApiScopes.HubsWrite;

        campaigns.MapGet("/", List).WithName("ListCampaigns").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("Campaigns of a hub that you may see")
            .WithDescription("Filter by state (Draft, Open, Voting, InReview, Closed); sort by createdAt, title or closesOn (prefix - for descending; default -createdAt). "
                + "Drafts are listed for hub managers only; campaigns for hub members only for members.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{campaign}", Get).WithName("GetCampaign").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("One campaign with its phases, questions and what you may do now")
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/", Create).WithName("CreateCampaign").RequireScope(write)
            .WithSummary("Create a campaign, as a draft (hub manager)")
            .WithDescription("The address (slug) is made from the title when not given. Phases left out are switched off; blank questions are ignored.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapPut("/{campaign}", Update).WithName("UpdateCampaign").RequireScope(write)
            .WithSummary("Update a campaign (hub manager)")
            .WithDescription("Replaces texts, focus areas, phases and questions (existing questions by id; a question with answers keeps its kind and "
                + "cannot be left out). The slug cannot change; featured is kept when not sent.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/{campaign}/state", ChangeState).WithName("ChangeCampaignState").RequireScope(write)
            .WithSummary("Move a campaign one step forward or back, or close it (hub manager)")
            .WithDescription("Draft → Open → Voting → InReview → Closed. Body: {\"state\": \"Open\"}.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapPut("/{campaign}/featured", SetFeatured).WithName("SetCampaignFeatured").RequireScope(write)
            .WithSummary("Show a campaign on the hub's home page or not (hub manager)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{campaign}/cover", Cover).WithName("GetCampaignCover").AllowAnonymous().RequireScope(ApiScopes.HubsRead)
            .WithSummary("The campaign's cover image (for those who may read the campaign)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPut("/{campaign}/cover", UploadCover).WithName("UploadCampaignCover").RequireScope(write)
            .WithSummary("Upload the cover image (hub manager)")
            .WithDescription("multipart/form-data with one file in the field \"cover\": PNG, JPEG or WebP (recognised by content), at most 1 MB.")
            .AcceptsFileForm("cover")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapDelete("/{campaign}/cover", RemoveCover).WithName("RemoveCampaignCover").RequireScope(write)
            .WithSummary("Remove the cover image (hub manager)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/{campaign}/follow", Follow).WithName("FollowCampaign").RequireScope(write)
            .WithSummary("Follow a campaign (anyone who may take part)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapDelete("/{campaign}/follow", Unfollow).WithName("UnfollowCampaign").RequireScope(write)
            .WithSummary("Stop following a campaign")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PagedList<CampaignSummary>>, ValidationProblem, ProblemHttpResult>> List(string slug, int? page, int? pageSize,
        string? sort, string? state, CampaignQueries q, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, sort, CampaignQueries.Sorts, CampaignQueries.DefaultSort);
        if (query is null || !CampaignQueries.TryParseState(state, out var stateFilter)) return ApiResults.BadQuery(t);
        return await q.ListAsync(slug, stateFilter, query, ct) is { } list ? TypedResults.Ok(list) : ApiResults.NotFound();
    }

    private static async Task<Results<Ok<CampaignDetail>, ProblemHttpResult>> Get(string slug, string campaign, CampaignQueries q, CancellationToken ct) =>
        await q.GetAsync(slug, campaign, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();

    private static async Task<Results<Created<CampaignRef>, ValidationProblem, ProblemHttpResult>> Create(string slug, CampaignInput input, SaveCampaign save,
        CancellationToken ct) =>
        ApiResults.From(await save.CreateAsync(slug, input, null, ct),
            s => TypedResults.Created($"/api/v1/hubs/{slug}/campaigns/{s}", new CampaignRef(s)));

    private static async Task<Results<Ok<CampaignRef>, ValidationProblem, ProblemHttpResult>> Update(string slug, string campaign, CampaignInput input,
        SaveCampaign save, CancellationToken ct) =>
        ApiResults.From(await save.UpdateAsync(slug, campaign, input, null, false, ct), s => TypedResults.Ok(new CampaignRef(s)));

    public sealed record StateBody(CampaignState? State);

    private static async Task<Results<Ok<CampaignStateAnswer>, ValidationProblem, ProblemHttpResult>> ChangeState(string slug, string campaign, StateBody body,
        ChangeCampaignState change, CancellationToken ct) =>
        ApiResults.From(await change.ChangeAsync(slug, campaign, body.State, ct), s => TypedResults.Ok(new CampaignStateAnswer(s)));

    public sealed record FeaturedBody(bool? Featured);

    private static async Task<Results<Ok<FeaturedAnswer>, ValidationProblem, ProblemHttpResult>> SetFeatured(string slug, string campaign, FeaturedBody body,
        SetCampaignFeatured set, CancellationToken ct) =>
        ApiResults.From(await set.SetAsync(slug, campaign, body.Featured, ct), f => TypedResults.Ok(new FeaturedAnswer(f)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Cover(string slug, string campaign, CampaignQueries q, HttpContext http,
        CancellationToken ct)
    {
        if (await q.CoverAsync(slug, campaign, ct) is not { } cover) return ApiResults.NotFound();
        // Private: a members-only campaign's cover must not sit in shared caches.
        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.File(cover.Content, cover.ContentType);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UploadCover(string slug, string campaign, HttpRequest request,
        CampaignCover covers, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        UploadInput? cover = null;
        // The form is read by hand, not bound: a JSON or empty body is a missing file (400), not a 415.
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
            {
                // A malformed multipart body (no closing boundary, broken headers).
                return ApiResults.Invalid("cover", t["Validation.Invalid"]);
            }
            if ((form.Files.GetFile("cover") ?? form.Files.FirstOrDefault()) is { } file) cover = await Uploads.ReadAsync(file, CoverImages.MaxBytes, ct);
        }
        return ApiResults.From(await covers.UploadAsync(slug, campaign, cover, ct), _ => TypedResults.NoContent());
    }


    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveCover(string slug, string campaign, CampaignCover covers,
        CancellationToken ct) =>
        ApiResults.From(await covers.RemoveAsync(slug, campaign, ct), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<FollowState>, ValidationProblem, ProblemHttpResult>> Follow(string slug, string campaign, FollowCampaign follow,
        CancellationToken ct) =>
        ApiResults.From(await follow.FollowAsync(slug, campaign, ct));

    private static async Task<Results<Ok<FollowState>, ValidationProblem, ProblemHttpResult>> Unfollow(string slug, string campaign, FollowCampaign follow,
        CancellationToken ct) =>
        ApiResults.From(await follow.UnfollowAsync(slug, campaign, ct));
}
