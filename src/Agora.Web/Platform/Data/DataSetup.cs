using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Platform.Data;

public static class DataSetup
{
    public static void AddAgoraData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, builder.Environment.ContentRootPath);
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        // Under test, a query whose rows depend on chance is a bug that fails loudly.
        var strict = builder.Environment.IsEnvironment("Testing");
        // The areas' indexers (ISearchIndexer) keep the full-text index in step with every save.
        builder.Services.AddSingleton<Search.SearchIndexInterceptor>();
        builder.Services.AddDbContext<AgoraDbContext>((sp, o) =>
        {
            Configure(o, options.Provider, connectionString, strict);
            o.AddInterceptors(sp.GetRequiredService<Search.SearchIndexInterceptor>());
        });
        builder.Services.AddHostedService<DatabaseInitializer>();
        // One key ring in the database under one application name: a cookie, antiforgery token or reset link made by
        // one instance is read by every other, and survives restarts and new deployments.
        builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<AgoraDbContext>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    public const string DataProtectionApplicationName = "Agora";

    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        if (options.Provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
        var dataDir = Path.Combine(FindRepositoryRoot(contentRoot), "data");
        Directory.CreateDirectory(dataDir);
        return $"Data Source={Path.Combine(dataDir, "agora.db")}";
    }

    /// <summary>The folder holding data/: the repository root when run from source, else the content root.</summary>
    public static string FindRepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Agora.slnx"))) return dir.FullName;
        }
        return contentRoot;
    }

    /// <param name="strict">Skip/Take without OrderBy (EF Core warning 10102) throws instead of being logged.</param>
    public static void Configure(DbContextOptionsBuilder o, DatabaseProvider provider, string connectionString, bool strict = false)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                o.UseNpgsql(connectionString, n => n.MigrationsAssembly("Agora.Migrations.Postgres").EnableRetryOnFailure(3));
                break;
            default:
                o.UseSqlite(connectionString, s => s.MigrationsAssembly("Agora.Migrations.Sqlite"));
                o.AddInterceptors(SqliteConnectionSettings.Instance);
                break;
        }
        o.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>();
        o.AddInterceptors(SqlCommandCounter.Instance);
        // A unique key refusing a duplicate (a second vote, report or follow) is an expected answer that the use
        // cases handle; failures nobody handles are still logged as errors by the exception handler.
        o.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Information),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information)));
        if (strict) o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        await db.Database.MigrateAsync(ct);
        await PrepareSqliteAsync(db, ct);
    }

    /// <summary>
    /// SQLite, after the migrations: the write-ahead log, so readers never wait for a writer and a writer not for
    /// readers (the mode is kept in the database file; setting it again is a no-op), and statistics for the query
    /// planner where they are missing or stale, e.g. for an index a migration just created (PRAGMA optimize on every
    /// table, sampling at most 1,000 rows per index: milliseconds, also at a million ideas).
    /// </summary>
    public static async Task PrepareSqliteAsync(AgoraDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;", ct);
    }
}

/// <summary>Lets `dotnet ef` build the context: `-- --provider Postgres` picks PostgreSQL.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AgoraDbContext>
{
    public AgoraDbContext CreateDbContext(string[] args)
    {
        var provider = args.Contains("Postgres", StringComparer.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var builder = new DbContextOptionsBuilder<AgoraDbContext>();
        var cs = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Username=agora;Password=agora;Database=agora_design" : "Data Source=design.db";
        DataSetup.Configure(builder, provider, cs);
        return new AgoraDbContext(builder.Options);
    }
}

/// <summary>Upgrades the database before the server accepts requests, then seeds what is configured.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
            await DataSetup.PrepareSqliteAsync(db, cancellationToken);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
                await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Runs after migrations on start (e.g. the demo installation).</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken ct);
}

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(AgoraDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.");
}
