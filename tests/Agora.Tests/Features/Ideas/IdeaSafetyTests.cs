using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Tests.Platform;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Ideas;

/// <summary>Hostile text renders inert everywhere; hostile bodies get problems, never a 500; who may do what to an idea.</summary>
[Collection(AppsCollection.Name)]
public sealed class IdeaSafetyTests(AgoraApps apps)
{
    private const string Script = "<script>alert('x')</script>";
    private const string Img = "<img src=x onerror=alert(1)>";

    [Theory, BothDatabases]
    public async Task HostileText_TitleBodyTagsAnswersFileNames_RendersInert(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var body = IdeaFixtures.Body(c, Script + " title");
        body["problem"] = $"{Img} **bold** {Script} [click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a>";
        body["solution"] = "'; DROP TABLE \"Ideas\"; -- " + Img;
        body["benefits"] = string.Concat(Enumerable.Repeat("Ærøå😀ção ", 300));
        body["answers"] = new object[]
        {
            new { questionId = c.Questions[0], value = Script },
            new { questionId = c.Questions[4], value = Img + "\n\n" + Script },
        };
        var id = await IdeaFixtures.SubmitAsync(member.Client, c, body);
        var upload = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF"));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(part, "file", Img + ".pdf");
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsync($"/api/v1/ideas/{id}/attachments", upload)).StatusCode);
        // Tags and control characters are refused outright.
        var badTags = IdeaFixtures.Body(c, "Tags that are not tags");
        badTags["tags"] = new[] { Script };
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync(c.Api, badTags)).StatusCode);
        var control = IdeaFixtures.Body(c, "Bell\u0007 in the title");
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync(c.Api, control)).StatusCode);
        var tooLong = IdeaFixtures.Body(c, string.Concat(Enumerable.Repeat("Ærø😀ç", 41)));
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync(c.Api, tooLong)).StatusCode);

        async Task AssertInertAsync(string url)
        {
            var (response, doc) = await member.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var html = doc.DocumentElement.OuterHtml;
            // Only the layout's own script; no element carries an event handler or a javascript: link.
            Assert.Equal(["/js/site.js"], doc.QuerySelectorAll("script").Select(s => s.GetAttribute("src")!.Split('?')[0]).ToArray());
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.Empty(doc.QuerySelectorAll("a[href^='javascript'], a[href^='JAVASCRIPT']"));
            Assert.Empty(doc.QuerySelectorAll("main img"));
            Assert.DoesNotContain("<script>alert", html);
        }
        await AssertInertAsync($"/hubs/{c.HubSlug}/ideas/{id}/edit");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/state", new { state = "UnderReview", answer = Script + Img })).StatusCode);

        foreach (var url in new[] { $"/hubs/{c.HubSlug}/ideas/{id}", c.Page + "/ideas", $"/hubs/{c.HubSlug}/ideas?campaign={c.Slug}", "/ideas/mine" })
            await AssertInertAsync(url);
        var (_, ideaDoc) = await member.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}");
        Assert.Contains(Script, ideaDoc.QuerySelector("h1")!.TextContent);
        Assert.NotNull(ideaDoc.QuerySelector("#problem-heading ~ p strong"));
        Assert.Equal(1, await DbAsync(app, db => db.Ideas.CountAsync(i => i.CampaignId == c.Id)));
    }

    private static IEnumerable<string> Bodies()
    {
        yield return "";
        yield return "{";
        yield return "[]";
        yield return "null";
        yield return "{\"title\": 5, \"tags\": \"x\", \"answers\": {}, \"anonymous\": \"yes\", \"version\": \"one\", \"beneficiaries\": [1]}";
        yield return "{\"answers\": [null, {\"questionId\": \"not-a-guid\"}], \"tags\": [null], \"beneficiaries\": [null, \"None\"]}";
        foreach (var v in InputSafetyTests.HostileValues)
        {
            var s = JsonSerializer.Serialize(v);
            yield return $"{{\"title\":{s},\"problem\":{s},\"solution\":{s},\"benefits\":{s},\"language\":{s},\"origin\":{s},\"careLevel\":{s},\"setting\":{s},\"focusArea\":{s},\"tags\":[{s}],\"beneficiaries\":[{s}],\"answers\":[{{\"questionId\":{s},\"value\":{s},\"values\":[{s}]}}],\"state\":{s},\"answer\":{s},\"email\":{s},\"version\":1,\"publish\":true}}";
        }
    }

    [Theory, BothDatabases]
    public async Task Api_HostileBodies_ProblemNever500(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var writes = new (HttpClient Client, string Method, string Url)[]
        {
            (member.Client, "POST", c.Api), (member.Client, "PUT", $"/api/v1/ideas/{id}"), (manager.Client, "POST", $"/api/v1/ideas/{id}/state"),
            (member.Client, "POST", $"/api/v1/ideas/{id}/coauthors"), (member.Client, "POST", $"/api/v1/ideas/{id}/attachments"),
        };
        var failures = new List<string>();
        foreach (var (client, method, url) in writes)
        {
            foreach (var body in Bodies())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                var code = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (code >= 500 || (code >= 400 && type != "application/problem+json"))
                    failures.Add($"{method} {url} with {body[..Math.Min(body.Length, 80)]} -> {code} {type}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing hostile was stored: still the one idea, unchanged.
        var idea = await IdeaFixtures.GetJsonAsync(member.Client, $"/api/v1/ideas/{id}");
        Assert.Equal("Discharge lounge with a pharmacist", idea.GetProperty("title").GetString());
        Assert.Equal(1, await DbAsync(app, db => db.Ideas.CountAsync(i => i.CampaignId == c.Id)));
    }

    /// <summary>An idea of a members-only campaign, tried as each persona (the route-level matrix cannot name a real idea).</summary>
    [Theory, BothDatabases]
    public async Task Operations_EveryPersona_GetsTheExpectedAnswer(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, CampaignAudience.HubMembers);
        var author = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(author.Client, c);
        var draft = await IdeaFixtures.SubmitAsync(author.Client, c, IdeaFixtures.Body(c, "Still a draft", publish: false));

        // persona → (read idea, vote, triage with a bogus state, edit, read draft)
        var expected = new Dictionary<string, (int Read, int Vote, int Triage, int Edit, int Draft)>
        {
            [""] = (404, 401, 401, 401, 404),
            [DemoAccounts.Citizen] = (404, 404, 404, 404, 404),
            [DemoAccounts.OtherManager] = (404, 404, 404, 404, 404),
            [DemoAccounts.Agent] = (200, 200, 403, 403, 404),
            [DemoAccounts.Facilitator] = (200, 200, 400, 403, 404),
            [DemoAccounts.Manager] = (200, 200, 400, 403, 404),
            [DemoAccounts.Admin] = (200, 200, 400, 403, 404),
            [DemoAccounts.Member] = (200, 200, 403, 200, 200),
        };
        var failures = new List<string>();
        foreach (var (email, want) in expected)
        {
            var client = email.Length == 0 ? app.NewClient() : (await SignInAsync(app, email)).Client;
            var edit = IdeaFixtures.Body(c);
            edit["version"] = 1;
            var got = (
                (int)(await client.GetAsync($"/api/v1/ideas/{id}")).StatusCode,
                (int)(await client.PutAsync($"/api/v1/ideas/{id}/vote", null)).StatusCode,
                (int)(await client.PostAsJsonAsync($"/api/v1/ideas/{id}/state", new { state = "Bogus" })).StatusCode,
                (int)(await client.PutAsJsonAsync($"/api/v1/ideas/{id}", edit)).StatusCode,
                (int)(await client.GetAsync($"/api/v1/ideas/{draft}")).StatusCode);
            if (got != want) failures.Add($"{(email.Length == 0 ? "anonymous" : email),-28} expected {want}, got {got}");
            var page = (int)(await client.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}")).StatusCode;
            if (page != want.Read) failures.Add($"{email} idea page: expected {want.Read}, got {page}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // A personal access token reads ideas only with ideas:read.
        var tokens = await DbAsync(app, async db =>
        {
            var agentId = await db.Users.Where(u => u.Email == DemoAccounts.Agent).Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var list = new List<string>();
            foreach (var scopes in new[] { ApiScopes.ProfileRead, ApiScopes.IdeasRead })
            {
                var token = ApiTokenAuthenticationHandler.NewToken();
                db.ApiTokens.Add(new ApiToken
                {
                    Id = Guid.NewGuid(), UserId = agentId, Name = "scopes", Prefix = token[..12], Hash = ApiTokenAuthenticationHandler.Hash(token),
                    Scopes = scopes, CreatedAt = now, ExpiresAt = now.AddDays(1), LastUsedAt = now,
                });
                list.Add(token);
            }
            await db.SaveChangesAsync();
            return list;
        });
        var profileOnly = app.NewClient();
        profileOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await profileOnly.GetAsync($"/api/v1/ideas/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await profileOnly.PutAsync($"/api/v1/ideas/{id}/follow", null)).StatusCode);
        var reader = app.NewClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[1]);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/ideas/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsync($"/api/v1/ideas/{id}/vote", null)).StatusCode);
    }
}
