using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>Personal access tokens made straight in the database, for tests about what a token may reach.</summary>
public static class TestTokens
{
    public static async Task<string> CreateAsync(AgoraFactory app, string email, params string[] scopes)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var userId = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        var token = ApiTokenAuthenticationHandler.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = "test token", Prefix = token[..12],
            Hash = ApiTokenAuthenticationHandler.Hash(token), Scopes = string.Join(' ', scopes),
            CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        return token;
    }

    public static HttpClient Client(AgoraFactory app, string token)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
