using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Agora.Tests.Infrastructure;

/// <summary>
/// Agora in memory on a fresh database of the chosen provider, with the demo installation.
/// PostgreSQL comes from AGORA_TEST_POSTGRES (scripts/test.sh starts a server and sets it).
/// </summary>
public sealed class AgoraFactory : WebApplicationFactory<Program>
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=agora;Password=agora";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agora-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly Dictionary<string, string?> _settings;

    public string Provider { get; }
    public string MailDirectory => Path.Combine(_dir, "mail");
    public string ConnectionString { get; }
    /// <summary>More host configuration for one test's app (e.g. an interceptor that fails on purpose).</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }

    public AgoraFactory(string provider, IDictionary<string, string?>? extra = null)
    {
        Provider = provider;
        Directory.CreateDirectory(_dir);
        if (provider == "Postgres")
        {
            _postgresDatabase = "agora_test_" + Guid.NewGuid().ToString("N")[..12];
            var server = Environment.GetEnvironmentVariable("AGORA_TEST_POSTGRES") ?? DefaultPostgres;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_dir, "agora.db")}";
        }
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Mail:PickupDirectory"] = MailDirectory,
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:RegisterPerMinute"] = "100000",
            ["RateLimits:PasswordResetPerMinute"] = "100000",
            // The shared apps' demo people submit far more than a person would; SubmissionLimitTests set low limits.
            ["RateLimits:Submissions:PerMinute"] = "100000",
            ["RateLimits:Submissions:PerHour"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            // The test server has no request body size feature, so every upload logged two warnings that buried failures.
            ["Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware"] = "Error",
            // Tests run the notification mail and request reminders themselves; imports run in the background.
            ["Jobs:Skip:0"] = Agora.Web.Features.Notifications.NotificationMailJob.Kind,
            ["Jobs:Skip:1"] = Agora.Web.Features.Requests.RequestReminders.Kind,
            // Each response says how many SQL commands it sent (QueryCountTests).
            ["Diagnostics:SqlCommandHeader"] = "true",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        Configure?.Invoke(builder);
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("AGORA_TEST_POSTGRES") ?? DefaultPostgres;
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
            // A connection still starting up has no role yet, and terminating it needs a right the test role may lack
            // (42501); it is gone a moment later, so try again.
            for (var attempt = 1; ; attempt++)
            {
                try { await cmd.ExecuteNonQueryAsync(); break; }
                catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
                {
                    await Task.Delay(100 * attempt);
                }
            }
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One Agora per database provider, shared by the tests of a collection.</summary>
public sealed class AgoraApps : IAsyncLifetime
{
    private readonly Dictionary<string, AgoraFactory> _apps = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<AgoraFactory> GetAsync(string provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new AgoraFactory(provider);
                _ = app.Server; // start now: migrations and demo seeding run here
                _apps[provider] = app;
            }
            return app;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppsCollection : ICollectionFixture<AgoraApps>
{
    public const string Name = "apps";
}

/// <summary>Runs a theory once on SQLite and once on PostgreSQL.</summary>
public sealed class BothDatabasesAttribute : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [["Sqlite"], ["Postgres"]];
}
