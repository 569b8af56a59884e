using System.Diagnostics;
using Agora.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Agora.Bench.Data;

/// <summary>
/// Creates a fresh Agora database with Agora's own migrations and loads a generated installation in bulk.
/// dotnet run --project bench/Agora.Bench.Data -- --provider Sqlite|Postgres --connection "..." --scale 10k|100k|1m
/// </summary>
public static class BenchDataProgram
{
    public static async Task<int> Main(string[] args)
    {
        var provider = DatabaseProvider.Sqlite;
        string? connection = null;
        var scale = "10k";
        var seed = 4;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--provider": provider = Enum.Parse<DatabaseProvider>(args[i + 1], ignoreCase: true); break;
                case "--connection": connection = args[i + 1]; break;
                case "--scale": scale = args[i + 1].ToLowerInvariant(); break;
                case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        var divisor = scale switch { "1m" => 1, "100k" => 10, "10k" => 100, _ => 0 };
        if (divisor == 0) { Console.Error.WriteLine("--scale is 10k, 100k or 1m"); return 2; }
        connection ??= provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"agora-bench-{scale}.db")}"
            : "Host=127.0.0.1;Port=5432;Username=agora;Password=agora;Database=agora_bench";

        var total = Stopwatch.StartNew();
        Console.WriteLine($"Agora bench data: {provider}, scale {scale}, seed {seed}");
        await CreateDatabaseAsync(provider, connection);
        Console.WriteLine($"Database created and migrated in {total.Elapsed.TotalSeconds:F1} s");

        var sizes = Sizes.For(divisor);
        var generator = new Generator(sizes, seed);
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync();
            await ExecAsync(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;");
            // The full-text index is filled once at the end instead of row by row: the insert trigger goes away during
            // the load and comes back exactly as the migrations created it.
            await using (var read = db.CreateCommand())
            {
                read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'SearchDocuments_ai'";
                var trigger = (string)(await read.ExecuteScalarAsync())!;
                await ExecAsync(db, "DROP TRIGGER \"SearchDocuments_ai\"");
                await generator.LoadAsync((table, columns) => new SqliteTableWriter(db, table, columns));
                var rebuild = System.Diagnostics.Stopwatch.StartNew();
                await ExecAsync(db, "INSERT INTO \"SearchFts\"(\"SearchFts\") VALUES ('rebuild')");
                await ExecAsync(db, trigger);
                Console.WriteLine($"{"SearchFts rebuild",-22} {"",12} {rebuild.Elapsed.TotalSeconds,13:F1} s");
            }
            await ExecAsync(db, "PRAGMA synchronous=NORMAL; ANALYZE;");
            await PrintCountsAsync(db);
        }
        else
        {
            // COPY checks the foreign keys of all its rows when it completes: minutes for 10 million votes.
            await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ConnectionString);
            await db.OpenAsync();
            await generator.LoadAsync((table, columns) => new PostgresTableWriter(db, table, columns));
            foreach (var (table, key) in new[] { ("Ideas", "Id"), ("Comments", "Id"), ("IdeaEvents", "Id"), ("SearchDocuments", "RowId") })
                await ExecAsync(db, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key}'), (SELECT COALESCE(MAX(\"{key}\"), 0) + 1 FROM \"{table}\"), false)");
            await ExecAsync(db, "VACUUM ANALYZE");
            await PrintCountsAsync(db);
        }
        Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>Drops the database and creates it again through Agora's own setup and migrations (no demo data).</summary>
    private static async Task CreateDatabaseAsync(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(file + suffix);
        }
        var services = new ServiceCollection()
            .AddDbContext<AgoraDbContext>(o => DataSetup.Configure(o, provider, connection))
            .BuildServiceProvider();
        await using (services)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AgoraDbContext>().Database.EnsureDeletedAsync();
            }
            await services.MigrateDatabaseAsync();
        }
        if (provider == DatabaseProvider.Postgres) NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecAsync(System.Data.Common.DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static readonly string[] CountedTables =
        ["Hubs", "AspNetUsers", "ApiTokens", "HubMemberships", "Campaigns", "CampaignPhases", "CampaignFollowers", "Ideas", "IdeaEvents",
         "IdeaFollowers", "Votes", "Comments", "SearchDocuments"];

    private static async Task PrintCountsAsync(System.Data.Common.DbConnection db)
    {
        Console.WriteLine("Row counts:");
        foreach (var table in CountedTables)
        {
            await using var command = db.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            Console.WriteLine($"  {table,-22} {Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture),12:N0}");
        }
    }
}

/// <summary>How many of each thing; scale 1m is divisor 1.</summary>
public sealed record Sizes(int Hubs, int People, int Campaigns, int Ideas, long Votes, long Comments, int HotIdeas)
{
    public static Sizes For(int divisor) => new(
        Hubs: Math.Max(10, 100 / divisor),
        People: 200_000 / divisor,
        Campaigns: 5_000 / divisor,
        Ideas: 1_000_000 / divisor,
        Votes: 10_000_000L / divisor,
        Comments: 3_000_000L / divisor,
        HotIdeas: Math.Max(3, 20 / divisor));
}
