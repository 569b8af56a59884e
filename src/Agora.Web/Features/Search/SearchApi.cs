using Agora.Web.Features.Accounts;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Search;

/// <summary>/api/v1/hubs/{slug}/search and /similar-ideas.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var hubs = api.MapGroup("/hubs/{slug}").WithTags("Search");
        hubs.MapGet("/search", SearchIdeas).WithName("SearchHub").AllowAnonymous().RequireScope(ApiScopes.IdeasRead)
            .WithSummary("Full-text search over the hub's ideas and comments")
            .WithDescription("Words match in any of their inflected forms in English, Portuguese and Norwegian; every word must match. Only ideas the caller may read are returned.");
        hubs.MapGet("/similar-ideas", Similar).WithName("ListSimilarIdeas").AllowAnonymous().RequireScope(ApiScopes.IdeasRead)
            .WithSummary("Up to five published ideas that resemble a title and text (for the submission form)");
        return api;
    }

    private static async Task<Results<Ok<PagedList<IdeaSearchRow>>, ValidationProblem, ProblemHttpResult>> SearchIdeas(string slug, string? q, int? page,
        int? pageSize, IdeaSearch search, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = ListQuery.Parse(page, pageSize, null, ["relevance"], "relevance");
        if (query is null || q?.Length > IdeaSearch.MaxQueryLength) return ApiResults.BadQuery(t);
        if (await search.HubIdAsync(slug, ct) is not { } hubId) return ApiResults.NotFound();
        // No words, no hits: the same answer as the search page before anything is typed.
        return TypedResults.Ok(await search.SearchAsync(hubId, q ?? "", query.Page, query.PageSize, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<SimilarIdea>>, ValidationProblem, ProblemHttpResult>> Similar(string slug, string? title, string? text,
        string? language, int? exclude, IdeaSearch search, ISimilarIdeas similar, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (title?.Length > 200 || text?.Length > 20_000 || (language is not null && !LocalizationSetup.IsSupported(language)))
            return ApiResults.BadQuery(t);
        if (await search.HubIdAsync(slug, ct) is not { } hubId) return ApiResults.NotFound();
        var lang = language is null ? null : LocalizationSetup.Normalize(language);
        return TypedResults.Ok(await similar.FindAsync(hubId, title, text, lang, exclude, ct));
    }
}
