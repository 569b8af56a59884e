using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Accounts;

[Collection(AppsCollection.Name)]
public sealed class ApiTokenTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Token_CreatedOnceScopedRevocable(string provider)
    {
        var app = await apps.GetAsync(provider);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Mentor, DemoAccounts.Password);

        var created = await member.SubmitAsync("/account/tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "read-only script", ["Input.Scopes"] = "profile:read", ["Input.ExpiresInDays"] = "30",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var token = PageClient.Parse(await created.Content.ReadAsStringAsync()).QuerySelector("#new-token")!.TextContent.Trim();
        Assert.StartsWith("agora_", token);
        // Shown once: the list shows only its prefix.
        Assert.DoesNotContain(token, await member.Client.GetStringAsync("/account/tokens"));

        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(DemoAccounts.Mentor, me.GetProperty("email").GetString());
        // Outside its scopes: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync("/api/v1/me", new { displayName = "Changed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/hubs/helseplattformen/members")).StatusCode);

        var id = (await member.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens")).EnumerateArray()
            .First(t => t.GetProperty("name").GetString() == "read-only script").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        var wrong = app.NewClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "agora_not-a-real-token");
        var refused = await wrong.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Sessions_SignOutEverywhereElse_EndsOtherBrowsers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var laptop = new PageClient(app.NewClient());
        var phone = new PageClient(app.NewClient());
        await laptop.SignInAsync(DemoAccounts.Facilitator, DemoAccounts.Password);
        await phone.SignInAsync(DemoAccounts.Facilitator, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/account")).StatusCode);

        var (_, doc) = await laptop.GetAsync("/account/sessions");
        Assert.True(doc.QuerySelectorAll("tbody tr").Length >= 2);
        var ended = await laptop.PostWithTokenAsync("/account/sessions", "/account/sessions?handler=RevokeOthers", []);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/account")).StatusCode);
        var phoneAnswer = await phone.Client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, phoneAnswer.StatusCode);
        Assert.Contains("/account/signin", phoneAnswer.Headers.Location!.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task Register_BreachedShortAndLongPasswords_Refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var browser = new PageClient(app.NewClient());
        async Task<string> Try(string password) => PageClient.ErrorsOf(await (await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pat Password", ["Input.Email"] = $"pw-{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        })).Content.ReadAsStringAsync());
        Assert.Contains("leaked", await Try("password1"));
        Assert.Contains("8", await Try("Ab3$xyz"));
        Assert.Contains("128", await Try(new string('x', 129) + "Q"));
        Assert.Equal("", await Try(string.Concat(Enumerable.Repeat("tårn-kaffe ", 6)).Trim()));
    }
}
