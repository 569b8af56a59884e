using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Organisations;

/// <summary>An organisation's members' emails go only to its admins (who manage them) and platform admins.</summary>
[Collection(AppsCollection.Name)]
public sealed class OrganisationMemberEmailTests(AgoraApps apps)
{
    private const string Org = "helseplattformen-as";

    [Theory, BothDatabases]
    public async Task Members_PlainMemberAndAdmin_EmailsOnlyToAdmin(string provider)
    {
        var app = await apps.GetAsync(provider);
        var plain = new PageClient(app.NewClient());
        await plain.SignInAsync(DemoAccounts.Reviewer, DemoAccounts.Password);
        var list = await plain.Client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{Org}/members");
        Assert.True(list.GetProperty("items").GetArrayLength() >= 2);
        Assert.All(list.GetProperty("items").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("email").ValueKind));
        var (_, doc) = await plain.GetAsync($"/organisations/{Org}/members");
        Assert.DoesNotContain("@agora.demo", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Facilitator, DemoAccounts.Password);
        list = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{Org}/members");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == DemoAccounts.Reviewer);
        (_, doc) = await admin.GetAsync($"/organisations/{Org}/members");
        Assert.Contains(DemoAccounts.Reviewer, doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
