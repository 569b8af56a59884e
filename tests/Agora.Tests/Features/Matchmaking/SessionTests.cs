using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Events;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Matchmaking.Scheduling;
using Agora.Web.Features.Matchmaking.Sessions;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Events.EventFixtures;

namespace Agora.Tests.Features.Matchmaking;

/// <summary>A matchmaking session made for a test: the event, its slots (index 2 a break) and tables (the last online), and joined participants.</summary>
public sealed record TestSession(AgoraFactory App, HttpClient Manager, int EventId, int Ticket, int[] Slots, int[] Tables, List<EventPerson> People, int[] Participants)
{
    public string Api => $"/api/v1/hubs/{Hub}/events/{EventId}/matchmaking";
}

/// <summary>Matchmaking sessions through the API on both databases: set-up, joining, requests, placement, the scheduler job, agenda, outcomes, access.</summary>
[Collection(AppsCollection.Name)]
public sealed class SessionTests(AgoraApps apps)
{
    private static object Setup(string scheduling = "ParticipantsPick", string request = "Participants", object? slots = null, object? tables = null) => new
    {
        requestMode = request, schedulingMode = scheduling, requestExpiryHours = 24, meetingMinutes = 20,
        slots = slots ?? new object[]
        {
            new { startsAt = "2030-03-01T09:00", endsAt = "2030-03-01T09:20" },
            new { startsAt = "2030-03-01T09:20", endsAt = "2030-03-01T09:40" },
            new { startsAt = "2030-03-01T09:40", endsAt = "2030-03-01T10:00", isBreak = true },
            new { startsAt = "2030-03-01T10:00", endsAt = "2030-03-01T10:20" },
        },
        tables = tables ?? new object[]
        {
            new { name = "Table 1", kind = "OnSite" },
            new { name = "Table 2", kind = "OnSite" },
            new { name = "Room A", kind = "Online", onlineLink = "https://meet.example.org/room-a" },
        },
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || !text.StartsWith('{') && !text.StartsWith('[') ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<TestSession> SessionAsync(AgoraFactory app, int people, string scheduling = "ParticipantsPick", string request = "Participants",
        bool join = true)
    {
        var manager = await TestApp.SignInAsync(app, DemoAccounts.Manager);
        var (id, ticket) = await PublishedAsync(manager.Client, 50, Body("Health matchmaking day", "Matchmaking", start: "2030-03-01T09:00", end: "2030-03-01T17:00"));
        var api = $"/api/v1/hubs/{Hub}/events/{id}/matchmaking";
        var (status, body) = await SendAsync(manager.Client.PutAsJsonAsync(api, Setup(scheduling, request)));
        Assert.True(status == HttpStatusCode.OK, $"Set-up answered {(int)status}: {body}");
        var (_, view) = await SendAsync(manager.Client.GetAsync(api));
        var slots = view.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToArray();
        var tables = view.GetProperty("tables").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToArray();
        var persons = await PeopleAsync(app, people);
        var ids = new List<int>();
        foreach (var p in persons)
        {
            Assert.Equal("Confirmed", await RegisterAsync(p.Client, id, ticket));
            if (!join) continue;
            var (joined, j) = await SendAsync(p.Client.PutAsJsonAsync(api + "/participation",
                new { introduction = "We build remote monitoring.", meetingMode = "Any", slots = new[] { slots[0], slots[1], slots[3] } }));
            Assert.True(joined == HttpStatusCode.OK, $"Joining answered {(int)joined}: {j}");
            ids.Add(j.GetProperty("id").GetInt32());
        }
        return new TestSession(app, manager.Client, id, ticket, slots, tables, persons, [.. ids]);
    }

