using System.Net;
using System.Text;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Platform;

/// <summary>Empty, oversized, malformed and hostile input gets a 4xx problem or a field message, never a 500.</summary>
[Collection(AppsCollection.Name)]
public sealed class InputSafetyTests(AgoraApps apps)
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("Ærøå😀ção", 5000));

    public static readonly string[] HostileValues =
    [
        "", "   ", "<script>alert('x')</script>", "'; DROP TABLE \"Hubs\"; --", "a\u0000b\u0007c", "\u202Eevil", Long, "\uD800",
    ];

    private static IEnumerable<string> Bodies()
    {
        yield return "";
        yield return "{";
        yield return "[]";
        yield return "null";
        yield return "{\"slug\": 5, \"languages\": \"en\", \"roles\": {}, \"isAdmin\": \"yes\", \"type\": 99}";
        foreach (var v in HostileValues)
        {
            var s = System.Text.Json.JsonSerializer.Serialize(v);
            yield return $"{{\"slug\":{s},\"name\":{s},\"region\":{s},\"email\":{s},\"displayName\":{s},\"message\":{s},\"country\":{s},\"description\":{s},\"website\":{s},\"type\":{s},\"joinPolicy\":{s},\"preferredLanguage\":{s},\"languages\":[{s}],\"focusAreas\":[{s}],\"roles\":[{s}],\"texts\":[{{\"culture\":{s},\"name\":{s},\"description\":{s}}}]}}";
        }
    }

    private static readonly (string Method, string Url)[] Writes =
    [
        ("POST", "/api/v1/hubs"), ("PUT", "/api/v1/hubs/helseplattformen"), ("POST", "/api/v1/hubs/imin-hub/join"),
        ("PUT", $"/api/v1/hubs/helseplattformen/members/{Guid.Empty}/roles"), ("POST", "/api/v1/hubs/helseplattformen/invitations"),
        ("POST", "/api/v1/organisations"), ("PUT", "/api/v1/organisations/st-olavs-hospital"),
        ("POST", "/api/v1/organisations/st-olavs-hospital/members"), ("PUT", "/api/v1/me"),
    ];

    [Theory, BothDatabases]
    public async Task Api_HostileBodies_AnswerProblemNever500(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpKey);
        var hubsBefore = await HubSlugsAsync(admin.Client);
        var failures = new List<string>();
        foreach (var (method, url) in Writes)
        {
            foreach (var body in Bodies())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await admin.Client.SendAsync(request);
                var code = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (code >= 500 || (code >= 400 && type != "application/problem+json"))
                    failures.Add($"{method} {url} with {Shorten(body)} -> {code} {type}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing half-done: the hub list is exactly as before (no hostile hub slipped in).
        Assert.Equal(hubsBefore, await HubSlugsAsync(admin.Client));
    }

    [Theory, BothDatabases]
    public async Task Api_BadQueries_Answer400Problem(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.NewClient();
        foreach (var url in new[] { "/api/v1/hubs?pageSize=0", "/api/v1/hubs?pageSize=1000", "/api/v1/hubs?sort=password", "/api/v1/hubs?page=abc",
                     "/api/v1/organisations?sort=;drop", "/api/v1/hubs?search=" + new string('x', 300) })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory, BothDatabases]
    public async Task Pages_HostileForms_ShowMessagesNever500(string provider)
    {
        var app = await apps.GetAsync(provider);
        var anonymous = new PageClient(app.NewClient());
        foreach (var v in HostileValues)
        {
            var response = await anonymous.SubmitAsync("/account/register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = v, ["Input.Email"] = v, ["Input.Password"] = v, ["Input.ConfirmPassword"] = v,
            });
            var html = await response.Content.ReadAsStringAsync();
            if (v.Contains('\0'))
            {
                // ASP.NET Core's form reader refuses NUL before any page code runs: the friendly 400 page, nothing stored.
                AssertFriendly400(response, html);
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Shorten(v)} -> {(int)response.StatusCode}: {Shorten(html)}");
            Assert.Contains("error-summary", html);
            Assert.DoesNotContain("<script>alert", html);
        }
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpKey);
        foreach (var v in HostileValues)
        {
            var response = await admin.SubmitAsync("/hubs/new", new Dictionary<string, string>
            {
                ["Input.Slug"] = v, ["Input.NameEn"] = v, ["Input.DescriptionEn"] = v, ["Input.Region"] = v, ["Input.Languages"] = v,
            }, "main form[enctype]");
            var html = await response.Content.ReadAsStringAsync();
            if (v.Contains('\0'))
            {
                AssertFriendly400(response, html);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("error-summary", html);
        }
    }

    private static void AssertFriendly400(HttpResponseMessage response, string html)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1", html);
        Assert.Contains("request could not be understood", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> HubSlugsAsync(HttpClient client)
    {
        var page = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/api/v1/hubs?pageSize=100");
        return string.Join(",", page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("slug").GetString() + ":" + h.GetProperty("name").GetString()));
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
