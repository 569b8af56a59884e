using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Hubs;

/// <summary>A hub's time zone: set on the form and through the API (unknown zones refused), and the day a call's deadline is given on ends in it.</summary>
[Collection(AppsCollection.Name)]
public sealed class HubTimeZoneTests(AgoraApps apps)
{
    private static object Body(string slug, string? timeZone) => new
    {
        slug, region = "Vestland", joinPolicy = "Open", languages = new[] { "nb-NO", "en" }, timeZone,
        texts = new[] { new { culture = "nb-NO", name = "Helse Vest Lab", description = "Sykehusene i vest." } },
    };

    [Theory, BothDatabases]
    public async Task Api_UnknownZoneRefusedWithTheField_KnownZoneKept_LeftOutUnchanged(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var slug = "tz-" + Guid.NewGuid().ToString("N")[..8];

        foreach (var wrong in new[] { "Mars/Olympus_Mons", "W. Europe Standard Time", "" })
        {
            var refused = await admin.Client.PostAsJsonAsync("/api/v1/hubs", Body(slug, wrong));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("timeZone", out _), wrong);
        }
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostAsJsonAsync("/api/v1/hubs", Body(slug, "Europe/Oslo"))).StatusCode);
        Assert.Equal("Europe/Oslo", (await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}")).GetProperty("timeZone").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.PutAsJsonAsync($"/api/v1/hubs/{slug}", Body(slug, "Atlantis/Capital"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/v1/hubs/{slug}", Body(slug, null))).StatusCode);
        Assert.Equal("Europe/Oslo", (await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}")).GetProperty("timeZone").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/v1/hubs/{slug}", Body(slug, "America/Sao_Paulo"))).StatusCode);
        Assert.Equal("America/Sao_Paulo", (await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}")).GetProperty("timeZone").GetString());
        var audit = await DbAsync(app, db => db.AuditEvents.Where(a => a.Action == AuditActions.HubUpdated && a.Subject == slug).Select(a => a.Details).ToListAsync());
        Assert.Contains("timeZone: Europe/Oslo -> America/Sao_Paulo", audit);
    }

    [Theory, BothDatabases]
    public async Task Page_OffersTheZones_RefusesAnUnknownOne_AndACallDeadlineDayEndsInTheHubsZone(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var slug = "tz-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostAsJsonAsync("/api/v1/hubs", Body(slug, null))).StatusCode);

        // The form offers the machine's IANA zones with the hub's own selected (a new hub is in Lisbon).
        var (_, form) = await admin.GetAsync($"/hubs/{slug}/edit");
        Assert.Equal("Europe/Lisbon", form.QuerySelector("#Input_TimeZone option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#Input_TimeZone option[value='Europe/Oslo']"));

        List<KeyValuePair<string, string>> Fields(string zone) =>
        [
            new("Input.NameNbNO", "Helse Vest Lab"), new("Input.DescriptionNbNO", "Sykehusene i vest."),
            new("Input.Region", "Vestland"), new("Input.JoinPolicy", "Open"), new("Input.Languages", "nb-NO"), new("Input.TimeZone", zone),
        ];
        var refused = await admin.SubmitAsync($"/hubs/{slug}/edit", Fields("Nowhere/Special"), [], "main form[enctype]");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("IANA", PageClient.ErrorsOf(await refused.Content.ReadAsStringAsync()));
        var saved = await admin.SubmitAsync($"/hubs/{slug}/edit", Fields("Europe/Oslo"), [], "main form[enctype]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await admin.GetAsync($"/hubs/{slug}");
        Assert.Equal("Europe/Oslo", page.QuerySelector("#hub-time-zone")!.TextContent.Trim());

        // A call's last day, given on the page, ends at 23:59:59 in Oslo: 22:59:59Z in winter, 21:59:59Z in summer.
        foreach (var (day, utc) in new[] { ("2031-01-15", "2031-01-15T22:59:59Z"), ("2031-07-15", "2031-07-15T21:59:59Z") })
        {
            var drafted = await admin.SubmitAsync($"/hubs/{slug}/calls/new", new Dictionary<string, string>
            {
                ["Input.Role"] = "Fellow", ["Input.Title"] = "Fellows " + day, ["Input.Description"] = "A year with the hub.", ["Input.Audience"] = "SignedIn",
                ["Input.Seats"] = "2", ["Input.Deadline"] = day, ["Input.Criteria[0].Name"] = "Motivation", ["Input.Criteria[0].Weight"] = "2",
            });
            Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
            var id = int.Parse(drafted.Headers.Location!.OriginalString.Split('/').Last());
            var call = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}/calls/{id}");
            Assert.Equal(DateTimeOffset.Parse(utc), call.GetProperty("deadline").GetDateTimeOffset());
            // The page shows it in Oslo's time and names the zone; the edit form gives the same day back.
            var (_, details) = await admin.GetAsync($"/hubs/{slug}/calls/{id}");
            Assert.Contains("Europe/Oslo", details.QuerySelector("#call-deadline")!.TextContent);
            Assert.Contains("23:59", details.QuerySelector("#call-deadline")!.TextContent);
            var (_, edit) = await admin.GetAsync($"/hubs/{slug}/calls/{id}/edit");
            Assert.Equal(day, edit.QuerySelector("#Input_Deadline")!.GetAttribute("value"));
        }
    }
}
