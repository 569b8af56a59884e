using Agora.Web.Platform.Jobs;

namespace Agora.Web.Features.Events;

/// <summary>Lapses offers of freed seats that were not confirmed in time and passes the seats on (every few minutes).</summary>
public sealed class EventOffersJob(Registrations registrations) : IJob
{
    public const string Kind = "events.offers";

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => registrations.LapseExpiredOffersAsync(ct);
}

/// <summary>Sends each confirmed participant one reminder a day before the event (hourly).</summary>
public sealed class EventRemindersJob(Registrations registrations) : IJob
{
    public const string Kind = "events.reminders";

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => registrations.SendRemindersAsync(ct);
}
