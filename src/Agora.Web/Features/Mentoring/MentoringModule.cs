using Agora.Web.Platform.Privacy;

namespace Agora.Web.Features.Mentoring;

public static class MentoringModule
{
    public static void AddMentoring(this IServiceCollection services)
    {
        services.AddScoped<MentoringAccess>();
        services.AddScoped<MentoringNotices>();
        services.AddScoped<MentorMatching>();
        services.AddScoped<MentorSeats>();
        services.AddJob<MentoringQueueJob>(MentoringQueueJob.Kind);
        services.AddScoped<MentoringQueries>();
        services.AddScoped<SaveMentorProfile>();
        services.AddScoped<AskForMentor>();
        services.AddScoped<PairByHand>();
        services.AddScoped<PairSessions>();
        services.AddScoped<EndPair>();
        services.AddScoped<IHubRightsEndedHandler, MentoringRightsEnded>();
        services.AddPersonalData<MentoringPersonalData>();
    }

    /// <summary>Maps the mentoring endpoints under /api/v1 (MentoringApi).</summary>
    public static RouteGroupBuilder MapMentoringApi(this RouteGroupBuilder api) => MentoringApi.Map(api);
}
