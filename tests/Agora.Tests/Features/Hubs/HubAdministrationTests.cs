using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Hubs;

/// <summary>A platform admin creates a hub and its manager edits it, through the pages (with a logo) and the API.</summary>
[Collection(AppsCollection.Name)]
public sealed class HubAdministrationTests(AgoraApps apps)
{
    /// <summary>The smallest PNG: a 1×1 transparent pixel.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Theory, BothDatabases]
    public async Task Pages_AdminCreatesHubWithLogo_ManagerEditsIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = "norte-" + Guid.NewGuid().ToString("N")[..8];
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpKey);

        List<KeyValuePair<string, string>> Fields(string s) =>
        [
            new("Input.Slug", s), new("Input.NameEn", "North Health Hub"), new("Input.DescriptionEn", "Hospitals of the north, **together**."),
            new("Input.NamePtPT", "Hub de Saúde do Norte"), new("Input.DescriptionPtPT", "Os hospitais do norte."),
            new("Input.Region", "Norte"), new("Input.JoinPolicy", "Open"),
            new("Input.Languages", "pt-PT"), new("Input.Languages", "en"),
            new("Input.FocusAreas", "ai"), new("Input.FocusAreas", "ehealth"),
        ];

        // A file that only claims to be a PNG is refused by its content, and nothing is created.
        var fake = await admin.SubmitAsync("/hubs/new", Fields(slug),
            [new UploadFile("Input.Logo", "logo.png", "image/png", "<svg onload=alert(1)>"u8.ToArray())], "main form[enctype]");
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("PNG, JPEG or WebP", PageClient.ErrorsOf(await fake.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/v1/hubs/{slug}")).StatusCode);

        var created = await admin.SubmitAsync("/hubs/new", Fields(slug),
            [new UploadFile("Input.Logo", "logo.png", "image/png", Png)], "main form[enctype]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/hubs/{slug}", created.Headers.Location!.OriginalString);

        // The same address again is refused with a message on the field.
        var again = await admin.SubmitAsync("/hubs/new", Fields(slug), [], "main form[enctype]");
        Assert.Contains("already in use", PageClient.ErrorsOf(await again.Content.ReadAsStringAsync()));

        // The hub page shows the texts, with Markdown rendered, and the logo, which is served as uploaded.
        var (page, doc) = await admin.GetAsync($"/hubs/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("North Health Hub", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector($"img.hub-logo[src='/api/v1/hubs/{slug}/logo']"));
        var logo = await admin.Client.GetAsync($"/api/v1/hubs/{slug}/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());

        // The API sees the same hub; the creator manages it.
        var hub = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}");
        Assert.Equal("Open", hub.GetProperty("joinPolicy").GetString());
        Assert.Equal(["pt-PT", "en"], Strings(hub.GetProperty("languages")));
        Assert.Equal(["ai", "ehealth"], Strings(hub.GetProperty("focusAreas")).Order().ToArray());
        Assert.Equal("North Health Hub", hub.GetProperty("name").GetString()); // in the reader's language
        var mine = await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/memberships");
        Assert.Contains("HubManager", Strings(mine.EnumerateArray().Single(m => m.GetProperty("hubSlug").GetString() == slug).GetProperty("roles")));

        // A member of another hub may not edit it.
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync($"/hubs/{slug}/edit")).StatusCode);

        // The manager edits: a Norwegian text, another region, and the logo removed.
        var edited = await admin.SubmitAsync($"/hubs/{slug}/edit",
        [
            new("Input.NameEn", "North Health Hub"), new("Input.DescriptionEn", "Hospitals of the north."),
            new("Input.NamePtPT", "Hub de Saúde do Norte"), new("Input.DescriptionPtPT", "Os hospitais do norte."),
            new("Input.NameNbNO", "Helsehub Nord"), new("Input.DescriptionNbNO", "Sykehusene i nord."),
            new("Input.Region", "Norte e Centro"), new("Input.JoinPolicy", "Approval"),
            new("Input.Languages", "pt-PT"), new("Input.Languages", "en"), new("Input.Languages", "nb-NO"),
            new("Input.FocusAreas", "robotics"), new("Input.RemoveLogo", "true"),
        ], [], "main form[enctype]");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        hub = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}");
        Assert.Equal("Norte e Centro", hub.GetProperty("region").GetString());
        Assert.Equal("Approval", hub.GetProperty("joinPolicy").GetString());
        Assert.Equal(["robotics"], Strings(hub.GetProperty("focusAreas")));
        Assert.Contains(hub.GetProperty("texts").EnumerateArray(), t => t.GetProperty("name").GetString() == "Helsehub Nord");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/v1/hubs/{slug}/logo")).StatusCode);

        // Both steps are in the hub's audit trail.
        var audit = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}/audit");
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("hub.created", actions);
        Assert.Contains("hub.updated", actions);
    }

    [Theory, BothDatabases]
    public async Task Api_AdminCreates_ManagerUpdates_OthersRefused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = "api-hub-" + Guid.NewGuid().ToString("N")[..8];
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpKey);
        object Body(string region) => new
        {
            slug, region, joinPolicy = "InvitationOnly", languages = new[] { "nb-NO" }, focusAreas = new[] { "mobile" },
            texts = new[] { new { culture = "nb-NO", name = "Mobilhelse Midt", description = "Apper for pasienter." } },
        };

        // Only a platform admin creates hubs.
        var manager = new PageClient(app.NewClient());
        await manager.SignInAsync(DemoAccounts.Manager, DemoAccounts.Password, DemoAccounts.TotpKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsJsonAsync("/api/v1/hubs", Body("Midt"))).StatusCode);

        var created = await admin.Client.PostAsJsonAsync("/api/v1/hubs", Body("Midt"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/hubs/{slug}", created.Headers.Location!.OriginalString);
        var duplicate = await admin.Client.PostAsJsonAsync("/api/v1/hubs", Body("Midt"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var problem = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _));

        // Its manager (the creator) updates it; the manager of another hub cannot.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{slug}", Body("Trøndelag"))).StatusCode);
        var updated = await admin.Client.PutAsJsonAsync($"/api/v1/hubs/{slug}", Body("Trøndelag"));
        Assert.True(updated.IsSuccessStatusCode, $"{(int)updated.StatusCode}: {await updated.Content.ReadAsStringAsync()}");
        var hub = await app.NewClient().GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}");
        Assert.Equal("Trøndelag", hub.GetProperty("region").GetString());
        Assert.Equal("Mobilhelse Midt", hub.GetProperty("name").GetString());
        Assert.Equal("InvitationOnly", hub.GetProperty("joinPolicy").GetString());

        // An invitation-only hub cannot be joined without an invitation.
        var joined = await manager.Client.PostAsync($"/api/v1/hubs/{slug}/join", JsonContent.Create(new { message = "" }));
        Assert.True((int)joined.StatusCode is >= 400 and < 500, $"join answered {(int)joined.StatusCode}");
        var managerHubs = await manager.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/memberships");
        Assert.DoesNotContain(managerHubs.EnumerateArray(), m => m.GetProperty("hubSlug").GetString() == slug);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
