using Agora.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agora.Web.Platform.Jobs;

/// <summary>Section "Jobs": how this instance takes part in background work.</summary>
public sealed class JobSettings
{
    public const string Section = "Jobs";

    /// <summary>Whether this instance runs background jobs at all (every instance may; each due job runs on one).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Kinds this instance never runs (e.g. tests that run the mail job themselves, or a web-only instance).</summary>
    public string[] Skip { get; set; } = [];
    /// <summary>How many jobs this instance runs at once (a long import does not hold up the mail).</summary>
    public int Slots { get; set; } = 2;
    /// <summary>How long a claim lasts without renewal; a job whose instance died is picked up again after this.</summary>
    public int LeaseSeconds { get; set; } = 60;
    /// <summary>How often an idle instance looks for due jobs (a job queued on this instance starts at once).</summary>
    public int PollSeconds { get; set; } = 5;
}

/// <summary>
/// Background work a feature registers with <see cref="JobsSetup.AddJob{T}"/> or <see cref="JobsSetup.AddRecurringJob{T}"/>.
/// A run may be interrupted at any point (a crash, a lost lease, a shutdown) and run again, on another instance: the
/// work commits in units that are each complete (a batch, a recipient) and skips what a previous run committed.
/// </summary>
public interface IJob
{
    Task RunAsync(JobContext job, CancellationToken ct);
}

/// <param name="Key">Empty for a recurring job; the feature's own id for a one-off job.</param>
/// <param name="Attempt">1 on the first run; higher when earlier runs failed or were interrupted.</param>
public sealed record JobContext(string Kind, string Key, int Attempt);

/// <summary>A kind of job: its handler and, for a recurring one, how long after a run it is due again.</summary>
public sealed record JobDefinition(string Kind, Type Handler, Func<IServiceProvider, TimeSpan>? Every);

/// <summary>The kinds of job registered, and those this instance runs.</summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, JobDefinition> _kinds;

    public JobCatalog(IEnumerable<JobDefinition> definitions, Microsoft.Extensions.Options.IOptions<JobSettings> settings)
    {
        _kinds = definitions.ToDictionary(d => d.Kind, StringComparer.Ordinal);
        Runnable = _kinds.Keys.Except(settings.Value.Skip, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> Runnable { get; }

    public IEnumerable<JobDefinition> Recurring => _kinds.Values.Where(d => d.Every is not null);

    public JobDefinition? Find(string kind) => _kinds.GetValueOrDefault(kind);
}

/// <summary>Queues one-off jobs with the caller's own changes: saved and committed together, so a job exists exactly when its cause does.</summary>
public sealed class JobQueue(AgoraDbContext db, JobSignal signal, TimeProvider clock)
{
    private bool _nudgeOnSave;

    /// <summary>Stages a job of <paramref name="kind"/> for <paramref name="key"/>; the caller's SaveChanges stores it.</summary>
    public void Add(string kind, string key)
    {
        var now = clock.GetUtcNow();
        db.BackgroundJobs.Add(new BackgroundJob { Id = Guid.NewGuid(), Kind = kind, Key = key, DueAt = now, CreatedAt = now });
        if (_nudgeOnSave) return;
        // This instance starts at once; the others find it when they next look.
        db.SavedChanges += (_, _) => signal.Nudge();
        _nudgeOnSave = true;
    }

    /// <summary>Queues a job for <paramref name="key"/> unless one is queued already; answers whether it queued one.</summary>
    public async Task<bool> EnsureAsync(string kind, string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = await db.TryInsertAsync(new BackgroundJob { Id = Guid.NewGuid(), Kind = kind, Key = key, DueAt = now, CreatedAt = now }, ct);
        if (added) signal.Nudge();
        return added;
    }
}

/// <summary>Wakes this instance's idle job slots when a job was queued here.</summary>
public sealed class JobSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Nudge"/>; take it before looking for work, so a nudge in between is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Nudge() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>This process among the instances sharing the database.</summary>
public sealed class JobInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}

public static class JobsSetup
{
    public static void AddAgoraJobs(this IServiceCollection services)
    {
        services.AddOptions<JobSettings>().BindConfiguration(JobSettings.Section);
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobInstance>();
        services.AddSingleton<JobRunner>();
        services.AddScoped<JobQueue>();
        services.AddHostedService<JobWorker>();
    }

    /// <summary>A job that runs once for each time a feature queues it (<see cref="JobQueue"/>).</summary>
    public static void AddJob<T>(this IServiceCollection services, string kind) where T : class, IJob
    {
        services.TryAddScoped<T>();
        services.AddSingleton(new JobDefinition(kind, typeof(T), null));
    }

    /// <summary>A job that runs on one instance, again <paramref name="every"/> after each run (the first at start).</summary>
    public static void AddRecurringJob<T>(this IServiceCollection services, string kind, Func<IServiceProvider, TimeSpan> every) where T : class, IJob
    {
        services.TryAddScoped<T>();
        services.AddSingleton(new JobDefinition(kind, typeof(T), every));
    }
}
