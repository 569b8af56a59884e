using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Events;
using Agora.Web.Features.Hackathons;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Mentoring;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HubRoles = Agora.Web.Platform.Auth.HubRoles;

namespace Agora.Tests.Features.Mentoring;

/// <summary>
/// Cross-hub safety of mentoring and hackathons: a manager of hub A reaches nothing of hub B by putting B's ids under
/// A's slug or A's ids under B's slug (pages and API); a token without the scope is refused; a token opens no page.
/// </summary>
public sealed partial class MentoringTests
{
    /// <summary>Hub B: the other demo manager runs it; the demo mentor mentors there; the demo agent is a member.</summary>
    private static Task<string> OtherHubAsync(AgoraFactory app) => DbAsync(app, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var hub = new Hub { Id = Guid.NewGuid(), Slug = "mb-" + Guid.NewGuid().ToString("N")[..8], Name = "Other hub", Region = "Test", CreatedAt = now };
        hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        hub.FocusAreas.Add(new HubFocusArea { HubId = hub.Id, FocusAreaId = 1 });
        db.Hubs.Add(hub);
        foreach (var (email, roles) in new[] { (DemoAccounts.OtherManager, HubRoles.HubManager), (DemoAccounts.Mentor, HubRoles.Mentor), (DemoAccounts.Agent, HubRoles.None) })
        {
            var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user, Roles = roles | HubRoles.Member, JoinedAt = now });
        }
        await db.SaveChangesAsync();
        return hub.Slug;
    });

    /// <summary>A members-only hackathon in the hub, with a challenge (by <paramref name="manager"/>) and a team (by <paramref name="lead"/>).</summary>
    private static async Task<(int Event, int Challenge, int Team)> HackathonAsync(AgoraFactory app, string slug, string manager, string lead)
    {
        var ev = await DbAsync(app, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var hubId = await db.Hubs.Where(h => h.Slug == slug).Select(h => h.Id).SingleAsync();
            var creator = await db.Users.Where(u => u.Email == manager).Select(u => u.Id).SingleAsync();
            var e = new Event
            {
                HubId = hubId, Format = EventFormat.Hackathon, Title = "Hack " + slug, Summary = "", Description = "", StartsAt = now.AddDays(1), EndsAt = now.AddDays(2),
                Mode = EventMode.OnSite, Audience = EventAudience.HubMembers, State = EventState.Published, CreatedById = creator, CreatedAt = now, UpdatedAt = now,
            };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var challenge = await TestActor.AsAsync(app, manager, sp => sp.GetRequiredService<HackathonChallenges>().CreateAsync(slug, ev, Hackathons.HackathonTests.Challenge(), default));
        Assert.True(challenge.IsOk, challenge.Outcome.ToString());
        var team = await TestActor.AsAsync(app, lead, sp => sp.GetRequiredService<HackathonTeams>().CreateAsync(slug, ev, new NewTeam(challenge.Value, "Team " + slug, "", null), default));
        Assert.True(team.IsOk, team.Outcome.ToString());
        return (ev, challenge.Value, team.Value);
    }

    [Theory, BothDatabases]
    public async Task CrossHub_ManagerOfA_ReachesNothingOfB_ByMixingSlugsAndIds_AndTokensKeepToTheirScopes(string provider)
    {
        var app = await apps.GetAsync(provider);
        var a = await HubAsync(app);
        var b = await OtherHubAsync(app);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, a, capacity: 2));
        await OkJsonAsync(await ProfileAsync(mentor, b, capacity: 1));
        var pairA = (await OkJsonAsync(await AskAsync(await SignInAsync(app, DemoAccounts.Member), a, "In A"))).GetProperty("pairId").GetInt32();
        var agent = await SignInAsync(app, DemoAccounts.Agent);
        var pairB = (await OkJsonAsync(await AskAsync(agent, b, "In B"))).GetProperty("pairId").GetInt32();
        var requestB = await DbAsync(app, db => db.MentoringRequests.Where(r => r.PairId == pairB).Select(r => r.Id).SingleAsync());
        var hackA = await HackathonAsync(app, a, DemoAccounts.Manager, DemoAccounts.Member);
        var hackB = await HackathonAsync(app, b, DemoAccounts.OtherManager, DemoAccounts.Agent);
        var manager = await SignInAsync(app, DemoAccounts.Manager); // manages A, not a member of B
        var http = manager.Client;
        var failures = new List<string>();
        async Task ExpectAsync(HttpResponseMessage response, string what, params HttpStatusCode[] allowed)
        {
            if (!allowed.Contains(response.StatusCode)) failures.Add($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var notFound = new[] { HttpStatusCode.NotFound };
        var refused = new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden };

        // B's ids under A's slug.
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{a}/mentoring/pairs/{pairB}"), "read B's pair under A", notFound);
        await ExpectAsync((await manager.GetAsync($"/hubs/{a}/mentoring/pairs/{pairB}")).Response, "B's pair page under A", notFound);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{a}/mentoring/pairs/{pairB}/end", new { note = "x" }), "end B's pair under A", notFound);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{a}/mentoring/pairs/{pairB}/sessions", new { at = DateTimeOffset.UtcNow, place = "x" }), "plan in B's pair under A", notFound);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{a}/mentoring/requests/{requestB}/withdraw", new { }), "withdraw B's request under A", notFound);
        var onlyInB = await UserIdAsync(app, DemoAccounts.OtherManager);
        var mentorId = await UserIdAsync(app, DemoAccounts.Mentor);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{a}/mentoring/pairs", new { menteeId = onlyInB, mentorId, goals = "x" }), "pair B's member in A",
            HttpStatusCode.BadRequest);
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{a}/events/{hackB.Event}/hackathon"), "B's hackathon under A", notFound);
        await ExpectAsync((await manager.GetAsync($"/hubs/{a}/events/{hackB.Event}/hackathon")).Response, "B's hackathon page under A", notFound);
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{a}/events/{hackA.Event}/hackathon/challenges/{hackB.Challenge}"), "B's challenge under A's event", notFound);
        await ExpectAsync(await http.PutAsJsonAsync($"/api/v1/hubs/{a}/events/{hackA.Event}/hackathon/challenges/{hackB.Challenge}",
            new { title = "Taken", description = "x", minTeamSize = 1, maxTeamSize = 2, submissionDeadline = DateTimeOffset.UtcNow.AddDays(3), criteria = new[] { new { name = "c", weight = 1 } } }),
            "change B's challenge under A's event", notFound);
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{a}/events/{hackA.Event}/hackathon/teams/{hackB.Team}"), "B's team under A's event", notFound);
        await ExpectAsync((await manager.GetAsync($"/hubs/{a}/events/{hackA.Event}/hackathon/teams/{hackB.Team}")).Response, "B's team page under A's event", notFound);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{a}/events/{hackA.Event}/hackathon/teams/{hackB.Team}/accelerate", new { }), "choose B's team under A", notFound);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{a}/events/{hackA.Event}/hackathon/teams/{hackB.Team}/mentors", new { userId = mentorId }), "mentor B's team under A", notFound);

        // A's ids (and B's own) under B's slug: the manager of A has no standing there.
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{b}/mentoring/pairs/{pairA}"), "A's pair under B", notFound);
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{b}/mentoring/pairs/{pairB}"), "B's pair", refused);
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{b}/mentoring/programme"), "B's programme", refused);
        await ExpectAsync((await manager.GetAsync($"/hubs/{b}/mentoring/programme")).Response, "B's programme page", refused);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{b}/mentoring/pairs/{pairB}/end", new { }), "end B's pair", refused);
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{b}/events/{hackA.Event}/hackathon"), "A's hackathon under B", notFound);
        await ExpectAsync(await http.GetAsync($"/api/v1/hubs/{b}/events/{hackB.Event}/hackathon/teams/{hackA.Team}"), "A's team under B's event", notFound);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{b}/events/{hackB.Event}/hackathon/challenges",
            new { title = "Mine", description = "x", minTeamSize = 1, maxTeamSize = 2, submissionDeadline = DateTimeOffset.UtcNow.AddDays(3), criteria = new[] { new { name = "c", weight = 1 } } }),
            "add a challenge to B's hackathon", refused);
        await ExpectAsync(await http.PostAsJsonAsync($"/api/v1/hubs/{b}/events/{hackB.Event}/hackathon/teams/{hackB.Team}/accelerate", new { }), "choose B's team", refused);

        // Tokens: without the write scope a write is refused with a problem; a token opens no page.
        var readOnly = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsRead));
        var end = await readOnly.PostAsJsonAsync($"/api/v1/hubs/{a}/mentoring/pairs/{pairA}/end", new { });
        await ExpectAsync(end, "read-only token ends a pair", HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", end.Content.Headers.ContentType?.MediaType);
        var choose = await readOnly.PostAsJsonAsync($"/api/v1/hubs/{a}/events/{hackA.Event}/hackathon/teams/{hackA.Team}/accelerate", new { });
        await ExpectAsync(choose, "read-only token chooses a team", HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", choose.Content.Headers.ContentType?.MediaType);
        await ExpectAsync(await readOnly.GetAsync($"/api/v1/hubs/{a}/mentoring/programme"), "read-only token reads the programme", HttpStatusCode.OK);
        var writeOnly = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsWrite));
        var read = await writeOnly.GetAsync($"/api/v1/hubs/{a}/mentoring/programme");
        await ExpectAsync(read, "write-only token reads the programme", HttpStatusCode.Forbidden);
        var full = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.All));
        var anonymous = app.NewClient();
        foreach (var page in new[] { $"/hubs/{a}/mentoring/programme", $"/hubs/{a}/mentoring/pairs/{pairA}", $"/hubs/{a}/events/{hackA.Event}/hackathon/teams/{hackA.Team}" })
        {
            var withToken = await full.GetAsync(page);
            var withNothing = await anonymous.GetAsync(page);
            if (withToken.StatusCode != withNothing.StatusCode || withToken.StatusCode == HttpStatusCode.OK)
                failures.Add($"token on page {page}: {(int)withToken.StatusCode}, anonymous {(int)withNothing.StatusCode}");
            if ((await withToken.Content.ReadAsStringAsync()).Contains("/account/signout", StringComparison.Ordinal)) failures.Add($"token signed in on {page}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing of B changed.
        Assert.Equal(PairState.Active, await DbAsync(app, db => db.MentoringPairs.Where(p => p.Id == pairB).Select(p => p.State).SingleAsync()));
        Assert.Equal(PairState.Active, await DbAsync(app, db => db.MentoringPairs.Where(p => p.Id == pairA).Select(p => p.State).SingleAsync()));
        var teamB = await DbAsync(app, db => db.HackathonTeams.AsNoTracking().SingleAsync(t => t.Id == hackB.Team));
        Assert.Null(teamB.AcceleratedAt);
        Assert.Equal(MentoringRequestState.Paired, await DbAsync(app, db => db.MentoringRequests.Where(r => r.Id == requestB).Select(r => r.State).SingleAsync()));
        Assert.Equal("Fewer readmissions", await DbAsync(app, db => db.HackathonChallenges.Where(c => c.Id == hackB.Challenge).Select(c => c.Title).SingleAsync()));
    }
}