    private static async Task<int> AskAsync(TestSession s, int from, int to)
    {
        var (status, body) = await SendAsync(s.People[from].Client.PostAsJsonAsync(s.Api + "/requests", new { to = s.Participants[to], message = "Shall we talk?" }));
        Assert.True(status == HttpStatusCode.Created, $"Requesting answered {(int)status}: {body}");
        return body.GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> AcceptAsync(TestSession s, int person, int request, int? slot) =>
        s.People[person].Client.PostAsJsonAsync($"{s.Api}/requests/{request}/accept", new { slotId = slot });

    [Theory, BothDatabases]
    public async Task Setup_IsValidated_AndOnlyOrganisersMay(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SessionAsync(app, 1);
        var overlap = new object[]
        {
            new { startsAt = "2030-03-01T09:00", endsAt = "2030-03-01T09:30" },
            new { startsAt = "2030-03-01T09:20", endsAt = "2030-03-01T09:40" },
        };
        var (o, ob) = await SendAsync(s.Manager.PutAsJsonAsync(s.Api, Setup(slots: overlap)));
        Assert.Equal(HttpStatusCode.BadRequest, o);
        Assert.True(ob.GetProperty("errors").TryGetProperty("slots", out _));
        var outside = new object[] { new { startsAt = "2030-03-01T16:50", endsAt = "2030-03-01T17:10" } };
        var (x, xb) = await SendAsync(s.Manager.PutAsJsonAsync(s.Api, Setup(slots: outside)));
        Assert.Equal(HttpStatusCode.BadRequest, x);
        Assert.True(xb.GetProperty("errors").TryGetProperty("slots[0]", out _));
        var (n, nb) = await SendAsync(s.Manager.PutAsJsonAsync(s.Api, Setup(tables: Array.Empty<object>())));
        Assert.Equal(HttpStatusCode.BadRequest, n);
        Assert.True(nb.GetProperty("errors").TryGetProperty("tables", out _));
        var (l, lb) = await SendAsync(s.Manager.PutAsJsonAsync(s.Api, Setup(tables: new object[] { new { name = "Room", kind = "Online" } })));
        Assert.Equal(HttpStatusCode.BadRequest, l);
        Assert.True(lb.GetProperty("errors").TryGetProperty("tables[0].onlineLink", out _));

        // A participant is no organiser; someone outside the hub does not learn the session exists.
        Assert.Equal(HttpStatusCode.NotFound, (await s.People[0].Client.PutAsJsonAsync(s.Api, Setup())).StatusCode);
        var outsider = (await PeopleAsync(app, 1, members: false))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(s.Api)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(s.Api + "/participants")).StatusCode);

