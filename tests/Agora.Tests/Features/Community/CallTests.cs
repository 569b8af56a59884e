using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Community;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Community;

/// <summary>Calls for community roles: applying, blind reviews with conflicts, ranking, decisions with seats, reserves moving up, roles.</summary>
[Collection(AppsCollection.Name)]
public sealed class CallTests(AgoraApps apps)
{
    private static string Api(int id) => $"/api/v1/hubs/{Hub}/calls/{id}";

    /// <summary>A fellows call of the demo hub (helseplattformen) with two criteria and one required question, opened.</summary>
    internal static async Task<(int Id, int[] Criteria, int Question)> OpenCallAsync(HttpClient manager, string audience = "SignedIn", int seats = 1,
        string role = "Fellow")
    {
        var created = await manager.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new
        {
            role, title = "Fellows for the patient-safety programme", description = "A year with the hub.", audience, seats,
            deadline = DateTimeOffset.UtcNow.AddDays(10),
            criteria = new object[] { new { name = "Motivation", weight = 3 }, new { name = "Experience", weight = 1 }, new { name = "", weight = (int?)null } },
            questions = new object[] { new { text = "What would you work on?", required = true } },
            stages = new object[]
            {
                new { name = "Workshop", description = "A day at the hub", startsOn = "2027-03-01", endsOn = "2027-03-01" },
                new { name = "Week of sessions", description = "Stakeholder mapping, SWOT", startsOn = "2027-03-08", endsOn = "2027-03-12" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(Api(id) + "/open", null)).StatusCode);
        var call = await GetJsonAsync(manager, Api(id));
        var criteria = call.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray();
        return (id, criteria, call.GetProperty("questions")[0].GetProperty("id").GetInt32());
    }

    internal static Task<HttpResponseMessage> ApplyAsync(HttpClient client, int id, int question, bool consent = true) =>
        client.PostAsJsonAsync(Api(id) + "/applications", new
        {
            motivation = "I want to help the hub.", answers = new Dictionary<string, string> { [question.ToString()] = "Safer discharges." }, consent,
        });

    private static Task<HttpResponseMessage> ScoreAsync(HttpClient client, int id, int application, int[] criteria, int first, int second) =>
        client.PostAsJsonAsync($"{Api(id)}/applications/{application}/reviews", new
        {
            scores = new Dictionary<string, int> { [criteria[0].ToString()] = first, [criteria[1].ToString()] = second }, comment = "Fine.",
        });

    private static async Task<HubRoles?> RolesAsync(AgoraFactory app, string email) =>
        await DbAsync(app, db => (from m in db.HubMemberships join u in db.Users on m.UserId equals u.Id join h in db.Hubs on m.HubId equals h.Id
                                  where u.Email == email && h.Slug == Hub select (HubRoles?)m.Roles).SingleOrDefaultAsync());

    [Theory, BothDatabases]
    public async Task ACall_IsAppliedTo_ReviewedBlind_Ranked_Decided_AndTheReserveMovesUpWhenTheSelectedDeclines(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var evaluator = await SignInAsync(app, DemoAccounts.Evaluator);
        var reviewer = await SignInAsync(app, DemoAccounts.Reviewer);
        var agent = await SignInAsync(app, DemoAccounts.Agent);
        var ana = await TestPeople.RegisterAsync(app, "Ana Applicant");
        var bo = await TestPeople.RegisterAsync(app, "Bo Applicant");
        var (id, criteria, question) = await OpenCallAsync(manager.Client);

        // Reviewers are hub members; one of them (the agent) applies too.
        var people = await DbAsync(app, db => db.Users.Where(u => u.Email == DemoAccounts.Evaluator || u.Email == DemoAccounts.Reviewer || u.Email == DemoAccounts.Agent)
            .Select(u => u.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsJsonAsync(Api(id) + "/reviewers",
            new { reviewers = new[] { await UserIdAsync(app, ana.Email) } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(Api(id) + "/reviewers", new { reviewers = people })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.Browser.Client.GetAsync(Api(id) + "/applications")).StatusCode);

        // Consent is required; one application per person.
        var noConsent = await ApplyAsync(ana.Browser.Client, id, question, consent: false);
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.True((await noConsent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("consent", out _));
        var anaApplied = await ApplyAsync(ana.Browser.Client, id, question);
        Assert.Equal(HttpStatusCode.Created, anaApplied.StatusCode);
        var anaApp = (await anaApplied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await ApplyAsync(ana.Browser.Client, id, question)).StatusCode);
        var boApp = (await (await ApplyAsync(bo.Browser.Client, id, question)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var agentApplied = await ApplyAsync(agent.Client, id, question);
        Assert.Equal(HttpStatusCode.Created, agentApplied.StatusCode);
        var agentApp = (await agentApplied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("Submitted", (await GetJsonAsync(ana.Browser.Client, Api(id))).GetProperty("mine").GetProperty("status").GetString());

        // Nobody reviews their own application; the applicants cannot read each other's.
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(agent.Client, id, agentApp, criteria, 5, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync($"{Api(id)}/applications/{agentApp}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.Browser.Client.GetAsync($"{Api(id)}/applications/{anaApp}")).StatusCode);

        // Blind: the evaluator sees no scores until theirs are in; scores are 1–5 on every criterion.
        Assert.Equal(HttpStatusCode.Created, (await ScoreAsync(reviewer.Client, id, anaApp, criteria, 4, 4)).StatusCode);
        var before = await GetJsonAsync(evaluator.Client, $"{Api(id)}/applications/{anaApp}");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("result").ValueKind);
        Assert.True(before.GetProperty("canReview").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await ScoreAsync(evaluator.Client, id, anaApp, criteria, 6, 4)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ScoreAsync(evaluator.Client, id, anaApp, criteria, 5, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ScoreAsync(evaluator.Client, id, anaApp, criteria, 5, 1)).StatusCode);
        var after = await GetJsonAsync(evaluator.Client, $"{Api(id)}/applications/{anaApp}");
        Assert.Equal(2, after.GetProperty("result").GetProperty("counted").GetInt32());
        // (4·3 + 4·1)/4 = 4.00 and (5·3 + 1·1)/4 = 4.00
        Assert.Equal(4.00m, after.GetProperty("result").GetProperty("weighted").GetDecimal());

        // A declared conflict: excluded from scoring and from seeing the scores, and counted as excluded.
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.Client.PostAsJsonAsync($"{Api(id)}/applications/{boApp}/reviews", new { conflict = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.Client.PostAsJsonAsync($"{Api(id)}/applications/{boApp}/reviews",
            new { conflict = true, conflictReason = "Bo is my cousin." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ScoreAsync(evaluator.Client, id, boApp, criteria, 3, 3)).StatusCode);
        var conflicted = await GetJsonAsync(reviewer.Client, $"{Api(id)}/applications/{boApp}");
        Assert.True(conflicted.GetProperty("declaredConflict").GetBoolean());
        Assert.Equal(JsonValueKind.Null, conflicted.GetProperty("result").ValueKind);
        Assert.Equal(HttpStatusCode.Created, (await ScoreAsync(agent.Client, id, boApp, criteria, 2, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ScoreAsync(evaluator.Client, id, agentApp, criteria, 2, 5)).StatusCode);

        // Decisions wait for the deadline (or the call closed by hand); only managers decide.
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{anaApp}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.Browser.Client.PostAsync(Api(id) + "/application/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(ana.Browser.Client, id, question)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(Api(id) + "/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ApplyAsync(await NewClientAsync(app), id, question)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.Client.PostAsJsonAsync($"{Api(id)}/applications/{anaApp}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal("InReview", (await GetJsonAsync(ana.Browser.Client, Api(id))).GetProperty("mine").GetProperty("status").GetString());

        var ranking = (await GetJsonAsync(manager.Client, Api(id) + "/applications")).EnumerateArray().ToList();
        Assert.Equal([anaApp, agentApp, boApp], ranking.Select(r => r.GetProperty("id").GetInt32()).ToArray());
        // Ana (4·3 + 4·1)/4 = 4 and (5·3 + 1·1)/4 = 4; the agent (2·3 + 5·1)/4 = 2.75; Bo 3 and 2: 2.5.
        Assert.Equal([4.00m, 2.75m, 2.50m], ranking.Select(r => r.GetProperty("weighted").GetDecimal()).ToArray());
        Assert.Equal([2, 1, 2], ranking.Select(r => r.GetProperty("reviews").GetInt32()).ToArray());
        // The agent: themself; Bo: one declared conflict.
        Assert.Equal([0, 1, 1], ranking.Select(r => r.GetProperty("excluded").GetInt32()).ToArray());

        // One seat: Ana selected (she joins the hub as a fellow), Bo then the agent on the reserve list.
        Assert.Null(await RolesAsync(app, ana.Email));
        Assert.Equal("Selected", (await (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{anaApp}/decision", new { decision = "Selected" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HubRoles.Member | HubRoles.Fellow, await RolesAsync(app, ana.Email));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{boApp}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{boApp}/decision", new { decision = "Reserve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{agentApp}/decision", new { decision = "Reserve" })).StatusCode);
        var boSees = (await GetJsonAsync(bo.Browser.Client, Api(id))).GetProperty("mine");
        Assert.Equal("Reserve", boSees.GetProperty("status").GetString());
        Assert.Equal(1, boSees.GetProperty("reservePosition").GetInt32());
        Assert.Equal(2, (await GetJsonAsync(agent.Client, Api(id))).GetProperty("mine").GetProperty("reservePosition").GetInt32());
        var page = await bo.Browser.GetAsync($"/hubs/{Hub}/calls/{id}");
        Assert.Contains("number 1 on the reserve list", page.Document.QuerySelector("#my-next")!.TextContent);

        // Ana declines: the role goes, Bo moves up (selected, a fellow, told), the agent is first in reserve.
        Assert.Equal(HttpStatusCode.OK, (await ana.Browser.Client.PostAsync(Api(id) + "/application/decline", null)).StatusCode);
        Assert.Equal(HubRoles.Member, await RolesAsync(app, ana.Email));
        Assert.Equal(HubRoles.Member | HubRoles.Fellow, await RolesAsync(app, bo.Email));
        var boNow = (await GetJsonAsync(bo.Browser.Client, Api(id))).GetProperty("mine");
        Assert.Equal("Selected", boNow.GetProperty("status").GetString());
        Assert.True(boNow.GetProperty("movedUp").GetBoolean());
        Assert.Equal(1, (await GetJsonAsync(agent.Client, Api(id))).GetProperty("mine").GetProperty("reservePosition").GetInt32());
        Assert.Equal("Declined", (await GetJsonAsync(ana.Browser.Client, Api(id))).GetProperty("mine").GetProperty("status").GetString());

        // Done: the remaining reserve is kept; the call is marked decided.
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(Api(id) + "/decided", null)).StatusCode);
        var actions = await DbAsync(app, db => db.AuditEvents.Where(a => a.Subject!.StartsWith($"#{id} ")).Select(a => a.Action).ToListAsync());
        foreach (var action in new[] { AuditActions.CallCreated, AuditActions.CallOpened, AuditActions.CallApplied, AuditActions.CallReviewed,
                     AuditActions.CallApplicationDecided, AuditActions.CallDeclined, AuditActions.CallMovedUp, AuditActions.CallClosed, AuditActions.CallFinished })
            Assert.Contains(action, actions);
        var roleAudits = await DbAsync(app, db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.RolesChanged && a.Details!.Contains($"call #{id}")));
        Assert.Equal(3, roleAudits);

        // Told: the managers of each application, the reviewers of their assignment, the applicants of each decision.
        var notes = await DbAsync(app, db => db.Notifications.Where(n => n.Kind == NotificationKind.CommunityCall && n.Path!.StartsWith($"/hubs/{Hub}/calls/{id}"))
            .Select(n => new { n.UserId, n.Detail }).ToListAsync());
        var told = notes.Select(n => (n.UserId, n.Detail)).ToHashSet();
        Assert.Contains((await UserIdAsync(app, DemoAccounts.Manager), "Applied"), told);
        Assert.Contains((await UserIdAsync(app, DemoAccounts.Evaluator), "ReviewAssigned"), told);
        Assert.Contains((await UserIdAsync(app, ana.Email), "Selected"), told);
        Assert.Contains((await UserIdAsync(app, bo.Email), "Reserve"), told);
        Assert.Contains((await UserIdAsync(app, bo.Email), "MovedUp"), told);
    }

    private static async Task<HttpClient> NewClientAsync(AgoraFactory app) => (await TestPeople.RegisterAsync(app, "Late Comer")).Browser.Client;

    [Theory, BothDatabases]
    public async Task TheRoleGoesWithTheMembership_AndAReviewerWhoLeavesNoLongerReviews(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var cleo = await TestPeople.RegisterAsync(app, "Cleo Candidate");
        var (id, _, question) = await OpenCallAsync(manager.Client, role: "Mentor");
        var cleoApp = (await (await ApplyAsync(cleo.Browser.Client, id, question)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(Api(id) + "/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{cleoApp}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal(HubRoles.Member | HubRoles.Mentor, await RolesAsync(app, cleo.Email));

        // As a member she reviews a second call; when she leaves the hub, the role and the assignment go.
        var (second, _, _) = await OpenCallAsync(manager.Client);
        var cleoId = await UserIdAsync(app, cleo.Email);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(Api(second) + "/reviewers", new { reviewers = new[] { cleoId } })).StatusCode);
        Assert.True((await GetJsonAsync(cleo.Browser.Client, Api(second))).GetProperty("isReviewer").GetBoolean());
        Assert.True((await cleo.Browser.Client.DeleteAsync($"/api/v1/hubs/{Hub}/members/{cleoId}")).IsSuccessStatusCode);
        Assert.Null(await RolesAsync(app, cleo.Email));
        Assert.False(await DbAsync(app, db => db.CallReviewers.AnyAsync(r => r.CallId == second && r.UserId == cleoId)));
        Assert.True(await DbAsync(app, db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.CallReviewerEnded && a.Subject!.StartsWith($"#{second} "))));
    }

    [Theory, BothDatabases]
    public async Task Stages_TakePlaceAtTheHubsOwnEvents_ShownOnTheCallAndKeptByTheForm(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var own = await DbAsync(app, db => db.Events.Where(e => db.Hubs.Any(h => h.Id == e.HubId && h.Slug == Hub))
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.Title }).FirstAsync());
        var foreign = await DbAsync(app, db => db.Events.Where(e => !db.Hubs.Any(h => h.Id == e.HubId && h.Slug == Hub)).Select(e => e.Id).FirstAsync());
        object Body(int eventId) => new
        {
            role = "Fellow", title = "Fellows of the hearing", description = "A year with the hub.", audience = "HubMembers", seats = 1,
            deadline = DateTimeOffset.UtcNow.AddDays(5), criteria = new[] { new { name = "Motivation", weight = 1 } },
            stages = new object[] { new { name = "Kick-off workshop", eventId } },
        };

        // Another hub's event is refused, with the field named.
        var refused = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", Body(foreign));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("stages[0].eventId", out _));

        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", Body(own.Id));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var stage = (await GetJsonAsync(manager.Client, Api(id))).GetProperty("stages")[0];
        Assert.Equal(own.Id, stage.GetProperty("eventId").GetInt32());
        Assert.Equal(own.Title, stage.GetProperty("eventTitle").GetString());

        // The call's page links the event; the edit form offers the hub's events with this one chosen, and saving keeps it.
        var (_, page) = await manager.GetAsync($"/hubs/{Hub}/calls/{id}");
        Assert.NotNull(page.QuerySelector($"a[href='/hubs/{Hub}/events/{own.Id}']"));
        var (_, form) = await manager.GetAsync($"/hubs/{Hub}/calls/{id}/edit");
        Assert.Equal(own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            form.QuerySelector("select[name='Input.Stages[0].EventId'] option[selected]")!.GetAttribute("value"));
        var saved = await manager.SubmitAsync($"/hubs/{Hub}/calls/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Role"] = "Fellow", ["Input.Title"] = "Fellows of the hearing", ["Input.Description"] = "A year with the hub.",
            ["Input.Audience"] = "HubMembers", ["Input.Seats"] = "1", ["Input.Deadline"] = DateTime.UtcNow.AddDays(6).ToString("yyyy-MM-dd"),
            ["Input.Criteria[0].Name"] = "Motivation", ["Input.Criteria[0].Weight"] = "1",
            ["Input.Stages[0].Name"] = "Kick-off workshop", ["Input.Stages[0].EventId"] = own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(own.Id, (await GetJsonAsync(manager.Client, Api(id))).GetProperty("stages")[0].GetProperty("eventId").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task AManagerWhoApplies_CannotDecideTheirOwnApplication(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _, question) = await OpenCallAsync(manager.Client, role: "Facilitator");
        var own = (await (await ApplyAsync(manager.Client, id, question)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(Api(id) + "/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{own}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, await DbAsync(app, db => db.CallApplications.Where(a => a.Id == own).Select(a => a.Status).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task DraftsAndMembersOnlyCalls_AreUnknownToOthers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new
        {
            role = "Facilitator", title = "Facilitators", description = "Run the workshops.", audience = "HubMembers", seats = 2,
            deadline = DateTimeOffset.UtcNow.AddDays(5), criteria = new[] { new { name = "Experience", weight = 1 } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PostAsync(Api(id) + "/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new { role = "Fellow" })).StatusCode);
        var invalid = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new { role = "HubManager", audience = "Everyone", seats = 0 });
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "role", "title", "description", "audience", "seats", "deadline", "criteria" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(Api(id) + "/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.PostAsJsonAsync(Api(id) + "/applications", new { motivation = "x", consent = true })).StatusCode);
        Assert.DoesNotContain((await GetJsonAsync(citizen.Client, $"/api/v1/hubs/{Hub}/calls")).EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync(Api(id) + "/applications", new { motivation = "I facilitate.", consent = true })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task TheDemoCallForFellows_ShowsItsReviewsAndConflict_AndTheFigures(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.OtherManager);
        var calls = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{DemoAccounts.IminHub}/calls")).EnumerateArray().ToList();
        var fellows = calls.Single(c => c.GetProperty("title").GetString() == DemoCommunity.FellowsCall);
        Assert.Equal("Open", fellows.GetProperty("state").GetString());
        var ranking = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{DemoAccounts.IminHub}/calls/{fellows.GetProperty("id").GetInt32()}/applications")).EnumerateArray().ToList();
        Assert.Equal(3, ranking.Count);
        Assert.Contains(ranking, r => r.GetProperty("excluded").GetInt32() == 1 && r.GetProperty("reviews").GetInt32() == 1);
        var figures = (await GetJsonAsync(app.NewClient(), $"/api/v1/hubs/{DemoAccounts.IminHub}/community/figures")).GetProperty("calls");
        Assert.True(figures.GetProperty("callsOpen").GetInt32() >= 1);
        Assert.True(figures.GetProperty("callsDecided").GetInt32() >= 1);
        Assert.True(figures.GetProperty("selections").GetInt32() >= 1);
        Assert.Contains(figures.GetProperty("peoplePerRole").EnumerateArray(), r => r.GetProperty("role").GetString() == "AgentOfChange" && r.GetProperty("people").GetInt32() >= 1);
    }
}
