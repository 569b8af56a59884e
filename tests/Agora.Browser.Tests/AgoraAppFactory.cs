using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Agora.Browser.Tests;

/// <summary>
/// Agora in-process on SQLite in a temporary file, with the demo installation, mail written to a
/// temporary folder and generous rate limits. Call UseKestrel + StartServer for a real port.
/// </summary>
public sealed class AgoraAppFactory : WebApplicationFactory<Program>
{
    public string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "agora-browser-" + Guid.NewGuid().ToString("N")[..12]);
    public string DatabasePath => Path.Combine(TempRoot, "agora.db");
    public string MailDirectory => Path.Combine(TempRoot, "mail");

    /// <summary>A free loopback port, chosen before the host starts so that links in email (Agora:BaseUrl) can name it.</summary>
    public int Port { get; } = FreePort();

    public string PublicAddress => $"http://127.0.0.1:{Port}";

    public AgoraAppFactory()
    {
        Directory.CreateDirectory(MailDirectory);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={DatabasePath}",
        ["Database:MigrateOnStart"] = "true",
        ["Agora:BaseUrl"] = PublicAddress,
        ["Demo:Enabled"] = "true",
        ["Mail:PickupDirectory"] = MailDirectory,
        ["Mail:SmtpHost"] = "",
        // Tests run the notification mail and request reminders themselves; imports run in the background.
        ["Jobs:Skip:0"] = Agora.Web.Features.Notifications.NotificationMailJob.Kind,
        ["Jobs:Skip:1"] = Agora.Web.Features.Requests.RequestReminders.Kind,
        ["RateLimits:SignInPerMinute"] = "1000",
        ["RateLimits:RegisterPerMinute"] = "1000",
        ["RateLimits:PasswordResetPerMinute"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // Keeps the test log readable; the warning is about response caching headers, not about the tests.
        ["Logging:LogLevel:Microsoft.AspNetCore.Antiforgery"] = "Error",
    };

    // Program.cs reads configuration before Build(); host configuration given here reaches it early
    // (it is handed to the entry point), whereas ConfigureAppConfiguration would apply too late.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(Settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, RenderedPageHeader>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(TempRoot)) Directory.Delete(TempRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open is removed with the temp folder later.
        }
    }
}

/// <summary>
/// Names, in the response header <see cref="Name"/>, the Razor Page that answered (after a redirect, the page
/// redirected to; for an error, the error page that re-executed it), so that the accessibility scan can tell two
/// routes rendering the same page template apart from two different pages. Only in the tests' server.
/// </summary>
public sealed class RenderedPageHeader : IStartupFilter
{
    public const string Name = "X-Agora-Test-Page";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            context.Response.OnStarting(() =>
            {
                var endpoint = context.GetEndpoint();
                var page = endpoint?.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor p ? p.ViewEnginePath : endpoint?.DisplayName;
                if (page is not null) context.Response.Headers[Name] = page;
                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };
}
