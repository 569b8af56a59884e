using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Hubs;

/// <summary>People's email addresses go only to those who manage them: the page and the API ask one rule.</summary>
[Collection(AppsCollection.Name)]
public sealed class MemberEmailTests(AgoraApps apps)
{
    private const string Hub = DemoAccounts.HelseplattformenHub;

    [Theory, BothDatabases]
    public async Task Members_PlainMemberByApi_NoEmails(string provider)
    {
        var app = await apps.GetAsync(provider);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Agent, DemoAccounts.Password);

        // The reviewed attack: a plain member lists the hub's members through the API.
        var list = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/members?pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 7);
        Assert.All(items, m => Assert.True(!m.TryGetProperty("email", out var e) || e.ValueKind == JsonValueKind.Null));
        Assert.DoesNotContain(DemoAccounts.Fellow, list.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothDatabases]
    public async Task Members_ManagerByApi_SeesEmails(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = new PageClient(app.NewClient());
        await manager.SignInAsync(DemoAccounts.Manager, DemoAccounts.Password, DemoAccounts.TotpKey);
        var list = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/members?pageSize=100");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == DemoAccounts.Fellow);
    }

    [Theory, BothDatabases]
    public async Task MembersPage_PlainMemberAndManager_EmailsOnlyToManager(string provider)
    {
        var app = await apps.GetAsync(provider);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Agent, DemoAccounts.Password);
        var (page, doc) = await member.GetAsync($"/hubs/{Hub}/members");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("@agora.demo", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var manager = new PageClient(app.NewClient());
        await manager.SignInAsync(DemoAccounts.Manager, DemoAccounts.Password, DemoAccounts.TotpKey);
        (_, doc) = await manager.GetAsync($"/hubs/{Hub}/members?role=Fellow&sort=joinedAt"); // the demo fellow first, however many join later
        Assert.Contains(DemoAccounts.Fellow, doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
