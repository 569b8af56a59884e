using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Tests.Platform;
using Agora.Web.Platform.Demo;
using static Agora.Tests.Features.Campaigns.CampaignFixtures;

namespace Agora.Tests.Features.Campaigns;

/// <summary>Hostile and malformed input to the campaign form and API: a message or a 4xx problem, never a 500, nothing half-saved.</summary>
[Collection(AppsCollection.Name)]
public sealed class CampaignInputSafetyTests(AgoraApps apps)
{
    private static IEnumerable<string> Bodies()
    {
        yield return "";
        yield return "{";
        yield return "[]";
        yield return "null";
        yield return "{\"title\": 5, \"phases\": {}, \"questions\": \"x\", \"focusAreas\": [1], \"driver\": 99, \"state\": 3, \"featured\": \"yes\"}";
        yield return "{\"driver\": 99, \"audience\": -1, \"state\": 42, \"phases\": [{\"kind\": 7}], \"questions\": [{\"kind\": 12, \"label\": \"x\"}]}";
        yield return "{\"phases\": [null, {\"kind\": \"Voting\", \"startsOn\": \"0001-01-01\", \"endsOn\": \"9999-12-31\"}], \"questions\": [null, {\"id\": \"00000000-0000-0000-0000-000000000000\"}], \"focusAreas\": [null]}";
        yield return "{\"phases\": [{\"kind\": \"Voting\", \"startsOn\": \"2026-02-30\"}]}";
        yield return "{\"ideasPerPerson\": 2147483648, \"votesPerPerson\": -2147483648}";
        foreach (var v in InputSafetyTests.HostileValues)
        {
            var s = JsonSerializer.Serialize(v);
            // Every text hostile, every choice valid, so the texts reach the validator.
            yield return $"{{\"slug\":{s},\"title\":{s},\"summary\":{s},\"description\":{s},\"language\":{s},\"driver\":\"InnovateSector\",\"audience\":\"Public\","
                + $"\"focusAreas\":[{s}],\"phases\":[{{\"kind\":\"Submission\",\"enabled\":true}}],"
                + $"\"questions\":[{{\"kind\":\"SingleChoice\",\"label\":{s},\"help\":{s},\"options\":[{s},{s},\"b\"]}}],\"state\":{s},\"featured\":true}}";
            // Every field hostile.
            yield return $"{{\"slug\":{s},\"title\":{s},\"driver\":{s},\"audience\":{s},\"phases\":[{{\"kind\":{s},\"startsOn\":{s}}}],\"questions\":[{{\"id\":{s},\"kind\":{s}}}],\"state\":{s},\"featured\":{s}}}";
        }
    }

    [Theory, BothDatabases]
    public async Task Api_HostileBodies_AnswerProblemNever500(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var target = NewSlug("hostile");
        await CreateAsync(manager.Client, Body(target), "Open");
        var before = await CampaignsAsync(manager.Client);
        var writes = new (string Method, string Url)[]
        {
            ("POST", $"/api/v1/hubs/{Hub}/campaigns"), ("PUT", $"/api/v1/hubs/{Hub}/campaigns/{target}"),
            ("POST", $"/api/v1/hubs/{Hub}/campaigns/{target}/state"), ("PUT", $"/api/v1/hubs/{Hub}/campaigns/{target}/featured"),
            ("PUT", $"/api/v1/hubs/{Hub}/campaigns/{target}/cover"), ("POST", $"/api/v1/hubs/{Hub}/campaigns/{target}/follow"),
        };
        var failures = new List<string>();
        foreach (var (method, url) in writes)
        {
            foreach (var body in Bodies())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await manager.Client.SendAsync(request);
                var code = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (code >= 500 || (code >= 400 && type != "application/problem+json"))
                    failures.Add($"{method} {url} with {Shorten(body)} -> {code} {type}");
            }
        }
        // A malformed multipart body is a 400 too.
        using (var broken = new StringContent("--x\r\nContent-Disposition: form-data; name=\"cover\"; filename=\"a.png\"\r\n\r\nabc", Encoding.UTF8))
        {
            broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            var response = await manager.Client.PutAsync($"/api/v1/hubs/{Hub}/campaigns/{target}/cover", broken);
            if ((int)response.StatusCode >= 500) failures.Add($"broken multipart -> {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing half-done: no hostile campaign slipped in, and the target still reads.
        Assert.Equal(before, await CampaignsAsync(manager.Client));
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync($"/api/v1/hubs/{Hub}/campaigns/{target}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Pages_HostileCampaignForm_ShowsMessagesNever500(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var before = await CampaignsAsync(manager.Client);
        foreach (var v in InputSafetyTests.HostileValues)
        {
            var response = await manager.SubmitAsync($"/hubs/{Hub}/campaigns/new", new Dictionary<string, string>
            {
                ["Input.Slug"] = v, ["Input.Title"] = v, ["Input.Summary"] = v, ["Input.Description"] = v, ["Input.Language"] = v,
                ["Input.Driver"] = v, ["Input.Audience"] = "Public", ["Input.IdeasPerPerson"] = v, ["Input.FocusAreas"] = v,
                ["Input.Phases[0].StartsOn"] = v, ["Input.Questions[0].Kind"] = "SingleChoice", ["Input.Questions[0].Label"] = v,
                ["Input.Questions[0].Options"] = v, ["Input.Questions[0].Position"] = v,
            }, "main form[enctype]");
            var html = await response.Content.ReadAsStringAsync();
            if (v.Contains('\0'))
            {
                // The form reader refuses NUL before any page code runs: the friendly 400 page.
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("<h1", html);
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Shorten(v)} -> {(int)response.StatusCode}");
            Assert.Contains("error-summary", html);
            Assert.DoesNotContain("<script>alert", html);
        }
        Assert.Equal(before, await CampaignsAsync(manager.Client));
    }

    private static async Task<string> CampaignsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/campaigns?pageSize=100&sort=title");
        return page.GetProperty("total").GetInt32() + ":" + string.Join(",", page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
