using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// A hackathon with two seats, in the browser and in English: the hub manager creates it, adds the ticket type and
/// publishes it; two members register, a third lands on the waiting list; one of the two cancels; the third is offered
/// the seat (and notified), confirms it, makes a personal calendar feed, and the feed (fetched over HTTP and parsed
/// with Ical.Net) holds the event with its link back. Every page visited is scanned with axe and photographed into
/// screenshots/event-waiting-list/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventWaitingListJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Shots = "event-waiting-list";
    private const string Hub = DemoAccounts.HelseplattformenHub;
    private readonly JourneySupport journey = new(fixture, output, Shots, "en");
    private readonly string title = $"Hackathon on safe discharge ({Guid.NewGuid().ToString("N")[..6]})";

    private string L(string key, params object[] args) => journey.L(key, args);

    [Fact]
    public async Task A_third_person_waits_gets_the_freed_seat_confirms_it_and_finds_the_event_in_their_calendar_feed() =>
        await journey.RunAsync(RunJourneyAsync);

    private async Task RunJourneyAsync()
    {
        // --- The hub manager creates the hackathon with two seats and publishes it ---------------------------------
        await using var managerContext = await fixture.NewContextAsync();
        var manager = await journey.SignInAsAsync(managerContext, DemoAccounts.Manager, "manager", DemoLogins.TwoFactorKey);
        await GotoOkAsync(manager, $"/hubs/{Hub}/events", "The hub's events");
        await journey.Visit(manager, "manager-events");
        await GotoOkAsync(manager, $"/hubs/{Hub}/events/new", "New event");
        await manager.Locator("#Input_Format").SelectOptionAsync("Hackathon");
        await manager.Locator("#Input_Title").FillAsync(title);
        await manager.Locator("#Input_Summary").FillAsync("Two days to build tools for going home safely.");
        var start = DateTime.UtcNow.Date.AddDays(30);
        await manager.Locator("#Input_StartsAt").FillAsync(start.AddHours(9).ToString("yyyy-MM-dd'T'HH:mm"));
        await manager.Locator("#Input_EndsAt").FillAsync(start.AddDays(1).AddHours(17).ToString("yyyy-MM-dd'T'HH:mm"));
        await manager.Locator("#Input_Address").FillAsync("Prinsens gate 1, Trondheim");
        await journey.Visit(manager, "manager-new-event-filled");
        await SubmitOkAsync(manager, manager.Locator("#Input_Title"), "Creating the event");
        await Expect(manager.Locator("h1")).ToHaveTextAsync(L("Events.OrganiseTitle", title));
        var id = int.Parse(PathOf(manager).Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);
        await manager.Locator("#Ticket_Name").FillAsync("Participant");
        await manager.Locator("#Ticket_Capacity").FillAsync("2");
        await SubmitOkAsync(manager, manager.Locator("#Ticket_Name"), "Adding the ticket type");
        await ClickOkAsync(manager, manager.GetByRole(AriaRole.Button, new() { Name = L("Events.Publish"), Exact = true }), "Publishing");
        await journey.Visit(manager, "manager-published");
        var eventPath = $"/hubs/{Hub}/events/{id}";

        // --- Two members register; the third waits ---------------------------------------------------------------
        async Task<IPage> RegisterAsync(IBrowserContext context, string email, string who, string expectedKey)
        {
            var page = await journey.SignInAsAsync(context, email, who);
            await GotoOkAsync(page, eventPath, "The event page");
            await journey.Visit(page, $"{who}-event");
            await ClickOkAsync(page, page.GetByRole(AriaRole.Button, new() { Name = L("Events.Register"), Exact = true }), $"{who} registers");
            await Expect(page.Locator("#my-registration")).ToContainTextAsync(L(expectedKey, "Participant"));
            await journey.Visit(page, $"{who}-registered");
            return page;
        }
        await using var agentContext = await fixture.NewContextAsync();
        await RegisterAsync(agentContext, DemoAccounts.Agent, "agent", "RegistrationState.Mine.Confirmed");
        await using var mentorContext = await fixture.NewContextAsync();
        var mentor = await RegisterAsync(mentorContext, DemoAccounts.Mentor, "mentor", "RegistrationState.Mine.Confirmed");
        await using var fellowContext = await fixture.NewContextAsync();
        var fellow = await RegisterAsync(fellowContext, DemoAccounts.Fellow, "fellow", "RegistrationState.Mine.Waiting");
        await Expect(fellow.Locator("#my-registration")).ToContainTextAsync(L("Events.Position", 1));

        // --- One registered person cancels: the seat is offered to the third, who confirms it ----------------------
        await ClickOkAsync(mentor, mentor.GetByRole(AriaRole.Button, new() { Name = L("Events.CancelRegistration"), Exact = true }), "The mentor cancels");
        await journey.Visit(mentor, "mentor-cancelled");
        await GotoOkAsync(fellow, eventPath, "The event page again");
        await Expect(fellow.Locator("#my-registration")).ToContainTextAsync(L("RegistrationState.Mine.Offered", "Participant"));
        await journey.Visit(fellow, "fellow-offered");
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var notified = await db.Notifications.AnyAsync(n => n.Path == eventPath && n.Detail == "Offered"
            && db.Users.Any(u => u.Id == n.UserId && u.Email == DemoAccounts.Fellow));
        Assert.True(notified, "The fellow was not notified of the offer.");
        await ClickOkAsync(fellow, fellow.GetByRole(AriaRole.Button, new() { Name = L("Events.ConfirmSeat"), Exact = true }), "The fellow confirms");
        await Expect(fellow.Locator("#my-registration")).ToContainTextAsync(L("RegistrationState.Mine.Confirmed", "Participant"));
        await Expect(fellow.Locator("#check-in-code")).ToBeVisibleAsync();
        await journey.Visit(fellow, "fellow-confirmed");

        // --- The organiser's list shows it; the fellow's calendar feed holds the event with its link back -------------
        await GotoOkAsync(manager, eventPath + "/registrations", "The registrations");
        await journey.Visit(manager, "manager-registrations");
        await GotoOkAsync(fellow, "/calendar", "The calendar feed page");
        await journey.Visit(fellow, "fellow-calendar");
        await ClickOkAsync(fellow, fellow.GetByRole(AriaRole.Button, new() { Name = L("Events.FeedMake"), Exact = true }), "Making the feed");
        await journey.Visit(fellow, "fellow-calendar-made");
        var address = await fellow.Locator("#feed-address").InputValueAsync();
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var ics = await http.GetStringAsync(new Uri(address).PathAndQuery);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var item = Assert.Single(calendar.Events, e => e.Summary == title);
        Assert.EndsWith(eventPath, item.Url!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"event-{id}@", item.Uid, StringComparison.Ordinal);
        output.WriteLine($"The feed holds {calendar.Events.Count} event(s); this one links back to {item.Url}.");
    }
}
