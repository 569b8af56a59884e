using Agora.Web.Platform.Http;

namespace Agora.Web.Platform.Auth;

/// <summary>The token scope an API endpoint needs; the endpoint's own declaration wins over its group's.</summary>
public sealed record RequiredScope(string Scope);

/// <summary>
/// The one rule for personal access tokens: they authenticate only under /api/v1 (see <see cref="AuthSetup"/>), and
/// there only on endpoints whose declared scope the token holds. Every API endpoint declares its scope with
/// <see cref="RequireScope{TBuilder}"/>; one without a declaration answers 500 to everyone, so none is forgotten.
/// A browser session is not limited by scopes: it may do all the person may.
/// </summary>
public static class ApiScopeRules
{
    /// <summary>Declares the scope a token needs here. Unless the endpoint allows anonymous readers, it also needs a signed-in person.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope)).RequireAuthorization();

    public static bool IsToken(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(c => c.Type == AgoraClaims.TokenId);

    /// <summary>Whether the request may use an endpoint that needs <paramref name="scope"/>.</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        !IsToken(user) || user.HasClaim(AgoraClaims.Scope, scope);

    /// <summary>Refuses a token that lacks the endpoint's scope with 403, before any handler runs. After authentication.</summary>
    public static IApplicationBuilder UseApiScopes(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            var endpoint = ctx.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<ApiMarker>() is not null)
            {
                var required = endpoint.Metadata.GetMetadata<RequiredScope>()
                    ?? throw new InvalidOperationException($"API endpoint '{endpoint.DisplayName}' declares no token scope (RequireScope).");
                if (!Allows(ctx.User, required.Scope))
                {
                    await Errors.Problems.WriteAsync(ctx, StatusCodes.Status403Forbidden, "Problem.TokenScope");
                    return;
                }
            }
            await next();
        });
}
