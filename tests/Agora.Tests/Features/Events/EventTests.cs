using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using static Agora.Tests.Features.Events.EventFixtures;

namespace Agora.Tests.Features.Events;

/// <summary>Events: who sees them, the hub's list and its filters, and the calendar files (parsed with Ical.Net).</summary>
[Collection(AppsCollection.Name)]
public sealed class EventTests(AgoraApps apps)
{
    private static Ical.Net.CalendarComponents.CalendarEvent Parse(string ics, int id, out Ical.Net.Calendar calendar)
    {
        calendar = Ical.Net.Calendar.Load(ics)!;
        return Assert.Single(calendar.Events, e => e.Uid!.StartsWith($"event-{id}@", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Audience_DraftsAndMembersOnlyEvents_AreUnknownToOthers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/events", Body("Members' workshop", "Workshop"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var member = (await PeopleAsync(app, 1))[0];
        var outsider = (await PeopleAsync(app, 1, members: false))[0];
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PostAsync(Api(id) + "/publish", null)).StatusCode);
        Assert.True((await manager.Client.PostAsync(Api(id) + "/publish", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/hubs/{Hub}/events/{id}/calendar.ics")).StatusCode);
        // Members may not create events; managers only.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/events", Body())).StatusCode);
        // An organiser picked by the manager runs the event.
        var email = await DbAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Id == member.Id).Select(u => u.Email!)));
        Assert.True((await manager.Client.PostAsJsonAsync(Api(id) + "/organisers", new { email })).IsSuccessStatusCode);
        Assert.True((await member.Client.PostAsJsonAsync(Api(id) + "/sessions", new { title = "Welcome", startsAt = "2030-03-01T09:00", endsAt = "2030-03-01T09:30", speaker = "Ada" })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(Api(id) + "/organisers", new { email })).StatusCode);
        var detail = await member.Client.GetFromJsonAsync<JsonElement>(Api(id));
        Assert.Equal("Welcome", detail.GetProperty("agenda")[0].GetProperty("title").GetString());
    }

    [Theory, BothDatabases]
    public async Task List_FiltersByFormatDateAndState_AndPages(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (a, _) = await PublishedAsync(manager.Client, 5, Body("Webinar on triage", "Webinar", "Public", "2031-05-04T10:00", "2031-05-04T11:00", mode: "Online"));
        var (b, _) = await PublishedAsync(manager.Client, 5, Body("Share-con 2031", "ShareCon", "Public", "2031-06-10T09:00", "2031-06-10T17:00"));
        var anonymous = app.NewClient();
        var webinars = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/events?format=Webinar&from=2031-05-01&to=2031-05-31");
        var ids = webinars.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(a, ids);
        Assert.DoesNotContain(b, ids);
        Assert.True((await manager.Client.PostAsync(Api(b) + "/cancel", null)).IsSuccessStatusCode);
        var cancelled = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/events?when=cancelled");
        Assert.Contains(b, cancelled.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/v1/hubs/{Hub}/events?when=someday")).StatusCode);
        var page = await anonymous.GetAsync($"/hubs/{Hub}/events?format=Webinar&when=upcoming");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Webinar on triage", html);
        Assert.DoesNotContain("Share-con 2031", html);
        var eventPage = await anonymous.GetStringAsync($"/hubs/{Hub}/events/{a}");
        Assert.Contains("Webinar on triage", eventPage);
        Assert.DoesNotContain("meet.example.org", eventPage);
    }

    [Theory, BothDatabases]
    public async Task Ics_HasStableUidUrlAndSequence_ChangesRaiseIt_CancelledKeepsTheUid(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _) = await PublishedAsync(manager.Client, 5, Body("Share-con in Lisbon", "ShareCon", "Public", "2030-07-01T09:00", "2030-07-01T17:00"));
        var anonymous = app.NewClient();
        var url = $"/hubs/{Hub}/events/{id}/calendar.ics";
        var first = await anonymous.GetAsync(url);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType!.MediaType);
        var e1 = Parse(await first.Content.ReadAsStringAsync(), id, out var c1);
        Assert.Equal("PUBLISH", c1.Method);
        Assert.Equal($"http://localhost:5080/hubs/{Hub}/events/{id}", e1.Url!.ToString());
        Assert.Equal("Auditorium, Prinsens gate 1, Trondheim", e1.Location);
        Assert.NotNull(e1.Organizer);
        // Europe/Lisbon is UTC+1 in July: 09:00 there is 08:00 UTC.
        Assert.Equal(new DateTime(2030, 7, 1, 8, 0, 0, DateTimeKind.Utc), e1.DtStart!.AsUtc);

        var changed = await manager.Client.PutAsJsonAsync(Api(id), Body("Share-con in Lisbon", "ShareCon", "Public", "2030-07-01T10:00", "2030-07-01T17:00"));
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        var e2 = Parse(await anonymous.GetStringAsync(url), id, out _);
        Assert.Equal(e1.Uid, e2.Uid);
        Assert.True(e2.Sequence > e1.Sequence);
        Assert.Equal(new DateTime(2030, 7, 1, 9, 0, 0, DateTimeKind.Utc), e2.DtStart!.AsUtc);

        var hubFeed = await anonymous.GetStringAsync($"/hubs/{Hub}/events/calendar.ics");
        Assert.Equal(e1.Uid, Parse(hubFeed, id, out _).Uid);

        Assert.True((await manager.Client.PostAsync(Api(id) + "/cancel", null)).IsSuccessStatusCode);
        var e3 = Parse(await anonymous.GetStringAsync(url), id, out var c3);
        Assert.Equal("CANCEL", c3.Method);
        Assert.Equal("CANCELLED", e3.Status);
        Assert.Equal(e1.Uid, e3.Uid);
        Assert.True(e3.Sequence > e2.Sequence);
    }

    [Theory, BothDatabases]
    public async Task Ics_MultiDayAllDayEvent_IsDateValues(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _) = await PublishedAsync(manager.Client, 5, Body("Hackaccelerator week", "Hackaccelerator", "Public", "2030-09-14T00:00", "2030-09-16T00:00", allDay: true));
        var item = Parse(await app.NewClient().GetStringAsync($"/hubs/{Hub}/events/{id}/calendar.ics"), id, out _);
        Assert.False(item.DtStart!.HasTime);
        Assert.Equal(new DateTime(2030, 9, 14), item.DtStart.Value);
        Assert.Equal(new DateTime(2030, 9, 17), item.DtEnd!.Value);
    }
}
