using Agora.Web.Features.Accounts;
using Agora.Web.Features.Audit;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Initiatives;
using Agora.Web.Features.Hackathons;
using Agora.Web.Features.Requests;
using Agora.Web.Features.Mentoring;
using Agora.Web.Features.Events;
using Agora.Web.Features.Community;
using Agora.Web.Features.Matchmaking;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Network;
using Agora.Web.Features.Moderation;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Organisations;
using Agora.Web.Features.Search;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Email;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Localization;
using Agora.Web.Platform.Privacy;
using Agora.Web.Platform.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Agora.Web;

/// <summary>All of Agora's wiring; Program.cs only calls these two methods.</summary>
public static class AgoraSetup
{
    public static void AddAgora(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        if (!builder.Environment.IsDevelopment())
        {
            // Structured (JSON) logs for collectors in production; readable lines while developing.
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        }
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddAgoraLocalization();
        services.AddAgoraProblems();
        builder.AddAgoraData();
        services.AddAgoraJobs();
        builder.AddAgoraAuth();
        builder.AddAgoraRateLimits();
        builder.AddAgoraMail();
        services.AddScoped<AuditLog>();
        services.AddScoped<HubRights>();
        services.AddScoped<Platform.Privacy.PersonalDataService>();
        services.AddPersonalData<AuditPersonalData>();
        services.AddPersonalData<Platform.Files.FilesPersonalData>();
        services.AddScoped<Validator>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<Features.Dev.Pages.DevMailbox>();
        builder.AddPublicAddress();
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            ;
        services.AddOptions<MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>(
            (o, f) => ModelBindingMessages.Localize(o.ModelBindingMessageProvider, f));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Agora.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOpenApi("v1", o => o.AddAgoraOpenApi());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        services.AddAccounts();
        services.AddHubs();
        services.AddOrganisations();
        services.AddAudit();
        services.AddCampaigns();
        services.AddIdeas();
        services.AddComments();
        services.AddSearch();
        services.AddModeration();
        services.AddNotifications();
        services.AddTransfer();
        services.AddInitiatives();
        services.AddRequests();
        services.AddMentoring();
        services.AddEvents();
        services.AddHackathons();
        services.AddCommunity();
        services.AddNetwork();
        services.AddMaturity();
        services.AddMatchmaking();
        builder.AddDemo();
    }

    /// <summary>
    /// Links in email come from Agora:BaseUrl only. Production refuses to start without it (an absolute http(s) address),
    /// and accepts requests only for the hosts in AllowedHosts, which defaults there to the public address's host.
    /// </summary>
    private static void AddPublicAddress(this WebApplicationBuilder builder)
    {
        var baseUrl = builder.Configuration["Agora:BaseUrl"];
        var valid = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
        if (!string.IsNullOrWhiteSpace(baseUrl) && !valid)
            throw new InvalidOperationException($"Agora:BaseUrl must be an absolute http or https address such as https://agora.example.org (it is '{baseUrl}').");
        if (builder.Environment.IsProduction())
        {
            if (!valid)
                throw new InvalidOperationException("Set Agora:BaseUrl (environment variable Agora__BaseUrl) to Agora's public address, e.g. https://agora.example.org: links in email are built from it and never from a request.");
            var allowed = builder.Configuration["AllowedHosts"];
            if (string.IsNullOrWhiteSpace(allowed) || allowed.Trim() == "*")
                builder.Configuration["AllowedHosts"] = uri!.Host;
        }
        builder.Services.Configure<AgoraSettings>(builder.Configuration.GetSection("Agora"));
    }

    private static Task SetNotFound(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public static void MapAgora(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Configuration.GetValue<bool>("Diagnostics:SqlCommandHeader")) SqlCommandCounter.UseSqlCommandHeader(app);
        app.UseAgoraErrors();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseAgoraSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        // Before the 404 below: the OpenID Connect callback (/signin-oidc) has no endpoint, this middleware answers it.
        app.UseAuthentication();
        // An address that matches nothing is a 404 for everyone, not a sign-in prompt.
        app.Use((ctx, next) => ctx.GetEndpoint() is null ? SetNotFound(ctx) : next());
        app.UseAgoraLocalization();
        app.UseApiScopes();
        app.UseRateLimiter();
        app.UseTwoFactorRequirement();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();

        // The public API: one Map<Area>Api per area (Features/<Area>/<Area>Api.cs), each a route group of named handlers with typed results.
        app.MapGroup("/api/v1").WithMetadata(new ApiMarker())
            .MapAccountsApi()
            .MapHubsApi()
            .MapOrganisationsApi()
            .MapAuditApi()
            .MapCampaignsApi()
            .MapIdeasApi()
            .MapCommentsApi()
            .MapSearchApi()
            .MapModerationApi()
            .MapNotificationsApi()
            .MapTransferApi()
            .MapInitiativesApi()
            .MapRequestsApi()
            .MapMentoringApi()
            .MapEventsApi()
            .MapHackathonsApi()
            .MapCommunityApi()
            .MapNetworkApi()
            .MapMaturityApi()
            .MapMatchmakingApi();
        app.MapEventCalendars();
        app.MapNetworkFeed();
        app.MapCultureEndpoint();
    }
}

/// <summary>Section "Agora".</summary>
public sealed class AgoraSettings
{
    /// <summary>Used outside Production when Agora:BaseUrl is not set: the address `dotnet run` listens on.</summary>
    public const string DevelopmentAddress = "http://localhost:5080";

    /// <summary>Public address used in links sent by email, e.g. https://agora.example.org.</summary>
    public string? BaseUrl { get; set; }

    public string PublicAddress => string.IsNullOrWhiteSpace(BaseUrl) ? DevelopmentAddress : BaseUrl;
}
