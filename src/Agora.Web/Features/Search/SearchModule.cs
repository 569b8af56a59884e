using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Search;

namespace Agora.Web.Features.Search;

public static class SearchModule
{
    public static void AddSearch(this IServiceCollection services)
    {
        services.AddScoped<ISimilarIdeas, SimilarIdeaFinder>();
        services.AddScoped<IdeaSearch>();
    }

    /// <summary>Maps the search endpoints under /api/v1 (SearchApi).</summary>
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api) => SearchApi.Map(api);
}
