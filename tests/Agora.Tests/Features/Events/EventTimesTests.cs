using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Events;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Events.EventFixtures;

namespace Agora.Tests.Features.Events;

/// <summary>Every time Events shows is a wall-clock time of the hub's zone and names the zone.</summary>
[Collection(AppsCollection.Name)]
public sealed class EventTimesTests(AgoraApps apps)
{
    private static readonly DateTimeOffset July = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Texts_AreInTheHubsZone_AndNameIt()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        try
        {
            // Lisbon is UTC+1 in July.
            var time = ZonedTime.Named(July, "Europe/Lisbon");
            Assert.Contains("9:00", time);
            Assert.EndsWith("(Europe/Lisbon)", time);
            Assert.EndsWith("(Europe/Lisbon)", EventTimes.When(July, July.AddHours(2), false, "Europe/Lisbon"));
            Assert.DoesNotContain("Europe/Lisbon", EventTimes.When(July, July.AddHours(2), false, "Europe/Lisbon", sayZone: false));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        Assert.Equal("2026-07-01 09:00 (Europe/Lisbon)", EventTimes.Neutral(July, "Europe/Lisbon"));
        Assert.Equal("2026-07-01 10:00 (Europe/Oslo)", EventTimes.Neutral(July, "Europe/Oslo"));
        Assert.Equal("2026-07-01 (Europe/Lisbon)", EventTimes.Neutral(July, "Europe/Lisbon", dateOnly: true));
    }

    [Theory, BothDatabases]
    public async Task EventPage_DeadlineAndCutoff_AreInTheHubsZone_AndNameIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var body = JsonSerializer.SerializeToElement(Body("Webinar with deadlines", "Webinar", "Public", "2030-07-01T09:00", "2030-07-01T10:00", mode: "Online"))
            .Deserialize<Dictionary<string, object?>>()!;
        body["registrationDeadline"] = "2030-06-28T18:00";
        body["cancellationCutoff"] = "2030-06-30T12:00";
        var (id, _) = await PublishedAsync(manager.Client, 5, body);
        var zone = await DbAsync(app, db => db.Hubs.Where(h => h.Slug == Hub).Select(h => h.TimeZone).SingleAsync());
        var (response, page) = await manager.GetAsync($"/hubs/{Hub}/events/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var times = page.QuerySelectorAll("dl.props time").Select(t => t.TextContent).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times, t => Assert.EndsWith($"({zone})", t));
        // The deadline as entered, a wall-clock time of the hub.
        var deadline = page.QuerySelectorAll("dl.props time")[1];
        var utc = DateTimeOffset.Parse(deadline.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        Assert.Equal(new DateTime(2030, 6, 28, 18, 0, 0), TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
    }
}
