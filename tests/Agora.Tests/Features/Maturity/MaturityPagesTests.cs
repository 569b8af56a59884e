using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Agora.Tests.Features.Network.Requests;
using Agora.Tests.Infrastructure;
using AngleSharp.Dom;
using static Agora.Tests.Features.Network.Requests.NetworkRequestFixtures;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Maturity;

/// <summary>The assessment pages: start from the organisation's list, fill a dimension as a draft, resume it, submit, read the result.</summary>
[Collection(AppsCollection.Name)]
public sealed class MaturityPagesTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Pages_StartFillResumeSubmit_ResultShowsChartAndTable(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var asker = await n.BrowserAsync("asker");

        // The organisation's page lists the network's hubs to start with.
        var (listed, listPage) = await asker.GetAsync($"/organisations/{n.Customer}/maturity");
        Assert.True(listed.StatusCode == HttpStatusCode.OK, $"{(int)listed.StatusCode}: {await listed.Content.ReadAsStringAsync()}");
        Assert.NotNull(listPage.QuerySelector($"select[name='Input.Party'] option[value='{n.Centro}']"));
        var started = await asker.SubmitAsync($"/organisations/{n.Customer}/maturity", new Dictionary<string, string> { ["Input.Party"] = n.Centro, ["Input.Wave"] = "T0" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var fill = started.Headers.Location!.OriginalString;
        Assert.Matches(@"^/maturity/assessments/\d+/dimensions/1$", fill);
        var id = int.Parse(fill.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

        // Dimension 1 on the page: plan-or-done rows as two checkboxes, a checkbox group; saved as a draft.
        var (_, page) = await asker.GetAsync(fill);
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
        Assert.NotNull(page.QuerySelector("fieldset legend"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("A.Q15.1", "2"), new("A.Q15.2", "2"), new("A.Q15.3", "1"), new("A.Q15.4", "1"), new("A.Q15.4", "2"), new("A.Q15.7", "1"), new("A.Q15.9", "2"),
            new("A.Q16", "1"), new("A.Q16", "2"), new("A.Q16", "3"), new("A.Q16", "4"), new("A.Q16", "5"), new("next", "stay"),
        };
        var saved = await asker.SubmitAsync(fill, fields, []);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(fill, saved.Headers.Location!.OriginalString);

        // Resumed by the hub's front desk: the draft's answers are ticked.
        var desk = await n.BrowserAsync("desk1");
        var (_, resumed) = await desk.GetAsync(fill);
        Assert.NotNull(resumed.QuerySelector("input[name='A.Q15.4'][value='1'][checked]"));
        Assert.NotNull(resumed.QuerySelector("input[name='A.Q15.4'][value='2'][checked]"));
        Assert.Null(resumed.QuerySelector("input[name='A.Q15.5'][checked]"));
        Assert.Equal(5, resumed.QuerySelectorAll("input[name='A.Q16'][checked]").Length);

        // A matrix row left open on a submit names the question.
        var version = (await Agora.Tests.Features.Ideas.IdeaFixtures.GetJsonAsync(n.Api("desk1"), $"/api/v1/maturity/assessments/{id}")).GetProperty("version").GetInt32();
        foreach (var d in new[] { 2, 3, 4, 5, 6 })
        {
            var r = await n.Api("desk1").PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/dimensions/{d}", new { answers = MaturityAssessmentTests.SmeAnswers[d], version });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            version++;
        }
        var (_, overview) = await desk.GetAsync($"/maturity/assessments/{id}");
        Assert.Contains("11 of 11 questions answered", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var submitted = await desk.SubmitAsync($"/maturity/assessments/{id}", new Dictionary<string, string>(), "main form[action*='handler=Submit']");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var (_, result) = await asker.GetAsync($"/maturity/assessments/{id}");
        var svg = result.QuerySelector("svg[role=img]");
        Assert.NotNull(svg);
        Assert.Equal("chart-title chart-desc", svg!.GetAttribute("aria-labelledby"));
        Assert.Contains("Digital readiness: 40", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var rows = result.QuerySelectorAll("table tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "Digital business strategy" && r[1] == "53" && r[2] == "–");
        Assert.Contains(rows, r => r[0] == "Overall score" && r[1] == "48");
        Assert.NotNull(result.QuerySelector("main form[action*='handler=StartT1']"));

        // Strangers get 404 on every page of it.
        var stranger = await n.BrowserAsync("othercustomer");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/maturity/assessments/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(fill)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/organisations/{n.Customer}/maturity")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await n.BrowserAsync("hubmember")).GetAsync($"/hubs/{n.Centro}/maturity")).Response.StatusCode);
        var (deskList, list) = await desk.GetAsync($"/hubs/{n.Centro}/maturity");
        Assert.Equal(HttpStatusCode.OK, deskList.StatusCode);
        Assert.NotNull(list.QuerySelector($"a[href='/maturity/assessments/{id}']"));
    }
    [Theory, BothDatabases]
    public async Task DemoResult_T1_ShowsTheChangeAndTheServiceDeliveredBetweenT0AndT1(string provider)
    {
        var app = await apps.GetAsync(provider);
        var ids = await DbAsync(app, db => db.MaturityAssessments
            .Where(a => db.Organisations.Any(o => o.Id == a.OrganisationId && o.Slug == Agora.Web.Platform.Demo.DemoNetworkRequests.CentroSme))
            .OrderBy(a => a.Wave).Select(a => a.Id).ToListAsync());
        Assert.Equal(2, ids.Count);
        var story = await DbAsync(app, db => db.ServiceRequests.Where(r => r.Title == "AI testing of our triage assistant").Select(r => r.Id).SingleAsync());

        var admin = await SignInAsync(app, Agora.Web.Platform.Demo.DemoAccounts.Admin);
        var (response, result) = await admin.GetAsync($"/maturity/assessments/{ids[1]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The service delivered between T0 and T1, linked to its request; and the change per dimension next to T0.
        Assert.NotNull(result.QuerySelector($"main a[href='/network/requests/{story}']"));
        var rows = result.QuerySelectorAll("table tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var overall = rows.Single(r => r[0] == "Overall score" && r.Length == 4); // the comparison table: T0, T1, change
        Assert.True(int.Parse(overall[2], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(overall[1], System.Globalization.CultureInfo.InvariantCulture)
            && overall[3].StartsWith('+'), $"the overall row shows T0, T1 and a rise: {string.Join(" | ", overall)}");
    }
}
