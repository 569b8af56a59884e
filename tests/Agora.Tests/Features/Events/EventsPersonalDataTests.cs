using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Events;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Events.EventFixtures;

namespace Agora.Tests.Features.Events;

/// <summary>What events hold about a person, in their export and on erasure.</summary>
[Collection(AppsCollection.Name)]
public sealed class EventsPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task ExportAndErase_ComingSeatFreed_PastAttendanceKeptWithoutAnswers_FeedGone(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (coming, comingTicket) = await PublishedAsync(manager.Client, 3, Body("Coming workshop " + tag, "Workshop"));
        var (past, pastTicket) = await PublishedAsync(manager.Client, 3, Body("Past round table " + tag, "RoundTable"));
        var question = await manager.Client.PostAsJsonAsync(Api(coming) + "/questions", new { text = "Dietary needs?", required = false });
        var questionId = (await question.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var person = (await PeopleAsync(app, 1))[0];
        var registered = await person.Client.PostAsJsonAsync(Api(coming) + "/registration",
            new { ticketTypeId = comingTicket, answers = new Dictionary<string, string> { [questionId.ToString()] = "Vegetarian " + tag } });
        Assert.True(registered.IsSuccessStatusCode);
        await RegisterAsync(person.Client, past, pastTicket);
        Assert.True((await person.Client.PostAsync("/api/v1/me/calendar-feed", null)).IsSuccessStatusCode);
        // The round table took place, and they came.
        await DbAsync(app, async db =>
        {
            await db.Events.Where(e => e.Id == past).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartsAt, DateTimeOffset.UtcNow.AddDays(-3))
                .SetProperty(e => e.EndsAt, DateTimeOffset.UtcNow.AddDays(-3).AddHours(2)));
            return await db.Registrations.Where(r => r.EventId == past && r.UserId == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AttendedAt, DateTimeOffset.UtcNow.AddDays(-3)));
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var source = scope.ServiceProvider.GetServices<IPersonalData>().OfType<EventsPersonalData>().Single();
            var json = JsonSerializer.Serialize(await source.ExportAsync(person.Id, CancellationToken.None), JsonSerializerOptions.Web);
            foreach (var expected in new[] { "Coming workshop " + tag, "Past round table " + tag, "Vegetarian " + tag, "calendarFeedCreatedAt" })
                Assert.Contains(expected, json, StringComparison.Ordinal);
            await source.EraseAsync(new Erasure(person.Id, null, "erased-test", false, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        var after = await DbAsync(app, async db => new
        {
            Coming = await db.Registrations.CountAsync(r => r.UserId == person.Id && r.EventId == coming),
            Taken = await db.TicketTypes.Where(t => t.Id == comingTicket).Select(t => t.Taken).SingleAsync(),
            Past = await db.Registrations.Where(r => r.UserId == person.Id && r.EventId == past).Select(r => new { r.AnswersJson, r.AttendedAt }).SingleAsync(),
            Feed = await db.CalendarFeeds.AnyAsync(f => f.UserId == person.Id),
        });
        Assert.Equal(0, after.Coming);
        Assert.Equal(0, after.Taken);
        Assert.Equal("{}", after.Past.AnswersJson);
        Assert.NotNull(after.Past.AttendedAt);
        Assert.False(after.Feed);
    }

    [Theory, BothDatabases]
    public async Task UploadedMaterial_InTheUploadersExport_OnErasureTheFileStaysWithoutTheUploader(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await PublishedAsync(manager.Client, 3, Body("Workshop with slides " + tag, "Workshop", "Public"));
        var organiser = (await PeopleAsync(app, 1))[0];
        var email = await DbAsync(app, db => db.Users.Where(u => u.Id == organiser.Id).Select(u => u.Email!).SingleAsync());
        Assert.True((await manager.Client.PostAsJsonAsync(Api(id) + "/organisers", new { email })).IsSuccessStatusCode);
        var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "slides.pdf" }, { new StringContent("Slides " + tag), "title" } };
        var uploaded = await organiser.Client.PostAsync(Api(id) + "/materials/files", form);
        Assert.Equal(System.Net.HttpStatusCode.Created, uploaded.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sources = scope.ServiceProvider.GetServices<IPersonalData>().ToList();
            var json = JsonSerializer.Serialize(await sources.OfType<EventsPersonalData>().Single().ExportAsync(organiser.Id, CancellationToken.None), JsonSerializerOptions.Web);
            Assert.Contains("Slides " + tag, json, StringComparison.Ordinal);
            Assert.Contains("Workshop with slides " + tag, json, StringComparison.Ordinal);
            var erasure = new Erasure(organiser.Id, null, "erased-test", false, DateTimeOffset.UtcNow);
            foreach (var source in sources.OrderBy(x => x.EraseOrder)) await source.EraseAsync(erasure, CancellationToken.None);
        }
        var file = await DbAsync(app, db => db.EventMaterials.Where(m => m.EventId == id).Join(db.Files, m => m.FileId, f => (Guid?)f.Id, (m, f) => new { f.UploadedById }).SingleAsync());
        Assert.Null(file.UploadedById);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.NewClient().GetAsync(uploaded.Headers.Location)).StatusCode);
    }
}
