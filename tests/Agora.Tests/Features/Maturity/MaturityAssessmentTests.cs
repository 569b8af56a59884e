using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Features.Network.Requests;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Maturity;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Network.Requests.NetworkRequestFixtures;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Maturity;

/// <summary>Digital maturity assessments through the API: start, draft, resume, submit, compare, export, and who may do what.</summary>
[Collection(AppsCollection.Name)]
public sealed class MaturityAssessmentTests(AgoraApps apps)
{
    /// <summary>The SME answers of <see cref="MaturityScoringTests"/>, per dimension (scores 52.78, 40, 50, 64.29, 40, 40; overall 47.84).</summary>
    public static readonly Dictionary<int, Dictionary<string, int[]>> SmeAnswers = new()
    {
        [1] = new() { ["Q15"] = [2, 2, 1, 3, 0, 0, 1, 0, 2], ["Q16"] = [1, 2, 3, 4, 5] },
        [2] = new() { ["Q17"] = [1, 2, 6, 10], ["Q18"] = [5, 0, 3, 0, 2, 0, 4] },
        [3] = new() { ["Q19"] = [1, 2, 3, 4, 5, 6, 7], ["Q20"] = [] },
        [4] = new() { ["Q21"] = [2, 3, 5], ["Q22"] = [1, 2, 3, 4, 5, 6] },
        [5] = new() { ["Q23"] = [5, 5, 0, 0, 0] },
        [6] = new() { ["Q24"] = [1, 10], ["Q25"] = [2, 1, 0, 2, 1] },
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<int> StartAsync(TestNetwork n, string person, string wave = "T0")
    {
        var (status, body) = await SendAsync(n.Api(person).PostAsJsonAsync("/api/v1/maturity/assessments", new { organisation = n.Customer, hub = n.Centro, wave }));
        Assert.True(status == HttpStatusCode.Created, $"Starting answered {(int)status}: {body}");
        return body.GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> SaveAsync(TestNetwork n, string person, int id, int dimension, int? version = null) =>
        n.Api(person).PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/dimensions/{dimension}", new { answers = SmeAnswers[dimension], version });

    [Theory, BothDatabases]
    public async Task Story_StartDraftResumeSubmit_ScoresAsComputedByHand(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);

        // T1 is refused before a submitted T0.
        var (early, earlyBody) = await SendAsync(n.Api("asker").PostAsJsonAsync("/api/v1/maturity/assessments", new { organisation = n.Customer, hub = n.Centro, wave = "T1" }));
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.True(earlyBody.GetProperty("errors").TryGetProperty("wave", out _));

        var id = await StartAsync(n, "asker");
        var (again, _) = await SendAsync(n.Api("desk1").PostAsJsonAsync("/api/v1/maturity/assessments", new { organisation = n.Customer, hub = n.Centro, wave = "T0" }));
        Assert.Equal(HttpStatusCode.Conflict, again);

        // The customer saves two dimensions, the hub's front desk helps with the rest: a draft resumed by someone else.
        var (s1, v1) = await SendAsync(SaveAsync(n, "asker", id, 1));
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(n, "asker", id, 2, 1)).StatusCode);
        var draft = await GetJsonAsync(n.Api("desk1"), $"/api/v1/maturity/assessments/{id}");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(4, draft.GetProperty("answered").GetInt32());
        Assert.Equal([5, 0, 3, 0, 2, 0, 4], draft.GetProperty("answers").GetProperty("Q18").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        Assert.Equal(HttpStatusCode.Conflict, (await SaveAsync(n, "desk1", id, 3, 1)).StatusCode); // stale: version 2 is stored

        // Submitting with questions open names them.
        var (open, openBody) = await SendAsync(n.Api("desk1").PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/submit", new { }));
        Assert.Equal(HttpStatusCode.BadRequest, open);
        Assert.True(openBody.GetProperty("errors").TryGetProperty("Q23", out _));

        foreach (var d in new[] { 3, 4, 5, 6 }) Assert.Equal(HttpStatusCode.OK, (await SaveAsync(n, "desk1", id, d)).StatusCode);
        var (bad, _) = await SendAsync(n.Api("desk1").PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/dimensions/6", new { answers = new { Q25 = new[] { 3, 0, 0, 0, 0 } } }));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var (submitted, scores) = await SendAsync(n.Api("asker").PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/submit", new { }));
        Assert.Equal(HttpStatusCode.OK, submitted);
        double[] expected = [100.0 * 19 / 36, 40, 50, 900.0 / 14, 40, 40];
        var dims = scores.GetProperty("dimensions").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        for (var i = 0; i < 6; i++) Assert.Equal(expected[i], dims[i], 6);
        Assert.Equal(47.843915, scores.GetProperty("overall").GetDouble(), 5);
        Assert.Equal("Average", scores.GetProperty("band").GetString());

        // Submitted is final; the stored scores are read back.
        Assert.Equal(HttpStatusCode.Conflict, (await SaveAsync(n, "asker", id, 1)).StatusCode);
        var read = await GetJsonAsync(n.Api("asker"), $"/api/v1/maturity/assessments/{id}");
        Assert.Equal("Submitted", read.GetProperty("status").GetString());
        Assert.Equal(40, read.GetProperty("dimensions")[1].GetProperty("score").GetDouble(), 6);
        Assert.Equal("Digital readiness", read.GetProperty("dimensions")[1].GetProperty("name").GetString());

        // Now T1 may start, in the same set; the comparison shows T0 and a T1 still to come.
        var t1 = await StartAsync(n, "desk1", "T1");
        var compared = await GetJsonAsync(n.Api("asker"), $"/api/v1/maturity/assessments/{t1}/comparison");
        Assert.Equal(id, compared.GetProperty("t0").GetProperty("id").GetInt32());
        Assert.Equal("Draft", compared.GetProperty("t1").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, compared.GetProperty("dimensions")[0].GetProperty("change").ValueKind);

        var audited = await DbAsync(app, db => db.AuditEvents.Where(e => e.Subject == $"#{id} T0 Sme").Select(e => e.Action).ToListAsync());
        Assert.Contains("maturity.assessment.started", audited);
        Assert.Equal(6, audited.Count(a => a == "maturity.assessment.saved"));
        Assert.Contains("maturity.assessment.submitted", audited);
    }

