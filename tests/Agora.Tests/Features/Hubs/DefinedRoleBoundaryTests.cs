using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Hubs;

/// <summary>Who must not reach a hub's defined roles: another hub's manager, another hub's role, a non-member, a token without the scope.</summary>
[Collection(AppsCollection.Name)]
public sealed class DefinedRoleBoundaryTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task AnotherHubsManager_AnotherHubsRole_ANonMember_AndAReadToken_ChangeNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager); // helseplattformen
        var imin = await SignInAsync(app, DemoAccounts.OtherManager); // imIN-hub
        var ambassador = await DbAsync(app, db => db.HubDefinedRoles.Where(r => db.Hubs.Any(h => h.Id == r.HubId && h.Slug == DemoAccounts.IminHub))
            .Select(r => new { r.Id, r.NameEn }).FirstAsync());
        var memberId = await UserIdAsync(app, DemoAccounts.Member);

        // imIN-hub's manager reaches none of helseplattformen's roles, by page or API.
        Assert.Equal(HttpStatusCode.Forbidden, (await imin.Client.GetAsync($"/api/v1/hubs/{Hub}/roles")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await imin.Client.GetAsync($"/hubs/{Hub}/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await imin.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/roles",
            new { key = "intruder", nameEn = "Intruder", namePt = "Intruso", nameNb = "Inntrenger", description = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await imin.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{memberId}/defined-roles",
            new { roleIds = new[] { ambassador.Id } })).StatusCode);

        // Helseplattformen's manager cannot give imIN-hub's role, rename it under their hub, nor call for it.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{memberId}/defined-roles",
            new { roleIds = new[] { ambassador.Id } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/roles/{ambassador.Id}",
            new { key = "x", nameEn = "Renamed", namePt = "Renomeado", nameNb = "Omdøpt", description = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PostAsync($"/api/v1/hubs/{Hub}/roles/{ambassador.Id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new
        {
            definedRoleId = ambassador.Id, title = "Borrowed role", description = "x", audience = "SignedIn", seats = 1,
            deadline = DateTimeOffset.UtcNow.AddDays(3), criteria = new object[] { new { name = "M", weight = 1 } },
        })).StatusCode);

        // Someone who is not a member of the hub is given nothing.
        var outsider = await TestPeople.RegisterAsync(app, "Otto Outsider");
        var outsiderId = await UserIdAsync(app, outsider.Email);
        var mine = await DbAsync(app, db => db.HubDefinedRoles.Where(r => db.Hubs.Any(h => h.Id == r.HubId && h.Slug == Hub)).Select(r => (int?)r.Id).FirstOrDefaultAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{outsiderId}/defined-roles",
            new { roleIds = mine is { } m ? new[] { m } : Array.Empty<int>() })).StatusCode);

        // A token with the read scope lists but does not change; no token opens the page.
        var reader = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsRead));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/hubs/{Hub}/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/hubs/{Hub}/roles",
            new { key = "by-token", nameEn = "By token", namePt = "Por token", nameNb = "Med token", description = "x" })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await reader.GetAsync($"/hubs/{Hub}/roles")).StatusCode);

        // Nothing changed: imIN-hub's role keeps its name and holders; helseplattformen gained no role.
        Assert.Equal(ambassador.NameEn, await DbAsync(app, db => db.HubDefinedRoles.Where(r => r.Id == ambassador.Id).Select(r => r.NameEn).SingleAsync()));
        Assert.False(await DbAsync(app, db => db.HubRoleHolders.AnyAsync(h => h.RoleId == ambassador.Id && h.UserId == memberId
            && db.Hubs.Any(x => x.Id == h.HubId && x.Slug == Hub))));
        Assert.False(await DbAsync(app, db => db.HubDefinedRoles.AnyAsync(r => r.Key == "intruder" || r.Key == "by-token")));
    }
}
