using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;

using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>Gate decisions: only gatekeepers and hub managers; go, pivot, hold and stop move the initiative as they say.</summary>
[Collection(AppsCollection.Name)]
public sealed class GateTests(AgoraApps apps)
{
    /// <summary>Gives a person the gatekeeper role for the test, and takes it back after.</summary>
    internal static Task<IAsyncDisposable> GatekeeperAsync(AgoraFactory app, string email) =>
        HubRoleGrant.GrantAsync(app, email, Agora.Web.Platform.Auth.HubRoles.Gatekeeper);

    private static async Task<(int Id, int Idea)> InitiativeAsync(AgoraFactory app, PageClient manager)
    {
        var c = await CampaignAsync(app);
        var idea = await SeedIdeaAsync(app, c, DemoAccounts.Member, i => { i.State = IdeaState.Accepted; i.Title = "Gate idea"; });
        await DbAsync(app, async db =>
        {
            db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea, UserId = await db.Users.Where(u => u.Email == DemoAccounts.Mentor).Select(u => u.Id).SingleAsync(), FollowedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title = "Gated " + Guid.NewGuid().ToString("N")[..6], visibility = "PublicSummary", ideaIds = new[] { idea } });
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), idea);
    }

    [Theory, BothDatabases]
    public async Task Gatekeeper_Go_Pivot_Hold_Stop_MoveTheInitiative_AndTellTheAuthorsAndFollowers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, idea) = await InitiativeAsync(app, manager);
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";
        await using var role = await GatekeeperAsync(app, DemoAccounts.Fellow);
        var gatekeeper = await SignInAsync(app, DemoAccounts.Fellow);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "x" })).StatusCode);
        var member = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "x" })).StatusCode);
        var missing = await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rationale", out _));

        var go = await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "The opportunity is real: 40 referrals a week." });
        Assert.Equal(HttpStatusCode.OK, go.StatusCode);
        var detail = await GetJsonAsync(manager.Client, url);
        Assert.Equal("CreateConcept", detail.GetProperty("stage").GetProperty("step").GetString());
        var gate = detail.GetProperty("gates")[0];
        Assert.Equal("Go", gate.GetProperty("outcome").GetString());
        Assert.Equal("The opportunity is real: 40 referrals a week.", gate.GetProperty("rationale").GetString());
        var outsider = await GetJsonAsync(app.NewClient(), url);
        Assert.Equal(JsonValueKind.Null, outsider.GetProperty("gates")[0].GetProperty("rationale").ValueKind);
        Assert.Equal("Create concept", outsider.GetProperty("gates")[0].GetProperty("to").GetString());
        // The idea shows every step its initiative took, without the rationale.
        var step = (await GetJsonAsync(app.NewClient(), $"/api/v1/ideas/{idea}")).GetProperty("initiative").GetProperty("steps")[0];
        Assert.Equal("Go", step.GetProperty("outcome").GetString());
        Assert.Equal("Identify opportunity", step.GetProperty("from").GetString());
        Assert.Equal("Create concept", step.GetProperty("to").GetString());
        Assert.False(step.TryGetProperty("rationale", out _));

        // A decision from a stale page is refused; pivoting needs an earlier stage.
        var stale = await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Hold", rationale = "Wait", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stages = detail.GetProperty("process").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, (await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Pivot", rationale = "Back", pivotTo = stages[2] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Pivot", rationale = "The concept needs users first.", pivotTo = stages[0] })).StatusCode);
        Assert.Equal(1, (await GetJsonAsync(manager.Client, url)).GetProperty("stage").GetProperty("position").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Hold", rationale = "No budget until spring." })).StatusCode);
        Assert.Equal("OnHold", (await GetJsonAsync(manager.Client, url)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Hold", rationale = "Still" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Budget granted." })).StatusCode);
        var resumed = await GetJsonAsync(manager.Client, url);
        Assert.Equal("Active", resumed.GetProperty("status").GetString());
        Assert.Equal(1, resumed.GetProperty("stage").GetProperty("position").GetInt32());

        // Stopping needs what was learned; the lessons are shared with everyone who may see the initiative, the rationale is not.
        var noLessons = await manager.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Stop", rationale = "A national solution came first." });
        Assert.Equal(HttpStatusCode.BadRequest, noLessons.StatusCode);
        Assert.True((await noLessons.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lessons", out _));
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/gate", new
        {
            outcome = "Stop", rationale = "A national solution came first.", lessons = "Referrals need one queue across municipalities.",
        })).StatusCode);
        Assert.Equal("Stopped", (await GetJsonAsync(manager.Client, url)).GetProperty("status").GetString());
        var stopped = (await GetJsonAsync(app.NewClient(), url)).GetProperty("gates")[0];
        Assert.Equal("Referrals need one queue across municipalities.", stopped.GetProperty("lessons").GetString());
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("rationale").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await gatekeeper.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Again" })).StatusCode);
        Assert.Equal(5, (await GetJsonAsync(manager.Client, url)).GetProperty("gates").GetArrayLength());

        // The author and a follower of the idea heard of every decision; the audit trail has them all.
        var told = await DbAsync(app, db => db.Notifications.Where(n => n.Kind == NotificationKind.InitiativeGateDecided && n.IdeaId == idea)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email).ToListAsync());
        Assert.Equal(5, told.Count(e => e == DemoAccounts.Member));
        Assert.Equal(5, told.Count(e => e == DemoAccounts.Mentor));
        Assert.Equal(5, await DbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == "initiative.gate-decided" && e.Subject!.StartsWith($"#{id} "))));
    }

    /// <summary>
    /// Security review hole 10a: a follower of an idea was told a hub-internal initiative's title in gate-decision
    /// notifications. Now only those who may know it are told: the idea's author (credited), and a follower who evaluates.
    /// </summary>
    [Theory, BothDatabases]
    public async Task GateDecision_OnAHubInternalInitiative_IsNotToldToAFollowerWhoMayNotSeeIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var c = await CampaignAsync(app);
        var idea = await SeedIdeaAsync(app, c, DemoAccounts.Member, i => { i.State = IdeaState.Accepted; i.Title = "Followed idea"; });
        await DbAsync(app, async db =>
        {
            foreach (var email in new[] { DemoAccounts.Mentor, DemoAccounts.Evaluator })
                db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea, UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), FollowedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var title = "Internal secret " + Guid.NewGuid().ToString("N")[..6];
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title, visibility = "HubInternal", ideaIds = new[] { idea } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // The follower cannot see the initiative...
        var follower = await SignInAsync(app, DemoAccounts.Mentor);
        Assert.Equal(HttpStatusCode.NotFound, (await follower.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{id}/gate", new { outcome = "Go", rationale = "On." })).StatusCode);

        // ...so is not told of its gate, nor of its title anywhere in their notifications.
        var told = await DbAsync(app, db => db.Notifications.Where(n => n.Kind == NotificationKind.InitiativeGateDecided && n.IdeaId == idea)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email).ToListAsync());
        Assert.DoesNotContain(DemoAccounts.Mentor, told);
        Assert.Contains(DemoAccounts.Member, told);    // the idea's author is credited and may see its summary
        Assert.Contains(DemoAccounts.Evaluator, told); // a follower who evaluates reads every initiative of the hub
        var mentorsNotes = await DbAsync(app, db => db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == DemoAccounts.Mentor))
            .Select(n => n.Detail).ToListAsync());
        Assert.DoesNotContain(mentorsNotes, d => d != null && d.Contains(title, StringComparison.Ordinal));
        var (_, inbox) = await follower.GetAsync("/notifications");
        Assert.DoesNotContain(title, inbox.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Gate_NeedsTheStagesDocuments_WhichOnlyTheTeamAttaches_AndInsidersDownload(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _) = await InitiativeAsync(app, manager);
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Worth a concept." })).StatusCode);

        // Create concept needs a concept description before its gate.
        var refused = await manager.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Concept done." });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("missing: Concept description", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var required = (await GetJsonAsync(manager.Client, url)).GetProperty("required")[0];
        Assert.Equal("ConceptDescription", required.GetProperty("kind").GetString());
        Assert.False(required.GetProperty("present").GetBoolean());

        static MultipartFormDataContent Form(string kind, byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", name);
            return form;
        }
        var pdf = "%PDF-1.4\n% concept\n"u8.ToArray();
        var member = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsync(url + "/documents", Form("ConceptDescription", pdf, "c.pdf"))).StatusCode);
        var badType = await manager.Client.PostAsync(url + "/documents", Form("ConceptDescription", "<html><script>alert(1)</script>"u8.ToArray(), "c.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsync(url + "/documents", Form("Poem", pdf, "c.pdf"))).StatusCode);
        var added = await manager.Client.PostAsync(url + "/documents", Form("ConceptDescription", pdf, "../../concept v1.pdf"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var document = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("concept v1.pdf", document.GetProperty("fileName").GetString());
        var download = document.GetProperty("url").GetString()!;

        // Insiders download (and it is audited); a public-summary reader does not even learn the document exists.
        Assert.Equal(pdf, await manager.Client.GetByteArrayAsync(download));
        Assert.True(await DbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == "initiative.document-downloaded" && e.Subject!.StartsWith($"#{id} "))));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(download)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await GetJsonAsync(member.Client, url)).GetProperty("documents").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Concept described." })).StatusCode);
        Assert.Equal("ValidateConcept", (await GetJsonAsync(manager.Client, url)).GetProperty("stage").GetProperty("step").GetString());

        // The page: the team attaches a validation plan through the form.
        var page = $"/hubs/{Hub}/initiatives/{id}";
        var (_, html) = await manager.GetAsync(page);
        Assert.Contains("Validation plan: missing", html.Body!.TextContent, StringComparison.Ordinal);
        var posted = await manager.SubmitAsync(page, [new("DocumentKind", "ValidationPlan")],
            [new UploadFile("DocumentFile", "plan.pdf", "application/pdf", pdf)], "#documents form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, after) = await manager.GetAsync(page);
        Assert.Contains("Validation plan: attached", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector($"#documents a[href^='/api/v1/hubs/{Hub}/initiatives/{id}/documents/']"));
    }

    [Theory, BothDatabases]
    public async Task ThroughEveryGate_BenefitMeasured_MarkedUsed_TheAuthorSeesEachStep(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, idea) = await InitiativeAsync(app, manager);
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";
        var pdf = "%PDF-1.4\n% artefact\n"u8.ToArray();
        async Task AttachAsync(string kind)
        {
            var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", kind + ".pdf");
            Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsync(url + "/documents", form)).StatusCode);
        }
        async Task GoAsync() =>
            Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Ready." })).StatusCode);

        var goals = await GetJsonAsync(app.NewClient(), $"/api/v1/hubs/{Hub}/effect-goals");
        Assert.Equal(11, goals.GetArrayLength());
        var goal = goals[7].GetProperty("id").GetGuid();
        var member = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(url + "/benefits", new { indicator = "x", unit = "min", baseline = 1, target = 2 })).StatusCode);
        var benefit = await manager.Client.PostAsJsonAsync(url + "/benefits", new { indicator = "Minutes of documentation per referral", unit = "min", baseline = 12.5, target = 6, effectGoalId = goal });
        Assert.Equal(HttpStatusCode.Created, benefit.StatusCode);
        var benefitId = (await benefit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // Not in use before the last stage, and not without a measurement.
        var early = await manager.Client.PostAsJsonAsync(url + "/used", new { rationale = "Done" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        await GoAsync();
        await AttachAsync("ConceptDescription");
        await GoAsync();
        await AttachAsync("ValidationPlan");
        await GoAsync();
        await AttachAsync("PilotReport");
        await GoAsync();
        Assert.Equal("DeploySolution", (await GetJsonAsync(manager.Client, url)).GetProperty("stage").GetProperty("step").GetString());
        var last = await manager.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Beyond" });
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        var unmeasured = await manager.Client.PostAsJsonAsync(url + "/used", new { rationale = "In use on two wards." });
        Assert.Equal(HttpStatusCode.BadRequest, unmeasured.StatusCode);
        Assert.Contains("at least one measurement", await unmeasured.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync($"{url}/benefits/{benefitId}/measurements", new { measuredOn = future, value = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync($"{url}/benefits/{benefitId}/measurements", new { measuredOn = "2026-11-01", value = 7.25, note = "Two wards, October" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(url + "/used", new { rationale = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/used", new { rationale = "In use on two wards." })).StatusCode);

        var done = await GetJsonAsync(app.NewClient(), url);
        Assert.Equal("Used", done.GetProperty("status").GetString());
        var measured = done.GetProperty("benefits")[0];
        Assert.Equal(7.25m, measured.GetProperty("measurements")[0].GetProperty("value").GetDecimal());
        Assert.Equal(12.5m, measured.GetProperty("baseline").GetDecimal());
        Assert.Equal(8, measured.GetProperty("effectGoal").GetProperty("position").GetInt32());
        Assert.Equal(["Used", "Go", "Go", "Go", "Go"], done.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("outcome").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Stop", rationale = "x" })).StatusCode);

        // The author saw every step: on the idea, and in five gate notifications.
        var author = await SignInAsync(app, DemoAccounts.Member);
        var (_, ideaPage) = await author.GetAsync($"/hubs/{Hub}/ideas/{idea}");
        Assert.Contains("Deploy solution · In use", ideaPage.QuerySelector("#initiative-heading + p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, await DbAsync(app, db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.InitiativeGateDecided && n.IdeaId == idea
            && db.Users.Any(u => u.Id == n.UserId && u.Email == DemoAccounts.Member))));
        var (_, page) = await author.GetAsync($"/hubs/{Hub}/initiatives/{id}");
        Assert.Contains("Minutes of documentation per referral", page.QuerySelector("#benefits")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task GateForm_OnTheInitiativePage_ForGatekeepersOnly(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _) = await InitiativeAsync(app, manager);
        var page = $"/hubs/{Hub}/initiatives/{id}";

        var (_, outside) = await (await SignInAsync(app, DemoAccounts.Member)).GetAsync(page);
        Assert.Null(outside.QuerySelector("#gate form"));

        var (_, inside) = await manager.GetAsync(page);
        Assert.NotNull(inside.QuerySelector("#gate form"));
        var invalid = await manager.SubmitAsync(page, new Dictionary<string, string> { ["Gate.Outcome"] = "Go", ["Gate.Rationale"] = "" }, "#gate form");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("id=\"Gate_Rationale\" name=\"Gate.Rationale\" rows=\"4\" maxlength=\"4000\" aria-describedby=\"rationale-hint\"", await invalid.Content.ReadAsStringAsync());
        var done = await manager.SubmitAsync(page, new Dictionary<string, string> { ["Gate.Outcome"] = "Go", ["Gate.Rationale"] = "Strong evidence from the ward." }, "#gate form");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, after) = await manager.GetAsync(page);
        Assert.Equal("2. Create concept", after.QuerySelector(".steps li[aria-current=step]")!.TextContent.Trim());
        Assert.Contains("Strong evidence from the ward.", after.Body!.TextContent, StringComparison.Ordinal);
    }
}