        // Keeping the slots by id changes nothing of the availability.
        var (_, view) = await SendAsync(s.Manager.GetAsync(s.Api));
        Assert.Equal(4, view.GetProperty("slots").GetArrayLength());
        Assert.Equal("https://meet.example.org/room-a", view.GetProperty("tables")[2].GetProperty("onlineLink").GetString());
        var (_, pv) = await SendAsync(s.People[0].Client.GetAsync(s.Api));
        Assert.Equal(JsonValueKind.Null, pv.GetProperty("tables")[2].GetProperty("onlineLink").ValueKind);
        Assert.Equal(JsonValueKind.Null, pv.GetProperty("schedule").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Join_NeedsAConfirmedRegistration_AndAvailability(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SessionAsync(app, 1);
        var member = (await PeopleAsync(app, 1))[0];
        var body = new { introduction = "Hi", slots = new[] { s.Slots[0] } };
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsJsonAsync(s.Api + "/participation", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(s.Api + "/participants")).StatusCode);
        Assert.Equal("Confirmed", await RegisterAsync(member.Client, s.EventId, s.Ticket));
        var (none, nb) = await SendAsync(member.Client.PutAsJsonAsync(s.Api + "/participation", new { slots = Array.Empty<int>() }));
        Assert.Equal(HttpStatusCode.BadRequest, none);
        Assert.True(nb.GetProperty("errors").TryGetProperty("slots", out _));
        var (brk, _) = await SendAsync(member.Client.PutAsJsonAsync(s.Api + "/participation", new { slots = new[] { s.Slots[2] } }));
        Assert.Equal(HttpStatusCode.BadRequest, brk); // a break takes no meetings
        var (ok, _) = await SendAsync(member.Client.PutAsJsonAsync(s.Api + "/participation", body));
        Assert.Equal(HttpStatusCode.OK, ok);
        var (_, list) = await SendAsync(member.Client.GetAsync(s.Api + "/participants"));
        Assert.Equal(2, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("isMe").GetBoolean() && p.GetProperty("introduction").GetString() == "Hi");

        // A token that may only read cannot join or ask.
        var readOnly = TestTokens.Client(app, await TokenAsync(app, member.Id, ApiScopes.HubsRead));
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PutAsJsonAsync(s.Api + "/participation", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync(s.Api + "/requests", new { to = s.Participants[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync(s.Api + "/participants")).StatusCode);
    }

    private static Task<string> TokenAsync(AgoraFactory app, Guid userId, params string[] scopes) => TestApp.DbAsync(app, async db =>
    {
        var token = ApiTokenAuthenticationHandler.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = "read only", Prefix = token[..12], Hash = ApiTokenAuthenticationHandler.Hash(token),
            Scopes = string.Join(' ', scopes), CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        return token;
    });

    [Theory, BothDatabases]
    public async Task Requests_AskAcceptDecline_AndThePickNeverDoubleBooks(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SessionAsync(app, 4);

        var (self, _) = await SendAsync(s.People[0].Client.PostAsJsonAsync(s.Api + "/requests", new { to = s.Participants[0] }));
        Assert.Equal(HttpStatusCode.BadRequest, self);
        var r01 = await AskAsync(s, 0, 1);
        var (twice, _) = await SendAsync(s.People[1].Client.PostAsJsonAsync(s.Api + "/requests", new { to = s.Participants[0] }));
        Assert.Equal(HttpStatusCode.Conflict, twice);
        var r21 = await AskAsync(s, 2, 1);
        var r31 = await AskAsync(s, 3, 1);

        // The one asked sees the slots both are free in; the sender cannot accept their own request; a stranger's accept is 404.
        var (_, mine) = await SendAsync(s.People[1].Client.GetAsync(s.Api + "/requests"));
        var incoming = mine.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == r01);
        Assert.True(incoming.GetProperty("incoming").GetBoolean());
        Assert.Equal([s.Slots[0], s.Slots[1], s.Slots[3]], incoming.GetProperty("freeSlots").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await AcceptAsync(s, 0, r01, s.Slots[0])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AcceptAsync(s, 2, r01, s.Slots[0])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AcceptAsync(s, 1, r01, null)).StatusCode);

        // Two accepts for the same person in the same slot at once: one wins, the other is refused.
        var answers = await Task.WhenAll(AcceptAsync(s, 1, r01, s.Slots[0]), AcceptAsync(s, 1, r21, s.Slots[0]));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest);
        // And once more, one after the other, on the same slot.
        var loser = answers[0].StatusCode == HttpStatusCode.OK ? r21 : r01;
        Assert.True((await AcceptAsync(s, 1, loser, s.Slots[0])).StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await AcceptAsync(s, 1, loser, s.Slots[1])).StatusCode);
        var bookings = await TestApp.DbAsync(app, db => db.MeetingBookings.Where(b => b.ParticipantId == s.Participants[1]).Select(b => b.SlotId).ToListAsync());
        Assert.Equal(2, bookings.Count);
        Assert.Equal(2, bookings.Distinct().Count());

