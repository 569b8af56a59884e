using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Comments;

public static class CommentsModule
{
    public static void AddComments(this IServiceCollection services)
    {
        services.AddScoped<Mentions>();
        services.AddScoped<CommentQueries>();
        services.AddScoped<PostComment>();
        services.AddScoped<ChangeComment>();
        services.AddPersonalData<CommentsPersonalData>();
    }

    /// <summary>Maps the comments endpoints under /api/v1 (CommentsApi).</summary>
    public static RouteGroupBuilder MapCommentsApi(this RouteGroupBuilder api) => CommentsApi.Map(api);
}
