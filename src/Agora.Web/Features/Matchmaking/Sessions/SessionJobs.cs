using System.Globalization;
using Agora.Web.Platform.Jobs;

namespace Agora.Web.Features.Matchmaking.Sessions;

/// <summary>Every few minutes: releases pending meeting requests past their expiry and ends participations whose registration ended.</summary>
public sealed class SessionExpiryJob(MeetingRequests requests, Participation participation) : IJob
{
    public const string Kind = "matchmaking.expiry";

    async Task IJob.RunAsync(JobContext job, CancellationToken ct)
    {
        await participation.EndLapsedAsync(ct);
        await requests.ExpireAsync(ct);
    }
}

/// <summary>The organiser's scheduler run for one session (key: the event's id).</summary>
public sealed class SessionScheduleJob(SessionScheduling scheduling) : IJob
{
    public const string Kind = "matchmaking.schedule";

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => scheduling.RunAsync(int.Parse(job.Key, CultureInfo.InvariantCulture), ct);
}
