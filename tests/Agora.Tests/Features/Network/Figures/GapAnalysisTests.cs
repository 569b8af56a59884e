using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Network.Figures;

/// <summary>
/// The gap matrix counts published services of listed hubs against requests per region and category. The tests use
/// the sector "energy" with their own technologies, which nothing else in the shared app offers or asks for.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class GapAnalysisTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Gaps_AiTestingAskedInCentroOfferedInLisboaOnly_CentroIsAGap(string provider)
    {
        var app = await apps.GetAsync(provider);
        var data = new FiguresData(app);
        var centro = await data.HubAsync("PT", ["PT19"]);
        var lisboa = await data.HubAsync("PT", ["PT1A"]);
        var unlisted = await data.HubAsync("PT", ["PT19"], listed: false);
        await data.ServiceAsync(lisboa.Id, ServiceCategory.TestBeforeInvest, "testing", ["ai", "data"], ["energy"]);
        await data.ServiceAsync(centro.Id, ServiceCategory.SkillsAndTraining, "technical-training", ["data"], ["energy"]);
        // Neither a draft nor an unlisted hub's service is supply.
        await data.ServiceAsync(centro.Id, ServiceCategory.TestBeforeInvest, "testing", ["ai"], ["energy"], ServiceStatus.Draft);
        await data.ServiceAsync(unlisted.Id, ServiceCategory.TestBeforeInvest, "testing", ["ai"], ["energy"]);

        var farm = await data.CustomerAsync(CustomerType.Sme, "PT19");
        var lisbonFarm = await data.CustomerAsync(CustomerType.Sme, "PT1A");
        var now = DateTimeOffset.UtcNow;
        var referred = await data.RequestAsync(farm, centro.Id, "PT19", ServiceCategory.TestBeforeInvest, "ai", "energy", ServiceRequestState.Accepted,
            now.AddDays(-20), TimeSpan.FromHours(4), holdingHub: lisboa.Id);
        await data.ReferralAsync(referred, centro.Id, lisboa.Id, now.AddDays(-20).AddHours(4), accepted: true);
        await data.RequestAsync(farm, centro.Id, "PT19", ServiceCategory.TestBeforeInvest, "ai", "energy", ServiceRequestState.Declined,
            now.AddDays(-10), TimeSpan.FromHours(8));
        await data.RequestAsync(lisbonFarm, lisboa.Id, "PT1A", ServiceCategory.TestBeforeInvest, "ai", "energy", ServiceRequestState.Submitted,
            now.AddDays(-1), null);
        await data.RequestAsync(farm, centro.Id, "PT19", ServiceCategory.SupportToFindInvestment, "blockchain", "energy", ServiceRequestState.Submitted,
            now.AddDays(-2), null);

        var person = await TestPeople.RegisterAsync(app, "Gap Reader");
        var a = await person.Browser.Client.GetFromJsonAsync<JsonElement>("/api/v1/network/gaps?technology=ai&sector=energy&country=PT");
        var cell = Cell(a, "PT19", "TestBeforeInvest");
        Assert.Equal((0, 2, 1, 1, "Gap"), cell);
        Assert.Equal((1, 1, 0, 0, "Covered"), Cell(a, "PT1A", "TestBeforeInvest"));
        Assert.Equal((0, 0, 0, 0, "Quiet"), Cell(a, "PT19", "SkillsAndTraining")); // Centro's training is about data
        Assert.DoesNotContain(Regions(a), r => r == "PT11"); // no figures there: not a row unless asked for every region

        // The technology filter: for data, Centro's training is offered and nobody asked for data testing.
        var d = await person.Browser.Client.GetFromJsonAsync<JsonElement>("/api/v1/network/gaps?technology=data&sector=energy&country=PT");
        Assert.Equal((1, 0, 0, 0, "Offered"), Cell(d, "PT19", "SkillsAndTraining"));
        Assert.Equal("Quiet", Cell(d, "PT19", "TestBeforeInvest").Item5);
        Assert.Equal((1, 0, 0, 0, "Offered"), Cell(d, "PT1A", "TestBeforeInvest"));

        // Every region of the country, on request.
        var all = await person.Browser.Client.GetFromJsonAsync<JsonElement>("/api/v1/network/gaps?technology=ai&sector=energy&country=PT&allRegions=true");
        Assert.Contains(Regions(all), r => r == "PT11");

        // Per hub: Lisboa (same country) offers AI testing, so that is no gap near Centro; blockchain investment support is.
        var hub = (await person.Browser.Client.GetFromJsonAsync<JsonElement>($"/api/v1/network/gaps?sector=energy&hub={centro.Slug}")).GetProperty("forHub");
        Assert.Equal("PT19", Assert.Single(hub.GetProperty("regions").EnumerateArray()).GetString());
        var gaps = hub.GetProperty("gaps").EnumerateArray().ToList();
        var gap = Assert.Single(gaps);
        Assert.Equal("SupportToFindInvestment", gap.GetProperty("category").GetString());
        Assert.Equal("blockchain", gap.GetProperty("technology").GetString());
        Assert.Equal(1, gap.GetProperty("demand").GetInt32());

        // The page: colour, words and numbers in the cell; the CSV has the same numbers.
        var (page, doc) = await person.Browser.GetAsync("/network/gaps?technology=ai&sector=energy&country=PT");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var td = doc.QuerySelector("table.gap-matrix tr[data-region=PT19] td[data-category=TestBeforeInvest]")!;
        Assert.Contains("gap-gap", td.ClassList);
        Assert.Equal("Gap", td.QuerySelector("strong")!.TextContent.Trim());
        Assert.Contains("0 offered, 2 requested", td.TextContent);
        Assert.Contains("1 declined, 1 referred", td.TextContent);
        Assert.NotNull(doc.QuerySelector("table.gap-matrix caption"));
        Assert.NotNull(doc.QuerySelector("table.gap-data"));
        var csv = await person.Browser.Client.GetAsync("/network/gaps?technology=ai&sector=energy&country=PT&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Contains("PT,PT19,Centro (PT),TestBeforeInvest,0,2,1,1,Gap", lines);
        Assert.Contains("PT,PT1A,Grande Lisboa,TestBeforeInvest,1,1,0,0,Covered", lines);

        // The hub's section on the page.
        var (_, hubDoc) = await person.Browser.GetAsync($"/network/gaps?sector=energy&hub={centro.Slug}");
        Assert.Single(hubDoc.QuerySelectorAll("table.hub-gap-list tbody tr"));

        Assert.Equal(HttpStatusCode.BadRequest, (await person.Browser.Client.GetAsync("/api/v1/network/gaps?technology=quantum")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Browser.Client.GetAsync("/api/v1/network/gaps?hub=no-such-hub")).StatusCode);
    }

    private static (int, int, int, int, string) Cell(JsonElement a, string region, string category)
    {
        var row = a.GetProperty("countries").EnumerateArray().SelectMany(c => c.GetProperty("regions").EnumerateArray())
            .Single(r => r.GetProperty("code").GetString() == region);
        var c = row.GetProperty("cells").EnumerateArray().Single(x => x.GetProperty("category").GetString() == category);
        return (c.GetProperty("supply").GetInt32(), c.GetProperty("demand").GetInt32(), c.GetProperty("declined").GetInt32(),
            c.GetProperty("referred").GetInt32(), c.GetProperty("state").GetString()!);
    }

    private static IEnumerable<string> Regions(JsonElement a) =>
        a.GetProperty("countries").EnumerateArray().SelectMany(c => c.GetProperty("regions").EnumerateArray()).Select(r => r.GetProperty("code").GetString()!);
}
