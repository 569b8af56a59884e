global using static Agora.Tests.Infrastructure.TestApp;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>The steps every integration test takes against the app: signing a demo person in, reading the database.</summary>
public static class TestApp
{
    /// <summary>
    /// A demo person signed in through the pages; <paramref name="totpKey"/> answers the two-factor step of the accounts
    /// that have one (all demo accounts share the key) and is ignored by the others.
    /// </summary>
    public static async Task<PageClient> SignInAsync(AgoraFactory app, string email, string? totpKey = DemoAccounts.TotpKey)
    {
        var client = new PageClient(app.NewClient());
        await client.SignInAsync(email, DemoAccounts.Password, totpKey);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> with a database context of its own scope.</summary>
    public static async Task<T> DbAsync<T>(AgoraFactory app, Func<AgoraDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AgoraDbContext>());
    }

    public static Task<Guid> UserIdAsync(AgoraFactory app, string email) =>
        DbAsync(app, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
