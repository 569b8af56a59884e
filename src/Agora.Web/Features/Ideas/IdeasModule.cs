namespace Agora.Web.Features.Ideas;

public static class IdeasModule
{
    public static void AddIdeas(this IServiceCollection services)
    {
    }

    public static void MapIdeasApi(this RouteGroupBuilder api)
    {
    }
}
