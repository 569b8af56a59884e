using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>
/// SQLite runs with the write-ahead log, waits for a busy writer itself, and does not wait for the disk on every
/// commit (SqliteConnectionSettings): without these, concurrent votes queued in 150 ms retry steps (bench/).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SqliteSettingsTests(AgoraApps apps)
{
    [Fact]
    public async Task EveryConnection_WriteAheadLog_BusyTimeout_NormalSync()
    {
        var app = await apps.GetAsync("Sqlite");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
            Assert.Equal("10000", await PragmaAsync(db, "busy_timeout"));
            Assert.Equal("1", await PragmaAsync(db, "synchronous")); // NORMAL
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task AfterMigrations_ThePlannerHasStatistics()
    {
        // What start runs after the migrations (here on a database with data): an index a migration created is
        // measured before requests are planned with it.
        var app = await apps.GetAsync("Sqlite");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        await DataSetup.PrepareSqliteAsync(db, CancellationToken.None);
        var indexed = await db.Database.SqlQuery<string>($"SELECT idx AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Ideas'").ToListAsync();
        Assert.Contains("IX_Ideas_CampaignId_Filters", indexed);
    }

    private static async Task<string> PragmaAsync(AgoraDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
