using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Privacy;
using Agora.Web.Platform.Search;

namespace Agora.Web.Features.Ideas;

public static class IdeasModule
{
    public static void AddIdeas(this IServiceCollection services)
    {
        services.AddScoped<ICampaignIdeas, CampaignIdeas>();
        services.AddScoped<Notifications.INotifiedIdeas, NotifiedIdeas>();
        services.AddScoped<IdeaAccess>();
        services.AddScoped<IdeaContent>();
        services.AddScoped<IdeaQueries>();
        services.AddScoped<ISearchEngine, SearchEngine>();
        services.AddSearchIndexer<IdeaSearchIndexer>();
        services.AddScoped<SaveIdeaDraft>();
        services.AddScoped<SubmitIdea>();
        services.AddScoped<PublishIdea>();
        services.AddScoped<EditIdea>();
        services.AddScoped<WithdrawIdea>();
        services.AddScoped<CastVote>();
        services.AddScoped<WithdrawVote>();
        services.AddScoped<FollowIdea>();
        services.AddScoped<ChangeIdeaState>();
        services.AddScoped<AddIdeaAttachment>();
        services.AddScoped<RemoveIdeaAttachment>();
        services.AddScoped<IdeaAttachmentFiles>();
        services.AddScoped<InviteCoAuthor>();
        services.AddScoped<AnswerCoAuthorInvitation>();
        services.AddScoped<MergeIdeas>();
        services.AddPersonalData<IdeasPersonalData>();
    }

    /// <summary>Maps the ideas endpoints under /api/v1 (IdeasApi).</summary>
    public static RouteGroupBuilder MapIdeasApi(this RouteGroupBuilder api) => IdeasApi.Map(api);
}