        Assert.Equal(HttpStatusCode.OK, (await s.People[1].Client.PostAsync($"{s.Api}/requests/{r31}/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await AcceptAsync(s, 1, r31, s.Slots[3])).StatusCode);
        var states = await TestApp.DbAsync(app, db => db.MeetingRequests.Where(r => r.EventId == s.EventId).ToDictionaryAsync(r => r.Id, r => r.State));
        Assert.Equal(MeetingRequestState.Accepted, states[r01]);
        Assert.Equal(MeetingRequestState.Accepted, states[r21]);
        Assert.Equal(MeetingRequestState.Declined, states[r31]);
        var told = await TestApp.DbAsync(app, db => db.Notifications.Where(n => n.UserId == s.People[3].Id && n.Detail == "MeetingDeclined").CountAsync());
        Assert.Equal(1, told);

        // The agenda and its calendar file carry the meeting.
        var (_, agenda) = await SendAsync(s.People[0].Client.GetAsync(s.Api + "/agenda"));
        var item = agenda.GetProperty("items")[0];
        var ics = await s.People[0].Client.GetStringAsync(s.Api + "/agenda.ics");
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains($"UID:meeting-{item.GetProperty("meetingId").GetInt32()}@", ics);
        Assert.Contains("Attendee 1", ics);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Manager.GetAsync(s.Api + "/agenda.ics")).StatusCode);

        // The person's secret calendar feed (Events) carries the meeting too, through the port Events declares.
        var (_, feed) = await SendAsync(s.People[0].Client.PostAsync("/api/v1/me/calendar-feed", null));
        var feedText = await app.NewClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        Assert.Contains($"UID:meeting-{item.GetProperty("meetingId").GetInt32()}@", feedText);
        Assert.Contains("Health matchmaking day", feedText);

        // Where only the organiser arranges meetings, participants cannot ask.
        var only = await SessionAsync(app, 2, request: "Organiser");
        Assert.Equal(HttpStatusCode.Conflict, (await only.People[0].Client.PostAsJsonAsync(only.Api + "/requests", new { to = only.Participants[1] })).StatusCode);
        var (arranged, _) = await SendAsync(only.Manager.PostAsJsonAsync(only.Api + "/meetings", new { a = only.Participants[0], b = only.Participants[1] }));
        Assert.Equal(HttpStatusCode.OK, arranged);
    }

