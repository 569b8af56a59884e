using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Data;

/// <summary>
/// The one way a use case writes in a transaction. PostgreSQL runs under a retrying execution strategy (a transient
/// failure runs the whole attempt again), so every attempt starts from an empty change tracker: whatever the work
/// stages (rows, audit entries, notifications) is staged inside the work, once per attempt, and a retry cannot
/// write it twice. Callers therefore stage nothing before calling and re-read what they change inside the work.
/// </summary>
public static class Transactions
{
    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; the whole attempt is retried on a transient failure.</summary>
    public static Task<T> InTransactionAsync<T>(this AgoraDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        RunAsync(db, async token => (true, await work(token)), ct);

    /// <summary>As above, but the work answers whether to commit; a rollback also forgets what it staged.</summary>
    public static Task<T> InTransactionAsync<T>(this AgoraDbContext db, Func<Task<(bool Commit, T Value)>> work, CancellationToken ct) =>
        RunAsync(db, _ => work(), ct);

    private static Task<T> RunAsync<T>(AgoraDbContext db, Func<CancellationToken, Task<(bool Commit, T Value)>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var (commit, value) = await work(token);
            if (commit) await tx.CommitAsync(token);
            else
            {
                await tx.RollbackAsync(token);
                db.ChangeTracker.Clear();
            }
            return value;
        }, ct);

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

    /// <summary>True when a unique index or primary key refused the change (PostgreSQL 23505, SQLite 2067 or 1555).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
