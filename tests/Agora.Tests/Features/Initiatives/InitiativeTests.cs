using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Initiatives;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>Initiatives made from accepted ideas: who may start them, which ideas, who sees them, who hears of them.</summary>
[Collection(AppsCollection.Name)]
public sealed class InitiativeTests(AgoraApps apps)
{
    private static Task<int> AcceptedIdeaAsync(AgoraFactory app, TestCampaign c, string author, string title) =>
        SeedIdeaAsync(app, c, author, i => { i.State = IdeaState.Accepted; i.Title = title; });

    [Theory, BothDatabases]
    public async Task Manager_StartsAnInitiativeFromTwoAcceptedIdeas_AuthorsAreCreditedAndNotified(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CampaignAsync(app);
        var first = await AcceptedIdeaAsync(app, c, DemoAccounts.Member, "Discharge lounge");
        var second = await AcceptedIdeaAsync(app, c, DemoAccounts.Agent, "Pharmacist at discharge");
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        var response = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new
        {
            title = "Faster discharge", summary = "Patients leave sooner with their medicines ready.",
            description = "Team of **pharmacists**.", visibility = "PublicSummary", ideaIds = new[] { first, second, first },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var detail = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/initiatives/{id}");
        Assert.Equal("Faster discharge", detail.GetProperty("title").GetString());
        Assert.Equal("IdentifyOpportunity", detail.GetProperty("stage").GetProperty("step").GetString());
        Assert.Equal(1, detail.GetProperty("stage").GetProperty("position").GetInt32());
        Assert.Equal(5, detail.GetProperty("process").GetArrayLength());
        Assert.Equal([first, second], detail.GetProperty("ideas").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray());
        Assert.Equal("Owner", detail.GetProperty("team")[0].GetProperty("role").GetString());
        Assert.Equal("Team of **pharmacists**.", detail.GetProperty("description").GetString());

        // Each author hears of it once, with the initiative's title; the manager who acted does not.
        var told = await DbAsync(app, db => db.Notifications.Where(n => n.Kind == NotificationKind.IdeaBecameInitiative && (n.IdeaId == first || n.IdeaId == second))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.IdeaId, n.Detail }).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.Contains(told, n => n.Email == DemoAccounts.Member && n.IdeaId == first && n.Detail == "Faster discharge");
        Assert.Contains(told, n => n.Email == DemoAccounts.Agent && n.IdeaId == second);
        Assert.True(await DbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == "initiative.created" && e.Subject!.EndsWith("Faster discharge"))));

        // Public summary: a reader outside sees it without the description and the team.
        var outsider = app.NewClient();
        var seen = await GetJsonAsync(outsider, $"/api/v1/hubs/{Hub}/initiatives/{id}");
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("team").ValueKind);
        Assert.Equal("Patients leave sooner with their medicines ready.", seen.GetProperty("summary").GetString());

        // The idea says so through the API too, for whoever may see the initiative.
        var ideaJson = await GetJsonAsync(outsider, $"/api/v1/ideas/{first}");
        Assert.Equal(id, ideaJson.GetProperty("initiative").GetProperty("id").GetInt32());
        Assert.Equal("Identify opportunity", ideaJson.GetProperty("initiative").GetProperty("stage").GetString());

        // An idea goes into one initiative only.
        var again = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title = "Again", ideaIds = new[] { second } });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already goes on as another initiative", await again.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task OnlyAcceptedIdeasOfTheHub_AndOnlyHubManagers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CampaignAsync(app);
        var published = await SeedIdeaAsync(app, c, DemoAccounts.Member);
        var hidden = await SeedIdeaAsync(app, c, DemoAccounts.Member, i => { i.State = IdeaState.Accepted; i.HiddenAt = DateTimeOffset.UtcNow; });
        var accepted = await AcceptedIdeaAsync(app, c, DemoAccounts.Member, "Accepted one");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var url = $"/api/v1/hubs/{Hub}/initiatives";

        var refused = await manager.Client.PostAsJsonAsync(url, new { title = "", ideaIds = new[] { published, hidden, 999_999_999 } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        var ideaErrors = Strings(problem.GetProperty("errors").GetProperty("ideaIds"));
        Assert.Equal(3, ideaErrors.Length);
        Assert.Contains(ideaErrors, e => e.Contains("999999999", StringComparison.Ordinal) && e.Contains("not an idea of this hub", StringComparison.Ordinal));
        Assert.Equal(0, await DbAsync(app, db => db.InitiativeIdeas.CountAsync(x => x.IdeaId == published || x.IdeaId == hidden)));

        // The idea of another hub: a manager of that other hub cannot use it here, nor can a member.
        var other = await SignInAsync(app, DemoAccounts.OtherManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsJsonAsync(url, new { title = "Mine", ideaIds = new[] { accepted } })).StatusCode);
        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(url, new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PostAsJsonAsync(url, new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PostAsJsonAsync("/api/v1/hubs/no-such-hub/initiatives", new { title = "X" })).StatusCode);
        var imin = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{DemoAccounts.IminHub}/initiatives", new { title = "X" });
        Assert.Equal(HttpStatusCode.Forbidden, imin.StatusCode);

        // Started directly, without ideas.
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(url, new { title = "Straight from the manager" })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task HubInternal_IsInvisibleOutsideTheTeamAndTheManagers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title = "Confidential pilot " + Guid.NewGuid().ToString("N")[..6] });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var title = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/initiatives/{id}")).GetProperty("title").GetString()!;

        foreach (var client in new[] { app.NewClient(), (await SignInAsync(app, DemoAccounts.Member)).Client, (await SignInAsync(app, DemoAccounts.OtherManager)).Client })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{id}")).StatusCode);
            var list = await GetJsonAsync(client, $"/api/v1/hubs/{Hub}/initiatives?pageSize=100");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
            Assert.DoesNotContain(title, await client.GetStringAsync($"/api/v1/hubs/{Hub}/initiatives?pageSize=100"));
        }
        var managers = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/initiatives?pageSize=100");
        Assert.Contains(managers.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);

        // An idea in a hub-internal initiative: its author is credited and follows it (summary only); outsiders learn nothing.
        var c = await CampaignAsync(app);
        var idea = await AcceptedIdeaAsync(app, c, DemoAccounts.Agent, "Quiet idea");
        var quiet = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title = "Quiet initiative", ideaIds = new[] { idea } });
        Assert.Equal(HttpStatusCode.Created, quiet.StatusCode);
        var quietId = (await quiet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var author = (await SignInAsync(app, DemoAccounts.Agent)).Client;
        Assert.Equal("Quiet initiative", (await GetJsonAsync(author, $"/api/v1/ideas/{idea}")).GetProperty("initiative").GetProperty("title").GetString());
        var authorView = await GetJsonAsync(author, $"/api/v1/hubs/{Hub}/initiatives/{quietId}");
        Assert.Equal(JsonValueKind.Null, authorView.GetProperty("team").ValueKind);
        foreach (var client in new[] { app.NewClient(), (await SignInAsync(app, DemoAccounts.Member)).Client })
        {
            Assert.Equal(JsonValueKind.Null, (await GetJsonAsync(client, $"/api/v1/ideas/{idea}")).GetProperty("initiative").ValueKind);
            Assert.DoesNotContain("Quiet initiative", await client.GetStringAsync($"/hubs/{Hub}/ideas/{idea}"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{quietId}")).StatusCode);
        }
    }

    [Theory, BothDatabases]
    public async Task OwnerOrManager_ClassifiesTheInitiative_OriginAndCareLevelCarriedFromItsIdeas(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CampaignAsync(app);
        var rural = await SeedIdeaAsync(app, c, DemoAccounts.Member, i => { i.State = IdeaState.Accepted; i.Origin = IdeaOrigin.PatientOrCitizen; i.CareLevel = CareLevel.Primary; i.Setting = CareSetting.Rural; i.FocusAreaId = 1; });
        var city = await SeedIdeaAsync(app, c, DemoAccounts.Agent, i => { i.State = IdeaState.Accepted; i.Origin = IdeaOrigin.Researcher; i.CareLevel = CareLevel.Primary; i.Setting = CareSetting.City; });
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title = "Home monitoring", ideaIds = new[] { rural, city } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";
        var version = (await GetJsonAsync(manager.Client, url)).GetProperty("version").GetInt32();

        var member = await SignInAsync(app, DemoAccounts.Member);
        // The author of one of its ideas may read it, so learns they may not change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync(url, new { title = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(app, DemoAccounts.Mentor)).Client.PutAsJsonAsync(url, new { title = "Mine" })).StatusCode);
        var bad = await manager.Client.PutAsJsonAsync(url, new { title = "", verganti = "Epiphany", version });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var saved = await manager.Client.PutAsJsonAsync(url, new
        {
            title = "Home monitoring after discharge", summary = "Sensors at home.", visibility = "PublicSummary", verganti = "MeaningDriven",
            kind = "Service", stakeholders = "PatientsAndCitizens, OwnersAndCustomers", version,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PutAsJsonAsync(url, new { title = "Stale", version })).StatusCode);

        var detail = await GetJsonAsync(app.NewClient(), url);
        Assert.Equal("Home monitoring after discharge", detail.GetProperty("title").GetString());
        var cls = detail.GetProperty("classification");
        Assert.Equal("MeaningDriven", cls.GetProperty("verganti").GetString());
        Assert.Equal("Service", cls.GetProperty("kind").GetString());
        Assert.Equal(["OwnersAndCustomers", "PatientsAndCitizens"], Strings(cls.GetProperty("stakeholders")));
        Assert.Equal(["PatientOrCitizen", "Researcher"], Strings(cls.GetProperty("origins")));
        Assert.Equal(["Primary"], Strings(cls.GetProperty("careLevels")));
        Assert.Equal(["ehealth"], Strings(cls.GetProperty("focusAreas")));
        Assert.Equal(["City", "Rural"], Strings(cls.GetProperty("settings")));
        Assert.True(await DbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == "initiative.edited" && e.Details == "HubInternal → PublicSummary")));

        // The same through the page: the form shows what is set, and saves.
        var page = $"/hubs/{Hub}/initiatives/{id}/edit";
        var (_, form) = await manager.GetAsync(page);
        Assert.Equal("MeaningDriven", form.QuerySelector("#Input_Verganti option[selected]")!.GetAttribute("value"));
        var posted = await manager.SubmitAsync(page, [new("Input.Title", "Home monitoring"), new("Input.Visibility", "PublicSummary"),
            new("Input.Verganti", "Epiphany"), new("Input.Kind", "Product"), new("Input.Stakeholders", "Suppliers")], []);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, shown) = await new PageClient(app.NewClient()).GetAsync($"/hubs/{Hub}/initiatives/{id}");
        Assert.Contains("Epiphany (new technology and new meaning)", shown.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Suppliers", shown.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(page)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Process_IsIso56002UntilTheHubSetsItsOwn_InTheReadersLanguage(string provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.NewClient();
        var stages = await GetJsonAsync(client, $"/api/v1/hubs/{DemoAccounts.IminHub}/innovation-process");
        Assert.Equal(["IdentifyOpportunity", "CreateConcept", "ValidateConcept", "DevelopSolution", "DeploySolution"],
            stages.EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToArray());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nb-NO");
        var norwegian = await GetJsonAsync(client, $"/api/v1/hubs/{DemoAccounts.IminHub}/innovation-process");
        Assert.Equal("Validere konsept", norwegian[2].GetProperty("name").GetString());
        // Asked twice (or at once), the hub still has one process.
        Assert.Equal(5, await DbAsync(app, db => db.InnovationStages.CountAsync(s => db.Hubs.Any(h => h.Id == s.HubId && h.Slug == DemoAccounts.IminHub))));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/hubs/no-such-hub/innovation-process")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/hubs/{Hub}/initiatives?sort=budget")).StatusCode);
    }
}
