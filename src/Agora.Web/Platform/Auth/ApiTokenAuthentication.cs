using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Agora.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Platform.Auth;

/// <summary>Authenticates "Authorization: Bearer agora_..." personal access tokens.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AgoraDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string TokenPrefix = "agora_";

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() =>
        TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Tokens are read only on the API: a bearer header sent to a page is ignored.</summary>
    public static bool AppliesTo(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1")
        && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AppliesTo(Request)) return AuthenticateResult.NoResult();
        string header = Request.Headers.Authorization.ToString();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
            return AuthenticateResult.Fail("Malformed token.");

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var found = await (from t in db.ApiTokens
                           join u in db.Users on t.UserId equals u.Id
                           where t.Hash == hash
                           select new { t.Id, t.UserId, t.Scopes, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, u.Email, u.PreferredLanguage, u.LockoutEnd })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now)
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        if (found.LockoutEnd > now) return AuthenticateResult.Fail("Locked out.");

        if (await UserState.LoadAsync(db, Context.RequestServices.GetRequiredService<IHubRoleSource>(), found.UserId, null, Context.RequestAborted) is not ({ } state, _))
            return AuthenticateResult.Fail("Unknown user.");
        Context.Items[UserState.ItemKey] = state;

        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            await db.ApiTokens.Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.UserId.ToString()),
            new(ClaimTypes.Name, found.Email ?? ""),
            new(ClaimTypes.Email, found.Email ?? ""),
            new(AgoraClaims.TokenId, found.Id.ToString()),
        };
        if (found.PreferredLanguage is not null) claims.Add(new Claim(AgoraClaims.Language, found.PreferredLanguage));
        claims.AddRange(found.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(AgoraClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