    [Theory, BothDatabases]
    public async Task Expiry_ReleasesUnansweredRequests_AndTellsBoth(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SessionAsync(app, 2);
        var r = await AskAsync(s, 0, 1);
        await TestApp.DbAsync(app, db => db.MeetingRequests.Where(x => x.Id == r).ExecuteUpdateAsync(u => u.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MeetingRequests>().ExpireAsync(CancellationToken.None);
        Assert.Equal(MeetingRequestState.Expired, await TestApp.DbAsync(app, db => db.MeetingRequests.Where(x => x.Id == r).Select(x => x.State).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await AcceptAsync(s, 1, r, s.Slots[0])).StatusCode);
        var told = await TestApp.DbAsync(app, db => db.Notifications.Where(n => n.Kind == NotificationKind.EventUpdate && n.Detail == "MeetingExpired"
            && (n.UserId == s.People[0].Id || n.UserId == s.People[1].Id)).Select(n => n.UserId).ToListAsync());
        Assert.Equal(2, told.Distinct().Count());
        // The pair may ask again once the request is released.
        await AskAsync(s, 1, 0);
    }

    [Theory, BothDatabases]
    public async Task Scheduler_SavesAVerifiedSchedule_KeepingLocks(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SessionAsync(app, 4, scheduling: "Organiser");
        var pairs = new[] { (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3) };
        var meetings = new List<int>();
        foreach (var (a, b) in pairs)
        {
            var r = await AskAsync(s, a, b);
            var (status, body) = await SendAsync(AcceptAsync(s, b, r, null));
            Assert.True(status == HttpStatusCode.OK, $"Accepting answered {(int)status}: {body}");
        }
        var all = await TestApp.DbAsync(app, db => db.MatchmakingMeetings.Where(m => m.EventId == s.EventId).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(6, all.Count);
        Assert.All(all, m => Assert.Null(m.SlotId));

        // The organiser locks the last meeting to the last slot at the online room.
        var locked = all[^1].Id;
        Assert.Equal(HttpStatusCode.OK, (await s.Manager.PutAsJsonAsync($"{s.Api}/meetings/{locked}/placement", new { slotId = s.Slots[3], tableId = s.Tables[2] })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.People[0].Client.PostAsync(s.Api + "/schedule", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await s.Manager.PostAsync(s.Api + "/schedule", null)).StatusCode);

        JsonElement report = default;
        for (var i = 0; i < 120; i++)
        {
            var (_, view) = await SendAsync(s.Manager.GetAsync(s.Api));
            report = view.GetProperty("schedule");
            if (report.GetProperty("state").GetString() != "Queued") break;
            await Task.Delay(500);
        }
        Assert.Equal("Saved", report.GetProperty("state").GetString());
        // Four people, three meeting slots, six meetings: each person has three meetings, so each slot holds two.
        Assert.Equal(6, report.GetProperty("total").GetInt32());
        Assert.Equal(6, report.GetProperty("placed").GetInt32());
        Assert.Equal(6, report.GetProperty("bound").GetInt32());
        Assert.Equal(0, report.GetProperty("idleTotal").GetInt32());

        var saved = await TestApp.DbAsync(app, db => db.MatchmakingMeetings.Where(m => m.EventId == s.EventId).ToListAsync());
        Assert.All(saved, m => Assert.NotNull(m.SlotId));
        var lockedNow = saved.Single(m => m.Id == locked);
        Assert.Equal(s.Slots[3], lockedNow.SlotId);
        Assert.Equal(s.Tables[2], lockedNow.TableId);
        Assert.True(lockedNow.Locked);
        Assert.DoesNotContain(saved, m => m.SlotId == s.Slots[2]);
        var books = await TestApp.DbAsync(app, db => db.MeetingBookings.Where(b => s.Participants.Contains(b.ParticipantId)).ToListAsync());
        Assert.Equal(12, books.Count);
        // Checked again from the stored rows: nobody twice in a slot, no table twice in a slot.
        Assert.Equal(books.Count, books.Select(b => (b.ParticipantId, b.SlotId)).Distinct().Count());
        Assert.Equal(saved.Count, saved.Select(m => (m.SlotId, m.TableId)).Distinct().Count());

        // The online meeting's room is on both agendas.
        var (_, agenda) = await SendAsync(s.People[2].Client.GetAsync(s.Api + "/agenda"));
        Assert.Contains(agenda.GetProperty("items").EnumerateArray(), i => i.GetProperty("onlineLink").GetString() == "https://meet.example.org/room-a");
        var ics = await s.People[3].Client.GetStringAsync(s.Api + "/agenda.ics");
        Assert.Contains("https://meet.example.org/room-a", ics);
        Assert.Equal(3, ics.Split("BEGIN:VEVENT").Length - 1);

        // After the session both sides record the outcome; the organiser sees the counts.
        var first = saved.Single(m => m.Id == all[0].Id);
        Assert.Equal(HttpStatusCode.Conflict, (await s.People[0].Client.PutAsJsonAsync($"{s.Api}/meetings/{first.Id}/outcome", new { outcome = "Partnership" })).StatusCode);
        await TestApp.DbAsync(app, async db =>
        {
            foreach (var slot in await db.MatchmakingSlots.Where(x => x.EventId == s.EventId).ToListAsync())
            {
                slot.StartsAt = slot.StartsAt.AddYears(-10);
                slot.EndsAt = slot.EndsAt.AddYears(-10);
            }
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await s.People[0].Client.PutAsJsonAsync($"{s.Api}/meetings/{first.Id}/outcome", new { outcome = "Partnership", note = "MoU" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.People[1].Client.PutAsJsonAsync($"{s.Api}/meetings/{first.Id}/outcome", new { outcome = "FollowUp" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.People[2].Client.PutAsJsonAsync($"{s.Api}/meetings/{first.Id}/outcome", new { outcome = "Contract" })).StatusCode);
        var (_, counts) = await SendAsync(s.Manager.GetAsync(s.Api + "/outcomes"));
        Assert.Equal(6, counts.GetProperty("meetings").GetInt32());
        Assert.Equal(1, counts.GetProperty("recorded").GetInt32());
        var byKind = counts.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("outcome").GetString()!, o => o.GetProperty("count").GetInt32());
        Assert.Equal(1, byKind["Partnership"]);
        Assert.Equal(1, byKind["FollowUp"]);
        Assert.Equal(0, byKind["Contract"]);
        Assert.Equal(HttpStatusCode.NotFound, (await s.People[0].Client.GetAsync(s.Api + "/outcomes")).StatusCode);

        // The hub network's figures count them through the port Network declares (the slots now lie in 2020).
        var (_, figures) = await SendAsync(s.Manager.GetAsync($"/api/v1/network/figures?from=2020-01-01&to=2020-12-31&hub={Hub}"));
        var network = figures.GetProperty("meetingsByOutcome").EnumerateArray().ToDictionary(o => o.GetProperty("key").GetString()!, o => o.GetProperty("count").GetInt32());
        Assert.Equal(1, network["Partnership"]);
        Assert.Equal(1, network["FollowUp"]);
        Assert.Equal(0, network["Nothing"]);

        // Personal data: the export holds the participation, the requests and the outcome; erasure removes them.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var source = scope.ServiceProvider.GetServices<Agora.Web.Platform.Privacy.IPersonalData>().OfType<SessionPersonalData>().Single();
            var exported = JsonSerializer.Serialize(await source.ExportAsync(s.People[0].Id, CancellationToken.None));
            Assert.Contains("We build remote monitoring.", exported);
            Assert.Contains("Partnership", exported);
            Assert.Contains("MoU", exported);
            await source.EraseAsync(new Agora.Web.Platform.Privacy.Erasure(s.People[0].Id, null, "x", false, DateTimeOffset.UtcNow), CancellationToken.None);
        }
        Assert.False(await TestApp.DbAsync(app, db => db.MatchmakingParticipants.AnyAsync(p => p.UserId == s.People[0].Id)));
        Assert.Equal(3, await TestApp.DbAsync(app, db => db.MatchmakingMeetings.CountAsync(m => m.EventId == s.EventId)));
    }

    [Theory, BothDatabases]
    public async Task CancelledRegistration_EndsTheParticipation(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SessionAsync(app, 3);
        var pending = await AskAsync(s, 2, 1);
        var accepted = await AskAsync(s, 0, 1);
        Assert.Equal(HttpStatusCode.OK, (await AcceptAsync(s, 1, accepted, s.Slots[0])).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await s.People[1].Client.DeleteAsync(Api(s.EventId) + "/registration")).StatusCode);
        // At once: they no longer see the others, nor the others them.
        Assert.Equal(HttpStatusCode.NotFound, (await s.People[1].Client.GetAsync(s.Api + "/participants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.People[1].Client.GetAsync(s.Api + "/agenda")).StatusCode);
        var (_, list) = await SendAsync(s.People[0].Client.GetAsync(s.Api + "/participants"));
        Assert.DoesNotContain(list.EnumerateArray(), p => p.GetProperty("id").GetInt32() == s.Participants[1]);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.People[0].Client.PostAsJsonAsync(s.Api + "/requests", new { to = s.Participants[1] })).StatusCode);

        // The recurring job ends the participation: requests cancelled, the meeting freed.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Participation>().EndLapsedAsync(CancellationToken.None);
        var states = await TestApp.DbAsync(app, db => db.MeetingRequests.Where(r => r.Id == pending || r.Id == accepted).Select(r => r.State).ToListAsync());
        Assert.All(states, st => Assert.Equal(MeetingRequestState.Cancelled, st));
        Assert.Equal(0, await TestApp.DbAsync(app, db => db.MatchmakingMeetings.CountAsync(m => m.EventId == s.EventId)));
        Assert.Equal(0, await TestApp.DbAsync(app, db => db.MeetingBookings.CountAsync(b => b.ParticipantId == s.Participants[0])));
        Assert.NotNull(await TestApp.DbAsync(app, db => db.MatchmakingParticipants.Where(p => p.Id == s.Participants[1]).Select(p => p.EndedAt).SingleAsync()));
        Assert.Equal(1, await TestApp.DbAsync(app, db => db.Notifications.CountAsync(n => n.UserId == s.People[0].Id && n.Detail == "MeetingCancelled")));
    }
}
