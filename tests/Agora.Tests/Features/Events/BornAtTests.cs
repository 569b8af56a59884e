using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Events.EventFixtures;

namespace Agora.Tests.Features.Events;

/// <summary>Ideas of a campaign an event opened show the event they were born at (page and API), to readers who may see the event.</summary>
[Collection(AppsCollection.Name)]
public sealed class BornAtTests(AgoraApps apps)
{
    private static async Task<int> OpenCampaignAsync(HttpClient manager, string title, string audience, string campaignSlug)
    {
        var (id, _) = await PublishedAsync(manager, 5, Body(title, "Workshop", audience));
        var saved = await manager.PutAsJsonAsync(Api(id) + "/outcomes", new { campaignSlug });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return id;
    }

    [Theory, BothDatabases]
    public async Task Idea_OfACampaignAnEventOpened_ShowsTheEvent_AnotherCampaignsIdeaShowsNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var opened = await IdeaFixtures.CampaignAsync(app);
        var other = await IdeaFixtures.CampaignAsync(app);
        var born = await IdeaFixtures.SeedIdeaAsync(app, opened, DemoAccounts.Member);
        var elsewhere = await IdeaFixtures.SeedIdeaAsync(app, other, DemoAccounts.Member);
        var anonymous = app.NewClient();
        Assert.Equal(JsonValueKind.Null, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{born}")).GetProperty("bornAt").ValueKind);

        var id = await OpenCampaignAsync(manager.Client, "Idea sprint on discharge", "Public", opened.Slug);
        var bornAt = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{born}")).GetProperty("bornAt");
        Assert.Equal(id, bornAt.GetProperty("eventId").GetInt32());
        Assert.Equal("Idea sprint on discharge", bornAt.GetProperty("title").GetString());
        Assert.Equal($"/hubs/{Hub}/events/{id}", bornAt.GetProperty("path").GetString());
        var page = await anonymous.GetStringAsync($"/hubs/{Hub}/ideas/{born}");
        Assert.Contains($"Born at <a href=\"/hubs/{Hub}/events/{id}\">Idea sprint on discharge</a>", page);

        Assert.Equal(JsonValueKind.Null, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{elsewhere}")).GetProperty("bornAt").ValueKind);
        var otherPage = await anonymous.GetStringAsync($"/hubs/{Hub}/ideas/{elsewhere}");
        Assert.DoesNotContain("Born at", otherPage);
        Assert.DoesNotContain($"/hubs/{Hub}/events/{id}\"", otherPage);
    }

    [Theory, BothDatabases]
    public async Task Idea_BornAtAnEventTheReaderMayNotSee_DoesNotRevealIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var campaign = await IdeaFixtures.CampaignAsync(app);
        var idea = await IdeaFixtures.SeedIdeaAsync(app, campaign, DemoAccounts.Member);
        var id = await OpenCampaignAsync(manager.Client, "Members' confidential sprint", "HubMembers", campaign.Slug);

        // The idea is public; the event is for the hub's members only.
        var anonymous = app.NewClient();
        Assert.Equal(JsonValueKind.Null, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{idea}")).GetProperty("bornAt").ValueKind);
        var page = await anonymous.GetStringAsync($"/hubs/{Hub}/ideas/{idea}");
        Assert.DoesNotContain("Members' confidential sprint", page);
        Assert.DoesNotContain($"/hubs/{Hub}/events/{id}\"", page);

        var member = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{idea}");
        Assert.Equal(id, member.GetProperty("bornAt").GetProperty("eventId").GetInt32());

        // Cancelled, the event no longer counts as a birthplace for anyone.
        Assert.True((await manager.Client.PostAsync(Api(id) + "/cancel", null)).IsSuccessStatusCode);
        Assert.Equal(JsonValueKind.Null, (await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{idea}")).GetProperty("bornAt").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Initiative_OfAHackathonTeam_ShowsTheHackathonItCameFrom(string provider)
    {
        var app = await apps.GetAsync(provider);
        var demo = await DbAsync(app, db => db.Initiatives.Where(i => i.OriginPath != null)
            .Select(i => new { i.Id, i.OriginPath, i.OriginTitle, Slug = db.Hubs.Where(h => h.Id == i.HubId).Select(h => h.Slug).Single() }).FirstAsync());
        var manager = await SignInAsync(app, demo.Slug == DemoAccounts.IminHub ? DemoAccounts.OtherManager : DemoAccounts.Manager);
        var (response, document) = await manager.GetAsync($"/hubs/{demo.Slug}/initiatives/{demo.Id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var link = document.QuerySelector($".origin a[href='{demo.OriginPath}']");
        Assert.NotNull(link);
        Assert.Contains("hackathon", link!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/hackathon/teams/", demo.OriginPath);
    }
}
