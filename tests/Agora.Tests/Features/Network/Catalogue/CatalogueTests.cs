using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Network.Catalogue;

/// <summary>The joint service catalogue: hub managers keep services with versions; anyone searches the published ones.</summary>
[Collection(AppsCollection.Name)]
public sealed class CatalogueTests(AgoraApps apps)
{
    private const string Hub = DemoAccounts.HelseplattformenHub;
    private const string Services = $"/api/v1/hubs/{Hub}/services";

    /// <summary>A valid service body; <paramref name="change"/> edits it before it is sent.</summary>
    private static Dictionary<string, object?> Body(string title, Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["category"] = "TestBeforeInvest", ["subType"] = "testing", ["audiences"] = new[] { "Sme", "PublicSector" },
            ["technologies"] = new[] { "ai", "data" }, ["sectors"] = new[] { "health" }, ["trlMin"] = 4, ["trlMax"] = 7,
            ["priceModel"] = "Subsidised", ["indicativePrice"] = 1200m, ["currency"] = "EUR", ["delivery"] = new[] { "OnSite", "Remote" },
            ["languages"] = new[] { "en", "nb-NO" }, ["leadTimeDays"] = 10, ["defaultCulture"] = "en",
            ["texts"] = new Dictionary<string, object>
            {
                ["en"] = new { title, summary = "Test your product with clinicians.", description = "Two weeks in the test environment." },
            },
        };
        change?.Invoke(body);
        return body;
    }

    private static async Task<int> CreateAsync(HttpClient manager, string hubServices, Dictionary<string, object?> body)
    {
        var created = await manager.PostAsJsonAsync(hubServices, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<IReadOnlyList<int>> FindAsync(HttpClient client, string query)
    {
        var page = await JsonAsync(await client.GetAsync("/api/v1/network/services?pageSize=100&" + query));
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
    }

    /// <summary>A hub of its own whose manager is the demo manager; with a network profile serving <paramref name="region"/> unless null.</summary>
    private static async Task<string> HubAsync(AgoraFactory app, string? region, bool listed = true)
    {
        var manager = await UserIdAsync(app, DemoAccounts.Manager);
        return await DbAsync(app, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var hub = new Hub { Id = Guid.NewGuid(), Slug = "cat-" + Guid.NewGuid().ToString("N")[..8], Name = "Catalogue test hub", Region = "Test", CreatedAt = now };
            hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
            db.Hubs.Add(hub);
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = manager, Roles = HubRoles.Member | HubRoles.HubManager, JoinedAt = now });
            if (region is not null)
            {
                db.HubNetworkProfiles.Add(new HubNetworkProfile
                {
                    HubId = hub.Id, LegalName = "Test hub AS", Kind = HubKind.Dih, Country = "PT", Listed = listed, CreatedAt = now, UpdatedAt = now,
                    Regions = [new HubServedRegion { HubId = hub.Id, RegionCode = region }],
                });
            }
            await db.SaveChangesAsync();
            return hub.Slug;
        });
    }

    [Theory, BothDatabases]
    public async Task Maintain_CreateEditPublishWithdraw_KeepsVersionsWithDiff_StaleRefused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var anonymous = app.NewClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(manager.Client, Services, Body("Usability lab " + tag));

        // A draft: its page and API answer 404 to anyone but the hub's managers, and it is not in the catalogue.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/network/services/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/network/services/{id}")).StatusCode);
        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/network/services/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/network/services/{id}")).Response.StatusCode);
        Assert.DoesNotContain(id, await FindAsync(anonymous, "q=usability+" + tag));

        // Edited with the version read, then published: each change keeps the state before it.
        var form = await JsonAsync(await manager.Client.GetAsync($"{Services}/{id}"));
        Assert.Equal(1, form.GetProperty("version").GetInt32());
        var edited = await JsonAsync(await manager.Client.PutAsJsonAsync($"{Services}/{id}", Body("Usability laboratory " + tag, b =>
        {
            b["indicativePrice"] = 900m;
            b["version"] = 1;
            b["note"] = "Cheaper with the new subsidy";
        })));
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        var published = await JsonAsync(await manager.Client.PostAsJsonAsync($"{Services}/{id}/publish", new { version = 2 }));
        Assert.Equal(3, published.GetProperty("version").GetInt32());

        // Someone who read version 1 is refused with a clear message.
        var stale = await manager.Client.PutAsJsonAsync($"{Services}/{id}", Body("Old title " + tag, b => b["version"] = 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed this service", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // Published: anyone reads it and finds it.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/network/services/{id}")).StatusCode);
        var detail = await JsonAsync(await anonymous.GetAsync($"/api/v1/network/services/{id}"));
        Assert.Equal("Usability laboratory " + tag, detail.GetProperty("title").GetString());
        Assert.Equal(Hub, detail.GetProperty("hub").GetProperty("slug").GetString());
        Assert.Contains(id, await FindAsync(anonymous, "q=usability+" + tag));
        Assert.Contains($"/network/requests/new?service={id}", await (await anonymous.GetAsync($"/network/services/{id}")).Content.ReadAsStringAsync());

        // The versions, newest first, with who, the note and what changed in words.
        var versions = await JsonAsync(await manager.Client.GetAsync($"/api/v1/network/services/{id}/versions"));
        var list = versions.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], list.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("Cheaper with the new subsidy", list[1].GetProperty("note").GetString());
        var changes = list[1].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Contains("Price", changes);
        Assert.Contains("Title (English)", changes);
        Assert.Equal(["Status"], list[0].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()));
        var page = await (await manager.Client.GetAsync($"/network/services/{id}/versions")).Content.ReadAsStringAsync();
        Assert.Contains("Cheaper with the new subsidy", page);
        Assert.Contains("Usability lab " + tag, page);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/network/services/{id}/versions")).Response.StatusCode);

        // Withdrawn: out of the catalogue, the page for managers only.
        await JsonAsync(await manager.Client.PostAsJsonAsync($"{Services}/{id}/withdraw", new { version = 3, note = "Lab closed" }));
        Assert.DoesNotContain(id, await FindAsync(anonymous, "q=usability+" + tag));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/network/services/{id}")).StatusCode);
        var audit = await DbAsync(app, db => db.AuditEvents.Where(e => e.Subject == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.CatalogueServiceCreated, audit);
        Assert.Contains(AuditActions.CatalogueServiceChanged, audit);
        Assert.Contains(AuditActions.CataloguePublished, audit);
        Assert.Contains(AuditActions.CatalogueWithdrawn, audit);
    }

    [Theory, BothDatabases]
    public async Task Pages_ManagerCreatesAndEditsThroughTheForm_StaleFormRefused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Category", "SkillsAndTraining"), new("Input.SubType", "technical-training"), new("Input.Audiences", "Sme"),
            new("Input.Technologies", "data"), new("Input.Sectors", "health"), new("Input.Sectors", "care"), new("Input.TrlMin", "1"), new("Input.TrlMax", "9"),
            new("Input.PriceModel", "Paid"), new("Input.IndicativePrice", "350.50"), new("Input.Currency", "nok"), new("Input.Delivery", "Remote"),
            new("Input.DefaultCulture", "nb-NO"), new("Input.Nb.Title", "FHIR-kurs " + tag), new("Input.Nb.Summary", "Seks samlinger."),
        };
        var created = await manager.SubmitAsync($"/hubs/{Hub}/services/new", fields, []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^2]);
        var stored = await DbAsync(app, db => db.CatalogueServices.Include(s => s.Texts).SingleAsync(s => s.Id == id));
        Assert.Equal(350.50m, stored.IndicativePrice);
        Assert.Equal("NOK", stored.Currency);
        Assert.Equal(",health,care,", stored.Sectors);
        Assert.Equal(["nb-NO"], stored.Texts.Select(t => t.Culture));

        // The edit form carries the version; a form read before someone else's change is refused, with the reason shown.
        var edit = $"/hubs/{Hub}/services/{id}/edit";
        var (_, doc) = await manager.GetAsync(edit);
        Assert.Equal("FHIR-kurs " + tag, doc.QuerySelector("#Input_Nb_Title")!.GetAttribute("value"));
        var changed = fields.Where(f => f.Key != "Input.Nb.Title").Append(new("Input.Nb.Title", "FHIR-kurset " + tag)).Append(new("Input.Version", "1")).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(edit, changed, [])).StatusCode);
        var again = await manager.SubmitAsync(edit, changed, []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("changed this service", await again.Content.ReadAsStringAsync());

        // Errors show on the form's fields.
        var invalid = await manager.SubmitAsync($"/hubs/{Hub}/services/new",
            fields.Where(f => f.Key is not ("Input.Nb.Title" or "Input.Delivery" or "Input.TrlMin" or "Input.TrlMax"))
                .Append(new("Input.TrlMin", "8")).Append(new("Input.TrlMax", "3")).ToList(), []);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("id=\"Input_Nb_Title-error\"", html);
        Assert.Contains("id=\"Input_Delivery-error\"", html);
        Assert.Contains("id=\"Input_TrlMax-error\"", html);
    }

    [Theory, BothDatabases]
    public async Task Validation_EachRule_AnswersItsField(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        async Task ExpectAsync(string field, Action<Dictionary<string, object?>> change)
        {
            var response = await manager.Client.PostAsJsonAsync(Services, Body("Invalid", change));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not in {errors}");
        }
        await ExpectAsync("subType", b => b["subType"] = "bootcamp");
        await ExpectAsync("trlMax", b => { b["trlMin"] = 8; b["trlMax"] = 5; });
        await ExpectAsync("indicativePrice", b => { b["priceModel"] = "Paid"; b["indicativePrice"] = null; });
        await ExpectAsync("delivery", b => b["delivery"] = Array.Empty<string>());
        await ExpectAsync("texts.en.title", b => b["texts"] = new Dictionary<string, object> { ["en"] = new { title = "", summary = "Only a summary." } });
        await ExpectAsync("texts.nb-NO.title", b => b["defaultCulture"] = "nb-NO");
        await ExpectAsync("leadTimeDays", b => b["leadTimeDays"] = 400);
        await ExpectAsync("technologies", b => b["technologies"] = new[] { "quantum-magic" });
        await ExpectAsync("partnerHubs", b => b["partnerHubs"] = new[] { Hub });

        // A free service keeps no price; a subsidised one may have none.
        var free = await CreateAsync(manager.Client, Services, Body("Free", b => b["priceModel"] = "Free"));
        Assert.Null(await DbAsync(app, db => db.CatalogueServices.Where(s => s.Id == free).Select(s => s.IndicativePrice).SingleAsync()));
        await CreateAsync(manager.Client, Services, Body("Subsidised", b => b["indicativePrice"] = null));
    }

    [Theory, BothDatabases]
    public async Task Refusals_MemberAnonymousAndHubOutsideTheNetwork(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var anonymous = new PageClient(app.NewClient());
        var id = await CreateAsync(manager.Client, Services, Body("Refusals"));

        // A member and a manager of another hub: 403 on the pages and the API alike; anonymous: sign in / 401.
        var other = await SignInAsync(app, DemoAccounts.OtherManager);
        foreach (var person in new[] { member, other })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/hubs/{Hub}/services")).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/hubs/{Hub}/services/new")).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/hubs/{Hub}/services/{id}/edit")).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.GetAsync(Services)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.PostAsJsonAsync(Services, Body("Mine"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.PutAsJsonAsync($"{Services}/{id}", Body("Mine", b => b["version"] = 1))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.PostAsJsonAsync($"{Services}/{id}/publish", new { })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.GetAsync(Services)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.PostAsJsonAsync(Services, Body("Anon"))).StatusCode);
        Assert.Contains("/account/signin", (await anonymous.Client.GetAsync($"/hubs/{Hub}/services")).Headers.Location?.OriginalString);

        // A read-only token reads but does not write.
        var token = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsRead));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(Services)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostAsJsonAsync(Services, Body("Token"))).StatusCode);

        // A hub without a network profile offers no services: the page says so and links to the profile; the API answers 409.
        var outside = await HubAsync(app, region: null);
        var (page, doc) = await manager.GetAsync($"/hubs/{outside}/services");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(doc.QuerySelector($"a[href='/hubs/{outside}/network']"));
        Assert.Null(doc.QuerySelector($"a[href='/hubs/{outside}/services/new']"));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{outside}/services", Body("Outside"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.GetAsync($"/api/v1/hubs/{outside}/services")).StatusCode);
        Assert.Equal(0, await DbAsync(app, db => db.CatalogueServices.CountAsync(s => db.Hubs.Any(h => h.Id == s.HubId && h.Slug == outside))));
    }

    [Theory, BothDatabases]
    public async Task Search_FiltersAndFullTextInThreeLanguages_OnlyListedHubs_NoIdeas(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var anonymous = app.NewClient();
        var hub = await HubAsync(app, "PT1C");
        var hubServices = $"/api/v1/hubs/{hub}/services";
        async Task<int> PublishedAsync(Dictionary<string, object?> body)
        {
            var id = await CreateAsync(manager.Client, hubServices, body);
            await JsonAsync(await manager.Client.PostAsJsonAsync($"{hubServices}/{id}/publish", new { }));
            return id;
        }
        var ai = await PublishedAsync(Body("AI validation", b =>
        {
            b["texts"] = new Dictionary<string, object>
            {
                ["en"] = new { title = "AI validation for remote monitoring", summary = "Validation of AI in remote patient monitoring.", description = "" },
                ["pt-PT"] = new { title = "Validação de IA", summary = "Validação de algoritmos de telemonitorização de doentes crónicos.", description = "" },
                ["nb-NO"] = new { title = "Validering av KI", summary = "Validering av algoritmer for fjernoppfølging av kronisk syke.", description = "" },
            };
        }));
        var robots = await PublishedAsync(Body("Robot cell testing", b =>
        {
            b["technologies"] = new[] { "robotics" };
            b["sectors"] = new[] { "manufacturing" };
            b["trlMin"] = 6;
            b["trlMax"] = 9;
            b["priceModel"] = "Free";
            b["delivery"] = new[] { "OnSite" };
            b["audiences"] = new[] { "SmallMidCap" };
            b["languages"] = new[] { "pt-PT" };
            b["category"] = "SkillsAndTraining";
            b["subType"] = "bootcamp";
        }));
        var draft = await CreateAsync(manager.Client, hubServices, Body("Draft telemonitoring"));
        var mine = $"hub={hub}";

        // Full text: each language's words find that language's text, whatever the reader's language.
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&q=telemonitorização"));
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&q=fjernoppfølging"));
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&q=monitoring"));
        Assert.Empty(await FindAsync(anonymous, $"{mine}&q=telemonitorização+robot"));

        // Filters.
        Assert.Equal([ai, robots], (await FindAsync(anonymous, mine)).Order());
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&technology=ai"));
        Assert.Equal([robots], await FindAsync(anonymous, $"{mine}&sector=manufacturing"));
        Assert.Equal([robots], await FindAsync(anonymous, $"{mine}&trl=9"));
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&trl=5"));
        Assert.Equal([robots], await FindAsync(anonymous, $"{mine}&price=Free"));
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&delivery=Remote"));
        Assert.Equal([robots], await FindAsync(anonymous, $"{mine}&audience=SmallMidCap"));
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&language=nb-NO"));
        Assert.Equal([robots], await FindAsync(anonymous, $"{mine}&category=SkillsAndTraining&subType=bootcamp"));
        Assert.Equal([ai], await FindAsync(anonymous, $"{mine}&category=TestBeforeInvest"));
        Assert.Contains(ai, await FindAsync(anonymous, "region=PT1C"));
        Assert.DoesNotContain(ai, await FindAsync(anonymous, "region=NO06"));
        Assert.DoesNotContain(draft, await FindAsync(anonymous, "region=PT1C"));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/network/services?technology=nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/network/services?sort=popular")).StatusCode);

        // The page: a GET form, the count, the results in the reader's language; the CSV of the same search.
        var page = await (await anonymous.GetAsync($"/network/services?{mine}&q=fjernoppf%C3%B8lging")).Content.ReadAsStringAsync();
        Assert.Contains($"/network/services/{ai}", page);
        Assert.DoesNotContain($"/network/services/{robots}\"", page);
        var csv = await anonymous.GetAsync($"/api/v1/network/services/export?{mine}&technology=robotics");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Robot cell testing", csvText);
        Assert.DoesNotContain("AI validation", csvText);

        // A hub that is not listed in the network has no service in the catalogue, even a published one.
        var unlisted = await HubAsync(app, "PT1C", listed: false);
        var hidden = await CreateAsync(manager.Client, $"/api/v1/hubs/{unlisted}/services", Body("Unlisted telemonitoring", b =>
            b["texts"] = new Dictionary<string, object> { ["en"] = new { title = "Unlisted", summary = "Telemonitoring pilots.", description = "" } }));
        await JsonAsync(await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{unlisted}/services/{hidden}/publish", new { }));
        Assert.DoesNotContain(hidden, await FindAsync(anonymous, "q=telemonitoring&region=PT1C"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/network/services/{hidden}")).StatusCode);

        // The ideas search never finds services: their documents have their own kind and scope.
        var ideas = await JsonAsync(await anonymous.GetAsync($"/api/v1/hubs/{hub}/search?q=telemonitorização"));
        Assert.Equal(0, ideas.GetProperty("total").GetInt32());
        var kinds = await DbAsync(app, db => db.SearchDocuments.Where(d => d.TargetId == ai && d.Kind == ServiceSearchIndexer.Kind).Select(d => d.Language).ToListAsync());
        Assert.Equal(["en", "nb-NO", "pt-PT"], kinds.Order());
    }

    [Theory, BothDatabases]
    public async Task Demo_CatalogueTellsTheStory(string provider)
    {
        var app = await apps.GetAsync(provider);
        var anonymous = app.NewClient();
        var centroAi = await FindAsync(anonymous, $"hub={DemoAccounts.DihCentroHub}&technology=ai&subType=testing");
        Assert.Empty(centroAi);
        var iminAi = await FindAsync(anonymous, $"hub={DemoAccounts.IminHub}&technology=ai&subType=testing");
        Assert.Single(iminAi);
        var detail = await JsonAsync(await anonymous.GetAsync($"/api/v1/network/services/{iminAi[0]}"));
        Assert.Equal(DemoAccounts.HelseplattformenHub, detail.GetProperty("partners")[0].GetProperty("slug").GetString());
        var statuses = await DbAsync(app, db => db.CatalogueServices.Select(s => s.Status).ToListAsync());
        Assert.Contains(ServiceStatus.Draft, statuses);
        Assert.Contains(ServiceStatus.Withdrawn, statuses);
    }
}
