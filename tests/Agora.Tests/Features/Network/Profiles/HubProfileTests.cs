using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Network.Profiles;

/// <summary>Hub network profiles: made and changed by the hub's managers (page and API), refused to others, regions checked against NUTS 2024.</summary>
[Collection(AppsCollection.Name)]
public sealed class HubProfileTests(AgoraApps apps)
{
    private static string Api(string slug) => $"/api/v1/hubs/{slug}/network-profile";

    internal static async Task<string> NewHubAsync(AgoraFactory app, PageClient admin, string name)
    {
        var slug = "net-" + Guid.NewGuid().ToString("N")[..10];
        var created = await admin.Client.PostAsJsonAsync("/api/v1/hubs", new
        {
            slug, region = "Iceland", joinPolicy = "Open", languages = new[] { "en" }, focusAreas = new[] { "mobile" },
            texts = new[] { new { culture = "en", name, description = "A hub made by a test." } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return slug;
    }

    internal static object Body(string legalName, string[] regions, int days = 3, object[]? partners = null, bool listed = true) => new
    {
        legalName, kind = "Dih", country = "IS", regions, technologies = new[] { "ai", "hpc" }, sectors = new[] { "health" }, languages = new[] { "en" },
        website = "https://hub.example.org", firstAnswerDays = days, listed,
        partners = partners ?? [new { name = "University of Iceland", website = "https://hi.is", role = "Research on health data" }],
    };

    /// <summary>The body with the version the writer saw.</summary>
    private static Dictionary<string, object?> Versioned(object body, int version)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!;
        fields["version"] = version;
        return fields;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<string>> NetworkSlugsAsync(HttpClient client, string query = "") =>
        (await JsonAsync(client, "/api/v1/network/hubs" + query)).EnumerateArray().Select(h => h.GetProperty("slug").GetString()!).ToList();

    [Theory, BothDatabases]
    public async Task Profile_MadeByAManager_PutsTheHubInTheNetwork_RefusedToMembersAndAnonymous(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var slug = await NewHubAsync(app, admin, "Nordic Health Test Hub");
        var anonymous = app.NewClient();

        // Not in the network yet.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Api(slug))).StatusCode);
        Assert.DoesNotContain(slug, await NetworkSlugsAsync(anonymous));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/hubs/{slug}/network")).StatusCode);

        // A member may not make it; nor may anyone not signed in.
        var nina = await TestPeople.RegisterAsync(app, "Nina Network");
        Assert.True((await nina.Browser.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/join", new { message = "" })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nina.Browser.Client.PutAsJsonAsync(Api(slug), Body("Nina's hub", ["IS00"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync(Api(slug), Body("Nobody's hub", ["IS00"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nina.Browser.GetAsync($"/hubs/{slug}/network/edit")).Response.StatusCode);

        // A region that is not NUTS 2024 level 2 is refused with the field named.
        var invalid = await admin.Client.PutAsJsonAsync(Api(slug), Body("Nordic Health Test Hub ehf.", ["IS00", "PT16", "XX11"], days: 31));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("PT16", errors.GetProperty("regions")[0].GetString());
        Assert.True(errors.TryGetProperty("firstAnswerDays", out _));

        // The manager makes it: the hub is in the network, with its regions named as NUTS names them.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync(Api(slug), Body("Nordic Health Test Hub ehf.", ["IS00", "NO06"]))).StatusCode);
        var profile = await JsonAsync(anonymous, Api(slug));
        Assert.Equal(1, profile.GetProperty("version").GetInt32());
        // A change names the version it was made from: without it, refused; from an older one, refused as stale (409).
        var noVersion = await admin.Client.PutAsJsonAsync(Api(slug), Body("Nordic Health Test Hub ehf.", ["IS00", "NO06"]));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.True((await noVersion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync(Api(slug), Versioned(Body("Nordic Health Test Hub ehf.", ["IS00", "NO06"]), 1))).StatusCode);
        var stale = await admin.Client.PutAsJsonAsync(Api(slug), Versioned(Body("Nordic Health Test Hub ehf.", ["IS00"]), 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        profile = await JsonAsync(anonymous, Api(slug));
        Assert.Equal(2, profile.GetProperty("version").GetInt32());
        Assert.Equal("Nordic Health Test Hub ehf.", profile.GetProperty("legalName").GetString());
        Assert.Equal("Dih", profile.GetProperty("kind").GetString());
        Assert.Equal(["IS00", "NO06"], profile.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());
        Assert.Equal("Ísland", profile.GetProperty("regions")[0].GetProperty("name").GetString());
        Assert.Equal(3, profile.GetProperty("firstAnswerDays").GetInt32());
        Assert.Equal("University of Iceland", profile.GetProperty("partners")[0].GetProperty("name").GetString());
        Assert.Contains(slug, await NetworkSlugsAsync(anonymous, "?country=IS"));
        Assert.Contains(slug, await NetworkSlugsAsync(anonymous, "?region=NO06"));
        Assert.Equal(1, await DbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.NetworkProfileCreated
            && db.Hubs.Any(h => h.Id == e.HubId && h.Slug == slug))));
        var (page, doc) = await new PageClient(app.NewClient()).GetAsync($"/hubs/{slug}/network");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Nordic Health Test Hub ehf.", doc.QuerySelector("main")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task EditPage_ChangesTheProfile_ShowsFieldErrors_RemovesAPartner_UnlistedIsHidden(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var slug = await NewHubAsync(app, admin, "Fjord Test Hub");
        var url = $"/hubs/{slug}/network/edit";
        // A hub's manager without a profile is taken to make one.
        var redirect = await admin.Client.GetAsync($"/hubs/{slug}/network");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(url, redirect.Headers.Location?.OriginalString);

        List<KeyValuePair<string, string>> Fields(string days, string listed = "true") =>
        [
            new("Input.LegalName", "Fjord Test Hub AS"), new("Input.Kind", "Edih"), new("Input.Country", "NO"),
            new("Input.Regions", "NO06"), new("Input.Regions", "NO0A"), new("Input.Technologies", "robotics"), new("Input.Technologies", "iot"),
            new("Input.Sectors", "care"), new("Input.Languages", "nb-NO"), new("Input.Languages", "en"), new("Input.Website", ""),
            new("Input.FirstAnswerDays", days), new("Input.Listed", listed),
            new("Input.Partners[0].Name", "NTNU"), new("Input.Partners[0].Role", "Research"), new("Input.Partners[0].Website", "https://www.ntnu.no"),
            new("Input.Partners[1].Name", ""), new("Input.Partners[1].Role", ""),
        ];

        var invalid = await admin.SubmitAsync(url, Fields("0"), files: []);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Input_FirstAnswerDays-error", html);
        Assert.False(await DbAsync(app, db => db.HubNetworkProfiles.AnyAsync(p => db.Hubs.Any(h => h.Id == p.HubId && h.Slug == slug))));

        var saved = await admin.SubmitAsync(url, Fields("10"), files: []);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await (await app.NewClient().GetAsync(Api(slug))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Edih", profile.GetProperty("kind").GetString());
        Assert.Equal(10, profile.GetProperty("firstAnswerDays").GetInt32());
        Assert.Equal(["robotics", "iot"], profile.GetProperty("technologies").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(1, profile.GetProperty("partners").GetArrayLength());

        // A form opened before someone else saved is refused, with the reason on the page; nothing of it is saved.
        var (_, before) = await admin.GetAsync(url);
        var seen = before.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, Fields("12"), files: [])).StatusCode);
        var staleFields = Fields("20").Append(new("Input.Version", seen)).ToList();
        var stale = await admin.SubmitAsync(url, staleFields, files: []);
        Assert.Contains("Someone changed this profile after you opened it.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(12, (await (await app.NewClient().GetAsync(Api(slug))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("firstAnswerDays").GetInt32());

        // Emptying a partner's row removes it; unticking "listed" hides the hub from everyone but its managers.
        var fields = Fields("10", listed: "false").Where(f => !f.Key.StartsWith("Input.Partners[0]", StringComparison.Ordinal)).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, fields, files: [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(Api(slug))).StatusCode);
        var mine = await (await admin.Client.GetAsync(Api(slug))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(mine.GetProperty("listed").GetBoolean());
        Assert.Equal(0, mine.GetProperty("partners").GetArrayLength());
        Assert.DoesNotContain(slug, await NetworkSlugsAsync(admin.Client));
        Assert.Equal(2, await DbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.NetworkProfileChanged
            && db.Hubs.Any(h => h.Id == e.HubId && h.Slug == slug))));
    }

    [Theory, BothDatabases]
    public async Task DemoHub_ProfilePage_ShowsRegionsPartnersAndLinksFromTheHubPage(string provider)
    {
        var app = await apps.GetAsync(provider);
        var anonymous = new PageClient(app.NewClient());
        var (response, doc) = await anonymous.GetAsync($"/hubs/{DemoAccounts.DihCentroHub}/network");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("PT19 Centro (PT)", main);
        Assert.Contains("Health Cluster Portugal", main);
        var (_, hubPage) = await anonymous.GetAsync($"/hubs/{DemoAccounts.DihCentroHub}");
        Assert.NotNull(hubPage.QuerySelector($"a[href='/hubs/{DemoAccounts.DihCentroHub}/network']"));
        var (_, home) = await anonymous.GetAsync("/");
        Assert.NotNull(home.QuerySelector("header nav a[href='/network']"));
    }
}
