using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Network.Feed;

/// <summary>The open catalogue feed: anonymous, published services of listed hubs only, paged, cacheable, and JSON-LD that expands without loss.</summary>
[Collection(AppsCollection.Name)]
public sealed class FeedTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task FeedJson_Anonymous_PublishedServicesOfListedHubsOnly(string provider)
    {
        var app = await apps.GetAsync(provider);
        var published = await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, "Feed published " + Guid.NewGuid().ToString("N")[..6]);
        var draft = await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, "Feed draft", ServiceStatus.Draft);
        var withdrawn = await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, "Feed withdrawn", ServiceStatus.Withdrawn);

        var ids = await AllIdsAsync(app.NewClient(), "/network/feed.json");

        Assert.Contains(published, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.DoesNotContain(withdrawn, ids);
    }

    [Theory, BothDatabases]
    public async Task FeedJson_Service_HasItsFieldsAndStableIri(string provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, "Feed fields");
        var client = app.NewClient();
        using var response = await client.GetAsync("/network/feed.json?pageSize=100&page=1");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var doc = FeedReader.Read(await response.Content.ReadAsByteArrayAsync());
        var pages = doc;
        var service = doc.Services.FirstOrDefault(s => s.Id == id);
        while (service is null && pages.Next is not null)
        {
            pages = FeedReader.Read(await client.GetByteArrayAsync(new Uri(pages.Next).PathAndQuery));
            service = pages.Services.FirstOrDefault(s => s.Id == id);
        }
        Assert.NotNull(service);
        Assert.Equal($"http://localhost:5080/network/services/{id}", service.Url);
        Assert.Equal(["en", "nb-NO", "pt-PT"], service.Texts.Select(t => t.Culture));
        Assert.Equal([ServiceAudience.Sme, ServiceAudience.PublicSector], service.Audiences);
        Assert.Equal("PT19", Assert.Single(service.Provider.Regions));
        Assert.Equal(1500m, service.IndicativePrice);
    }

    [Theory, BothDatabases]
    public async Task FeedJson_ETagAndLastModified_AnswerNotModified_UntilAServiceChanges(string provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, "Feed caching");
        var client = app.NewClient();
        using var first = await client.GetAsync("/network/feed.json");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;
        Assert.True(first.Headers.CacheControl?.Public);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/network/feed.json");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/network/feed.json");
        byDate.Headers.IfModifiedSince = modified;
        using var notModifiedSince = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        await Task.Delay(1100); // Last-Modified has whole seconds
        await FeedFixtures.ChangeAsync(app, id, s => s.Texts.Single(t => t.Culture == "en").Title = "Feed caching changed");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/network/feed.json");
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory, BothDatabases]
    public async Task FeedJson_Paging_NextLinksFromThePublicAddress_CoverEveryServiceOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        for (var i = 0; i < 3; i++) await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, $"Feed paging {i}");
        var client = app.NewClient();
        var first = FeedReader.Read(await client.GetByteArrayAsync("/network/feed.json?pageSize=2"));
        Assert.StartsWith("http://localhost:5080/network/feed.json?page=2&pageSize=2", first.Next);
        Assert.Null(first.Previous);
        var ids = await AllIdsAsync(client, "/network/feed.json?pageSize=2");
        Assert.Equal(first.TotalItems, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        using var bad = await client.GetAsync("/network/feed.json?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>The JSON-LD feed, expanded by jsonld.js in safe mode (any dropped term fails) with no network: nothing lost, and the CPSV-AP and DCAT-AP terms there.</summary>
    [Fact]
    public async Task FeedJsonLd_ExpandedByJsonLdProcessor_NothingLost_CpsvApAndDcatApTerms()
    {
        var app = await apps.GetAsync("Sqlite");
        await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, "Feed JSON-LD");
        var partnerHub = await FeedFixtures.EnsureProfileAsync(app, DemoAccounts.IminHub, "PT1A");
        var withPartner = await FeedFixtures.AddServiceAsync(app, DemoAccounts.DihCentroHub, "Feed JSON-LD partner");
        await FeedFixtures.ChangeAsync(app, withPartner, s => s.Partners.Add(new CatalogueServicePartner { HubId = partnerHub }));
        using var response = await app.NewClient().GetAsync("/network/feed.jsonld?pageSize=100");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"agora-feed-{Guid.NewGuid():N}.jsonld");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var result = JsonDocument.Parse(await ExpandAsync(file));
            var root = result.RootElement;
            Assert.Equal(root.GetProperty("documentProperties").GetInt32(), root.GetProperty("expandedProperties").GetInt32());
            var properties = root.GetProperty("properties").EnumerateArray().Select(p => p.GetString()).ToHashSet();
            var types = root.GetProperty("types").EnumerateArray().Select(p => p.GetString()).ToHashSet();
            const string dct = "http://purl.org/dc/terms/", cv = "http://data.europa.eu/m8g/", dcat = "http://www.w3.org/ns/dcat#";
            foreach (var iri in new[]
            {
                dct + "title", dct + "description", dct + "publisher", dct + "modified", dct + "language", dct + "identifier", dct + "type",
                dct + "spatial", dct + "audience", "http://xmlns.com/foaf/0.1/homepage", "http://xmlns.com/foaf/0.1/primaryTopic", dcat + "record",
                dcat + "keyword", cv + "hasCompetentAuthority", cv + "sector", cv + "hasChannel", cv + "hasCost", cv + "hasValue", cv + "currency",
                cv + "processingTime", cv + "contactPoint", cv + "contactPage", cv + "ownedBy", "http://www.w3.org/ns/hydra/core#view",
                FeedJsonLd.AgoraNamespace + "trlMin", FeedJsonLd.AgoraNamespace + "technology", FeedJsonLd.AgoraNamespace + "partnerHub",
            })
                Assert.True(properties.Contains(iri), "missing property " + iri);
            foreach (var iri in new[] { dcat + "Catalog", dcat + "CatalogRecord", "http://purl.org/vocab/cpsv#PublicService", cv + "PublicOrganisation",
                cv + "Cost", cv + "Channel", cv + "ContactPoint", "http://www.w3.org/2004/02/skos/core#Concept" })
                Assert.True(types.Contains(iri), "missing type " + iri);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> ExpandAsync(string file)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Agora.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("No repository root");
        var tool = Path.Combine(root, "tests", "tools", "jsonld-expand");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "jsonld")),
            "The JSON-LD processor is not installed: run `npm ci --prefix tests/tools/jsonld-expand` (scripts/test.sh does it).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tool };
        start.ArgumentList.Add("expand.js");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "jsonld.js refused the feed:\n" + await stderr);
        return await stdout;
    }

    private static async Task<List<int>> AllIdsAsync(HttpClient client, string url)
    {
        var ids = new List<int>();
        string? next = url;
        while (next is not null)
        {
            var doc = FeedReader.Read(await client.GetByteArrayAsync(next.StartsWith("http", StringComparison.Ordinal) ? new Uri(next).PathAndQuery : next));
            ids.AddRange(doc.Services.Select(s => s.Id));
            next = doc.Next;
        }
        return ids;
    }
}
