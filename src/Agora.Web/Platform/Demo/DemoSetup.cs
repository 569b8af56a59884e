using Agora.Web.Platform.Data;

namespace Agora.Web.Platform.Demo;

/// <summary>Section "Demo": the demo installation (hubs, organisations and accounts on first start).</summary>
public sealed class DemoSettings
{
    public const string Section = "Demo";

    /// <summary>Seeds the demo installation into an empty database. Never honoured in Production.</summary>
    public bool Enabled { get; set; }
}

public static class DemoSetup
{
    public static void AddDemo(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(DemoSettings.Section).Get<DemoSettings>() ?? new DemoSettings();
        builder.Services.Configure<DemoSettings>(builder.Configuration.GetSection(DemoSettings.Section));
        if (!settings.Enabled) return;
        if (builder.Environment.IsProduction())
        {
            // Well-known passwords and two-factor keys must never reach a live installation.
            builder.Services.AddHostedService<DemoRefusedInProduction>();
            return;
        }
        builder.Services.AddScoped<IStartupSeeder, DemoSeeder>();
    }
}

/// <summary>Says once, on start, why Demo:Enabled was ignored.</summary>
internal sealed class DemoRefusedInProduction(ILogger<DemoRefusedInProduction> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Demo:Enabled is true but the environment is Production: the demo installation (with its published passwords) is not seeded.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
