using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Ideas;

/// <summary>An anonymous idea shows "Anonymous" to the public everywhere; its authors and the hub's moderators still see who wrote it.</summary>
[Collection(AppsCollection.Name)]
public sealed class AnonymityTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task AnonymousIdea_PublicSeesAnonymous_AuthorAndModeratorsSeeName(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var body = IdeaFixtures.Body(c, "An idea I would rather not sign");
        body["anonymous"] = true;
        var id = await IdeaFixtures.SubmitAsync(member.Client, c, body);
        // An edit, so the versions page has an editor to hide too.
        body["solution"] = "A better solution.";
        body["version"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", body)).StatusCode);
        var name = await DbAsync(app, db => db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.DisplayName).SingleAsync());
        var ideaUrl = $"/hubs/{c.HubSlug}/ideas/{id}";

        var publics = new List<(string Who, PageClient Client)>
        {
            ("anonymous", new PageClient(app.NewClient())),
            ("citizen", await SignInAsync(app, DemoAccounts.Citizen)),
            ("agent", await SignInAsync(app, DemoAccounts.Agent)),
            ("manager of another hub", await SignInAsync(app, DemoAccounts.OtherManager)),
        };
        foreach (var (who, client) in publics)
        {
            foreach (var url in new[] { ideaUrl, ideaUrl + "/versions", c.Page + "/ideas", $"/hubs/{c.HubSlug}/ideas?campaign={c.Slug}" })
            {
                var html = await client.Client.GetStringAsync(url);
                Assert.False(html.Contains(name, StringComparison.Ordinal), $"{who} sees the author's name on {url}");
            }
            var (_, doc) = await client.GetAsync(ideaUrl);
            Assert.Contains("By Anonymous", doc.QuerySelector("main")!.TextContent);
            var idea = await IdeaFixtures.GetJsonAsync(client.Client, $"/api/v1/ideas/{id}");
            Assert.True(idea.GetProperty("authorsHidden").GetBoolean(), who);
            Assert.Empty(idea.GetProperty("authors").EnumerateArray());
            Assert.DoesNotContain(name, idea.GetRawText());
            var list = await IdeaFixtures.GetJsonAsync(client.Client, c.Api);
            Assert.Equal(JsonValueKind.Null, list.GetProperty("items")[0].GetProperty("authorName").ValueKind);
            Assert.DoesNotContain(name, (await IdeaFixtures.GetJsonAsync(client.Client, $"/api/v1/ideas/{id}/versions")).GetRawText());
        }

        foreach (var (who, client) in new[]
                 {
                     ("author", member), ("hub manager", await SignInAsync(app, DemoAccounts.Manager)),
                     ("facilitator", await SignInAsync(app, DemoAccounts.Facilitator)),
                 })
        {
            var (_, doc) = await client.GetAsync(ideaUrl);
            Assert.Contains(name, doc.QuerySelector("main")!.TextContent);
            var idea = await IdeaFixtures.GetJsonAsync(client.Client, $"/api/v1/ideas/{id}");
            Assert.False(idea.GetProperty("authorsHidden").GetBoolean(), who);
            Assert.Equal(name, idea.GetProperty("authors")[0].GetProperty("name").GetString());
            var list = await IdeaFixtures.GetJsonAsync(client.Client, c.Api);
            Assert.Equal(name, list.GetProperty("items")[0].GetProperty("authorName").GetString());
        }
    }
}
