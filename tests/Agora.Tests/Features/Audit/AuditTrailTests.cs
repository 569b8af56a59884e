using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Audit;

/// <summary>The audit trail: the platform's for platform admins, a hub's for its managers, with its filters.</summary>
[Collection(AppsCollection.Name)]
public sealed class AuditTrailTests(AgoraApps apps)
{
    private static List<string> Actions(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();

    [Theory, BothDatabases]
    public async Task PlatformTrail_NewPersonsAccountSteps_FoundByActorActionAndDate(string provider)
    {
        var app = await apps.GetAsync(provider);
        var person = await TestPeople.RegisterAsync(app, "Audrey Auditee");
        var wrong = await new PageClient(app.NewClient()).SubmitAsync("/account/signin",
            new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password + "-not" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var actor = Uri.EscapeDataString(person.Email);
        var all = Actions(await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actor={actor}&pageSize=100"));
        Assert.Contains("account.registered", all);
        Assert.Contains("account.email.confirmed", all);
        Assert.Contains("account.signin.succeeded", all);
        Assert.Contains("account.signin.failed", all);

        var failed = Actions(await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actor={actor}&action=account.signin.failed"));
        Assert.NotEmpty(failed);
        Assert.All(failed, a => Assert.Equal("account.signin.failed", a));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(Actions(await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actor={actor}&from={tomorrow}")));

        // A sign-in with two-factor says so; an unknown action is a bad query, not an empty list.
        await SignInAsync(app, DemoAccounts.Manager);
        var managerSignIn = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actor={Uri.EscapeDataString(DemoAccounts.Manager)}&action=account.signin.succeeded");
        Assert.Contains(managerSignIn.GetProperty("items").EnumerateArray(), e => e.GetProperty("details").GetString() == "two-factor");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/v1/audit?action=no.such.action")).StatusCode);

        // The trail is the platform admin's alone.
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Browser.Client.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/audit")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task HubTrail_ManagerOnly_OthersAreToldNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        const string hub = DemoAccounts.HelseplattformenHub;
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Member);

        var trail = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{hub}/audit?pageSize=10");
        Assert.True(trail.GetProperty("items").GetArrayLength() <= 10);
        Assert.All(trail.GetProperty("items").EnumerateArray(), e => Assert.Equal(hub, e.GetProperty("hubSlug").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync($"/hubs/{hub}/audit")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/v1/hubs/{hub}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync("/api/v1/hubs/no-such-hub/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.GetAsync($"/api/v1/hubs/{hub}/audit?action=no.such.action")).StatusCode);
    }
}
