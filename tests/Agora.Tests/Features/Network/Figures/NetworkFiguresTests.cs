using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Network.Figures;

/// <summary>The network figures count a built scenario right, only inside the period, alike on the API, the page and the CSV.</summary>
[Collection(AppsCollection.Name)]
public sealed class NetworkFiguresTests(AgoraApps apps)
{
    private static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task Figures_ReferralDeliveryFeedbackAndDecline_CountedInsideThePeriodOnly(string provider)
    {
        var app = await apps.GetAsync(provider);
        var data = new FiguresData(app);
        // Only this test writes rows dated 2011 and 2012, so the whole network's figures of those years are its own.
        var centro = await data.HubAsync("PT", ["PT19"]);
        var lisboa = await data.HubAsync("PT", ["PT1A"]);
        var aiTesting = await data.ServiceAsync(lisboa.Id, ServiceCategory.TestBeforeInvest, "testing", ["ai"], ["health"]);
        var company = await data.CustomerAsync(CustomerType.Sme, "PT19");
        var municipality = await data.CustomerAsync(CustomerType.PublicSector, "PT1C");

        // The story: a company in Centro asks for AI testing; Centro refers it to Lisboa after 10 hours, which accepts,
        // delivers it and gets a 4 out of 5.
        var asked = await data.RequestAsync(company, centro.Id, "PT19", ServiceCategory.TestBeforeInvest, "ai", "health", ServiceRequestState.Delivered,
            At(2011, 3, 1), TimeSpan.FromHours(10), holdingHub: lisboa.Id);
        await data.ReferralAsync(asked, centro.Id, lisboa.Id, At(2011, 3, 1, 19), accepted: true);
        await data.DeliveryAsync(asked, lisboa.Id, DeliveryStatus.Completed, new DateOnly(2011, 3, 10), new DateOnly(2011, 4, 20), 4, At(2011, 4, 21),
            serviceId: aiTesting);
        // Declined by Centro after 30 hours; answered by Lisboa after 200 hours, past its 7-day due time.
        await data.RequestAsync(municipality, centro.Id, "PT1C", ServiceCategory.SkillsAndTraining, null, "health", ServiceRequestState.Declined,
            At(2011, 5, 2), TimeSpan.FromHours(30));
        await data.RequestAsync(municipality, lisboa.Id, "PT1C", ServiceCategory.SupportToFindInvestment, null, "health", ServiceRequestState.Accepted,
            At(2011, 6, 1), TimeSpan.FromHours(200));
        // Outside 2011: a request, referral, delivery and feedback of 2012, a referral of 2010.
        var later = await data.RequestAsync(company, centro.Id, "PT19", ServiceCategory.TestBeforeInvest, "ai", "health", ServiceRequestState.Delivered,
            At(2012, 1, 10), TimeSpan.FromHours(5));
        await data.ReferralAsync(later, centro.Id, lisboa.Id, At(2010, 12, 31), accepted: false);
        await data.DeliveryAsync(later, centro.Id, DeliveryStatus.Completed, new DateOnly(2012, 1, 20), new DateOnly(2012, 2, 1), 1, At(2012, 2, 2));

        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var f = await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/network/figures?period=2011");
        Assert.Equal("2011-01-01", f.GetProperty("from").GetString());
        Assert.Equal("2011-12-31", f.GetProperty("to").GetString());
        Assert.Equal(1, f.GetProperty("customersServed").GetInt32());
        Assert.Equal(1, Count(f.GetProperty("customersByType"), "Sme"));
        Assert.Equal(0, Count(f.GetProperty("customersByType"), "PublicSector"));
        var region = Assert.Single(f.GetProperty("customersByRegion").EnumerateArray());
        Assert.Equal("PT19", region.GetProperty("code").GetString());
        Assert.Equal(NutsRegions.Find("PT19")!.Name, region.GetProperty("name").GetString());
        Assert.Equal(1, f.GetProperty("servicesDelivered").GetInt32());
        Assert.Equal(1, Count(f.GetProperty("deliveredByCategory"), "TestBeforeInvest"));

        var referrals = f.GetProperty("referrals").EnumerateArray().ToList();
        Assert.Equal(2, referrals.Count);
        var sent = Hub(referrals, centro.Slug);
        Assert.Equal((1, 0, 0), Outcomes(sent.GetProperty("sent")));
        Assert.Equal((0, 0, 0), Outcomes(sent.GetProperty("received")));
        Assert.Equal((1, 0, 0), Outcomes(Hub(referrals, lisboa.Slug).GetProperty("received")));

        var answers = f.GetProperty("answerTimes").EnumerateArray().ToList();
        var c = Hub(answers, centro.Slug);
        Assert.Equal(2, c.GetProperty("requests").GetInt32());
        Assert.Equal(20.0, c.GetProperty("medianHours").GetDouble());
        Assert.Equal(28.0, c.GetProperty("percentile90Hours").GetDouble()); // 10 + 0.9 × (30 − 10)
        Assert.Equal(1.0, c.GetProperty("onTimeShare").GetDouble());
        var l = Hub(answers, lisboa.Slug);
        Assert.Equal(200.0, l.GetProperty("medianHours").GetDouble());
        Assert.Equal(0, l.GetProperty("onTime").GetInt32());
        Assert.Equal(1, l.GetProperty("due").GetInt32());

        Assert.Equal(1, f.GetProperty("feedbackCount").GetInt32());
        Assert.Equal(4.0, f.GetProperty("meanRating").GetDouble());

        // 2012 holds the later rows only.
        var next = await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/network/figures?from=2012-01-01&to=2012-12-31");
        Assert.Equal(1, next.GetProperty("customersServed").GetInt32());
        Assert.Equal(1.0, next.GetProperty("meanRating").GetDouble());
        Assert.Empty(next.GetProperty("referrals").EnumerateArray());
        Assert.Equal(5.0, Hub(next.GetProperty("answerTimes").EnumerateArray().ToList(), centro.Slug).GetProperty("medianHours").GetDouble());

        // One hub: what it sent, answered and delivered.
        var one = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/network/figures?period=2011&hub={centro.Slug}");
        Assert.Equal(0, one.GetProperty("customersServed").GetInt32());
        Assert.Equal(centro.Slug, Assert.Single(one.GetProperty("answerTimes").EnumerateArray()).GetProperty("hub").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/api/v1/network/figures?hub=no-such-hub")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/v1/network/figures?period=2011-q5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/v1/network/figures?from=2012-02-01&to=2012-01-01")).StatusCode);

        // The CSV has the same numbers.
        var csv = await admin.Client.GetAsync("/network/figures?period=2011&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("section,key,hub,measure,value", lines[0]);
        Assert.Contains("customers,all,,served,1", lines);
        Assert.Contains("customers-by-type,Sme,,served,1", lines);
        Assert.Contains("customers-by-region,PT19,,served,1", lines);
        Assert.Contains("services-by-category,TestBeforeInvest,,delivered,1", lines);
        Assert.Contains($"referrals,sent,{centro.Slug},accepted,1", lines);
        Assert.Contains($"referrals,received,{lisboa.Slug},accepted,1", lines);
        Assert.Contains($"first-answers,,{centro.Slug},median-hours,20", lines);
        Assert.Contains($"first-answers,,{centro.Slug},p90-hours,28", lines);
        Assert.Contains($"first-answers,,{lisboa.Slug},on-time-share,0", lines);
        Assert.Contains("feedback,all,,mean-rating,4", lines);

        // The page shows them too.
        var (page, doc) = await admin.GetAsync("/network/figures?period=2011");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = doc.QuerySelectorAll("table.figures-answers tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim().StartsWith("Figures hub", StringComparison.Ordinal)
            && r.QuerySelectorAll("td")[0].TextContent.Trim() == "2");
        Assert.Equal("20.0", row.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Equal("1", doc.QuerySelectorAll("table.figures-by-region tbody tr").Single().QuerySelector("td")!.TextContent.Trim());
    }

    private static int Count(JsonElement list, string key) =>
        list.EnumerateArray().Single(x => x.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();

    private static JsonElement Hub(IEnumerable<JsonElement> rows, string slug) => rows.Single(r => r.GetProperty("hub").GetString() == slug);

    private static (int, int, int) Outcomes(JsonElement o) =>
        (o.GetProperty("accepted").GetInt32(), o.GetProperty("declined").GetInt32(), o.GetProperty("pending").GetInt32());
}
