using System.Globalization;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Localization;

namespace Agora.Web.Platform.Localization;

public static class LocalizationSetup
{
    public const string CookieName = ".Agora.Culture";

    /// <summary>The cultures Agora speaks; the first is the default.</summary>
    public static readonly string[] Cultures = ["en", "pt-PT", "nb-NO"];

    public static bool IsSupported(string? culture) =>
        culture is not null && Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static string Normalize(string culture) =>
        Cultures.First(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));

    public static void AddAgoraLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, CountingLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new ProfileRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    /// <summary>English text, European formats: "en" alone would write dates the US way (11/22/2026).</summary>
    private static readonly CultureInfo EnglishFormats = CultureInfo.GetCultureInfo("en-GB");

    public static void UseAgoraLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.Use((ctx, next) =>
        {
            if (CultureInfo.CurrentCulture.Name == "en") CultureInfo.CurrentCulture = EnglishFormats;
            return next(ctx);
        });
    }
}

/// <summary>The signed-in person's preferred language, carried as a claim in their cookie.</summary>
public sealed class ProfileRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var lang = httpContext.User.FindFirst(AgoraClaims.Language)?.Value;
        return Task.FromResult(LocalizationSetup.IsSupported(lang) ? new ProviderCultureResult(lang) : null);
    }
}
