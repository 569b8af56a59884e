using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>Budgets and risks, the team, partners and milestones, and the lessons of stopped initiatives.</summary>
[Collection(AppsCollection.Name)]
public sealed class ResourcesTests(AgoraApps apps)
{
    private static async Task<int> InitiativeAsync(PageClient manager, string title, string visibility = "HubInternal")
    {
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives",
            new { title = title + " " + Guid.NewGuid().ToString("N")[..6], summary = "A summary.", visibility });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Theory, BothDatabases]
    public async Task TheTeam_KeepsTheBudgetByQuarterAndSource_AndRisksByScore_OthersCannot(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var id = await InitiativeAsync(manager, "Budgeted");
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + "/budget", new { year = 2026, quarter = 1, source = "Internal", planned = 100000, spent = 20000 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + "/budget", new { year = 2026, quarter = 1, source = "NationalGrant", planned = 50000, spent = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + "/budget", new { year = 2026, quarter = 2, source = "EuStructuralFunds", planned = 30000 })).StatusCode);
        // The same quarter and source again replaces it; zero and zero removes it.
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + "/budget", new { year = 2026, quarter = 1, source = "Internal", planned = 120000, spent = 45000.5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + "/budget", new { year = 2026, quarter = 2, source = "EuStructuralFunds", planned = 0, spent = 0 })).StatusCode);
        var bad = await manager.Client.PutAsJsonAsync(url + "/budget", new { year = 2026, quarter = 5, source = "Internal", planned = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("quarter", out _));
        Assert.True(errors.TryGetProperty("planned", out _));

        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(url + "/risks", new { description = "Suppliers cannot deliver on time", likelihood = 2, impact = 3, mitigation = "Two suppliers" })).StatusCode);
        var big = await manager.Client.PostAsJsonAsync(url + "/risks", new { description = "Patient data leaves the EEA", likelihood = 4, impact = 4 });
        var bigId = (await big.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(url + "/risks", new { description = "x", likelihood = 0, impact = 6 })).StatusCode);

        var resources = await GetJsonAsync(manager.Client, url + "/resources");
        Assert.Equal("NOK", resources.GetProperty("currency").GetString());
        Assert.Equal(2, resources.GetProperty("budget").GetArrayLength());
        Assert.Equal(170000m, resources.GetProperty("planned").GetDecimal());
        Assert.Equal(45000.5m, resources.GetProperty("spent").GetDecimal());
        Assert.Equal(["Internal", "NationalGrant"], resources.GetProperty("bySource").EnumerateArray().Select(s => s.GetProperty("source").GetString()!).ToArray());
        var risks = resources.GetProperty("risks");
        Assert.Equal(16, risks[0].GetProperty("score").GetInt32());
        Assert.Equal(6, risks[1].GetProperty("score").GetInt32());

        // Closing the big risk puts it after the open ones.
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + $"/risks/{bigId}", new { description = "Patient data leaves the EEA", likelihood = 4, impact = 4, mitigation = "EEA hosting only", closed = true })).StatusCode);
        risks = (await GetJsonAsync(manager.Client, url + "/resources")).GetProperty("risks");
        Assert.Equal(6, risks[0].GetProperty("score").GetInt32());
        Assert.True(risks[1].GetProperty("closed").GetBoolean());

        // Evaluators read it; they do not change it. A member outside the team does not know it exists.
        var evaluator = await SignInAsync(app, DemoAccounts.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.Client.GetAsync(url + "/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.Client.PutAsJsonAsync(url + "/budget", new { year = 2026, quarter = 3, source = "Internal", planned = 1 })).StatusCode);
        var agent = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync(url + "/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.PostAsJsonAsync(url + "/risks", new { description = "x", likelihood = 1, impact = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/hubs/{Hub}/initiatives/{id}/resources")).Response.StatusCode);

        // The page: the budget form works without JavaScript, and the table shows the totals.
        var page = $"/hubs/{Hub}/initiatives/{id}/resources";
        var posted = await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Budget.Year"] = "2027", ["Budget.Quarter"] = "3", ["Budget.Source"] = "PartnerContribution", ["Budget.Planned"] = "5000", ["Budget.Spent"] = "",
        }, "form[action*='handler=Budget']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, doc) = await manager.GetAsync(page);
        Assert.Contains("175", doc.QuerySelector("#budget tfoot tr:last-child")!.TextContent);
        Assert.Equal(3, await DbAsync(app, db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.InitiativeRiskChanged && a.Subject!.StartsWith($"#{id} "))));
    }

    [Theory, BothDatabases]
    public async Task TheOwner_ChoosesTheTeam_HandsOwnershipOver_AndTheTeamKeepsPartnersAndMilestones(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var id = await InitiativeAsync(manager, "Teamed");
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + "/team", new { email = DemoAccounts.Member, role = "ClinicalLead" })).StatusCode);
        var outsider = await manager.Client.PutAsJsonAsync(url + "/team", new { email = DemoAccounts.Citizen, role = "Member" });
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.True((await outsider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));

        // The new team member now reads the internal initiative; handing ownership over keeps one owner.
        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync(url + "/team", new { email = DemoAccounts.Agent, role = "Member" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(url + "/team", new { email = DemoAccounts.Member, role = "Owner" })).StatusCode);
        var team = (await GetJsonAsync(member.Client, url + "/team")).GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("displayName").GetString()!, m => m.GetProperty("role").GetString());
        Assert.Equal("Owner", team["Mikkel Member"]);
        Assert.Equal(1, team.Values.Count(r => r == "Owner"));
        var ownerId = await DbAsync(app, db => db.Initiatives.Where(i => i.Id == id).Select(i => i.OwnerId).SingleAsync());
        Assert.Equal(await DbAsync(app, db => db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync()), ownerId);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.DeleteAsync(url + $"/team/{ownerId}")).StatusCode);
        // The new owner edits the team now.
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsJsonAsync(url + "/team", new { email = DemoAccounts.Agent, role = "Advisor" })).StatusCode);

        var partner = await member.Client.PostAsJsonAsync(url + "/partners", new { name = "Trondheim kommune", kind = "Municipality", contribution = "Test users" });
        Assert.Equal(HttpStatusCode.Created, partner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync(url + "/partners", new { name = "", kind = "Nope" })).StatusCode);
        var past = await member.Client.PostAsJsonAsync(url + "/milestones", new { title = "Pilot starts", dueOn = "2026-01-15" });
        var pastId = (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await member.Client.PostAsJsonAsync(url + "/milestones", new { title = "Evaluation report", dueOn = "2099-06-30" });
        var view = await GetJsonAsync(member.Client, url + "/team");
        Assert.Equal("Trondheim kommune", view.GetProperty("partners")[0].GetProperty("name").GetString());
        var milestones = view.GetProperty("milestones");
        Assert.True(milestones[0].GetProperty("overdue").GetBoolean());
        Assert.False(milestones[1].GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PutAsJsonAsync(url + $"/milestones/{pastId}", new { doneOn = "2099-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsJsonAsync(url + $"/milestones/{pastId}", new { doneOn = "2026-01-20" })).StatusCode);
        milestones = (await GetJsonAsync(member.Client, url + "/team")).GetProperty("milestones");
        Assert.Equal("2026-01-20", milestones[0].GetProperty("doneOn").GetString());
        Assert.False(milestones[0].GetProperty("overdue").GetBoolean());

        // The page adds a partner without JavaScript.
        var page = $"/hubs/{Hub}/initiatives/{id}/team";
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Partner.Name"] = "NTNU", ["Partner.Kind"] = "Research", ["Partner.Contribution"] = "Evaluation",
        }, "form[action*='handler=Partner']")).StatusCode);
        var (_, doc) = await member.GetAsync(page);
        Assert.Contains("NTNU", doc.QuerySelector("#partners")!.TextContent);
        var agent = await SignInAsync(app, DemoAccounts.Citizen);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(page)).Response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task StoppedInitiatives_AreSearchableByTheirLessons_OnlyForThoseWhoMaySeeThem(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var word = "Zebra" + Guid.NewGuid().ToString("N")[..6];
        var open = await InitiativeAsync(manager, "Public stop", "PublicSummary");
        var hidden = await InitiativeAsync(manager, "Internal stop");
        foreach (var id in new[] { open, hidden })
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{id}/gate", new
            {
                outcome = "Stop", rationale = "Budget cut.", lessons = $"Start with the {word} ward; involve the night shift early.",
            })).StatusCode);
        }

        var anonymous = app.NewClient();
        var seen = await GetJsonAsync(anonymous, $"/api/v1/hubs/{Hub}/initiatives/lessons?q={word.ToLowerInvariant()}+NIGHT");
        Assert.Equal([open], seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray());
        Assert.Contains(word, seen.GetProperty("items")[0].GetProperty("lessons").GetString());
        var all = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/initiatives/lessons?q={word}");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/initiatives/lessons?q={word}+absent")).GetProperty("total").GetInt32());

        // The hub's search page lists initiatives too, with the same rule.
        var internalTitle = await DbAsync(app, db => db.Initiatives.Where(i => i.Id == hidden).Select(i => i.Title).SingleAsync());
        var (_, outside) = await new PageClient(anonymous).GetAsync($"/hubs/{Hub}/search?q={word}");
        Assert.DoesNotContain(internalTitle, outside.Body!.TextContent);
        Assert.Single(outside.QuerySelectorAll($"a[href='/hubs/{Hub}/initiatives/{open}']"));
        var (_, inside) = await manager.GetAsync($"/hubs/{Hub}/search?q={word}");
        Assert.Contains(internalTitle, inside.Body!.TextContent);
        var (_, lessons) = await new PageClient(anonymous).GetAsync($"/hubs/{Hub}/initiatives/lessons?q={word}");
        Assert.DoesNotContain(internalTitle, lessons.Body!.TextContent);
        Assert.Contains("night shift", lessons.Body.TextContent);
    }
}
