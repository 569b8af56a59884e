using System.Diagnostics;
using System.Globalization;
using Agora.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Agora.Browser.Tests.PageActions;

namespace Agora.Browser.Tests;

/// <summary>
/// What the browser journeys share: every page visited is photographed into screenshots/{folder}/ and scanned with
/// axe (violations are collected and fail the journey at its end), people sign in with the sign-in forms counting as
/// visited pages, and the pages' texts come from the app's resources in the journey's language.
/// </summary>
public sealed class JourneySupport(BrowserFixture fixture, ITestOutputHelper output, string folder, string culture)
{
    private readonly List<string> accessibilityProblems = [];
    private int shotNumber;

    /// <summary>Runs the journey, reports how long it took, and fails when any visited page had an axe violation.</summary>
    public async Task RunAsync(Func<Task> journey)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await journey();
        }
        finally
        {
            output.WriteLine($"Journey took {clock.Elapsed.TotalSeconds:F1} s; {shotNumber} pages scanned and photographed into {Path.Combine(BrowserFixture.ScreenshotRoot, folder)}.");
        }
        Assert.True(accessibilityProblems.Count == 0,
            $"{accessibilityProblems.Count} axe violation(s) on the pages of the journey:{Environment.NewLine}" + string.Join(Environment.NewLine, accessibilityProblems));
    }

    /// <summary>Screenshot and axe scan of the page as it is now; violations are collected and fail the journey at the end.</summary>
    public async Task Visit(IPage page, string name)
    {
        var label = $"{++shotNumber:D2}-{name}";
        await ScreenshotAsync(page, folder, label);
        var violations = await Axe.RunAsync(page);
        foreach (var violation in violations) accessibilityProblems.Add($"{label} ({PathOf(page)}): {violation}");
        output.WriteLine($"{label}: {PathOf(page)} (lang {await page.Locator("html").GetAttributeAsync("lang")}), {violations.Count} axe violation(s)");
    }

    /// <summary>A new page of the context, signed in; the sign-in forms count as visited pages.</summary>
    public async Task<IPage> SignInAsAsync(IBrowserContext context, string email, string who, string? twoFactorKey = null)
    {
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, DemoLogins.Password, twoFactorKey, form => Visit(page, $"{who}-{form}"));
        await Visit(page, $"{who}-signed-in");
        output.WriteLine($"{who}: signed in as {email}");
        return page;
    }

    /// <summary>What the pages say in the journey's language for a resource key (Resources/strings/*.txt), formatted.</summary>
    public string L(string key, params object[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var text = fixture.GetService<IStringLocalizer<SharedResource>>()[key, args];
            if (text.ResourceNotFound) throw new XunitException($"No text for the resource key {key}.");
            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
