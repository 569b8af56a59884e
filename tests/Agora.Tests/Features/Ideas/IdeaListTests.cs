using System.Net;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Ideas;

/// <summary>The campaign's and the hub's idea lists: visibility, filters, sorts (with a stable random order) and paging.</summary>
[Collection(AppsCollection.Name)]
public sealed class IdeaListTests(AgoraApps apps)
{
    private sealed record Seeded(TestCampaign Campaign, int A, int B, int Withdrawn, int Draft, int Hidden, int F, int G, int H);

    private static async Task<Seeded> SeedAsync(AgoraFactory app)
    {
        var c = await IdeaFixtures.CampaignAsync(app);
        var now = DateTimeOffset.UtcNow;
        Task<int> Seed(string title, int hoursAgo, Action<Idea>? more = null, params string[] tags) => IdeaFixtures.SeedIdeaAsync(app, c, DemoAccounts.Member, i =>
        {
            i.Title = title;
            i.PublishedAt = i.CreatedAt = now.AddHours(-hoursAgo);
            i.LastActivityAt = now.AddHours(-hoursAgo);
            more?.Invoke(i);
        }, tags);
        var a = await Seed("Alpha robots in the pharmacy", 5, i => { i.Origin = IdeaOrigin.Researcher; i.VoteCount = 5; i.CommentCount = 1; i.LastActivityAt = now.AddMinutes(-1); }, "robots");
        var b = await Seed("Bravo triage with AI", 4, i => { i.Origin = IdeaOrigin.Company; i.VoteCount = 9; }, "robots", "ai-triage");
        var withdrawn = await Seed("Charlie withdrawn", 3, i => i.State = IdeaState.Withdrawn);
        var draft = await Seed("Delta draft", 2, i => { i.State = IdeaState.Draft; i.PublishedAt = null; });
        var hidden = await Seed("Echo hidden", 2, i => { i.HiddenAt = now; i.HiddenReason = "Spam"; });
        var f = await Seed("Foxtrot rural clinics", 1, i => { i.Setting = CareSetting.Rural; i.CommentCount = 7; });
        var g = await Seed("Golf plain", 6);
        var h = await Seed("Hotel plain", 7);
        return new Seeded(c, a, b, withdrawn, draft, hidden, f, g, h);
    }

    private static async Task<int[]> IdsAsync(HttpClient client, string url)
    {
        var list = await IdeaFixtures.GetJsonAsync(client, url);
        return list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
    }

