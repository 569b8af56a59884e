using System.Security.Claims;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Localization;
using Agora.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Agora.Web.Platform.Auth;

/// <summary>Section "Authentication:OpenIdConnect": an external provider (eID broker, Entra ID, Keycloak).</summary>
public sealed class OpenIdConnectSettings
{
    public bool Enabled { get; set; }
    public string DisplayName { get; set; } = "eID";
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string[] Scopes { get; set; } = ["openid", "profile", "email"];
}

public static class AuthSetup
{
    public const string ExternalScheme = "oidc";

    public static void AddAgoraAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AgoraUser, IdentityRole<Guid>>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AgoraDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<BreachedPasswordValidator>()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<AgoraClaimsPrincipalFactory>();

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = ctx =>
            {
                var sid = ctx.CurrentPrincipal?.FindFirst(AgoraClaims.SessionId);
                if (sid is not null && ctx.NewPrincipal?.Identity is ClaimsIdentity id && !id.HasClaim(c => c.Type == AgoraClaims.SessionId))
                    id.AddClaim(new Claim(AgoraClaims.SessionId, sid.Value));
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Agora.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = Sessions.OnSigningIn;
            o.Events.OnSigningOut = Sessions.OnSigningOut;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                if (ctx.Principal is not null) await Sessions.OnValidatePrincipal(ctx);
            };
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            // Pages show the friendly 403 page at the same address instead of redirecting.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = AgoraSchemes.Default;
                o.DefaultAuthenticateScheme = AgoraSchemes.Default;
                o.DefaultChallengeScheme = AgoraSchemes.Default;
                o.DefaultForbidScheme = AgoraSchemes.Default;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // A token is not a session: "Authorization: Bearer" is read only under /api/v1; pages take the cookie alone.
            .AddPolicyScheme(AgoraSchemes.Default, null, o => o.ForwardDefaultSelector = ctx =>
                ApiTokenAuthenticationHandler.AppliesTo(ctx.Request) ? AgoraSchemes.Token : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AgoraSchemes.Token, null);

        var oidc = builder.Configuration.GetSection("Authentication:OpenIdConnect").Get<OpenIdConnectSettings>() ?? new();
        services.Configure<OpenIdConnectSettings>(builder.Configuration.GetSection("Authentication:OpenIdConnect"));
        if (oidc.Enabled)
        {
            auth.AddOpenIdConnect(ExternalScheme, oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                // Some providers say whether the email is verified only in userinfo; linking depends on it.
                o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
                o.CallbackPath = "/signin-oidc";
                o.Scope.Clear();
                foreach (var s in oidc.Scopes) o.Scope.Add(s);
            });
        }

        services.AddScoped<LocalizedIdentityErrorDescriber>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Viewers>();
        services.AddScoped<IAuthorizationHandler, HubAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, PlatformAdminHandler>();
        services.AddAuthorization(o =>
        {
            // Deny by default: every page and endpoint needs a signed-in person unless it says otherwise.
            o.FallbackPolicy = new AuthorizationPolicyBuilder(AgoraSchemes.Default).RequireAuthenticatedUser().Build();
            o.AddPolicy(Policies.PlatformAdmin, p => p.AddAuthenticationSchemes(AgoraSchemes.Default)
                .RequireAuthenticatedUser().AddRequirements(new PlatformAdminRequirement()));
        });
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Hub managers and platform admins who have not set up two-factor sign-in can only reach
    /// the two-factor setup, sign-out and language pages until they do.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (ctx.Items.TryGetValue(UserState.ItemKey, out var s) && s is UserState { MustSetUpTwoFactor: true })
            {
                var path = ctx.Request.Path;
                var allowed = path.StartsWithSegments("/account/two-factor") || path.StartsWithSegments("/account/signout")
                    || path.StartsWithSegments("/culture") || path.StartsWithSegments("/error") || path.StartsWithSegments("/health")
                    || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/dev/mail");
                if (!allowed)
                {
                    if (path.StartsWithSegments("/api"))
                    {
                        await Errors.Problems.WriteAsync(ctx, StatusCodes.Status403Forbidden, "Problem.TwoFactorRequired");
                        return;
                    }
                    ctx.Response.Redirect("/account/two-factor?required=1");
                    return;
                }
            }
            await next();
        });
}

/// <summary>Adds the preferred language so the culture follows the profile.</summary>
public sealed class AgoraClaimsPrincipalFactory(UserManager<AgoraUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AgoraUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AgoraUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (LocalizationSetup.IsSupported(user.PreferredLanguage))
            identity.AddClaim(new Claim(AgoraClaims.Language, user.PreferredLanguage!));
        if (!string.IsNullOrEmpty(user.DisplayName))
            identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        return identity;
    }
}
