using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using HubRoles = Agora.Web.Platform.Auth.HubRoles;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>Evaluation scorecards: blind until one's own is in, conflicts excluded, weighted result, spread and calibration.</summary>
[Collection(AppsCollection.Name)]
public sealed class ScorecardTests(AgoraApps apps)
{
    /// <summary>The seeded weights, in order: patients 3, staff 2, strategy 2, feasibility 2, cost 1, evidence 2, risk 2.</summary>
    private static readonly int[] SeededWeights = [3, 2, 2, 2, 1, 2, 2];

    private static async Task<int> InternalInitiativeAsync(AgoraFactory app, PageClient manager)
    {
        var c = await CampaignAsync(app);
        var idea = await SeedIdeaAsync(app, c, DemoAccounts.Member, i => { i.State = IdeaState.Accepted; i.Title = "Scored idea"; });
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives",
            new { title = "Scored " + Guid.NewGuid().ToString("N")[..6], ideaIds = new[] { idea } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<List<Guid>> CriteriaAsync(HttpClient client)
    {
        var criteria = await GetJsonAsync(client, $"/api/v1/hubs/{Hub}/evaluation-criteria");
        Assert.Equal(SeededWeights, criteria.EnumerateArray().Select(c => c.GetProperty("weight").GetInt32()).ToArray());
        return criteria.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
    }

    [Theory, BothDatabases]
    public async Task ThreeEvaluators_ScoreBlind_AConflictIsExcluded_AndTheResultIsWeighted(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var id = await InternalInitiativeAsync(app, manager);
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";
        await using var fellow = await HubRoleGrant.GrantAsync(app, DemoAccounts.Fellow, HubRoles.Evaluator);
        await using var mentor = await HubRoleGrant.GrantAsync(app, DemoAccounts.Mentor, HubRoles.Evaluator);
        var first = await SignInAsync(app, DemoAccounts.Evaluator);
        var second = await SignInAsync(app, DemoAccounts.Fellow);
        var third = await SignInAsync(app, DemoAccounts.Mentor);
        var criteria = await CriteriaAsync(first.Client);

        // Evaluators read hub-internal initiatives (to judge them); a plain member does not know they exist.
        var before = await GetJsonAsync(first.Client, url + "/scorecard");
        Assert.True(before.GetProperty("canSubmit").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("result").ValueKind);
        var agent = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync(url + "/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.PostAsJsonAsync(url + "/evaluations", new { conflict = true, conflictNote = "x" })).StatusCode);
        // The manager made it and is on its team: not an evaluator anyway, so refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsJsonAsync(url + "/evaluations", new { conflict = true, conflictNote = "x" })).StatusCode);

        // Every criterion needs a score from 1 to 5.
        var incomplete = await first.Client.PostAsJsonAsync(url + "/evaluations", new { scores = new Dictionary<Guid, int> { [criteria[0]] = 6 } });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("scores." + criteria[0], out _));
        Assert.True(errors.TryGetProperty("scores." + criteria[6], out _));

        // 5,4,3,2,1,5,4 with weights 3,2,2,2,1,2,2: 52 / 14 = 3.71.
        int[] firstScores = [5, 4, 3, 2, 1, 5, 4];
        Assert.Equal(HttpStatusCode.Created, (await first.Client.PostAsJsonAsync(url + "/evaluations", new
        {
            scores = criteria.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => firstScores[x.i]), comment = "Strong for patients.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.Client.PostAsJsonAsync(url + "/evaluations", new
        {
            scores = criteria.ToDictionary(c => c, _ => 1),
        })).StatusCode);
        var mine = (await GetJsonAsync(first.Client, url + "/scorecard")).GetProperty("result");
        Assert.Equal(3.71m, mine.GetProperty("weighted").GetDecimal());

        // The second evaluator sees neither the first's scores nor the result, in the API or on the page.
        Assert.Equal(JsonValueKind.Null, (await GetJsonAsync(second.Client, url + "/scorecard")).GetProperty("result").ValueKind);
        var (_, page) = await second.GetAsync($"/hubs/{Hub}/initiatives/{id}/evaluation");
        Assert.DoesNotContain("Strong for patients.", page.Body!.TextContent);
        Assert.DoesNotContain("3.71", page.Body.TextContent);
        Assert.Equal(criteria.Count * 5, page.QuerySelectorAll("form input[type=radio][name^='Input.Scores[']").Length);

        Assert.Equal(HttpStatusCode.Created, (await second.Client.PostAsJsonAsync(url + "/evaluations", new
        {
            scores = criteria.ToDictionary(c => c, _ => 2),
        })).StatusCode);
        // A declared conflict needs its reason, and then counts for nothing.
        var bare = await third.Client.PostAsJsonAsync(url + "/evaluations", new { conflict = true });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True((await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("conflictNote", out _));
        Assert.Equal(HttpStatusCode.Created, (await third.Client.PostAsJsonAsync(url + "/evaluations", new
        {
            conflict = true, conflictNote = "My sister leads the supplier.", scores = criteria.ToDictionary(c => c, _ => 5),
        })).StatusCode);

        // The manager decides at gates and does not evaluate: sees the result. Mean of 3.71 and 2.00; spread 1.71.
        var result = (await GetJsonAsync(manager.Client, url + "/scorecard")).GetProperty("result");
        Assert.Equal(2.86m, result.GetProperty("weighted").GetDecimal());
        Assert.Equal(1.71m, result.GetProperty("spread").GetDecimal());
        Assert.Equal(0.86m, result.GetProperty("standardDeviation").GetDecimal());
        Assert.Equal(2, result.GetProperty("counted").GetInt32());
        Assert.Equal(1, result.GetProperty("excluded").GetInt32());
        var patients = result.GetProperty("criteria")[0];
        Assert.Equal(3.5m, patients.GetProperty("mean").GetDecimal());
        Assert.Equal(2, patients.GetProperty("min").GetInt32());
        Assert.Equal(5, patients.GetProperty("max").GetInt32());
        var conflicted = result.GetProperty("evaluators").EnumerateArray().Single(e => e.GetProperty("conflict").GetBoolean());
        Assert.Equal(JsonValueKind.Null, conflicted.GetProperty("weighted").ValueKind);
        Assert.Empty(conflicted.GetProperty("scores").EnumerateArray());
        Assert.All(result.GetProperty("evaluators").EnumerateArray().Where(e => !e.GetProperty("conflict").GetBoolean()),
            e => Assert.True(e.GetProperty("compared").GetInt32() >= 1));

        // A plain member of the hub who is credited for the idea knows the initiative but never sees scores.
        var author = await SignInAsync(app, DemoAccounts.Member);
        var authorView = await GetJsonAsync(author.Client, url + "/scorecard");
        Assert.Equal(JsonValueKind.Null, authorView.GetProperty("result").ValueKind);
        Assert.False(authorView.GetProperty("canSubmit").GetBoolean());

        var audited = await DbAsync(app, db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.InitiativeEvaluated && a.Subject!.StartsWith($"#{id} ")));
        Assert.Equal(3, audited);
    }

    /// <summary>Security review hole 10c: declaring a conflict of interest must not unblind the evaluator, in the API or on the page.</summary>
    [Theory, BothDatabases]
    public async Task ScorecardGet_AfterDeclaringAConflict_StaysBlind(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var id = await InternalInitiativeAsync(app, manager);
        var url = $"/api/v1/hubs/{Hub}/initiatives/{id}";
        await using var fellowRole = await HubRoleGrant.GrantAsync(app, DemoAccounts.Fellow, HubRoles.Evaluator);
        var scorer = await SignInAsync(app, DemoAccounts.Evaluator);
        var conflicted = await SignInAsync(app, DemoAccounts.Fellow);
        var criteria = await CriteriaAsync(scorer.Client);
        Assert.Equal(HttpStatusCode.Created, (await scorer.Client.PostAsJsonAsync(url + "/evaluations", new
        {
            scores = criteria.ToDictionary(c => c, _ => 4), comment = "Secret reasoning of the first evaluator.",
        })).StatusCode);

        // The attack: declare a conflict (no scores needed), then read the scorecard.
        Assert.Equal(HttpStatusCode.Created, (await conflicted.Client.PostAsJsonAsync(url + "/evaluations", new
        {
            conflict = true, conflictNote = "I advise the supplier.",
        })).StatusCode);
        var view = await GetJsonAsync(conflicted.Client, url + "/scorecard");
        Assert.True(view.GetProperty("submitted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("result").ValueKind);
        var (_, page) = await conflicted.GetAsync($"/hubs/{Hub}/initiatives/{id}/evaluation");
        Assert.DoesNotContain("Secret reasoning of the first evaluator.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("4.00", page.Body.TextContent, StringComparison.Ordinal);

        // The rule for the others is unchanged: the evaluator who scored and the manager (not an evaluator) see the result.
        Assert.Equal(4.00m, (await GetJsonAsync(scorer.Client, url + "/scorecard")).GetProperty("result").GetProperty("weighted").GetDecimal());
        var managers = (await GetJsonAsync(manager.Client, url + "/scorecard")).GetProperty("result");
        Assert.Equal(1, managers.GetProperty("counted").GetInt32());
        Assert.Equal(1, managers.GetProperty("excluded").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task AnEvaluator_SubmitsOnThePage_ThenSeesTheResult_AndTheGatekeeperSeesTheSummaryAtTheGate(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var id = await InternalInitiativeAsync(app, manager);
        var evaluator = await SignInAsync(app, DemoAccounts.Evaluator);
        var criteria = await CriteriaAsync(evaluator.Client);
        var page = $"/hubs/{Hub}/initiatives/{id}/evaluation";

        var missing = await evaluator.SubmitAsync(page, new Dictionary<string, string> { [$"Input.Scores[{criteria[0]}]"] = "4" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var invalid = PageClient.Parse(await missing.Content.ReadAsStringAsync());
        Assert.NotNull(invalid.QuerySelector($".error-summary a[href='#Input_Scores_{criteria[1]}']"));
        Assert.NotNull(invalid.QuerySelector($"input[name='Input.Scores[{criteria[0]}]'][value='4'][checked]"));

        var fields = criteria.Select(c => new KeyValuePair<string, string>($"Input.Scores[{c}]", "4")).Append(new("Input.Comment", "Solid.")).ToList();
        var done = await evaluator.SubmitAsync(page, fields, files: []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, after) = await evaluator.GetAsync(page);
        Assert.Contains("4.00", after.QuerySelector("dl.props")!.TextContent);
        Assert.Null(after.QuerySelector("form input[type=radio]"));

        var (_, details) = await manager.GetAsync($"/hubs/{Hub}/initiatives/{id}");
        Assert.Contains("4.00", details.QuerySelector("#gate")!.TextContent);
    }

    [Fact]
    public void Calibration_IsTheMeanDistanceFromTheOtherEvaluatorsOfTheSameInitiatives()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid(), stage = Guid.NewGuid();
        var t = InitiativeScorecards.Calibration([
            (1, stage, a, 4m), (1, stage, b, 2m), (1, stage, c, 3m),
            (2, stage, a, 3m), (2, stage, b, 3m),
            (3, stage, d, 5m),
        ]);
        // Initiative 1: a 4 − 2.5 = 1.5, b 2 − 3.5 = −1.5, c 3 − 3 = 0; initiative 2: a 0, b 0; d has nobody to compare with.
        Assert.Equal((0.75m, 2), t[a]);
        Assert.Equal((-0.75m, 2), t[b]);
        Assert.Equal((0m, 1), t[c]);
        Assert.False(t.ContainsKey(d));
        Assert.Equal(3.71m, InitiativeScorecards.Weighted([(5, 3), (4, 2), (3, 2), (2, 2), (1, 1), (5, 2), (4, 2)]));
        Assert.Equal(0.86m, InitiativeScorecards.StandardDeviation([3.71m, 2.00m]));
    }
}
