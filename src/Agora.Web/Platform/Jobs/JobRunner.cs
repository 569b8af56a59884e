using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace Agora.Web.Platform.Jobs;

/// <summary>
/// Claims due jobs for this instance and runs them. A claim is a lease written to the job's row: on PostgreSQL one
/// UPDATE over the first due row that no other transaction holds (<c>FOR UPDATE SKIP LOCKED</c>), so instances
/// looking at once take different rows; on SQLite (one process, one writer) an UPDATE guarded by the same condition.
/// The lease is renewed while the job runs; if it cannot be (another instance took the job after this one stalled),
/// the run is cancelled. Every change after the claim names this instance as the owner, so a stalled instance
/// can never end or release a job someone else holds.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IServiceProvider services, JobCatalog catalog, JobInstance instance,
    IOptions<JobSettings> settings, TimeProvider clock, ILogger<JobRunner> logger)
{
    /// <summary>Runs a one-off job may start before it is given up (a recurring one is always due again).</summary>
    public const int MaxAttempts = 10;

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(3, settings.Value.LeaseSeconds));

    /// <summary>What a claim answers: the row's identity and how many runs it has started.</summary>
    public sealed record Claim(Guid Id, string Kind, string Key, int Attempts);

    /// <summary>Makes the row of every recurring kind that has none yet (due now); instances doing it at once make one.</summary>
    public async Task EnsureRecurringAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var existing = await db.BackgroundJobs.Where(j => j.Key == "").Select(j => j.Kind).ToListAsync(ct);
        foreach (var definition in catalog.Recurring.Where(d => !existing.Contains(d.Kind)))
        {
            var now = clock.GetUtcNow();
            await db.TryInsertAsync(new BackgroundJob { Id = Guid.NewGuid(), Kind = definition.Kind, DueAt = now, CreatedAt = now }, ct);
        }
    }

    /// <summary>Runs due jobs of <paramref name="kinds"/> (all this instance runs when null) until none is due; answers how many ran.</summary>
    public async Task<int> RunDueAsync(IReadOnlyCollection<string>? kinds, CancellationToken ct)
    {
        var count = 0;
        while (!ct.IsCancellationRequested && await RunOneAsync(kinds ?? catalog.Runnable, ct)) count++;
        return count;
    }

    /// <summary>Claims one due job and runs it; false when none was due.</summary>
    public async Task<bool> RunOneAsync(IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        if (kinds.Count == 0) return false;
        var claim = await ClaimAsync(kinds, ct);
        if (claim is null) return false;
        await RunAsync(claim, ct);
        return true;
    }

    public async Task<Claim?> ClaimAsync(IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var now = clock.GetUtcNow();
        var until = now + Lease;
        var owner = instance.Id;
        if (db.Database.IsNpgsql())
        {
            var kindList = kinds.ToArray();
            var claimed = await db.Database.SqlQuery<Claim>($"""
                UPDATE "BackgroundJobs" SET "LeaseOwner" = {owner}, "LeaseUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" = (
                    SELECT "Id" FROM "BackgroundJobs"
                    WHERE "Kind" = ANY({kindList}) AND "DueAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "DueAt", "Id" LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                  AND "DueAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                RETURNING "Id", "Kind", "Key", "Attempts"
                """).ToListAsync(ct);
            return claimed.SingleOrDefault();
        }
        var candidates = await db.BackgroundJobs
            .Where(j => kinds.Contains(j.Kind) && j.DueAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.DueAt).ThenBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var taken = await db.BackgroundJobs.Where(j => j.Id == id && j.DueAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseUntil, until)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (taken == 1)
                return await db.BackgroundJobs.Where(j => j.Id == id).Select(j => new Claim(j.Id, j.Kind, j.Key, j.Attempts)).SingleAsync(ct);
        }
        return null;
    }

    /// <summary>Runs a claimed job to its end, failure, or interruption, and records which.</summary>
    public async Task RunAsync(Claim claim, CancellationToken ct)
    {
        var definition = catalog.Find(claim.Kind);
        if (definition is null)
        {
            logger.LogError("Background job {Kind}/{Key} has no handler on this instance.", claim.Kind, claim.Key);
            await ReleaseAsync(claim, uncount: true);
            return;
        }
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var done = new CancellationTokenSource();
        var lease = KeepLeaseAsync(claim, run, done.Token);
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = (IJob)scope.ServiceProvider.GetRequiredService(definition.Handler);
            await job.RunAsync(new JobContext(claim.Kind, claim.Key, claim.Attempts), run.Token);
        }
        catch (Exception e) when (!run.IsCancellationRequested)
        {
            failure = e;
        }
        catch (Exception) when (run.IsCancellationRequested)
        {
            // Shut down or lost the lease: handled below.
        }
        finally
        {
            await done.CancelAsync();
            await lease;
        }

        if (ct.IsCancellationRequested)
            // Shutting down: hand the job back at once (another instance continues it) and do not count the run.
            await ReleaseAsync(claim, uncount: true);
        else if (run.IsCancellationRequested)
            logger.LogWarning("Background job {Kind}/{Key} lost its lease; the instance that holds it now continues.", claim.Kind, claim.Key);
        else if (failure is not null)
            await FailAsync(claim, definition, failure);
        else
            await SucceedAsync(claim, definition);
    }

    /// <summary>Renews the lease while the job runs; cancels the run when another instance holds the job now.</summary>
    private async Task KeepLeaseAsync(Claim claim, CancellationTokenSource run, CancellationToken done)
    {
        using var timer = new PeriodicTimer(Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(done))
            {
                try
                {
                    var until = clock.GetUtcNow() + Lease;
                    if (await UpdateOwnedAsync(claim, s => s.SetProperty(j => j.LeaseUntil, until), done) == 0)
                    {
                        await run.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database did not answer: try again on the next tick, while the lease still holds.
                    logger.LogWarning(e, "Renewing the lease of background job {Kind}/{Key} failed.", claim.Kind, claim.Key);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private async Task SucceedAsync(Claim claim, JobDefinition definition)
    {
        if (definition.Every is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            await db.BackgroundJobs.Where(j => j.Id == claim.Id && j.LeaseOwner == instance.Id).ExecuteDeleteAsync(CancellationToken.None);
            return;
        }
        var next = clock.GetUtcNow() + definition.Every(services);
        await UpdateOwnedAsync(claim, s => s.SetProperty(j => j.DueAt, next).SetProperty(j => j.Attempts, 0).SetProperty(j => j.LastError, (string?)null)
            .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task FailAsync(Claim claim, JobDefinition definition, Exception failure)
    {
        var error = $"{failure.GetType().Name}: {failure.Message}";
        if (error.Length > 2000) error = error[..1999] + "…";
        if (definition.Every is null && claim.Attempts >= MaxAttempts)
        {
            logger.LogError(failure, "Background job {Kind}/{Key} failed {Attempts} times and is given up.", claim.Kind, claim.Key, claim.Attempts);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            await db.BackgroundJobs.Where(j => j.Id == claim.Id && j.LeaseOwner == instance.Id).ExecuteDeleteAsync(CancellationToken.None);
            return;
        }
        var retryAt = clock.GetUtcNow() + Backoff(claim.Attempts);
        logger.LogError(failure, "Background job {Kind}/{Key} failed (attempt {Attempts}); it runs again at {RetryAt:u}.", claim.Kind, claim.Key, claim.Attempts, retryAt);
        await UpdateOwnedAsync(claim, s => s.SetProperty(j => j.DueAt, retryAt).SetProperty(j => j.LastError, error)
            .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>10 s after the first failure, doubling up to an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20))));

    private Task<int> ReleaseAsync(Claim claim, bool uncount) =>
        UpdateOwnedAsync(claim, s =>
        {
            s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null);
            if (uncount) s.SetProperty(j => j.Attempts, j => j.Attempts - 1);
        }, CancellationToken.None);

    private async Task<int> UpdateOwnedAsync(Claim claim, Action<UpdateSettersBuilder<BackgroundJob>> set, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        return await db.BackgroundJobs.Where(j => j.Id == claim.Id && j.LeaseOwner == instance.Id).ExecuteUpdateAsync(set, ct);
    }
}

/// <summary>This instance's share of the background work: a few slots, each claiming and running one due job at a time.</summary>
public sealed class JobWorker(JobRunner runner, JobCatalog catalog, JobSignal signal, IOptions<JobSettings> settings, ILogger<JobWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled || catalog.Runnable.Count == 0) return;
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(1, settings.Value.PollSeconds));
        try
        {
            while (!await TryAsync(() => runner.EnsureRecurringAsync(stoppingToken), "Making the recurring jobs' rows failed"))
                await Task.Delay(poll, stoppingToken);
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.Value.Slots)).Select(_ => SlotAsync(poll, stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SlotAsync(TimeSpan poll, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            var ran = false;
            await TryAsync(async () => ran = await runner.RunOneAsync(catalog.Runnable, stoppingToken), "Looking for background jobs failed");
            if (ran) continue;
            try
            {
                await wake.WaitAsync(poll, stoppingToken);
            }
            catch (TimeoutException)
            {
                // Time to look again.
            }
        }
    }

    private async Task<bool> TryAsync(Func<Task> work, string message)
    {
        try
        {
            await work();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Message}; trying again.", message);
            return false;
        }
    }
}
