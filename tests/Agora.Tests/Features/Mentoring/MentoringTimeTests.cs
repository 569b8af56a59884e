using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Mentoring;

/// <summary>Session times are entered and shown in the hub's zone (never bare UTC); the API keeps UTC instants.</summary>
public sealed partial class MentoringTests
{
    [Theory, BothDatabases]
    public async Task PlanSession_OnThePage_InTheHubsZone_SkippedHourRefused_ShownWithTheZone(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = await HubAsync(app); // Europe/Lisbon
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 1));
        var pair = (await OkJsonAsync(await AskAsync(await SignInAsync(app, DemoAccounts.Member), slug, "Zones"))).GetProperty("pairId").GetInt32();
        var page = $"/hubs/{slug}/mentoring/pairs/{pair}";
        const string form = "main form[action$='handler=Plan']";

        // 18:00 in Lisbon in July is 17:00 UTC.
        var planned = await mentor.SubmitAsync(page, [new("Plan.At", "2027-07-01T18:00"), new("Plan.Place", "Room 2")], [], form);
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var at = await DbAsync(app, db => db.MentoringSessions.Where(s => s.PairId == pair).Select(s => s.At).SingleAsync());
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 17, 0, 0, TimeSpan.Zero), at);

        // 01:30 on 28 March 2027 does not exist in Lisbon (the clocks go from 01:00 to 02:00).
        var skipped = await mentor.SubmitAsync(page, [new("Plan.At", "2027-03-28T01:30"), new("Plan.Place", "Room 2")], [], form);
        Assert.NotEqual(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Contains("This time does not exist in the hub", await skipped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(app, db => db.MentoringSessions.CountAsync(s => s.PairId == pair)));

        var (_, doc) = await mentor.GetAsync(page);
        var shown = doc.QuerySelector($"#session-{(await DbAsync(app, db => db.MentoringSessions.Where(s => s.PairId == pair).Select(s => s.Id).SingleAsync()))} time")!;
        Assert.Equal("2027-07-01T17:00:00Z", shown.GetAttribute("datetime"));
        Assert.EndsWith("(Europe/Lisbon)", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("Europe/Lisbon", doc.QuerySelector("#at-hint")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, mine) = await mentor.GetAsync($"/hubs/{slug}/mentoring");
        Assert.Contains("(Europe/Lisbon)", mine.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        // The API speaks UTC instants.
        var api = await OkJsonAsync(await mentor.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/pairs/{pair}"));
        Assert.Equal(at, api.GetProperty("sessions")[0].GetProperty("at").GetDateTimeOffset());
        var viaApi = await mentor.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/mentoring/pairs/{pair}/sessions", new { at = "2027-03-28T01:30:00Z", place = "Online" });
        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
    }
}
