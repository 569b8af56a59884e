using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Events;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Events.EventFixtures;

namespace Agora.Tests.Features.Events;

/// <summary>Registration, the waiting list (exact under concurrency), offers, check-in and reminders.</summary>
[Collection(AppsCollection.Name)]
public sealed class RegistrationTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Register_TwentyAtOnceForFiveSeats_FiveRegisteredFifteenWaitingInOrder(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, ticket) = await PublishedAsync(manager.Client, capacity: 7);
        // Two seats go first, so five remain when the twenty ask at once.
        foreach (var early in await PeopleAsync(app, 2)) Assert.Equal("Confirmed", await RegisterAsync(early.Client, id, ticket));
        var people = await PeopleAsync(app, 20);

        using var start = new ManualResetEventSlim(false);
        var tasks = people.Select(p => Task.Run(async () =>
        {
            start.Wait();
            return await p.Client.PostAsJsonAsync(Api(id) + "/registration", new { ticketTypeId = ticket });
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(tasks);
        var states = new List<string>();
        foreach (var a in answers)
        {
            var text = await a.Content.ReadAsStringAsync();
            Assert.True(a.IsSuccessStatusCode, text);
            states.Add(JsonDocument.Parse(text).RootElement.GetProperty("state").GetString()!);
        }
        Assert.Equal(5, states.Count(s => s == "Confirmed"));
        Assert.Equal(15, states.Count(s => s == "Waiting"));

        var (taken, capacity, confirmed, waiting) = await DbAsync(app, async db =>
        {
            var t = await db.TicketTypes.SingleAsync(x => x.Id == ticket);
            return (t.Taken, t.Capacity, await db.Registrations.CountAsync(r => r.EventId == id && r.State == RegistrationState.Confirmed),
                await db.Registrations.CountAsync(r => r.EventId == id && r.State == RegistrationState.Waiting));
        });
        Assert.Equal((7, 7, 7, 15), (taken, capacity, confirmed, waiting));
        var rows = (await manager.Client.GetFromJsonAsync<JsonElement>(Api(id) + "/registrations")).EnumerateArray().ToList();
        var positions = rows.Where(r => r.GetProperty("state").GetString() == "Waiting").Select(r => r.GetProperty("position").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, 15), positions);
        // Each waiting person sees their own place.
        var mine = new List<int>();
        foreach (var p in people)
        {
            var detail = await p.Client.GetFromJsonAsync<JsonElement>(Api(id));
            var me = detail.GetProperty("mine");
            if (me.GetProperty("state").GetString() == "Waiting") mine.Add(me.GetProperty("position").GetInt32());
        }
        Assert.Equal(Enumerable.Range(1, 15), mine.Order());
        // A second registration of the same person is refused.
        var twice = await people[0].Client.PostAsJsonAsync(Api(id) + "/registration", new { ticketTypeId = ticket });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Cancel_SeatGoesToTheNextWaiting_WhoConfirms_AndTheFeedHoldsTheEvent(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, ticket) = await PublishedAsync(manager.Client, capacity: 2);
        var p = await PeopleAsync(app, 4);
        Assert.Equal("Confirmed", await RegisterAsync(p[0].Client, id, ticket));
        Assert.Equal("Confirmed", await RegisterAsync(p[1].Client, id, ticket));
        Assert.Equal("Waiting", await RegisterAsync(p[2].Client, id, ticket));
        Assert.Equal("Waiting", await RegisterAsync(p[3].Client, id, ticket));
        // The online link is for confirmed people only.
        Assert.Equal(JsonValueKind.Null, (await p[2].Client.GetFromJsonAsync<JsonElement>(Api(id))).GetProperty("onlineLink").ValueKind);
        Assert.Equal("https://meet.example.org/hack", (await p[0].Client.GetFromJsonAsync<JsonElement>(Api(id))).GetProperty("onlineLink").GetString());

        Assert.True((await p[1].Client.DeleteAsync(Api(id) + "/registration")).IsSuccessStatusCode);
        var offered = (await p[2].Client.GetFromJsonAsync<JsonElement>(Api(id))).GetProperty("mine");
        Assert.Equal("Offered", offered.GetProperty("state").GetString());
        var expires = offered.GetProperty("offerExpiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(47), TimeSpan.FromHours(48.1));
        Assert.Equal("Waiting", (await p[3].Client.GetFromJsonAsync<JsonElement>(Api(id))).GetProperty("mine").GetProperty("state").GetString());
        var confirm = await p[2].Client.PostAsync(Api(id) + "/registration/confirm", null);
        Assert.True(confirm.IsSuccessStatusCode, await confirm.Content.ReadAsStringAsync());
        Assert.Equal("Confirmed", (await p[2].Client.GetFromJsonAsync<JsonElement>(Api(id))).GetProperty("mine").GetProperty("state").GetString());
        Assert.Equal(2, await DbAsync(app, db => db.TicketTypes.Where(t => t.Id == ticket).Select(t => t.Taken).SingleAsync()));
        // The third was told of the offer, with the event's title and a path back to it.
        var told = await DbAsync(app, db => db.Notifications.Where(n => n.UserId == p[2].Id && n.Kind == Agora.Web.Features.Notifications.NotificationKind.EventUpdate)
            .OrderBy(n => n.Id).Select(n => new { n.Detail, n.Title, n.Path }).ToListAsync());
        Assert.Equal(["Waiting", "Offered"], told.Select(n => n.Detail!));
        Assert.All(told, n => Assert.Equal($"/hubs/{Hub}/events/{id}", n.Path));
        // The offer names its deadline in the hub's zone, and says which zone (the email carries the same sentence).
        var zone = await DbAsync(app, db => db.Hubs.Where(h => h.Slug == Hub).Select(h => h.TimeZone).SingleAsync());
        var local = TimeZoneInfo.ConvertTime(expires, TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal("Hackathon on discharge planning", told[0].Title);
        Assert.Equal($"Hackathon on discharge planning · {local:yyyy-MM-dd HH:mm} ({zone})", told[1].Title);

        var feed = await p[2].Client.PostAsync("/api/v1/me/calendar-feed", null);
        var url = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var anonymous = app.NewClient();
        var ics = await anonymous.GetStringAsync(new Uri(url).PathAndQuery);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var item = Assert.Single(calendar.Events, e => e.Uid!.StartsWith($"event-{id}@", StringComparison.Ordinal));
        Assert.Equal($"/hubs/{Hub}/events/{id}", item.Url!.AbsolutePath);
        Assert.Equal("Hackathon on discharge planning", item.Summary);
        Assert.Equal(new DateTime(2030, 3, 1, 9, 0, 0, DateTimeKind.Utc), item.DtStart!.AsUtc);
        // Revoked: the address answers 404.
        Assert.True((await p[2].Client.DeleteAsync("/api/v1/me/calendar-feed")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Offer_NotConfirmedInTime_LapsesAndPassesOn_RaisedCapacityOffersAtOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, ticket) = await PublishedAsync(manager.Client, capacity: 1);
        var p = await PeopleAsync(app, 4);
        await RegisterAsync(p[0].Client, id, ticket);
        Assert.Equal("Waiting", await RegisterAsync(p[1].Client, id, ticket));
        Assert.Equal("Waiting", await RegisterAsync(p[2].Client, id, ticket));
        Assert.Equal("Waiting", await RegisterAsync(p[3].Client, id, ticket));
        await p[0].Client.DeleteAsync(Api(id) + "/registration");
        string State(JsonElement e) => e.GetProperty("mine").GetProperty("state").GetString()!;
        Assert.Equal("Offered", State(await p[1].Client.GetFromJsonAsync<JsonElement>(Api(id))));

        await DbAsync(app, db => db.Registrations.Where(r => r.EventId == id && r.State == RegistrationState.Offered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OfferExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Registrations>().LapseExpiredOffersAsync(CancellationToken.None) >= 1);
        Assert.Equal("Lapsed", State(await p[1].Client.GetFromJsonAsync<JsonElement>(Api(id))));
        Assert.Equal("Offered", State(await p[2].Client.GetFromJsonAsync<JsonElement>(Api(id))));
        var late = await p[1].Client.PostAsync(Api(id) + "/registration/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // Raising the capacity offers the new seat to the next person at once.
        var raised = await manager.Client.PutAsJsonAsync(Api(id) + $"/tickets/{ticket}", new { name = "Participant", capacity = 2 });
        Assert.True(raised.IsSuccessStatusCode, await raised.Content.ReadAsStringAsync());
        Assert.Equal("Offered", State(await p[3].Client.GetFromJsonAsync<JsonElement>(Api(id))));
        // A capacity below the seats held is refused.
        var lowered = await manager.Client.PutAsJsonAsync(Api(id) + $"/tickets/{ticket}", new { name = "Participant", capacity = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, lowered.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Approval_PromoteByHand_CheckInByCode_AndOneReminder(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var soon = DateTime.UtcNow.AddHours(12);
        var body = Body("Round table on home care", "RoundTable", start: soon.ToString("yyyy-MM-ddTHH:mm"), end: soon.AddHours(2).ToString("yyyy-MM-ddTHH:mm"));
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/events", body);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var question = await manager.Client.PostAsJsonAsync(Api(id) + "/questions", new { text = "What would you like to discuss?", required = true });
        var questionId = (await question.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var ticket = (await (await manager.Client.PostAsJsonAsync(Api(id) + "/tickets", new { name = "Participant", capacity = 1 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // The event needs approval: change it so, then publish.
        var change = JsonSerializer.SerializeToElement(body).Deserialize<Dictionary<string, object?>>()!;
        change["requiresApproval"] = true;
        Assert.True((await manager.Client.PutAsJsonAsync(Api(id), change)).IsSuccessStatusCode);
        Assert.True((await manager.Client.PostAsync(Api(id) + "/publish", null)).IsSuccessStatusCode);

        var p = await PeopleAsync(app, 2);
        var missing = await p[0].Client.PostAsJsonAsync(Api(id) + "/registration", new { ticketTypeId = ticket });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var answers = new Dictionary<string, string> { [questionId.ToString()] = "Night shifts" };
        var r0 = await p[0].Client.PostAsJsonAsync(Api(id) + "/registration", new { ticketTypeId = ticket, answers });
        Assert.Equal("Pending", (await r0.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var r1 = await p[1].Client.PostAsJsonAsync(Api(id) + "/registration", new { ticketTypeId = ticket, answers });
        Assert.Equal("Waiting", (await r1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var rows = (await manager.Client.GetFromJsonAsync<JsonElement>(Api(id) + "/registrations")).EnumerateArray().ToList();
        var pending = rows.Single(r => r.GetProperty("state").GetString() == "Pending");
        Assert.Equal("Night shifts", pending.GetProperty("answers")[0].GetProperty("answer").GetString());
        Assert.True((await manager.Client.PostAsync(Api(id) + $"/registrations/{pending.GetProperty("id").GetInt32()}/approve", null)).IsSuccessStatusCode);
        var waiting = rows.Single(r => r.GetProperty("state").GetString() == "Waiting");
        Assert.True((await manager.Client.PostAsync(Api(id) + $"/registrations/{waiting.GetProperty("id").GetInt32()}/promote", null)).IsSuccessStatusCode);
        var t = await DbAsync(app, db => db.TicketTypes.SingleAsync(x => x.Id == ticket));
        Assert.Equal((2, 2), (t.Taken, t.Capacity));

        // Others may not see who registered, nor approve.
        Assert.Equal(HttpStatusCode.NotFound, (await p[0].Client.GetAsync(Api(id) + "/registrations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p[0].Client.PostAsync(Api(id) + $"/registrations/{waiting.GetProperty("id").GetInt32()}/decline", null)).StatusCode);

        var code = (await p[0].Client.GetFromJsonAsync<JsonElement>(Api(id))).GetProperty("mine").GetProperty("checkInCode").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(Api(id) + "/check-in", new { code = "ZZZZZZ" })).StatusCode);
        Assert.True((await manager.Client.PostAsJsonAsync(Api(id) + "/check-in", new { code = code.ToLowerInvariant() })).IsSuccessStatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await p[0].Client.GetFromJsonAsync<JsonElement>(Api(id))).GetProperty("mine").GetProperty("attendedAt").ValueKind);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var registrations = scope.ServiceProvider.GetRequiredService<Registrations>();
            Assert.True(await registrations.SendRemindersAsync(CancellationToken.None) >= 2);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Registrations>().SendRemindersAsync(CancellationToken.None);
            Assert.Equal(2, await DbAsync(app, db => db.Registrations.CountAsync(r => r.EventId == id && r.ReminderSentAt != null)));
        }
        // The reminder says when the event starts, as a wall-clock time of the hub's zone that it names.
        var zone = await DbAsync(app, db => db.Hubs.Where(h => h.Slug == Hub).Select(h => h.TimeZone).SingleAsync());
        var reminded = await DbAsync(app, db => db.Notifications.Where(n => n.UserId == p[0].Id && n.Detail == "Reminder").Select(n => n.Title).SingleAsync());
        Assert.Equal($"Round table on home care · {soon:yyyy-MM-dd HH:mm} ({zone})", reminded);
    }
}
