using System.Collections.Concurrent;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform.Jobs;

/// <summary>
/// The background-job mechanism on the shared apps' databases: runners with instance ids of their own stand for the
/// instances of an installation. Each test uses job kinds of its own, so other tests' rows never count.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class JobRunnerTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task TwoInstances_RunDueJobsAtOnce_EachJobRunsOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        var kind = Kind();
        var log = new JobLog();
        await using var one = Runner(app, kind, log);
        await using var two = Runner(app, kind, log);
        var keys = Enumerable.Range(1, 30).Select(i => $"k{i}").ToList();
        await QueueAsync(app, kind, keys);

        var ran = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? one : two).Runner.RunDueAsync([kind], default))));

        Assert.Equal(30, ran.Sum());
        Assert.Equal(keys.Order(), log.Runs.Keys.Order());
        Assert.All(log.Runs.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, await DbAsync(app, db => db.BackgroundJobs.CountAsync(j => j.Kind == kind)));
    }

    [Theory, BothDatabases]
    public async Task AFailedJob_IsKeptWithItsError_AndRunsAgainOnlyAfterItsBackoff(string provider)
    {
        var app = await apps.GetAsync(provider);
        var kind = Kind();
        await using var runner = Runner(app, kind, new JobLog { Work = (_, _) => throw new InvalidOperationException("The file is gone.") });
        await QueueAsync(app, kind, ["only"]);

        Assert.Equal(1, await runner.Runner.RunDueAsync([kind], default));
        Assert.Equal(0, await runner.Runner.RunDueAsync([kind], default));

        var row = await DbAsync(app, db => db.BackgroundJobs.SingleAsync(j => j.Kind == kind));
        Assert.Equal((1, "InvalidOperationException: The file is gone.", null, null), (row.Attempts, row.LastError, row.LeaseOwner, row.LeaseUntil));
        Assert.InRange(row.DueAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
    }

    [Theory, BothDatabases]
    public async Task AOneOffJob_FailingItsLastAttempt_IsGivenUp(string provider)
    {
        var app = await apps.GetAsync(provider);
        var kind = Kind();
        await using var runner = Runner(app, kind, new JobLog { Work = (_, _) => throw new InvalidOperationException("Still broken.") });
        await QueueAsync(app, kind, ["tired"], attempts: JobRunner.MaxAttempts - 1);

        Assert.Equal(1, await runner.Runner.RunDueAsync([kind], default));

        Assert.Equal(0, await DbAsync(app, db => db.BackgroundJobs.CountAsync(j => j.Kind == kind)));
    }

    [Theory, BothDatabases]
    public async Task ARecurringJob_HasOneRow_AndIsDueAgainAfterItsInterval(string provider)
    {
        var app = await apps.GetAsync(provider);
        var kind = Kind();
        var log = new JobLog();
        await using var one = Runner(app, kind, log, every: TimeSpan.FromMinutes(5));
        await using var two = Runner(app, kind, log, every: TimeSpan.FromMinutes(5));

        await Task.WhenAll(one.Runner.EnsureRecurringAsync(default), two.Runner.EnsureRecurringAsync(default));
        var ran = await Task.WhenAll(one.Runner.RunDueAsync([kind], default), two.Runner.RunDueAsync([kind], default));

        Assert.Equal(1, ran.Sum());
        Assert.Equal(1, log.Runs[""]);
        var row = await DbAsync(app, db => db.BackgroundJobs.SingleAsync(j => j.Kind == kind));
        Assert.Equal((0, null), (row.Attempts, row.LeaseOwner));
        Assert.InRange(row.DueAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Theory, BothDatabases]
    public async Task AJobOfAnInstanceThatDied_IsTakenOverWhenItsLeaseRunsOut_AndNotBefore(string provider)
    {
        var app = await apps.GetAsync(provider);
        var kind = Kind();
        var log = new JobLog();
        await using var runner = Runner(app, kind, log);
        await QueueAsync(app, kind, ["orphan"], attempts: 1, leaseOwner: "dead-instance", leaseUntil: DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(0, await runner.Runner.RunDueAsync([kind], default));
        await DbAsync(app, db => db.BackgroundJobs.Where(j => j.Kind == kind)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await runner.Runner.RunDueAsync([kind], default));

        Assert.Equal(1, log.Runs["orphan"]);
        Assert.Equal(2, log.Attempts["orphan"]);
        Assert.Equal(0, await DbAsync(app, db => db.BackgroundJobs.CountAsync(j => j.Kind == kind)));
    }

    /// <summary>An instance that stalled past its lease must stop, and must not end a job another instance now holds.</summary>
    [Theory, BothDatabases]
    public async Task AnInstanceThatLostItsLease_StopsTheRun_AndLeavesTheJobToItsNewHolder(string provider)
    {
        var app = await apps.GetAsync(provider);
        var kind = Kind();
        var started = new TaskCompletionSource();
        await using var runner = Runner(app, kind, JobLog.RunsUntilCancelled(started), leaseSeconds: 3);
        await QueueAsync(app, kind, ["taken"]);

        var run = runner.Runner.RunDueAsync([kind], default);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await DbAsync(app, db => db.BackgroundJobs.Where(j => j.Kind == kind).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, "new-holder")));
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var row = await DbAsync(app, db => db.BackgroundJobs.SingleAsync(j => j.Kind == kind));
        Assert.Equal(("new-holder", 1), (row.LeaseOwner, row.Attempts));
    }

    [Theory, BothDatabases]
    public async Task AShutdown_HandsTheRunningJobBack_WithoutCountingTheRun(string provider)
    {
        var app = await apps.GetAsync(provider);
        var kind = Kind();
        var started = new TaskCompletionSource();
        await using var runner = Runner(app, kind, JobLog.RunsUntilCancelled(started));
        await QueueAsync(app, kind, ["interrupted"]);
        using var shutdown = new CancellationTokenSource();

        var run = runner.Runner.RunDueAsync([kind], shutdown.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await shutdown.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var row = await DbAsync(app, db => db.BackgroundJobs.SingleAsync(j => j.Kind == kind));
        Assert.Equal((null, null, 0), (row.LeaseOwner, row.LeaseUntil, row.Attempts));
        Assert.True(row.DueAt <= DateTimeOffset.UtcNow);
    }

    private static string Kind() => "test." + Guid.NewGuid().ToString("N")[..12];

    private static Task QueueAsync(AgoraFactory app, string kind, IEnumerable<string> keys, int attempts = 0, string? leaseOwner = null,
        DateTimeOffset? leaseUntil = null) =>
        DbAsync(app, db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.BackgroundJobs.AddRange(keys.Select(key => new BackgroundJob
            {
                Id = Guid.NewGuid(), Kind = kind, Key = key, DueAt = now.AddSeconds(-1), CreatedAt = now, Attempts = attempts,
                LeaseOwner = leaseOwner, LeaseUntil = leaseUntil,
            }));
            return db.SaveChangesAsync();
        });

    /// <summary>One instance: a runner with its own instance id on the app's database, running jobs of one kind.</summary>
    private static Instance Runner(AgoraFactory app, string kind, JobLog log, TimeSpan? every = null, int leaseSeconds = 60)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        var provider = Enum.Parse<DatabaseProvider>(app.Provider);
        services.AddDbContext<AgoraDbContext>(o => DataSetup.Configure(o, provider, app.ConnectionString, strict: true));
        services.Configure<JobSettings>(o => o.LeaseSeconds = leaseSeconds);
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobInstance>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton(log);
        if (every is { } interval) services.AddRecurringJob<LoggedJob>(kind, _ => interval);
        else services.AddJob<LoggedJob>(kind);
        var built = services.BuildServiceProvider();
        return new Instance(built, built.GetRequiredService<JobRunner>());
    }

    private sealed record Instance(ServiceProvider Services, JobRunner Runner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private sealed class JobLog
    {
        public ConcurrentDictionary<string, int> Runs { get; } = new();
        public ConcurrentDictionary<string, int> Attempts { get; } = new();
        public Func<JobContext, CancellationToken, Task> Work { get; init; } = (_, _) => Task.CompletedTask;

        /// <summary>A job that says it started, then runs until its run is cancelled.</summary>
        public static JobLog RunsUntilCancelled(TaskCompletionSource started) => new()
        {
            Work = async (_, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            },
        };
    }

    private sealed class LoggedJob(JobLog log) : IJob
    {
        public async Task RunAsync(JobContext job, CancellationToken ct)
        {
            log.Attempts[job.Key] = job.Attempt;
            await log.Work(job, ct);
            log.Runs.AddOrUpdate(job.Key, 1, (_, n) => n + 1);
        }
    }
}
