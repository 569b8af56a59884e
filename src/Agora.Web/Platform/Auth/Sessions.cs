using System.Security.Claims;
using Agora.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Auth;

/// <summary>
/// Ties every sign-in cookie to a row in UserSessions so that people can see their sessions
/// and end them; a cookie whose session is gone or revoked is rejected on the next request.
/// </summary>
public static class Sessions
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(5);

    public static async Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return;
        if (!Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId)) return;
        // A refreshed sign-in (profile change, two-factor change) keeps its session.
        if (identity.HasClaim(c => c.Type == AgoraClaims.SessionId)) return;
        var existing = context.HttpContext.User.FindFirst(AgoraClaims.SessionId)?.Value;
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<AgoraDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (Guid.TryParse(existing, out var existingId) && http.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId.ToString()
            && await db.UserSessions.AnyAsync(s => s.Id == existingId && s.RevokedAt == null))
        {
            identity.AddClaim(new Claim(AgoraClaims.SessionId, existingId.ToString()));
            return;
        }
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 300),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        identity.AddClaim(new Claim(AgoraClaims.SessionId, session.Id.ToString()));
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null) return;
        if (!Guid.TryParse(principal.FindFirstValue(AgoraClaims.SessionId), out var sid)
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            context.RejectPrincipal();
            return;
        }
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<AgoraDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // One query per request: the person's state and whether this session is still live.
        var loaded = await UserState.LoadAsync(db, http.RequestServices.GetRequiredService<IHubRoleSource>(), userId, sid, http.RequestAborted);
        if (loaded is not ({ } state, { } lastSeen))
        {
            context.RejectPrincipal();
            return;
        }
        http.Items[UserState.ItemKey] = state;
        if (now - lastSeen > TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == sid)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), http.RequestAborted);
        }
    }

    public static async Task OnSigningOut(CookieSigningOutContext context)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.User.FindFirstValue(AgoraClaims.SessionId), out var sid)) return;
        var db = http.RequestServices.GetRequiredService<AgoraDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.UserSessions.Where(s => s.Id == sid && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
    }

    private static string? Truncate(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
