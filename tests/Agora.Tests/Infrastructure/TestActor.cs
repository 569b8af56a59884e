using System.Security.Claims;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>Runs the app's own use cases as a demo person, without a page or an HTTP round trip (for fixtures).</summary>
public static class TestActor
{
    /// <summary>
    /// Runs <paramref name="work"/> in a service scope of its own whose <see cref="CurrentUser"/> is <paramref name="email"/>,
    /// loaded the way a signed-in request loads it, so handlers decide access exactly as they do for that person.
    /// </summary>
    public static async Task<T> AsAsync<T>(AgoraFactory app, string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AgoraDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var (state, _) = await UserState.LoadAsync(db, services.GetRequiredService<IHubRoleSource>(), id, null, CancellationToken.None)
            ?? throw new InvalidOperationException($"No account {email}.");
        var http = new DefaultHttpContext
        {
            RequestServices = services,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Email, email)], "Test")),
        };
        http.Items[UserState.ItemKey] = state;
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = http;
        try
        {
            return await work(services);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}
