using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Requests;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Hubs;

/// <summary>The hubs' share of a person's export and erasure (issue 13, GDPR Art. 15, 17, 20).</summary>
[Collection(AppsCollection.Name)]
public sealed class HubsPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task ExportAndErase_MembershipsJoinRequestsAndInvitationsToThem_GoAfterEveryFeatureEndedTheirRights(string provider)
    {
        var app = await apps.GetAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await TestPeople.RegisterAsync(app, "Hanne Hubs " + tag);
        var me = person.Browser;
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var applicant = await SignInAsync(app, DemoAccounts.Member);

        // A hub of its own where they review (made in the database), with the demo manager and member.
        var (slug, personId) = await DbAsync(app, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var hub = new Hub { Id = Guid.NewGuid(), Slug = "pdh-" + tag, Name = "Hubs personal data " + tag, Region = "Test", CreatedAt = now };
            hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
            db.Hubs.Add(hub);
            foreach (var (email, roles) in new[] { (DemoAccounts.Manager, HubRoles.HubManager), (DemoAccounts.Member, HubRoles.Member), (person.Email, HubRoles.LegalReviewer) })
            {
                var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user, Roles = roles | HubRoles.Member, JoinedAt = now });
            }
            // And one that asks for approval to join, managed by the demo manager.
            var asking = new Hub { Id = Guid.NewGuid(), Slug = "pda-" + tag, Name = "Asking hub " + tag, Region = "Test", CreatedAt = now, JoinPolicy = JoinPolicy.Approval };
            asking.Texts.Add(new HubText { HubId = asking.Id, Culture = "en", Name = asking.Name, Description = "" });
            db.Hubs.Add(asking);
            db.HubMemberships.Add(new HubMembership { HubId = asking.Id, UserId = await db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync(),
                Roles = HubRoles.HubManager | HubRoles.Member, JoinedAt = now });
            await db.SaveChangesAsync();
            return (hub.Slug, await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync());
        });

        // They ask to join the demo hub, are invited to another, invite someone to theirs, and are assigned a review there.
        var asked = await me.SubmitAsync($"/hubs/pda-{tag}", new Dictionary<string, string> { ["Input.Message"] = "Their join message " + tag }, "form[action*='handler=Join']");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{DemoAccounts.HelseplattformenHub}/invitations", new { email = person.Email, roles = new[] { "Mentor" } })).StatusCode);
        var invitee = $"invitee-{tag}@example.org";
        // (Sending invitations takes a manager with two-factor sign-in: the one they sent is written as it would be.)
        await DbAsync(app, async db =>
        {
            var hubId = await db.Hubs.Where(h => h.Slug == slug).Select(h => h.Id).SingleAsync();
            db.HubInvitations.Add(new HubInvitation { Id = Guid.NewGuid(), HubId = hubId, Email = invitee, TokenHash = "pd-" + tag, InvitedById = personId,
                CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(14) });
            return await db.SaveChangesAsync();
        });
        var (_, url) = await RequestTests.InReviewAsync(applicant, manager, "Reviewed " + tag, slug);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = person.Email, role = "Legal" })).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var source = scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "hubs");
            var json = JsonSerializer.Serialize(await source.ExportAsync(personId, CancellationToken.None), JsonSerializerOptions.Web);
            foreach (var expected in new[] { slug, "LegalReviewer", "Their join message " + tag, "\"status\":\"Pending\"", person.Email, "Mentor", "\"count\":1" })
                Assert.Contains(expected, json, StringComparison.OrdinalIgnoreCase);
            // Whom they invited is someone else's address.
            Assert.DoesNotContain(invitee, json, StringComparison.OrdinalIgnoreCase);
        }

        for (var run = 0; run < 2; run++)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var source = scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "hubs");
            await source.EraseAsync(new Erasure(personId, person.Email, "erased-test", false, DateTimeOffset.UtcNow), CancellationToken.None);
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, ""));
        }

        await DbAsync(app, async db =>
        {
            Assert.False(await db.HubMemberships.AnyAsync(m => m.UserId == personId));
            Assert.False(await db.JoinRequests.AnyAsync(r => r.UserId == personId));
            Assert.False(await db.HubInvitations.AnyAsync(i => i.Email.ToLower() == person.Email.ToLower()));
            // The invitation they sent stays (it is the invitee's way in); the review assigned to them ended with their rights.
            Assert.True(await db.HubInvitations.AnyAsync(i => i.InvitedById == personId && i.Email == invitee));
            Assert.False(await db.RequestReviews.AnyAsync(x => x.ReviewerId == personId));
            return 0;
        });
        foreach (var path in new[] { $"/hubs/{slug}", $"/hubs/{slug}/members", $"/hubs/{slug}/invitations", $"/hubs/pda-{tag}/join-requests", $"/hubs/{slug}/requests" })
        {
            var (response, doc) = await manager.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(person.Name, doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Email, doc.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        }
    }
}
