using System.Text.RegularExpressions;
using Agora.Web.Platform.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// The hub network as a new user meets it, in the browser: a person founds a company in Centro (PT19, where no hub
/// offers AI testing), registers it as a customer of the network and asks for AI testing; the form proposes DIH Centro,
/// the hub serving the region; DIH Centro's front desk refers the request to imIN-hub with a note; imIN-hub's desk
/// accepts it and later records the service delivered; the customer followed each step on the request's page (who
/// handles it and why) and rates the delivery. The gap matrix then shows Centro's gap for AI testing, and the network
/// figures (read as CSV before and after) count one more customer served in PT19, one more referral sent by DIH Centro
/// and received by imIN-hub, accepted, and one more test-before-invest service delivered. Every page visited is
/// scanned with axe and photographed into screenshots/network/.
/// </summary>
/// <remarks>The organisation and its request stay (unique names); the journey only compares figures before and after.</remarks>
[Collection(BrowserCollection.Name)]
public sealed class NetworkJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly JourneySupport journey = new(fixture, output, "network", "en");
    private readonly string run = Guid.NewGuid().ToString("N")[..6];
    private const string Desk = DemoAccounts.OtherManager; // front desk of imIN-hub and of DIH Centro (DemoNetworkProfiles)

    [Fact]
    public async Task A_company_without_ai_testing_nearby_is_referred_served_and_counted() => await journey.RunAsync(async () =>
    {
        await using var adminContext = await fixture.NewContextAsync();
        var admin = await journey.SignInAsAsync(adminContext, DemoAccounts.Admin, "admin", DemoAccounts.TotpKey);
        var before = await FiguresAsync(admin);

        // The company and its registration as a customer of the network.
        await using var customerContext = await fixture.NewContextAsync();
        var customer = await journey.SignInAsAsync(customerContext, DemoAccounts.Citizen, "customer");
        var slug = "centro-ai-" + run;
        await GotoOkAsync(customer, "/organisations/new", "the new-organisation form");
        await customer.Locator("input[name='Input.Slug']").FillAsync(slug);
        await customer.Locator("input[name='Input.Name']").FillAsync($"Viseu Triage Labs ({run})");
        await customer.Locator("select[name='Input.Type']").SelectOptionAsync("Company");
        await customer.Locator("input[name='Input.Country']").FillAsync("Portugal");
        await journey.Visit(customer, "new-organisation");
        await SubmitOkAsync(customer, customer.Locator("input[name='Input.Name']"), "Creating the organisation");

        await GotoOkAsync(customer, $"/organisations/{slug}/customer", "the customer registration");
        await customer.Locator("select[name='Input.Type']").SelectOptionAsync("Sme");
        await customer.Locator("select[name='Input.Size']").SelectOptionAsync("Micro");
        await customer.Locator("select[name='Input.Sector']").SelectOptionAsync("health");
        await customer.Locator("select[name='Input.Country']").SelectOptionAsync("PT");
        await customer.Locator("select[name='Input.RegionCode']").SelectOptionAsync("PT19");
        await journey.Visit(customer, "register-customer");
        await SubmitOkAsync(customer, customer.Locator("select[name='Input.Type']"), "Registering as a customer");

        // The need, without a service: the form proposes the hub that serves the customer's region.
        await GotoOkAsync(customer, "/network/requests/new", "the ask form");
        await Expect(customer.Locator("select[name='Input.Hub']")).ToHaveValueAsync(DemoAccounts.DihCentroHub);
        var title = $"Testing our AI triage model ({run})";
        await customer.Locator("input[name='Input.Title']").FillAsync(title);
        await customer.Locator("textarea[name='Input.Description']").FillAsync("We need an independent test of our AI triage model on realistic primary-care data before a pilot.");
        await customer.Locator("select[name='Input.Category']").SelectOptionAsync("TestBeforeInvest");
        await customer.Locator("select[name='Input.Technology']").SelectOptionAsync("ai");
        await journey.Visit(customer, "ask");
        await SubmitOkAsync(customer, customer.Locator("input[name='Input.Title']"), "Asking for AI testing");
        var match = Regex.Match(PathOf(customer), @"^/network/requests/(\d+)$");
        if (!match.Success) throw new XunitException($"After asking, the customer is at {customer.Url}, not the request's page. Page text: {await MainTextAsync(customer)}");
        var requestPath = match.Value;
        await Expect(customer.Locator("main")).ToContainTextAsync(journey.L("Network.RequestState.Submitted"));
        await journey.Visit(customer, "submitted");

        // DIH Centro's front desk sees it and refers it to imIN-hub.
        await using var deskContext = await fixture.NewContextAsync();
        var desk = await journey.SignInAsAsync(deskContext, Desk, "desk", DemoAccounts.TotpKey);
        await GotoOkAsync(desk, $"/hubs/{DemoAccounts.DihCentroHub}/front-desk", "DIH Centro's front desk");
        await Expect(desk.Locator("main")).ToContainTextAsync(title);
        await journey.Visit(desk, "centro-front-desk");
        await GotoOkAsync(desk, requestPath, "the request at DIH Centro's desk");
        await desk.Locator("select[name='Refer.Hub']").SelectOptionAsync(DemoAccounts.IminHub);
        const string referNote = "We do not test AI models; imIN-hub in Lisboa runs an AI testing environment.";
        await desk.Locator("textarea[name='Refer.Note']").FillAsync(referNote);
        await journey.Visit(desk, "refer");
        await SubmitOkAsync(desk, desk.Locator("textarea[name='Refer.Note']"), "Referring to imIN-hub");

        await customer.ReloadAsync();
        await Expect(customer.Locator("main")).ToContainTextAsync(journey.L("Network.RequestState.Referred"));
        await Expect(customer.Locator("main")).ToContainTextAsync(referNote);
        await journey.Visit(customer, "referred");

        // imIN-hub's desk accepts the referral, and later records the delivery.
        await GotoOkAsync(desk, $"/hubs/{DemoAccounts.IminHub}/front-desk", "imIN-hub's front desk");
        await Expect(desk.Locator("main")).ToContainTextAsync(title);
        await GotoOkAsync(desk, requestPath, "the request at imIN-hub's desk");
        await ClickOkAsync(desk, desk.Locator("form[action*='handler=AcceptReferral'] button"), "Accepting the referral");
        await Expect(desk.Locator("main")).ToContainTextAsync(journey.L("Network.RequestState.Accepted"));
        await journey.Visit(desk, "referral-accepted");

        await customer.ReloadAsync();
        await Expect(customer.Locator("main")).ToContainTextAsync(journey.L("Network.RequestState.Accepted"));
        await Expect(customer.Locator("main")).ToContainTextAsync("imIN");
        await journey.Visit(customer, "accepted");

        await GotoOkAsync(desk, requestPath, "the accepted request");
        await desk.Locator("select[name='Delivery.Status']").SelectOptionAsync("Completed");
        const string outcome = "The triage model was tested on 2,000 synthetic primary-care cases; sensitivity 0.94, report delivered.";
        await desk.Locator("textarea[name='Delivery.Outcome']").FillAsync(outcome);
        await SubmitOkAsync(desk, desk.Locator("textarea[name='Delivery.Outcome']"), "Recording the delivery");
        await Expect(desk.Locator("main")).ToContainTextAsync(journey.L("Network.RequestState.Delivered"));
        await journey.Visit(desk, "delivered");

        // The customer reads the outcome and rates the delivery.
        await customer.ReloadAsync();
        await Expect(customer.Locator("main")).ToContainTextAsync(outcome);
        await customer.Locator("#rating-5").CheckAsync();
        await customer.Locator("textarea[name='Feedback.Comment']").FillAsync("Clear report, fast answer.");
        await SubmitOkAsync(customer, customer.Locator("textarea[name='Feedback.Comment']"), "Giving feedback");
        await Expect(customer.Locator("main")).ToContainTextAsync("Clear report, fast answer.");
        var timeline = customer.Locator("ol.timeline li");
        Assert.True(await timeline.CountAsync() >= 5, $"The customer's timeline has {await timeline.CountAsync()} steps: {await MainTextAsync(customer)}");
        await journey.Visit(customer, "feedback");

        // The gap matrix: Centro asks for AI testing and no hub serving it offers test before invest with AI.
        await GotoOkAsync(admin, $"/network/gaps?technology=ai&country=PT&hub={DemoAccounts.DihCentroHub}", "the gap analysis");
        var centroRow = admin.Locator("table tr").Filter(new() { Has = admin.Locator("th[scope='row']", new() { HasTextString = "PT19" }) }).First;
        await Expect(centroRow.Locator("td[data-category='TestBeforeInvest']")).ToHaveClassAsync(new Regex(@"\bgap-gap\b"));
        await admin.Locator("details summary").First.ClickAsync();
        await journey.Visit(admin, "gaps");
        await GotoOkAsync(admin, "/network/gaps?country=PT&allRegions=true", "the gap analysis of every region");
        await journey.Visit(admin, "gaps-all-regions");

        // The figures count the customer, the referral and the delivery.
        var after = await FiguresAsync(admin);
        void Counted(string key, string what) => Assert.True(after.GetValueOrDefault(key) == before.GetValueOrDefault(key) + 1,
            $"{what} ({key}): {before.GetValueOrDefault(key)} before, {after.GetValueOrDefault(key)} after; expected one more.");
        Counted("customers|all||served", "customers served");
        Counted("customers-by-region|PT19||served", "customers served in Centro");
        Counted("customers-by-type|Sme||served", "SME customers served");
        Counted("services-by-category|TestBeforeInvest||delivered", "test-before-invest services delivered");
        Counted($"referrals|sent|{DemoAccounts.DihCentroHub}|accepted", "referrals DIH Centro sent, accepted");
        Counted($"referrals|received|{DemoAccounts.IminHub}|accepted", "referrals imIN-hub received, accepted");
        await GotoOkAsync(admin, "/network/figures", "the network figures");
        await journey.Visit(admin, "figures");
    });

    /// <summary>The network figures of the default period as CSV rows, keyed "section|key|hub|measure".</summary>
    private static async Task<Dictionary<string, long>> FiguresAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/network/figures?format=csv");
        if (!response.Ok) throw new XunitException($"The figures' CSV answered {response.Status}: {await response.TextAsync()}");
        var figures = new Dictionary<string, long>();
        foreach (var line in (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length == 5 && long.TryParse(cells[4], out var value)) figures[string.Join('|', cells[..4])] = value;
        }
        return figures;
    }
}
