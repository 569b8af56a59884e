using System.Net;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Network.Figures;

/// <summary>
/// FiguresAccess: the figures for managers of a hub in the network and platform admins (page, API, CSV alike); the gap
/// analysis for anyone signed in; a token needs hubs:read.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class FiguresAccessTests(AgoraApps apps)
{
    private static readonly string[] FigureUrls = ["/network/figures", "/network/figures?format=csv", "/api/v1/network/figures"];
    private static readonly string[] GapUrls = ["/network/gaps", "/network/gaps?format=csv", "/api/v1/network/gaps"];

    [Theory, BothDatabases]
    public async Task Figures_OnlyNetworkManagersAndAdmins_GapsAnyoneSignedIn(string provider)
    {
        var app = await apps.GetAsync(provider);

        var anonymous = app.NewClient();
        foreach (var url in FigureUrls.Concat(GapUrls))
        {
            var r = await anonymous.GetAsync(url);
            if (url.StartsWith("/api", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            else Assert.Contains("/account/signin", r.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        // A signed-in person with no hub, and a member who manages nothing: no figures, but the gaps.
        foreach (var email in new[] { DemoAccounts.Citizen, DemoAccounts.Member })
        {
            var browser = await SignInAsync(app, email);
            foreach (var url in FigureUrls) Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync(url)).StatusCode);
            foreach (var url in GapUrls) Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(url)).StatusCode);
        }

        // Managers of a hub in the network (helseplattformen's) and platform admins.
        foreach (var email in new[] { DemoAccounts.Manager, DemoAccounts.Admin })
        {
            var browser = await SignInAsync(app, email);
            foreach (var url in FigureUrls.Concat(GapUrls)) Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(url)).StatusCode);
        }

        // Tokens: hubs:read reads what the person may see; another scope reads nothing.
        var read = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsRead));
        Assert.Equal(HttpStatusCode.OK, (await read.GetAsync("/api/v1/network/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await read.GetAsync("/api/v1/network/gaps")).StatusCode);
        var other = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.ProfileRead));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/network/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/network/gaps")).StatusCode);
        var citizen = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Citizen, ApiScopes.HubsRead));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/network/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/api/v1/network/gaps")).StatusCode);
    }

    [Fact]
    public async Task HubPage_ForManagers_LinksToFiguresAndGaps()
    {
        var app = await apps.GetAsync("Sqlite");
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (_, doc) = await manager.GetAsync($"/hubs/{DemoAccounts.HelseplattformenHub}");
        Assert.NotNull(doc.QuerySelector($"a[href='/network/figures?hub={DemoAccounts.HelseplattformenHub}']"));
        Assert.NotNull(doc.QuerySelector($"a[href='/network/gaps?hub={DemoAccounts.HelseplattformenHub}']"));
        var member = await SignInAsync(app, DemoAccounts.Member);
        var (_, memberDoc) = await member.GetAsync($"/hubs/{DemoAccounts.HelseplattformenHub}");
        Assert.Null(memberDoc.QuerySelector("a[href^='/network/figures']"));
    }
}
