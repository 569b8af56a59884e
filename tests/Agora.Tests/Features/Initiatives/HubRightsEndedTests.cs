using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using HubMembership = Agora.Web.Features.Hubs.HubMembership;
using HubRoles = Agora.Web.Platform.Auth.HubRoles;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>
/// Security review hole 4 (initiatives): leaving or being removed from a hub ends every right in its initiatives at
/// once, audited; a team row left behind grants nothing.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class HubRightsEndedTests(AgoraApps apps)
{
    private const string Password = "Team-member-2026!";

    /// <summary>A new person with a password, a plain member of helseplattformen (not a demo account, so removing them disturbs no other test).</summary>
    private static async Task<(Guid Id, string Email)> MemberAsync(AgoraFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgoraUser>>();
        var email = $"team-{Guid.NewGuid():N}@example.org";
        var user = new AgoraUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Teammate " + email[5..11], CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await DbAsync(app, async db =>
        {
            var hub = await db.Hubs.SingleAsync(h => h.Slug == Hub);
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user.Id, Roles = HubRoles.Member, JoinedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return (user.Id, email);
    }

    private static async Task<int> InternalInitiativeAsync(PageClient manager, string title)
    {
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title, summary = "Internal work.", visibility = "HubInternal" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<Guid[]> TeamAsync(PageClient reader, int id) =>
        (await GetJsonAsync(reader.Client, $"/api/v1/hubs/{Hub}/initiatives/{id}/team")).GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("userId").GetGuid()).ToArray();

    [Theory, BothDatabases]
    public async Task RemoveMember_TeamMemberAndOwnerOfInternalInitiatives_LosesEveryRightAtOnce_Audited(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (personId, email) = await MemberAsync(app);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var seat = await InternalInitiativeAsync(manager, "Seat " + suffix);
        var owned = await InternalInitiativeAsync(manager, "Owned " + suffix);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{seat}/team", new { email, role = "ClinicalLead" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{owned}/team", new { email, role = "Owner" })).StatusCode);

        var person = new PageClient(app.NewClient());
        await person.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{seat}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{owned}/team")).StatusCode);

        // The manager removes them from the hub.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync($"/api/v1/hubs/{Hub}/members/{personId}")).StatusCode);

        // At once: the internal initiatives are unknown to them again, in the API and on the pages.
        foreach (var id in new[] { seat, owned })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{id}/team")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{id}/resources")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/hubs/{Hub}/initiatives/{id}")).Response.StatusCode);
            Assert.DoesNotContain(personId, await TeamAsync(manager, id));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{owned}", new { title = "Taken", summary = "x", version = 1 })).StatusCode);
        var board = await GetJsonAsync(person.Client, $"/api/v1/hubs/{Hub}/initiatives?pageSize=100");
        Assert.DoesNotContain(board.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() is var x && (x == seat || x == owned));

        // The initiative they owned is owned by the manager who removed them, who holds the owner's seat.
        var managerId = await DbAsync(app, db => db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync());
        Assert.Equal(managerId, await DbAsync(app, db => db.Initiatives.Where(i => i.Id == owned).Select(i => i.OwnerId).SingleAsync()));
        var managersSeat = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/initiatives/{owned}/team")).GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("userId").GetGuid() == managerId);
        Assert.Equal("Owner", managersSeat.GetProperty("role").GetString());

        // Audited on each initiative, in the same unit of work as the removal.
        var audited = await DbAsync(app, db => db.AuditEvents.Where(a => a.Action == AuditActions.InitiativeTeamChanged
                && (a.Subject!.StartsWith($"#{seat} ") || a.Subject!.StartsWith($"#{owned} ")))
            .Select(a => new { a.Subject, a.Details }).ToListAsync());
        Assert.Contains(audited, a => a.Subject!.StartsWith($"#{seat} ", StringComparison.Ordinal) && a.Details!.Contains("removed (removed from the hub)", StringComparison.Ordinal));
        Assert.Contains(audited, a => a.Subject!.StartsWith($"#{owned} ", StringComparison.Ordinal) && a.Details!.Contains("removed (removed from the hub)", StringComparison.Ordinal));
        Assert.Contains(audited, a => a.Subject!.StartsWith($"#{owned} ", StringComparison.Ordinal) && a.Details!.Contains("Owner (ownership passed on", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task InitiativeAccess_TeamRowOfSomeoneNoLongerInTheHub_GrantsNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (personId, email) = await MemberAsync(app);
        var id = await InternalInitiativeAsync(manager, "Stale seat " + Guid.NewGuid().ToString("N")[..6]);
        var person = new PageClient(app.NewClient());
        await person.SignInAsync(email, Password);

        // A team seat (and even ownership) written straight to the database for someone whose membership is gone, as if
        // the membership had ended some other way than through Hubs.
        await DbAsync(app, async db =>
        {
            await db.HubMemberships.Where(m => m.UserId == personId).ExecuteDeleteAsync();
            db.InitiativeMembers.Add(new InitiativeMember { InitiativeId = id, UserId = personId, Role = TeamRole.ProjectManager, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return await db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerId, personId));
        });

        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/hubs/{Hub}/initiatives/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync($"/api/v1/hubs/{Hub}/initiatives/{id}/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{id}/milestones", new { title = "Mine", dueOn = "2030-01-01" })).StatusCode);
        var csv = await person.Client.GetStringAsync($"/api/v1/hubs/{Hub}/portfolio/export");
        Assert.DoesNotContain($"\r\n{id},", csv, StringComparison.Ordinal);

        // Put back for the hub's other tests: the manager owns it again.
        await DbAsync(app, async db =>
        {
            var managerId = await db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync();
            return await db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerId, managerId));
        });
    }
}
