using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Network.Profiles;

/// <summary>The network page and its API: listed hubs by region and specialisation, filters, contacts per audience, published services.</summary>
[Collection(AppsCollection.Name)]
public sealed class NetworkPageTests(AgoraApps apps)
{
    private static async Task<List<string>> SlugsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/network/hubs" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(h => h.GetProperty("slug").GetString()!).ToList();
    }

    [Theory, BothDatabases]
    public async Task Api_FiltersByCountryRegionTechnologySectorAndKind_RefusesUnknownValues(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.NewClient();
        string[] demo = [DemoAccounts.IminHub, DemoAccounts.HelseplattformenHub, DemoAccounts.DihCentroHub];
        List<string> Demo(List<string> slugs) => slugs.Where(demo.Contains).Order().ToList();

        Assert.Equal(demo.Order().ToList(), Demo(await SlugsAsync(client, "")));
        Assert.Equal([DemoAccounts.DihCentroHub, DemoAccounts.IminHub], Demo(await SlugsAsync(client, "?country=PT")));
        Assert.Equal([DemoAccounts.DihCentroHub], Demo(await SlugsAsync(client, "?region=PT19")));
        Assert.Equal([DemoAccounts.HelseplattformenHub, DemoAccounts.IminHub], Demo(await SlugsAsync(client, "?technology=ai")));
        Assert.Equal([DemoAccounts.DihCentroHub], Demo(await SlugsAsync(client, "?technology=robotics&kind=Edih")));
        Assert.Equal([DemoAccounts.DihCentroHub], Demo(await SlugsAsync(client, "?sector=agrifood")));
        Assert.Empty(Demo(await SlugsAsync(client, "?country=NO&technology=robotics")));
        foreach (var bad in new[] { "?region=PT16", "?country=GR", "?technology=magic", "?sector=x", "?kind=1" })
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/network/hubs" + bad)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Page_GroupsByRegionAndSpecialisation_FiltersWithoutScript_ShowsContactsToTheirAudience(string provider)
    {
        var app = await apps.GetAsync(provider);
        var anonymous = new PageClient(app.NewClient());
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);

        var (response, doc) = await anonymous.GetAsync("/network");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(doc.QuerySelector("#country-PT"));
        Assert.NotNull(doc.QuerySelector("#region-PT19"));
        Assert.NotNull(doc.QuerySelector("#region-NO06"));
        Assert.NotNull(doc.QuerySelector("main form[method=get] select[name=technology]"));
        // Helseplattformen's manager is a Public contact, its facilitator a SignedIn one.
        var text = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("Marta Manager", text);
        Assert.DoesNotContain("Frida Facilitator", text);
        var (_, signedIn) = await citizen.GetAsync("/network");
        Assert.Contains("Frida Facilitator", signedIn.QuerySelector("main")!.TextContent);

        var (_, robotics) = await anonymous.GetAsync("/network?technology=robotics");
        Assert.NotNull(robotics.QuerySelector($"main a[href='/hubs/{DemoAccounts.DihCentroHub}/network']"));
        Assert.Null(robotics.QuerySelector($"main a[href='/hubs/{DemoAccounts.HelseplattformenHub}/network']"));

        var (_, bySpecialisation) = await anonymous.GetAsync("/network?view=specialisation");
        Assert.NotNull(bySpecialisation.QuerySelector("#tech-robotics"));
        Assert.NotNull(bySpecialisation.QuerySelector("#tech-ai"));

        var (_, none) = await anonymous.GetAsync("/network?region=LI00");
        Assert.Empty(none.QuerySelectorAll("main .card"));
        var (badResponse, bad) = await anonymous.GetAsync("/network?region=XX99");
        Assert.Equal(HttpStatusCode.OK, badResponse.StatusCode);
        Assert.NotNull(bad.QuerySelector(".error-summary"));
    }

    [Theory, BothDatabases]
    public async Task PublishedServices_AreCounted_DraftsAreNot(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.NewClient();
        async Task<int> CountAsync() => (await client.GetFromJsonAsync<JsonElement>("/api/v1/network/hubs?region=PT19")).EnumerateArray()
            .Single(h => h.GetProperty("slug").GetString() == DemoAccounts.DihCentroHub).GetProperty("publishedServices").GetInt32();
        var before = await CountAsync();
        await DbAsync(app, async db =>
        {
            var hub = await db.Hubs.Where(h => h.Slug == DemoAccounts.DihCentroHub).Select(h => h.Id).SingleAsync();
            foreach (var status in new[] { ServiceStatus.Published, ServiceStatus.Draft, ServiceStatus.Withdrawn })
                db.CatalogueServices.Add(new CatalogueService
                {
                    HubId = hub, Status = status, Category = ServiceCategory.TestBeforeInvest, SubType = "testing", Audiences = ServiceAudience.Sme,
                    Technologies = Tags.Join(["robotics"]), Sectors = Tags.Join(["manufacturing"]), Languages = Tags.Join(["pt-PT"]),
                    Delivery = DeliveryModes.OnSite, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before + 1, await CountAsync());
    }
}
