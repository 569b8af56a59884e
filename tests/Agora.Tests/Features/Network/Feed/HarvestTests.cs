using System.Net;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Network.Feed;

/// <summary>
/// Harvesting: two installations in one process, one serving its feed, the other harvesting it; and feeds that are too
/// large, malformed, HTML or of the wrong shape, each giving a clear error while the last good copy stays.
/// </summary>
/// <remarks>
/// One harvesting installation per database provider serves the class (see <see cref="HarvestingApps"/>): each test
/// starts with its router reset and no harvest source.
/// </remarks>
public sealed class HarvestTests(HarvestTests.HarvestingApps harvesting) : IClassFixture<HarvestTests.HarvestingApps>
{
    /// <summary>The class's harvesting installations, started on first use and stopped after the class.</summary>
    public sealed class HarvestingApps : IAsyncDisposable
    {
        private readonly Dictionary<string, (AgoraFactory App, FeedRouter Router)> _apps = [];

        /// <summary>The provider's harvesting installation with its router reset and every harvest source (and what it harvested) removed.</summary>
        public async Task<(AgoraFactory App, FeedRouter Router)> UseAsync(string provider)
        {
            if (!_apps.TryGetValue(provider, out var x))
            {
                var router = new FeedRouter();
                _apps[provider] = x = (FeedFixtures.Harvesting(provider, router), router);
            }
            x.Router.Reset();
            await FeedFixtures.DbAsync(x.App, db => db.Set<HarvestSource>().ExecuteDeleteAsync());
            return x;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (app, _) in _apps.Values) await app.DisposeAsync();
        }
    }

    private const string SourceHost = "source.test";

    [Fact]
    public async Task Harvest_SecondInstallation_ShowsServicesWithOrigin_FollowsChangesAndWithdrawals()
    {
        // The source on SQLite, the harvester on PostgreSQL: both providers take part.
        await using var source = new AgoraFactory("Sqlite", new Dictionary<string, string?> { ["Agora:BaseUrl"] = "http://" + SourceHost });
        _ = source.Server;
        var (harvester, router) = await harvesting.UseAsync("Postgres");
        router.Route(SourceHost, source);
        // Only this test's services are in the source's feed: the demo catalogue is withdrawn there.
        await FeedFixtures.DbAsync(source, db => db.CatalogueServices.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ServiceStatus.Withdrawn)));
        var kept = await FeedFixtures.AddServiceAsync(source, DemoAccounts.DihCentroHub, "AI testing in Centro");
        var changed = await FeedFixtures.AddServiceAsync(source, DemoAccounts.DihCentroHub, "Data clinic", technology: "data");
        var withdrawn = await FeedFixtures.AddServiceAsync(source, DemoAccounts.DihCentroHub, "Robotics bootcamp", technology: "robotics");
        await FeedFixtures.AddServiceAsync(source, DemoAccounts.DihCentroHub, "Draft never harvested", ServiceStatus.Draft);
        // Small pages, so the harvest follows the paging.
        var sourceId = await FeedFixtures.AddSourceAsync(harvester, $"http://{SourceHost}/network/feed.json?pageSize=2");

        var first = await FeedFixtures.HarvestAsync(harvester, sourceId);

        Assert.True(first!.Ok, first.Error);
        Assert.Equal(3, first.Added);
        Assert.True(router.Requests.Count >= 2, "followed the paging");
        var rows = await HarvestedAsync(harvester, sourceId);
        Assert.Equal(["AI testing in Centro", "Data clinic", "Robotics bootcamp"], rows.Select(r => r.Title).Order());
        var row = rows.Single(r => r.Title == "AI testing in Centro");
        Assert.Equal($"http://{SourceHost}/network/services/{kept}", row.OriginUrl);
        var page = new PageClient(harvester.NewClient());
        var (response, html) = await page.GetAsync(row.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"http://{SourceHost}/network/services/{kept}", html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var hubName = await FeedFixtures.DbAsync(source, db => db.Hubs.Where(h => h.Slug == DemoAccounts.DihCentroHub).Select(h => h.Name).SingleAsync());
        Assert.Contains(hubName, html.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var search = await SearchAsync(harvester, new HarvestedFilter(Technology: "data"));
        Assert.Equal("Data clinic", Assert.Single(search.Items).Title);
        Assert.Single((await SearchAsync(harvester, new HarvestedFilter(Text: "ROBOTICS"))).Items);
        // Words, as the local full-text search: each must start a word ("linic" is inside one), all must be there.
        Assert.Equal("Data clinic", Assert.Single((await SearchAsync(harvester, new HarvestedFilter(Text: "clinic, DATA"))).Items).Title);
        Assert.Empty((await SearchAsync(harvester, new HarvestedFilter(Text: "linic"))).Items);
        Assert.Empty((await SearchAsync(harvester, new HarvestedFilter(Text: "clinic robotics"))).Items);
        // The catalogue search and the network page show them, marked with their origin.
        var (_, catalogue) = await page.GetAsync("/network/services?q=clinic");
        var harvestedSection = catalogue.QuerySelector("section[aria-labelledby=harvested-heading]")!;
        Assert.Contains("Data clinic", harvestedSection.TextContent, StringComparison.Ordinal);
        Assert.Contains(hubName, harvestedSection.TextContent, StringComparison.Ordinal);
        var (_, network) = await page.GetAsync("/network");
        Assert.Contains(network.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? ""), h => h.Contains("#harvested-heading", StringComparison.Ordinal));

        await FeedFixtures.ChangeAsync(source, changed, s => s.Texts.Single(t => t.Culture == "en").Title = "Data clinic for hospitals");
        await FeedFixtures.ChangeAsync(source, withdrawn, s => { s.Status = ServiceStatus.Withdrawn; s.WithdrawnAt = DateTimeOffset.UtcNow; });
        var second = await FeedFixtures.HarvestAsync(harvester, sourceId);

        Assert.True(second!.Ok, second.Error);
        Assert.Equal((0, 1, 1, 1), (second.Added, second.Updated, second.Removed, second.Unchanged));
        rows = await HarvestedAsync(harvester, sourceId);
        Assert.Equal(["AI testing in Centro", "Data clinic for hospitals"], rows.Select(r => r.Title).Order());
        (response, _) = await page.GetAsync($"/network/harvested/{rows.Single(r => r.Title == "AI testing in Centro").Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Harvest_BadFeeds_ClearErrorOnTheSource_LastGoodCopyStays(string provider)
    {
        var (app, router) = await harvesting.UseAsync(provider);
        var good = Feed(Service(1, "Kept through bad harvests"), Service(2, "Also kept"));
        router.Answer = _ => Json(good);
        var sourceId = await FeedFixtures.AddSourceAsync(app, "https://bad.example.org/network/feed.json");
        Assert.True((await FeedFixtures.HarvestAsync(app, sourceId))!.Ok);

        var cases = new (string Code, Func<HttpRequestMessage, HttpResponseMessage> Answer)[]
        {
            (HarvestErrors.TooLarge, _ => Json("{\"format\":\"" + new string('x', 6 * 1024 * 1024) + "\"}", chunked: true)),
            (HarvestErrors.Malformed, _ => Json("{\"format\": \"agora-catalogue-feed/1\", \"services\": [")),
            (HarvestErrors.ContentType, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<!doctype html><title>Hi</title>", Encoding.UTF8, "text/html") }),
            (HarvestErrors.Schema, _ => Json("{\"hello\": \"world\"}")),
            (HarvestErrors.Schema, _ => Json(good.Replace("\"testing\"", "\"teleportation\"", StringComparison.Ordinal))),
            (HarvestErrors.Schema, _ => Json(good.Replace("\"TestBeforeInvest\"", "0", StringComparison.Ordinal))),
            (HarvestErrors.Status, _ => new HttpResponseMessage(HttpStatusCode.InternalServerError)),
            (HarvestErrors.Redirect, _ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://169.254.169.254/") } }),
        };
        foreach (var (code, answer) in cases)
        {
            router.Answer = answer;
            var outcome = await FeedFixtures.HarvestAsync(app, sourceId);
            Assert.False(outcome!.Ok);
            Assert.Equal(code, outcome.ErrorCode);
            var state = await FeedFixtures.DbAsync(app, db => db.Set<HarvestSource>().SingleAsync(s => s.Id == sourceId));
            Assert.Equal(code, state.LastErrorCode);
            Assert.False(string.IsNullOrWhiteSpace(state.LastError));
            Assert.NotNull(state.LastErrorAt);
            Assert.NotNull(state.LastSuccessAt);
            Assert.Null(state.LeaseOwner);
            Assert.Equal(["Also kept", "Kept through bad harvests"], (await HarvestedAsync(app, sourceId)).Select(r => r.Title).Order());
        }

        // The admin sees the error on the source's page, in words.
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpKey);
        var (_, page) = await admin.GetAsync($"/admin/harvest-sources/{sourceId}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("redirects elsewhere", text, StringComparison.Ordinal);
        Assert.Contains("answered 302", text, StringComparison.Ordinal);

        router.Answer = _ => Json(Feed(Service(1, "Kept through bad harvests")));
        var recovered = await FeedFixtures.HarvestAsync(app, sourceId);
        Assert.True(recovered!.Ok);
        Assert.Equal(1, recovered.Removed);
        Assert.Null((await FeedFixtures.DbAsync(app, db => db.Set<HarvestSource>().SingleAsync(s => s.Id == sourceId))).LastErrorCode);
    }

    [Theory, BothDatabases]
    public async Task Harvest_PrivateAddress_RefusedUnlessTheSourceAllowsIt(string provider)
    {
        var (app, router) = await harvesting.UseAsync(provider);
        router.Answer = _ => Json(Feed(Service(1, "Inside")));
        var refused = await FeedFixtures.AddSourceAsync(app, "http://10.20.30.40/network/feed.json");
        var allowed = await FeedFixtures.AddSourceAsync(app, "http://10.20.30.40/network/feed.json", allowPrivate: true);

        var no = await FeedFixtures.HarvestAsync(app, refused);
        var yes = await FeedFixtures.HarvestAsync(app, allowed);

        Assert.Equal(HarvestErrors.Address, no!.ErrorCode);
        Assert.True(yes!.Ok, yes.Error);
        Assert.Single(router.Requests);
    }

    [Theory, BothDatabases]
    public async Task AdminPages_EmptyState_AddSource_ChangeAndRemove_Audited(string provider)
    {
        var (app, router) = await harvesting.UseAsync(provider);
        router.Answer = _ => Json(Feed(Service(7, "Harvested from the form")));
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpKey);
        var (_, empty) = await admin.GetAsync("/admin/harvest-sources");
        Assert.NotNull(empty.QuerySelector("main p.empty"));

        var refused = await admin.SubmitAsync("/admin/harvest-sources", new Dictionary<string, string>
        {
            ["Input.Name"] = "Inside", ["Input.FeedUrl"] = "http://127.0.0.1/network/feed.json", ["Input.IntervalMinutes"] = "60", ["Input.Enabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("field-error", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await admin.SubmitAsync("/admin/harvest-sources", new Dictionary<string, string>
        {
            ["Input.Name"] = "Norway", ["Input.FeedUrl"] = "https://agora.example.no/network/feed.json", ["Input.IntervalMinutes"] = "60", ["Input.Enabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var url = added.Headers.Location!.OriginalString;
        var harvested = await admin.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*=Harvest]");
        Assert.Equal(HttpStatusCode.Redirect, harvested.StatusCode);
        var (_, sourcePage) = await admin.GetAsync(url);
        Assert.Contains("Norway", sourcePage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var id = int.Parse(url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(await HarvestedAsync(app, id));

        var removed = await admin.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*=Remove]");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await HarvestedAsync(app, id));
        var audited = await FeedFixtures.DbAsync(app, db => db.AuditEvents.Where(e => e.Action.StartsWith("network.harvest-source.")).Select(e => e.Action).ToListAsync());
        Assert.Contains(Agora.Web.Platform.Audit.AuditActions.HarvestSourceAdded, audited);
        Assert.Contains(Agora.Web.Platform.Audit.AuditActions.HarvestSourceRemoved, audited);
    }

    private static async Task<List<HarvestedServiceRow>> HarvestedAsync(AgoraFactory app, int sourceId)
    {
        var ids = await FeedFixtures.DbAsync(app, db => db.Set<HarvestedService>().Where(h => h.SourceId == sourceId).Select(h => h.Id).ToListAsync());
        var all = await SearchAsync(app, new HarvestedFilter());
        return all.Items.Where(r => ids.Contains(r.Id)).ToList();
    }

    private static async Task<Agora.Web.Platform.Http.PagedList<HarvestedServiceRow>> SearchAsync(AgoraFactory app, HarvestedFilter filter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<HarvestedCatalogue>();
        return await catalogue.SearchAsync(filter, "en", 1, 100, CancellationToken.None);
    }

    private static HttpResponseMessage Json(string body, bool chunked = false)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (chunked) content.Headers.ContentLength = null;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static FeedService Service(int id, string title) => new()
    {
        Id = id, Url = $"https://bad.example.org/network/services/{id}", Modified = DateTimeOffset.UtcNow, Category = ServiceCategory.TestBeforeInvest,
        SubType = "testing", Audiences = [ServiceAudience.Sme], Technologies = ["ai"], Sectors = ["health"], TrlMin = 3, TrlMax = 6,
        PriceModel = PriceModel.Free, Currency = "EUR", Delivery = [DeliveryModes.Remote], Languages = ["en"], DefaultCulture = "en",
        Texts = [new FeedText { Culture = "en", Title = title, Summary = "Summary", Description = "Description" }],
        Provider = new FeedProvider
        {
            Slug = "nordic-hub", Name = "Nordic hub", LegalName = "Nordic hub AS", Kind = HubKind.Edih, Country = "NO", Regions = ["NO06"],
            Url = "https://bad.example.org/hubs/nordic-hub/network", ContactPage = "https://bad.example.org/network/requests/new?hub=nordic-hub",
        },
        Partners = [],
    };

    private static string Feed(params FeedService[] services) => JsonSerializer.Serialize(new FeedDocument
    {
        Format = FeedFormat.Name, Title = "Other", Publisher = new FeedPublisher { Name = "Other", Homepage = "https://bad.example.org/" },
        Modified = DateTimeOffset.UtcNow, Page = 1, PageSize = 50, TotalItems = services.Length, Services = services,
    }, FeedFormat.Json);
}
