using System.Text.RegularExpressions;
using Agora.Web.Platform.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// The digital maturity assessment in the browser: the Centro SME's admin (the demo fellow) opens the company's
/// assessments, reads the demo result with imIN-hub (the bar chart with its table, T0 and T1 side by side with the
/// change, the AI testing delivered between, suggested services), starts an assessment with DIH Centro, fills the
/// first dimension and saves it as a draft, and sees the draft's progress. Every page visited is scanned with axe and
/// photographed into screenshots/maturity/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MaturityJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly JourneySupport journey = new(fixture, output, "maturity", "en");
    private const string Company = "coimbra-digital-health"; // DemoNetworkRequests.CentroSme

    [Fact]
    public async Task A_customer_reads_its_progress_and_fills_a_dimension_as_a_draft() => await journey.RunAsync(async () =>
    {
        await using var context = await fixture.NewContextAsync();
        var customer = await journey.SignInAsAsync(context, DemoAccounts.Fellow, "customer");

        await GotoOkAsync(customer, $"/organisations/{Company}/customer", "the customer page");
        await ClickOkAsync(customer, customer.Locator($"main a[href='/organisations/{Company}/maturity']"), "Opening the assessments");
        await journey.Visit(customer, "assessments");

        // The demo T1 with imIN-hub: chart, table, T0 and T1 side by side.
        var t1 = customer.Locator("main table tbody tr", new() { HasText = journey.L("Maturity.Wave.T1") }).Locator("a").First;
        await ClickOkAsync(customer, t1, "Opening the T1 assessment");
        await Expect(customer.Locator("main svg[role='img'] title")).ToHaveTextAsync(journey.L("Maturity.ChartTitle"));
        await Expect(customer.Locator("main table caption")).ToHaveTextAsync(journey.L("Maturity.ComparisonCaption"));
        await Expect(customer.Locator("main table tbody tr").First.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^\+\d+$"));
        await journey.Visit(customer, "result");

        // A new assessment with DIH Centro (or the draft a former run left): the first dimension, saved as a draft.
        await GotoOkAsync(customer, $"/organisations/{Company}/maturity", "the assessments");
        await customer.Locator("select[name='Input.Party']").SelectOptionAsync(DemoAccounts.DihCentroHub);
        await customer.Locator("select[name='Input.Wave']").SelectOptionAsync("T0");
        await SubmitAsync(customer, customer.Locator("select[name='Input.Party']"));
        if (!Regex.IsMatch(PathOf(customer), @"^/maturity/assessments/\d+/dimensions/1$"))
        {
            await GotoOkAsync(customer, $"/organisations/{Company}/maturity", "the assessments");
            var draft = customer.Locator("main table tbody tr", new() { HasText = journey.L("Maturity.Status.Draft") }).Locator("a").First;
            await ClickOkAsync(customer, draft, "Opening the draft");
            await GotoOkAsync(customer, PathOf(customer) + "/dimensions/1", "the first dimension");
        }
        var fill = PathOf(customer);
        await customer.Locator("input[name='A.Q15.1'][value='2']").CheckAsync();
        await customer.Locator("input[name='A.Q15.2'][value='1']").CheckAsync();
        await customer.Locator("input[name='A.Q16'][value='1']").CheckAsync();
        await customer.Locator("input[name='A.Q16'][value='3']").CheckAsync();
        await journey.Visit(customer, "fill-dimension-1");
        await ClickOkAsync(customer, customer.Locator("main button[name='next'][value='stay']"), "Saving the draft");
        if (PathOf(customer) != fill) throw new XunitException($"After saving the draft the customer is at {customer.Url}. Page text: {await MainTextAsync(customer)}");
        await Expect(customer.Locator("input[name='A.Q16'][value='3']")).ToBeCheckedAsync();
        await journey.Visit(customer, "draft-saved");

        await ClickOkAsync(customer, customer.Locator("main a", new() { HasText = journey.L("Maturity.BackToAssessment") }), "Back to the assessment");
        await Expect(customer.Locator("main h2").First).ToContainTextAsync(journey.L("Maturity.Progress", 2, 11).Split(' ')[0]);
        await journey.Visit(customer, "draft-overview");

        // imIN-hub's desk lists its customers' assessments, from its front desk.
        await using var deskContext = await fixture.NewContextAsync();
        var desk = await journey.SignInAsAsync(deskContext, DemoAccounts.OtherManager, "desk", DemoAccounts.TotpKey);
        await GotoOkAsync(desk, $"/hubs/{DemoAccounts.IminHub}/front-desk", "imIN-hub's front desk");
        await ClickOkAsync(desk, desk.Locator($"main a[href='/hubs/{DemoAccounts.IminHub}/maturity']"), "Opening the hub's assessments");
        await Expect(desk.Locator("main table tbody tr")).ToHaveCountAsync(2);
        await journey.Visit(desk, "hub-assessments");
    });
}
