using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Platform.Data;

/// <summary>
/// Settings of every SQLite connection (measured with bench/, issue 4):
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits for the writer that holds the lock, re-checking within milliseconds,
/// instead of answering "busy" at once, which Microsoft.Data.Sqlite retries only every 150 ms (that step was the p99
/// of concurrent votes).</item>
/// <item><c>synchronous = NORMAL</c>: with the write-ahead log (<see cref="DataSetup.PrepareSqliteAsync"/>) a commit
/// no longer waits for the disk; the database stays consistent, and only the last commits before a power cut can be
/// lost (SQLite's recommended setting for WAL).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    /// <summary>
    /// The native connections already set: Microsoft.Data.Sqlite pools them and the settings stay with them, so
    /// they are sent once per native connection, not on every open (every request).
    /// </summary>
    private static readonly ConditionalWeakTable<object, object> Done = [];

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Done.TryAdd(handle, handle);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