    [Theory, BothDatabases]
    public async Task Api_FiltersSortsPaging_VisibleIdeasOnly(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SeedAsync(app);
        var anonymous = app.NewClient();
        var api = s.Campaign.Api;

        // Newest first; withdrawn, drafts and hidden ideas are not listed for the public.
        Assert.Equal([s.F, s.B, s.A, s.G, s.H], await IdsAsync(anonymous, api));
        Assert.Equal([s.H, s.G, s.A, s.B, s.F], await IdsAsync(anonymous, api + "?sort=-newest"));
        Assert.Equal([s.B, s.A], (await IdsAsync(anonymous, api + "?sort=supported"))[..2]);
        Assert.Equal([s.F, s.A], (await IdsAsync(anonymous, api + "?sort=discussed"))[..2]);
        Assert.Equal(s.A, (await IdsAsync(anonymous, api + "?sort=active"))[0]);
        Assert.Equal([s.A], await IdsAsync(anonymous, api + "?origin=Researcher"));
        Assert.Equal([s.B, s.A], await IdsAsync(anonymous, api + "?tag=Robots"));
        Assert.Equal([s.F], await IdsAsync(anonymous, api + "?setting=rural"));
        Assert.Equal([s.Withdrawn], await IdsAsync(anonymous, api + "?state=Withdrawn"));
        Assert.Empty(await IdsAsync(anonymous, api + "?state=Draft"));

        // Paging keeps the total.
        var page = await IdeaFixtures.GetJsonAsync(anonymous, api + "?pageSize=2&page=3");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(3, page.GetProperty("pageCount").GetInt32());
        Assert.Equal([s.H], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray());

        // Random: the same seed gives the same order on every page; other seeds give other orders.
        var first = await IdsAsync(anonymous, api + "?sort=random&seed=12345");
        Assert.Equal(first, await IdsAsync(anonymous, api + "?sort=random&seed=12345"));
        Assert.Equal(first[..2], await IdsAsync(anonymous, api + "?sort=random&seed=12345&pageSize=2"));
        Assert.Equal(first[2..4], await IdsAsync(anonymous, api + "?sort=random&seed=12345&pageSize=2&page=2"));
        var orders = new HashSet<string>();
        foreach (var seed in new[] { 1, 2, 3, 99, 4242, 777777 })
            orders.Add(string.Join(",", await IdsAsync(anonymous, api + $"?sort=random&seed={seed}")));
        Assert.True(orders.Count > 1, "every seed gave the same order");
        Assert.Equal(first.Order(), (await IdsAsync(anonymous, api + "?sort=random&seed=1")).Order());

        // Bad queries are a 400 problem, never a 500.
        foreach (var bad in new[] { "?sort=password", "?sort=;drop", "?state=Bogus", "?origin=5", "?pageSize=0", "?seed=-1", "?tag=%3Cscript%3E", "?page=abc" })
        {
            var response = await anonymous.GetAsync(api + bad);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // Moderators also see hidden ideas; authors see their drafts with "mine".
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        Assert.Contains(s.Hidden, await IdsAsync(manager.Client, api));
        Assert.DoesNotContain(s.Draft, await IdsAsync(manager.Client, api + "?state=Draft"));
        var member = await SignInAsync(app, DemoAccounts.Member);
        var mine = await IdsAsync(member.Client, api + "?mine=true");
        Assert.Contains(s.Draft, mine);
        Assert.Contains(s.Withdrawn, mine);
        Assert.Empty(await IdsAsync(member.Client, api + "?followed=true"));

        // The hub's list narrows to the campaign; an unknown campaign gives nothing.
        Assert.Equal([s.F, s.B, s.A, s.G, s.H], await IdsAsync(anonymous, $"/api/v1/hubs/{IdeaFixtures.Hub}/ideas?campaign={s.Campaign.Slug}"));
        Assert.Empty(await IdsAsync(anonymous, $"/api/v1/hubs/{IdeaFixtures.Hub}/ideas?campaign=no-such-campaign"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/hubs/no-such-hub/ideas")).StatusCode);

        // The endpoints are described in the OpenAPI document.
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/hubs/{slug}/campaigns/{campaign}/ideas", openApi);
        Assert.Contains("/api/v1/ideas/{id}/vote", openApi);
    }

    [Theory, BothDatabases]
    public async Task Pages_CampaignAndHubLists_FilterFormPagerAndEmptyState(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SeedAsync(app);
        var browser = new PageClient(app.NewClient());
        var url = s.Campaign.Page + "/ideas";

        var (response, doc) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.NotNull(doc.QuerySelector("form[method=get] select[name=sort]"));
        Assert.NotNull(doc.QuerySelector("form[method=get] input[name=seed][type=hidden]"));
        var titles = doc.QuerySelectorAll("ul.cards h3 a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Foxtrot rural clinics", "Bravo triage with AI", "Alpha robots in the pharmacy", "Golf plain", "Hotel plain"], titles);
        Assert.Equal($"/hubs/{IdeaFixtures.Hub}/ideas/{s.F}", doc.QuerySelector("ul.cards h3 a")!.GetAttribute("href"));

        (_, doc) = await browser.GetAsync(url + "?origin=Company");
        Assert.Equal(["Bravo triage with AI"], doc.QuerySelectorAll("ul.cards h3 a").Select(a => a.TextContent.Trim()).ToList());
        (_, doc) = await browser.GetAsync(url + "?tag=nothing-like-this");
        Assert.Contains("No idea matches these filters", doc.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.GetAsync(url + "?sort=password")).StatusCode);

        // The hub's list: same filters plus the campaign, and a pager that keeps them.
        for (var i = 0; i < 12; i++) await IdeaFixtures.SeedIdeaAsync(app, s.Campaign, DemoAccounts.Member);
        (response, doc) = await browser.GetAsync($"/hubs/{IdeaFixtures.Hub}/ideas?campaign={s.Campaign.Slug}&sort=random&seed=7");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(doc.QuerySelector($"select[name=campaign] option[value='{s.Campaign.Slug}'][selected]"));
        var next = doc.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("seed=7", next);
        Assert.Contains($"campaign={s.Campaign.Slug}", next);
        Assert.Contains("page=2", next);
        Assert.Equal(12, doc.QuerySelectorAll("ul.cards > li").Length);
    }
}
