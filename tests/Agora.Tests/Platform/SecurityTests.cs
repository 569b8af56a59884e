using System.Net;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Platform;

[Collection(AppsCollection.Name)]
public sealed class SecurityTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Pages_SecurityHeadersAndNoInlineScript(string provider)
    {
        var app = await apps.GetAsync(provider);
        var browser = new PageClient(app.NewClient());
        foreach (var url in new[] { "/", "/hubs", "/hubs/helseplattformen", "/account/signin", "/account/register", "/api", "/organisations", "/error/404" })
        {
            var (response, doc) = await browser.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.All(doc.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(doc.QuerySelectorAll("[style]"));
            Assert.All(doc.QuerySelectorAll("form[method=post]"), f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
            Assert.NotNull(doc.QuerySelector("a.skip-link[href='#main']"));
        }
    }

    [Theory, BothDatabases]
    public async Task Errors_NeverShowAStackTrace(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.NewClient();
        var page = await client.GetAsync("/hubs/no-such-hub");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var api = await client.GetAsync("/api/v1/hubs/no-such-hub");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var noToken = await client.PostAsync("/account/signin", new FormUrlEncodedContent([new("Input.Email", "x@y.z")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.DoesNotContain("   at ", await noToken.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task SignIn_RepeatedFailures_LockTheAccount(string provider)
    {
        var app = await apps.GetAsync(provider);
        var browser = new PageClient(app.NewClient());
        var email = $"lock-{Guid.NewGuid():N}@example.org";
        const string password = "a long enough passphrase";
        await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Lou Lockout", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        await browser.GetAsync(PageClient.LinkFromMail(app.MailDirectory, email, "/account/confirm-email"));
        for (var i = 0; i < 5; i++)
            await browser.SubmitAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong password " + i });
        // Even the right password is refused now.
        var response = await browser.SubmitAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("15", PageClient.ErrorsOf(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SignIn_RateLimited_Answers429()
    {
        await using var app = new AgoraFactory("Sqlite", new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var browser = new PageClient(app.NewClient());
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await browser.SubmitAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = "a@b.cd", ["Input.Password"] = "whatever12" })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }
}
