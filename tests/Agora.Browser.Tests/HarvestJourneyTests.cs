using System.Text.RegularExpressions;
using Agora.Web.Platform.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// Harvesting in the browser: the platform admin adds this installation's own feed as a source (a loopback address,
/// allowed on the form), harvests it now, and finds the services in the catalogue search under "From other
/// installations" with their origin, and a harvested service's page; a second source that answers HTML fails with the
/// reason on its page. Both sources are removed at the end, and their services with them. Every page visited is
/// scanned with axe and photographed into screenshots/harvest/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HarvestJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly JourneySupport journey = new(fixture, output, "harvest", "en");
    private readonly string run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task An_admin_harvests_a_feed_and_its_services_show_with_their_origin() => await journey.RunAsync(async () =>
    {
        await using var adminContext = await fixture.NewContextAsync();
        var admin = await journey.SignInAsAsync(adminContext, DemoAccounts.Admin, "admin", DemoAccounts.TotpKey);
        var good = await AddSourceAsync(admin, $"Mirror {run}", fixture.BaseUrl + "/network/feed.json");
        var bad = await AddSourceAsync(admin, $"Web page {run}", fixture.BaseUrl + "/network");
        try
        {
            await GotoOkAsync(admin, good, "the source's page");
            await ClickOkAsync(admin, admin.Locator("form[action*='handler=Harvest'] button"), "Harvesting now");
            await Expect(admin.Locator("main")).ToContainTextAsync(journey.L("Network.Feed.Harvested"));
            var count = int.Parse(await admin.Locator("dl.props dd").Nth(2).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(count > 0, $"The harvest kept no service: {await MainTextAsync(admin)}");
            await journey.Visit(admin, "harvested-source");

            await GotoOkAsync(admin, bad, "the failing source's page");
            await ClickOkAsync(admin, admin.Locator("form[action*='handler=Harvest'] button"), "Harvesting a web page");
            await Expect(admin.Locator(".notice.error")).ToContainTextAsync(journey.L("Network.Feed.Error.content-type"));
            await journey.Visit(admin, "failing-source");
            await GotoOkAsync(admin, "/admin/harvest-sources", "the harvest sources");
            await journey.Visit(admin, "sources");

            // Anyone finds the harvested services in the catalogue with their origin and opens one.
            await using var visitorContext = await fixture.NewContextAsync();
            var visitor = await visitorContext.NewPageAsync();
            await GotoOkAsync(visitor, "/network/services?q=AI", "the catalogue search");
            var harvested = visitor.Locator("section[aria-labelledby='harvested-heading']");
            await Expect(harvested).ToContainTextAsync($"Mirror {run}");
            await journey.Visit(visitor, "catalogue-with-harvested");
            await ClickOkAsync(visitor, harvested.Locator("a[href^='/network/harvested/']").First, "Opening a harvested service");
            await Expect(visitor.Locator("main")).ToContainTextAsync($"Mirror {run}");
            await journey.Visit(visitor, "harvested-service");
        }
        finally
        {
            foreach (var source in new[] { good, bad })
            {
                await GotoOkAsync(admin, source, "the source's page");
                await ClickOkAsync(admin, admin.Locator("form[action*='handler=Remove'] button"), "Removing the source");
            }
        }
        await GotoOkAsync(admin, "/network/services?q=AI", "the catalogue search");
        await Expect(admin.Locator("section[aria-labelledby='harvested-heading']")).ToHaveCountAsync(0);
    });

    /// <summary>Adds a source on the sources page and returns its page's path.</summary>
    private async Task<string> AddSourceAsync(IPage admin, string name, string url)
    {
        await GotoOkAsync(admin, "/admin/harvest-sources", "the harvest sources");
        await admin.Locator("input[name='Input.Name']").FillAsync(name);
        await admin.Locator("input[name='Input.FeedUrl']").FillAsync(url);
        await admin.Locator("input[name='Input.AllowPrivateAddress'][type='checkbox']").CheckAsync();
        await SubmitOkAsync(admin, admin.Locator("input[name='Input.Name']"), $"Adding the source {name}");
        var match = Regex.Match(PathOf(admin), @"^/admin/harvest-sources/\d+$");
        if (!match.Success) throw new XunitException($"After adding a source the admin is at {admin.Url}. Page text: {await MainTextAsync(admin)}");
        return match.Value;
    }
}
