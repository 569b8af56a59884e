using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Mentoring;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HubRoles = Agora.Web.Platform.Auth.HubRoles;

namespace Agora.Tests.Features.Mentoring;

/// <summary>Mentoring: capacity under concurrency, the queue in order, sessions' privacy, feedback, rights ending, erasure, demo figures.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class MentoringTests(AgoraApps apps)
{
    /// <summary>Demo accounts that sign in without a second factor, used as mentees.</summary>
    private static readonly string[] Mentees =
        [DemoAccounts.Member, DemoAccounts.Agent, DemoAccounts.Facilitator, DemoAccounts.Fellow, DemoAccounts.Evaluator, DemoAccounts.Reviewer];

    /// <summary>A hub of its own (focus areas ehealth and ai) with the demo manager, the demo mentor as Mentor, and the mentees as members.</summary>
    private static Task<string> HubAsync(AgoraFactory app, params Guid[] extraMembers) => DbAsync(app, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var hub = new Hub { Id = Guid.NewGuid(), Slug = "mt-" + Guid.NewGuid().ToString("N")[..8], Name = "Mentoring hub", Region = "Test", CreatedAt = now };
        hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        hub.FocusAreas.Add(new HubFocusArea { HubId = hub.Id, FocusAreaId = 1 });
        hub.FocusAreas.Add(new HubFocusArea { HubId = hub.Id, FocusAreaId = 4 });
        db.Hubs.Add(hub);
        var people = new List<(string Email, HubRoles Roles)> { (DemoAccounts.Manager, HubRoles.HubManager), (DemoAccounts.Mentor, HubRoles.Mentor) };
        people.AddRange(Mentees.Select(m => (m, HubRoles.Member)));
        foreach (var (email, roles) in people)
        {
            var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user, Roles = roles | HubRoles.Member, JoinedAt = now });
        }
        foreach (var user in extraMembers)
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user, Roles = HubRoles.Member, JoinedAt = now });
        await db.SaveChangesAsync();
        return hub.Slug;
    });

    /// <summary>People who never sign in (paired by hand by a manager).</summary>
    private static Task<List<Guid>> PeopleAsync(AgoraFactory app, int count) => DbAsync(app, async db =>
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var email = $"mentee-{Guid.NewGuid():N}@example.org";
            var user = new Agora.Web.Platform.Auth.AgoraUser
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = "Mentee " + i, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Users.Add(user);
            ids.Add(user.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    });

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> ProfileAsync(PageClient mentor, string slug, int capacity, bool active = true) =>
        mentor.Client.PutAsJsonAsync($"/api/v1/hubs/{slug}/mentoring/profile",
            new { expertise = new[] { "ehealth" }, languages = new[] { "en", "pt-PT" }, capacity, availability = "Tuesdays, online.", active });

    private static Task<HttpResponseMessage> AskAsync(PageClient mentee, string slug, string goals, Guid? preferred = null) =>
        mentee.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/mentoring/requests", new { goals, focusArea = "ehealth", language = "en", preferredMentorId = preferred });

    private static Task<(int Active, int Capacity)> LoadAsync(AgoraFactory app, string slug) => DbAsync(app, async db =>
    {
        var p = await db.MentorProfiles.Where(p => db.Hubs.Any(h => h.Id == p.HubId && h.Slug == slug)).Select(p => new { p.ActiveCount, p.Capacity }).SingleAsync();
        return (p.ActiveCount, p.Capacity);
    });

    [Theory, BothDatabases]
    public async Task Ask_ManyMenteesAtOnceForOneMentor_NeverMoreThanCapacity_RestQueued(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = await HubAsync(app);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 2));
        var mentees = await Task.WhenAll(Mentees.Select(m => SignInAsync(app, m)));

        var answers = await Task.WhenAll(mentees.Select((m, i) => AskAsync(m, slug, $"Goal {i}")));

        var bodies = await Task.WhenAll(answers.Select(OkJsonAsync));
        Assert.Equal(2, bodies.Count(b => b.GetProperty("pairId").ValueKind == JsonValueKind.Number));
        Assert.Equal((2, 2), await LoadAsync(app, slug));
        Assert.Equal(2, await DbAsync(app, db => db.MentoringPairs.CountAsync(p => db.Hubs.Any(h => h.Id == p.HubId && h.Slug == slug) && p.State == PairState.Active)));
        var programme = await OkJsonAsync(await (await SignInAsync(app, DemoAccounts.Manager)).Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/programme"));
        Assert.Equal(Mentees.Length - 2, programme.GetProperty("queue").GetArrayLength());
        Assert.Equal(Enumerable.Range(1, Mentees.Length - 2), programme.GetProperty("queue").EnumerateArray().Select(w => w.GetProperty("position").GetInt32()));
    }

    [Theory, BothDatabases]
    public async Task PairByHand_ManyAtOnceOnOneMentor_OnlyCapacitySucceeds(string provider)
    {
        var app = await apps.GetAsync(provider);
        var people = await PeopleAsync(app, 8);
        var slug = await HubAsync(app, [.. people]);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 3));
        var mentorId = await UserIdAsync(app, DemoAccounts.Mentor);
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        var answers = await Task.WhenAll(people.Select(p =>
            manager.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/mentoring/pairs", new { menteeId = p, mentorId, goals = "By hand" })));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal((3, 3), await LoadAsync(app, slug));
    }

    [Theory, BothDatabases]
    public async Task Queue_SeatFreedOrCapacityRaised_WaitingRequestsPairedInOrder_AndTold(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = await HubAsync(app);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        var mentorId = await UserIdAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 1));
        var a = await SignInAsync(app, DemoAccounts.Member);
        var b = await SignInAsync(app, DemoAccounts.Agent);
        var c = await SignInAsync(app, DemoAccounts.Fellow);

        var first = await OkJsonAsync(await AskAsync(a, slug, "First"));
        var pairA = first.GetProperty("pairId").GetInt32();
        Assert.Equal(JsonValueKind.Null, (await OkJsonAsync(await AskAsync(b, slug, "Second"))).GetProperty("pairId").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await OkJsonAsync(await AskAsync(c, slug, "Third", mentorId))).GetProperty("pairId").ValueKind);
        Assert.Equal(2, (await OkJsonAsync(await c.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/"))).GetProperty("waiting").GetProperty("position").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await AskAsync(b, slug, "Again")).StatusCode);

        // The first mentee ends the pair: the seat goes to the oldest waiting request in the same call.
        await OkJsonAsync(await a.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/mentoring/pairs/{pairA}/end", new { note = "Done" }));
        var mineB = await OkJsonAsync(await b.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/"));
        Assert.Equal(JsonValueKind.Null, mineB.GetProperty("waiting").ValueKind);
        Assert.Single(mineB.GetProperty("asMentee").EnumerateArray(), p => p.GetProperty("state").GetString() == "Active");
        var bId = await UserIdAsync(app, DemoAccounts.Agent);
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == bId && n.Kind == NotificationKind.Mentoring && n.Detail == "Paired")));
        Assert.Equal(1, (await OkJsonAsync(await c.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/"))).GetProperty("waiting").GetProperty("position").GetInt32());

        // Raising the capacity pairs the next one (who asked for this mentor).
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 2));
        var mineC = await OkJsonAsync(await c.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/"));
        Assert.Equal(JsonValueKind.Null, mineC.GetProperty("waiting").ValueKind);
        Assert.Equal((2, 2), await LoadAsync(app, slug));
        // Never below the mentees they have.
        Assert.Equal(HttpStatusCode.BadRequest, (await ProfileAsync(mentor, slug, capacity: 1)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Pair_NotesForThePairAlone_FeedbackOwnForEachSide_RatingsForManagers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = await HubAsync(app);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 1));
        var mentee = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var outsider = await SignInAsync(app, DemoAccounts.Agent);
        var pair = (await OkJsonAsync(await AskAsync(mentee, slug, "Learn to pitch"))).GetProperty("pairId").GetInt32();
        var url = $"/api/v1/hubs/{slug}/mentoring/pairs/{pair}";

        var session = (await OkJsonAsync(await mentor.Client.PostAsJsonAsync(url + "/sessions",
            new { at = DateTimeOffset.UtcNow.AddDays(-1), place = "https://meet.example.org/x" }))).GetProperty("id").GetInt32();
        await OkJsonAsync(await mentee.Client.PutAsJsonAsync($"{url}/sessions/{session}", new { notes = "Secret pitch notes", newActions = new[] { "Rewrite slide 3" } }));
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.Mentoring && n.Detail == "SessionPlanned" && n.Path == $"/hubs/{slug}/mentoring/pairs/{pair}")));

        var asMentor = await OkJsonAsync(await mentor.Client.GetAsync(url));
        Assert.Equal("Secret pitch notes", asMentor.GetProperty("sessions")[0].GetProperty("notes").GetString());
        Assert.Equal("Rewrite slide 3", asMentor.GetProperty("sessions")[0].GetProperty("actions")[0].GetProperty("text").GetString());
        var asManager = await OkJsonAsync(await manager.Client.GetAsync(url));
        Assert.True(asManager.GetProperty("sessions")[0].GetProperty("held").GetBoolean());
        Assert.Equal(JsonValueKind.Null, asManager.GetProperty("sessions")[0].GetProperty("notes").ValueKind);
        Assert.Equal(JsonValueKind.Null, asManager.GetProperty("sessions")[0].GetProperty("actions").ValueKind);
        Assert.DoesNotContain("Secret", (await manager.Client.GetStringAsync($"/hubs/{slug}/mentoring/pairs/{pair}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PutAsJsonAsync($"{url}/sessions/{session}", new { notes = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await mentee.Client.PostAsJsonAsync(url + "/feedback", new { rating = 4 })).StatusCode);
        await OkJsonAsync(await manager.Client.PostAsJsonAsync(url + "/end", new { note = "Programme closes" }));
        await OkJsonAsync(await mentee.Client.PostAsJsonAsync(url + "/feedback", new { rating = 4, text = "Mentee words" }));
        await OkJsonAsync(await mentor.Client.PostAsJsonAsync(url + "/feedback", new { rating = 2, text = "Mentor words" }));
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.Client.PostAsJsonAsync(url + "/feedback", new { rating = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync(url + "/feedback", new { rating = 3 })).StatusCode);

        var menteeView = await OkJsonAsync(await mentee.Client.GetAsync(url));
        Assert.Equal(4, menteeView.GetProperty("myFeedback").GetProperty("rating").GetInt32());
        Assert.Equal(JsonValueKind.Null, menteeView.GetProperty("ratings").ValueKind);
        Assert.DoesNotContain("Mentor words", menteeView.GetRawText(), StringComparison.Ordinal);
        var managerView = await OkJsonAsync(await manager.Client.GetAsync(url));
        Assert.Equal([("mentor", 2), ("mentee", 4)], managerView.GetProperty("ratings").EnumerateArray().Select(r => (r.GetProperty("side").GetString()!, r.GetProperty("rating").GetInt32())));
        Assert.DoesNotContain("words", managerView.GetRawText(), StringComparison.Ordinal);

        var programme = await OkJsonAsync(await manager.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/programme?state=Ended&sort=-sessions"));
        Assert.Equal(1, programme.GetProperty("figures").GetProperty("sessionsHeld").GetInt32());
        Assert.Equal(1, programme.GetProperty("pairs").GetProperty("total").GetInt32());
        var csv = await manager.Client.GetStringAsync($"/api/v1/hubs/{slug}/mentoring/programme/export?format=csv");
        Assert.StartsWith("pair,mentor,mentee", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", csv, StringComparison.Ordinal);
        var xlsx = await manager.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/programme/export?format=xlsx");
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        Assert.Equal(HttpStatusCode.Forbidden, (await mentee.Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/programme")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task MentorLosesRole_OpenPairsEnd_ProfileStops_QueueStays(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = await HubAsync(app);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        var mentorId = await UserIdAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 1));
        var pair = (await OkJsonAsync(await AskAsync(await SignInAsync(app, DemoAccounts.Member), slug, "One"))).GetProperty("pairId").GetInt32();
        await OkJsonAsync(await AskAsync(await SignInAsync(app, DemoAccounts.Agent), slug, "Two", mentorId));
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        var changed = await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{slug}/members/{mentorId}/roles", new { roles = new[] { "Member" } });
        Assert.True(changed.IsSuccessStatusCode, (int)changed.StatusCode + " " + await changed.Content.ReadAsStringAsync());

        var ended = await DbAsync(app, db => db.MentoringPairs.AsNoTracking().SingleAsync(p => p.Id == pair));
        Assert.Equal(PairState.Ended, ended.State);
        Assert.Equal(PairEndReason.MentorLeft, ended.EndReason);
        var profile = await DbAsync(app, db => db.MentorProfiles.AsNoTracking().SingleAsync(p => p.Id == ended.ProfileId));
        Assert.False(profile.Active);
        Assert.Equal(0, profile.ActiveCount);
        Assert.Equal(1, await DbAsync(app, db => db.MentoringRequests.CountAsync(r => r.HubId == ended.HubId && r.State == MentoringRequestState.Waiting)));
        // The mentee is told their mentor left.
        var menteeId = await UserIdAsync(app, DemoAccounts.Member);
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == menteeId && n.Kind == NotificationKind.Mentoring && n.Detail == "MentorLeft"
            && n.Path == $"/hubs/{slug}/mentoring/pairs/{pair}")));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<MentoringQueries>().MentorsAsync(ended.HubId, default));
    }

    [Theory, BothDatabases]
    public async Task Erase_DropsTheErasedPersonsNotesAndFeedbackText_KeepsTheOtherSides(string provider)
    {
        var app = await apps.GetAsync(provider);
        var people = await PeopleAsync(app, 1);
        var slug = await HubAsync(app, [.. people]);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        await OkJsonAsync(await ProfileAsync(mentor, slug, capacity: 1));
        var mentorId = await UserIdAsync(app, DemoAccounts.Mentor);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var pair = (await OkJsonAsync(await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/mentoring/pairs", new { menteeId = people[0], mentorId, goals = "G" })))
            .GetProperty("id").GetInt32();
        var url = $"/api/v1/hubs/{slug}/mentoring/pairs/{pair}";
        var first = (await OkJsonAsync(await mentor.Client.PostAsJsonAsync(url + "/sessions", new { at = DateTimeOffset.UtcNow.AddDays(-2), place = "Room 1" }))).GetProperty("id").GetInt32();
        var second = (await OkJsonAsync(await mentor.Client.PostAsJsonAsync(url + "/sessions", new { at = DateTimeOffset.UtcNow.AddDays(-1), place = "Room 2" }))).GetProperty("id").GetInt32();
        await OkJsonAsync(await mentor.Client.PutAsJsonAsync($"{url}/sessions/{first}", new { notes = "Mentor's own notes", newActions = new[] { "Mentor action" } }));
        // The mentee's words, as if written by them.
        await DbAsync(app, async db =>
        {
            await db.MentoringSessions.Where(s => s.Id == second).ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, "Mentee notes").SetProperty(x => x.NotesById, people[0]));
            db.MentoringActions.Add(new MentoringAction { SessionId = second, Text = "Mentee action", CreatedById = people[0], CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        await OkJsonAsync(await mentor.Client.PostAsJsonAsync(url + "/end", new { }));
        await OkJsonAsync(await mentor.Client.PostAsJsonAsync(url + "/feedback", new { rating = 5, text = "Mentor feedback" }));
        await DbAsync(app, async db =>
        {
            db.MentoringFeedback.Add(new MentoringFeedback { PairId = pair, AuthorId = people[0], Rating = 3, Text = "Mentee feedback", At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var source = scope.ServiceProvider.GetServices<IPersonalData>().OfType<MentoringPersonalData>().Single();
            var export = JsonSerializer.Serialize(await source.ExportAsync(people[0], default));
            Assert.Contains("Mentee notes", export, StringComparison.Ordinal);
            Assert.DoesNotContain("Mentor's own notes", export, StringComparison.Ordinal);
            await source.EraseAsync(new Erasure(people[0], null, "erased-x", false, DateTimeOffset.UtcNow), default);
            await scope.ServiceProvider.GetRequiredService<Agora.Web.Platform.Data.AgoraDbContext>().SaveChangesAsync();
        }

        var sessions = await DbAsync(app, db => db.MentoringSessions.AsNoTracking().Where(s => s.PairId == pair).OrderBy(s => s.Id).Select(s => s.Notes).ToListAsync());
        Assert.Equal(["Mentor's own notes", ""], sessions);
        var actions = await DbAsync(app, db => db.MentoringActions.AsNoTracking().Where(a => a.SessionId == first || a.SessionId == second).Select(a => a.Text).ToListAsync());
        Assert.Equal(["Mentor action"], actions);
        var feedback = await DbAsync(app, db => db.MentoringFeedback.AsNoTracking().Where(f => f.PairId == pair).OrderBy(f => f.Rating).Select(f => new { f.Rating, f.Text }).ToListAsync());
        Assert.Equal([(3, ""), (5, "Mentor feedback")], feedback.Select(f => (f.Rating, f.Text)));
    }

    [Theory, BothDatabases]
    public async Task Demo_IminHub_TwoMentorsOneFull_ThreePairs_OneWaiting(string provider)
    {
        var app = await apps.GetAsync(provider);
        var hub = await DbAsync(app, db => db.Hubs.Where(h => h.Slug == DemoAccounts.IminHub).Select(h => h.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<MentoringQueries>();
        var figures = await queries.FiguresAsync(hub, default);
        Assert.Equal(2, figures.Mentors);
        Assert.True(figures.ActivePairs >= 2);
        Assert.True(figures.SessionsHeld >= 4);
        Assert.True(figures.WaitingMentees >= 1);
        Assert.Equal(3, await DbAsync(app, db => db.MentoringPairs.CountAsync(p => p.HubId == hub && db.MentoringSessions.Any(s => s.PairId == p.Id))));
        var free = await queries.MentorsAsync(hub, default);
        Assert.Equal(["Tiago Teixeira"], free.Select(m => m.Name));
    }
}