    [Theory, BothDatabases]
    public async Task Comparison_T1MinusT0PerDimension(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var t0 = await StartAsync(n, "asker");
        foreach (var d in SmeAnswers.Keys) await SaveAsync(n, "asker", t0, d);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/maturity/assessments/{t0}/submit", new { })).StatusCode);
        var t1 = await StartAsync(n, "asker", "T1");
        foreach (var d in SmeAnswers.Keys)
        {
            var answers = new Dictionary<string, int[]>(SmeAnswers[d]);
            if (d == 5) answers["Q23"] = [5, 5, 5, 0, 0]; // 15/25 = 60 instead of 40
            if (d == 3) answers["Q20"] = [1, 2, 3]; // 3/9: (1 + 1/3)/2 = 66.67 instead of 50
            Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PutAsJsonAsync($"/api/v1/maturity/assessments/{t1}/dimensions/{d}", new { answers })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/maturity/assessments/{t1}/submit", new { })).StatusCode);

        var compared = await GetJsonAsync(n.Api("desk1"), $"/api/v1/maturity/assessments/{t0}/comparison");
        var changes = compared.GetProperty("dimensions").EnumerateArray().Select(x => x.GetProperty("change").GetDouble()).ToArray();
        Assert.Equal(0, changes[0], 6);
        Assert.Equal(100.0 / 6, changes[2], 6);
        Assert.Equal(20, changes[4], 6);
        Assert.Equal((100.0 / 6 + 20) / 6, compared.GetProperty("overallChange").GetDouble(), 6);
        // The weakest of T1: readiness (40) and green (40), ties to the earlier dimension.
        Assert.Equal([2, 6], compared.GetProperty("weakestDimensions").EnumerateArray().Select(x => x.GetInt32()).ToArray());
    }

    [Theory, BothDatabases]
    public async Task TokenWithoutTheScope_Refused_AndARemovedMember_NoLongerReaches(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await StartAsync(n, "asker");
        var hubsOnly = TestTokens.Client(app, await TestTokens.CreateAsync(app, n.Emails["asker"], ApiScopes.HubsRead, ApiScopes.HubsWrite));
        Assert.Equal(HttpStatusCode.Forbidden, (await hubsOnly.GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hubsOnly.PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/submit", new { })).StatusCode);

        // A colleague reads the organisation's assessment while a member, and not after leaving it.
        Assert.Equal(HttpStatusCode.OK, (await n.Api("colleague").GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
        await DbAsync(app, db => db.OrganisationMembers.Where(m => m.UserId == n.Ids["colleague"]
            && db.Organisations.Any(o => o.Id == m.OrganisationId && o.Slug == n.Customer)).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("colleague").GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(n, "colleague", id, 1)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Strangers_GetNotFound_AdminsRead(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await StartAsync(n, "asker");
        foreach (var stranger in new[] { "othercustomer", "hubmember", "imindesk" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await n.Api(stranger).GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(n, stranger, id, 1)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await n.Api(stranger).PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/submit", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await n.Api(stranger).GetAsync($"/api/v1/maturity/assessments/{id}/comparison")).StatusCode);
        }
        // A stranger cannot start one for the customer either, and learns no more than from a wrong slug.
        var (refused, body) = await SendAsync(n.Api("othercustomer").PostAsJsonAsync("/api/v1/maturity/assessments", new { organisation = n.Customer, hub = n.Imin, wave = "T0" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.True(body.GetProperty("errors").TryGetProperty("organisation", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("othercustomer").GetAsync($"/api/v1/organisations/{n.Customer}/maturity/assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("hubmember").GetAsync($"/api/v1/hubs/{n.Centro}/maturity/assessments")).StatusCode);

        // Platform admins read it, and may not answer for the customer.
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
        var adminSave = await admin.Client.PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/dimensions/1", new { answers = SmeAnswers[1] });
        Assert.Equal(HttpStatusCode.Forbidden, adminSave.StatusCode);

        // The organisation's members and the hub's desk list it.
        var mine = await GetJsonAsync(n.Api("colleague"), $"/api/v1/organisations/{n.Customer}/maturity/assessments");
        Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);
        var desk = await GetJsonAsync(n.Api("desk2"), $"/api/v1/hubs/{n.Centro}/maturity/assessments");
        Assert.Contains(desk.EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);
    }

    [Theory, BothDatabases]
    public async Task Export_HubManagersGetFlatCsv_OthersNotFound(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await StartAsync(n, "asker");
        foreach (var d in SmeAnswers.Keys) await SaveAsync(n, "asker", id, d);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/submit", new { })).StatusCode);
        await DbAsync(app, db => db.HubMemberships.Where(m => m.HubId == n.CentroId && m.UserId == n.Ids["desk2"])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Roles, HubRoles.Member | HubRoles.HubManager)));
        // Hub managers must have two-factor sign-in on (their tokens are refused otherwise).
        await DbAsync(app, db => db.Users.Where(u => u.Id == n.Ids["desk2"]).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true)));

        var url = $"/api/v1/hubs/{n.Centro}/maturity/assessments/export";
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("desk1").GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await n.Api("desk2").GetAsync("/api/v1/maturity/assessments/export")).StatusCode);
        var response = await n.Api("desk2").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,organisation,organisation_name,hub,hub_name,set,wave,status,started_at,submitted_at,d1,d2,d3,d4,d5,d6,overall,band", lines[0]);
        var row = lines.Single(l => l.StartsWith(id.ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(18, row.Length);
        Assert.Equal([n.Customer, "Sme", "T0", "Submitted"], new[] { row[1], row[5], row[6], row[7] });
        Assert.Equal(["52.8", "40", "50", "64.3", "40", "40", "47.8", "Average"], row[10..]);
        Assert.Contains("maturity.assessments.exported", await DbAsync(app, db => db.AuditEvents.Where(e => e.Subject == n.Centro).Select(e => e.Action).ToListAsync()));
    }

    [Theory, BothDatabases]
    public async Task Erasure_KeepsTheAssessmentWithoutThePerson(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await StartAsync(n, "asker");
        await SaveAsync(n, "asker", id, 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<PersonalDataService>();
            Assert.True(await data.EraseAsync(n.Ids["asker"], true, ErasureRequester.Self, null, CancellationToken.None));
        }
        var kept = await DbAsync(app, db => db.MaturityAssessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Null(kept.StartedById);
        Assert.Null(kept.UpdatedById);
        Assert.Contains("Q15", kept.ReadAnswers().Keys);
    }
}
