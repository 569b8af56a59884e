using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Hubs;

/// <summary>Roles a hub defines: defined, renamed, retired; called for, granted on selection, counted, and gone with the membership.</summary>
[Collection(AppsCollection.Name)]
public sealed class DefinedRoleTests(AgoraApps apps)
{
    private const string Roles = $"/api/v1/hubs/{Hub}/roles";

    private static object Role(string key, string en, string? pt = null, string? nb = null) =>
        new { key, nameEn = en, namePt = pt ?? en + " (pt)", nameNb = nb ?? en + " (nb)", description = "Speaks for the patients." };

    private static async Task<int> DefineAsync(HttpClient manager, string key, string en)
    {
        var created = await manager.PostAsJsonAsync(Roles, Role(key, en));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<(int Id, int Question)> OpenCallForAsync(HttpClient manager, int roleId, int seats)
    {
        var created = await manager.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new
        {
            definedRoleId = roleId, title = "Ambassadors wanted", description = "A year with the hub.", audience = "SignedIn", seats,
            deadline = DateTimeOffset.UtcNow.AddDays(10),
            criteria = new object[] { new { name = "Motivation", weight = 1 } },
            questions = new object[] { new { text = "Why?", required = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/hubs/{Hub}/calls/{id}/open", null)).StatusCode);
        var call = await GetJsonAsync(manager, $"/api/v1/hubs/{Hub}/calls/{id}");
        return (id, call.GetProperty("questions")[0].GetProperty("id").GetInt32());
    }

    private static Task<bool> HoldsAsync(AgoraFactory app, string email, int roleId) =>
        DbAsync(app, db => (from h in db.HubRoleHolders join u in db.Users on h.UserId equals u.Id where u.Email == email && h.RoleId == roleId select h).AnyAsync());

    [Theory, BothDatabases]
    public async Task Define_Rename_Retire_WithTheRefusals(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await DefineAsync(manager.Client, "ambassador-" + tag, "Ambassador " + tag);

        // Keys and names are unique in the hub (names without regard to case); only managers define or read them.
        var sameKey = await manager.Client.PostAsJsonAsync(Roles, Role("ambassador-" + tag, "Other " + tag));
        Assert.Equal(HttpStatusCode.BadRequest, sameKey.StatusCode);
        Assert.True((await sameKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("key", out _));
        var sameName = await manager.Client.PostAsJsonAsync(Roles, Role("other-" + tag, "AMBASSADOR " + tag));
        Assert.Equal(HttpStatusCode.BadRequest, sameName.StatusCode);
        Assert.True((await sameName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("nameEn", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(Roles, Role("Not a key!", "Keyless " + tag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(Roles, Role("mine-" + tag, "Mine " + tag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(Roles)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync($"{Roles}/{id}", Role("", "Hijacked " + tag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsync($"{Roles}/{id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/hubs/{Hub}/roles")).Response.StatusCode);

        // Renamed: the key stays; the reader's language picks the name.
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"{Roles}/{id}", Role("ignored", "Patient voice " + tag, "Voz dos doentes " + tag, "Pasientstemme " + tag))).StatusCode);
        var listed = (await GetJsonAsync(manager.Client, Roles)).EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal("ambassador-" + tag, listed.GetProperty("key").GetString());
        Assert.Equal("Patient voice " + tag, listed.GetProperty("name").GetString());

        // A call is for a built-in role or a defined one, never both; retiring is refused while the call is undecided.
        var both = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new
        {
            role = "Fellow", definedRoleId = id, title = "Both", description = "x", audience = "SignedIn", seats = 1, deadline = DateTimeOffset.UtcNow.AddDays(3),
            criteria = new object[] { new { name = "M", weight = 1 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        await OpenCallForAsync(manager.Client, id, 1);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsync($"{Roles}/{id}/retire", null)).StatusCode);

        // A role no call uses retires; it is then neither offered for calls nor given to more people.
        var other = await DefineAsync(manager.Client, "retiring-" + tag, "Retiring " + tag);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync($"{Roles}/{other}/retire", null)).StatusCode);
        var (_, form) = await manager.GetAsync($"/hubs/{Hub}/calls/new");
        Assert.NotNull(form.QuerySelector($"#Input_Role option[value='defined:{id}']"));
        Assert.Null(form.QuerySelector($"#Input_Role option[value='defined:{other}']"));
        var forRetired = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/calls", new
        {
            definedRoleId = other, title = "Retired", description = "x", audience = "SignedIn", seats = 1, deadline = DateTimeOffset.UtcNow.AddDays(3),
            criteria = new object[] { new { name = "M", weight = 1 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, forRetired.StatusCode);
        Assert.True((await forRetired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("definedRoleId", out _));
        var memberId = await UserIdAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{memberId}/defined-roles", new { roleIds = new[] { other } })).StatusCode);

        // The page lists both, and defining through it works as through the API.
        var (_, page) = await manager.GetAsync($"/hubs/{Hub}/roles");
        Assert.Contains("Patient voice " + tag, page.QuerySelector("main table")!.TextContent);
        var viaPage = await manager.SubmitAsync($"/hubs/{Hub}/roles", new Dictionary<string, string>
        {
            ["Input.Key"] = "page-" + tag, ["Input.NameEn"] = "Page role " + tag, ["Input.NamePt"] = "Função " + tag, ["Input.NameNb"] = "Rolle " + tag,
        }, "main form[action*='handler=Create']");
        Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        var actions = await DbAsync(app, db => db.AuditEvents.Where(a => a.Subject!.EndsWith(tag)).Select(a => a.Action).ToListAsync());
        foreach (var action in new[] { AuditActions.DefinedRoleCreated, AuditActions.DefinedRoleChanged, AuditActions.DefinedRoleRetired })
            Assert.Contains(action, actions);
    }

    [Theory, BothDatabases]
    public async Task ACallForADefinedRole_GrantsItOnSelection_CountsIt_TakesItBackOnDecline_AndItEndsWithTheMembership(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await DefineAsync(manager.Client, "carer-" + tag, "Carer voice " + tag);
        var (call, question) = await OpenCallForAsync(manager.Client, id, 3);
        var api = $"/api/v1/hubs/{Hub}/calls/{call}";
        var people = new[] { await TestPeople.RegisterAsync(app, "Ada " + tag), await TestPeople.RegisterAsync(app, "Ben " + tag), await TestPeople.RegisterAsync(app, "Cy " + tag) };
        var applications = new List<int>();
        foreach (var p in people)
        {
            var applied = await Community.CallTests.ApplyAsync(p.Browser.Client, call, question);
            Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
            applications.Add((await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }
        var (_, details) = await people[0].Browser.GetAsync($"/hubs/{Hub}/calls/{call}");
        Assert.Contains("Carer voice " + tag, details.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(api + "/close", null)).StatusCode);
        foreach (var a in applications)
            Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"{api}/applications/{a}/decision", new { decision = "Selected" })).StatusCode);

        // Selected: each holds the role (and is a member now), told and audited; the figures count them; their account shows it.
        foreach (var p in people) Assert.True(await HoldsAsync(app, p.Email, id));
        var adaId = await UserIdAsync(app, people[0].Email);
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == adaId && n.Kind == NotificationKind.CommunityCall && n.Detail == "Selected")));
        Assert.Equal(3, await DbAsync(app, db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.DefinedRoleGranted && a.Details!.Contains($"call #{call}"))));
        var figures = (await GetJsonAsync(app.NewClient(), $"/api/v1/hubs/{Hub}/community/figures")).GetProperty("calls").GetProperty("peoplePerRole");
        var counted = figures.EnumerateArray().Single(r => r.TryGetProperty("definedRoleId", out var d) && d.ValueKind == JsonValueKind.Number && d.GetInt32() == id);
        Assert.Equal(3, counted.GetProperty("people").GetInt32());
        Assert.Equal("Carer voice " + tag, counted.GetProperty("name").GetString());
        var mine = await GetJsonAsync(people[0].Browser.Client, "/api/v1/me/memberships");
        Assert.Contains(mine.EnumerateArray().Single(m => m.GetProperty("hubSlug").GetString() == Hub).GetProperty("definedRoles").EnumerateArray(),
            r => r.GetProperty("id").GetInt32() == id);

        // Ada declines: the role goes back. Ben leaves the hub: it ends with his membership. Both audited.
        Assert.Equal(HttpStatusCode.OK, (await people[0].Browser.Client.PostAsync(api + "/application/decline", null)).StatusCode);
        Assert.False(await HoldsAsync(app, people[0].Email, id));
        var benId = await UserIdAsync(app, people[1].Email);
        Assert.True((await people[1].Browser.Client.DeleteAsync($"/api/v1/hubs/{Hub}/members/{benId}")).IsSuccessStatusCode);
        Assert.False(await HoldsAsync(app, people[1].Email, id));
        var removed = await DbAsync(app, db => db.AuditEvents.Where(a => a.Action == AuditActions.DefinedRoleRemoved && a.Details!.StartsWith("carer-" + tag)).Select(a => a.Details).ToListAsync());
        Assert.Contains(removed, d => d!.Contains("declined"));
        Assert.Contains(removed, d => d!.EndsWith(": Left"));

        // The manager takes and gives it on the members page's API; a member who is not the manager cannot.
        var cyId = await UserIdAsync(app, people[2].Email);
        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{cyId}/defined-roles", new { roleIds = Array.Empty<int>() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{cyId}/defined-roles", new { roleIds = Array.Empty<int>() })).StatusCode);
        Assert.False(await HoldsAsync(app, people[2].Email, id));
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{cyId}/defined-roles", new { roleIds = new[] { id } })).StatusCode);
        var (_, members) = await manager.GetAsync($"/hubs/{Hub}/members?sort=-joinedAt");
        Assert.NotNull(members.QuerySelector($"input[name=definedRoles][value='{id}'][checked]"));

        // Blocking ends it too: Ada (a member still) is given the role by hand, then blocked.
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/members/{adaId}/defined-roles", new { roleIds = new[] { id } })).StatusCode);
        Assert.True(await HoldsAsync(app, people[0].Email, id));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/moderation/blocks", new { userId = adaId, reason = "Spam" })).StatusCode);
        Assert.False(await HoldsAsync(app, people[0].Email, id));
        Assert.True(await DbAsync(app, db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.DefinedRoleRemoved && a.Details == $"carer-{tag}: Blocked")));

        // Export holds it; erasure removes it.
        using (var scope = app.Services.CreateScope())
        {
            var source = scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "hubs");
            var json = JsonSerializer.Serialize(await source.ExportAsync(cyId, CancellationToken.None), JsonSerializerOptions.Web);
            Assert.Contains("carer-" + tag, json);
            Assert.Contains("Carer voice " + tag, json);
        }
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var source = scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "hubs");
            await source.EraseAsync(new Erasure(cyId, people[2].Email, "erased-test", false, DateTimeOffset.UtcNow), CancellationToken.None);
            await db.SaveChangesAsync();
        }
        Assert.False(await DbAsync(app, db => db.HubRoleHolders.AnyAsync(h => h.UserId == cyId)));
    }
}
