using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>A token is not a session: bearer tokens reach no page, and on the API only what their scopes allow (issue 13, holes 1 and 8).</summary>
[Collection(AppsCollection.Name)]
public sealed class TokenBoundaryTests(AgoraApps apps)
{
    private const string Hub = DemoAccounts.HelseplattformenHub;

    [Theory, BothDatabases]
    public async Task ApiEndpoints_EachDeclareTheScopeTheyNeed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var undeclared = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ApiMarker>() is not null && e.Metadata.GetMetadata<RequiredScope>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(undeclared.Count == 0, "API endpoints without RequireScope:\n" + string.Join("\n", undeclared));
    }

    [Theory, BothDatabases]
    public async Task ApiEndpoints_TokenWithoutTheirScope_Answer403(string provider)
    {
        var app = await apps.GetAsync(provider);
        // One token per scope holding every scope but that one: whatever an endpoint needs, the token lacks exactly it.
        var lacking = new Dictionary<string, HttpClient>();
        foreach (var scope in ApiScopes.All)
            lacking[scope] = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Mentor, [.. ApiScopes.All.Where(s => s != scope)]));
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var failures = new List<string>();
        var tried = 0;
        foreach (var e in source.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<ApiMarker>() is not null))
        {
            var required = e.Metadata.GetMetadata<RequiredScope>()!.Scope;
            var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), FillAll(pattern));
                if (method is not "GET") request.Content = JsonContent.Create(new { });
                using var response = await lacking[required].SendAsync(request);
                tried++;
                if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{method} {pattern} (needs {required}): {(int)response.StatusCode}");
            }
        }
        Assert.True(tried > 100, $"only {tried} endpoints tried");
        Assert.True(failures.Count == 0, "Answered a token without the endpoint's scope:\n" + string.Join("\n", failures));
    }

    [Theory, BothDatabases]
    public async Task ApiEndpoints_TokenWithTheirScope_GetsThrough(string provider)
    {
        var app = await apps.GetAsync(provider);
        var reader = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Member, ApiScopes.HubsRead, ApiScopes.IdeasRead));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/hubs/{Hub}/search?q=video")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/hubs/{Hub}/ideas")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/hubs/{Hub}/initiatives")).StatusCode);
    }

    /// <summary>Hole 8 as reproduced: a profile:read token read members-only search results and comments.</summary>
    [Theory, BothDatabases]
    public async Task ReadEndpoints_ProfileReadToken_RefusedOutsideItsScope(string provider)
    {
        var app = await apps.GetAsync(provider);
        var session = new PageClient(app.NewClient());
        await session.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var ideaId = (await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/ideas"))
            .GetProperty("items").EnumerateArray().First().GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/api/v1/ideas/{ideaId}/comments")).StatusCode);

        var token = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Member, ApiScopes.ProfileRead));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/api/v1/hubs/{Hub}/search?q=video")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/api/v1/ideas/{ideaId}/comments")).StatusCode);
    }

    /// <summary>Every route value filled, so that each endpoint is reached (whether anything answers there does not matter).</summary>
    private static string FillAll(string pattern) => System.Text.RegularExpressions.Regex.Replace(
        AuthorizationMatrixTests.Fill(pattern, Guid.NewGuid()), @"\{(\w+)(:[^}]*)?\}",
        m => m.Groups[2].Value switch { ":int" or ":long" => "1", ":guid" => Guid.NewGuid().ToString(), "" when m.Groups[1].Value == "target" => "idea", var c when c.StartsWith(":regex(^(", StringComparison.Ordinal) => c[9..].Split('|', ')')[0], _ => "x" });

    /// <summary>Hole 1: every page answers a bearer token exactly as it answers nobody.</summary>
    [Theory, BothDatabases]
    public async Task Pages_BearerToken_AnsweredAsAnonymous(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bearer = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Mentor, ApiScopes.All));
        var anonymous = app.NewClient();
        var failures = new List<string>();
        var pages = AuthorizationMatrixTests.Endpoints(app).Where(e => e.Key.StartsWith("PAGE ", StringComparison.Ordinal)).DistinctBy(e => e.Key).ToList();
        foreach (var (key, _, pattern) in pages)
        {
            var url = AuthorizationMatrixTests.Fill(pattern, Guid.NewGuid());
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var withToken = await bearer.SendAsync(new HttpRequestMessage(method, url) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null });
                using var withNothing = await anonymous.SendAsync(new HttpRequestMessage(method, url) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null });
                var (a, b) = (AuthorizationMatrixTests.Describe(withToken), AuthorizationMatrixTests.Describe(withNothing));
                if (a != b) failures.Add($"{method} {key}: with a token {a}, anonymous {b}");
                var body = await withToken.Content.ReadAsStringAsync();
                if (body.Contains(DemoAccounts.Mentor, StringComparison.OrdinalIgnoreCase) || body.Contains("/account/signout", StringComparison.Ordinal))
                    failures.Add($"{method} {key}: the page knew the token's owner");
            }
        }
        Assert.True(pages.Count > 60, $"only {pages.Count} pages");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Hole 1 as reproduced: a profile:read token opened /account/profile and its form renamed the person.</summary>
    [Theory, BothDatabases]
    public async Task ProfilePage_ProfileReadToken_CannotOpenOrRename(string provider)
    {
        var app = await apps.GetAsync(provider);
        var token = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Fellow, ApiScopes.ProfileRead));
        var before = (await token.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("displayName").GetString();

        var page = await token.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/signin", page.Headers.Location!.OriginalString);
        var posted = await token.PostAsync("/account/profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Renamed by a token", ["Input.PreferredLanguage"] = "en",
        }));
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        foreach (var path in new[] { "/account/export", "/account/two-factor", $"/hubs/{Hub}/members", "/account/tokens" })
        {
            var answer = await token.GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString.Contains("/account/signin"), $"{path}: {(int)answer.StatusCode}");
        }
        Assert.Equal(before, (await token.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("displayName").GetString());
    }
}
