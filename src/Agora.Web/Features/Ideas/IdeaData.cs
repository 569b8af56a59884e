using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Ideas;

/// <summary>Database helpers the idea use cases share: transactions under the execution strategy, unique violations.</summary>
internal static class IdeaData
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction inside the execution strategy (PostgreSQL retries on
    /// transient failures, and only accepts user transactions inside the strategy). The work answers whether
    /// to commit; the tracker is cleared before each attempt so a retry starts clean.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this AgoraDbContext db, Func<Task<(bool Commit, T Value)>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (commit, value) = await work();
            if (commit) await tx.CommitAsync(ct);
            else
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
            return value;
        });
    }

    /// <summary>
    /// Takes the campaign's row lock until the transaction ends (a no-op UPDATE), so that counting a person's ideas
    /// against the campaign's per-person limit and publishing one happen one at a time: a second publication waits,
    /// then counts the first (PostgreSQL, read committed); SQLite already runs write transactions one at a time.
    /// </summary>
    public static Task LockCampaignForLimitAsync(this AgoraDbContext db, Guid campaignId, CancellationToken ct) =>
        db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount), ct);

    /// <summary>
    /// Saves, answering false when a unique index or primary key refused the row (someone else inserted it first).
    /// Inside a transaction EF Core rolls back to its savepoint, so the transaction stays usable on PostgreSQL too.
    /// </summary>
    public static async Task<bool> TryInsertAsync(this AgoraDbContext db, object entity, CancellationToken ct)
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.Entry(entity).State = EntityState.Detached;
            return false;
        }
    }

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
