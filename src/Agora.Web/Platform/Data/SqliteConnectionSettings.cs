using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Platform.Data;

/// <summary>
/// Settings of every SQLite connection (measured with bench/, issue 4):
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits for the writer that holds the lock, re-checking within milliseconds,
/// instead of answering "busy" at once, which Microsoft.Data.Sqlite retries only every 150 ms (that step was the p99
/// of concurrent votes).</item>
/// <item><c>synchronous = NORMAL</c>: with the write-ahead log (<see cref="DataSetup.UseWriteAheadLogAsync"/>) a commit
/// no longer waits for the disk; the database stays consistent, and only the last commits before a power cut can be
/// lost (SQLite's recommended setting for WAL).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
