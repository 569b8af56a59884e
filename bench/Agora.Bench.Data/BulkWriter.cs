using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Agora.Bench.Data;

/// <summary>Writes rows of one table in bulk; values are given in the order of the columns it was opened with.</summary>
public abstract class TableWriter : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    protected TableWriter(string table) => Table = table;
    public string Table { get; }
    public long Rows { get; private set; }

    public void Row(params object?[] values)
    {
        WriteRow(values);
        Rows++;
        if (Rows % 1_000_000 == 0) Console.WriteLine($"  {Table}: {Rows:N0} rows, {_clock.Elapsed.TotalSeconds:F1} s");
    }

    protected abstract void WriteRow(object?[] values);
    protected abstract Task CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync();
        var s = _clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{Table,-22} {Rows,12:N0} rows {s,8:F1} s {(s > 0 ? Rows / s : 0),12:N0} rows/s");
        GC.SuppressFinalize(this);
    }
}

/// <summary>SQLite: one prepared INSERT, committed every <see cref="BatchSize"/> rows.</summary>
public sealed class SqliteTableWriter : TableWriter
{
    private const int BatchSize = 50_000;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private SqliteTransaction _transaction;
    private int _inBatch;

    public SqliteTableWriter(SqliteConnection connection, string table, string[] columns) : base(table)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
        _command = connection.CreateCommand();
        _command.Transaction = _transaction;
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
    }

    protected override void WriteRow(object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = ToSqlite(values[i]);
        _command.ExecuteNonQuery();
        if (++_inBatch < BatchSize) return;
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        _command.Transaction = _transaction;
        _inBatch = 0;
    }

    /// <summary>AgoraDbContext stores instants on SQLite as sortable integers (its conventions).</summary>
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter DateTimeOffsetToBinary = new();

    /// <summary>The representation Agora uses on SQLite: GUIDs as upper-case text, instants as EF Core's binary integers.</summary>
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTimeOffset d => DateTimeOffsetToBinary.ConvertToProvider(d)!,
        bool b => b ? 1 : 0,
        Enum e => e.ToString(),
        _ => value,
    };

    protected override Task CompleteAsync()
    {
        _transaction.Commit();
        _transaction.Dispose();
        _command.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>PostgreSQL: binary COPY.</summary>
public sealed class PostgresTableWriter : TableWriter
{
    private readonly NpgsqlBinaryImporter _importer;

    public PostgresTableWriter(NpgsqlConnection connection, string table, string[] columns) : base(table) =>
        _importer = connection.BeginBinaryImport(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");

    protected override void WriteRow(object?[] values)
    {
        _importer.StartRow();
        foreach (var value in values)
        {
            switch (value)
            {
                case null: _importer.WriteNull(); break;
                case Guid g: _importer.Write(g); break;
                case string s: _importer.Write(s); break;
                case int i: _importer.Write(i); break;
                case long l: _importer.Write(l); break;
                case bool b: _importer.Write(b); break;
                case DateTimeOffset d: _importer.Write(d.ToUniversalTime()); break;
                case Enum e: _importer.Write(e.ToString()); break;
                default: throw new NotSupportedException(value.GetType().Name);
            }
        }
    }

    protected override async Task CompleteAsync()
    {
        await _importer.CompleteAsync();
        await _importer.DisposeAsync();
    }
}
