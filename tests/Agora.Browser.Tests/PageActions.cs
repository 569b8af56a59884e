using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Agora.Browser.Tests;

/// <summary>Navigation, form submission and sign-in, with selectors by input name or role only.</summary>
public static class PageActions
{
    /// <summary>Submit controls of a form (a button without type submits too).</summary>
    public const string SubmitSelector = "button:not([type]), button[type='submit'], input[type='submit']";

    public static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>GET a path; returns the final response (after redirects).</summary>
    public static async Task<IResponse?> GotoAsync(IPage page, string path) =>
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });

    /// <summary>GET a path and fail with a clear message unless it answers 2xx.</summary>
    public static async Task GotoOkAsync(IPage page, string path, string why)
    {
        var response = await GotoAsync(page, path);
        var status = response?.Status ?? 0;
        if (status is < 200 or >= 300)
            throw new XunitException($"{why}: GET {path} answered {status} at {page.Url} (the page may not exist yet). Page text: {await MainTextAsync(page)}");
    }

    /// <summary>The form that holds the control.</summary>
    public static ILocator FormOf(ILocator control) => control.Locator("xpath=ancestor::form[1]");

    /// <summary>Clicks the form's (first) submit button and waits for the resulting page; returns its status.</summary>
    public static Task<int> SubmitAsync(IPage page, ILocator control) =>
        ClickAndWaitAsync(page, FormOf(control).Locator(SubmitSelector).First);

    /// <summary>Clicks something that navigates (a submit button) and waits for the final document.</summary>
    public static async Task<int> ClickAndWaitAsync(IPage page, ILocator clickable)
    {
        // Mark the current document, so that waiting ends on the new one (even at the same URL).
        await page.EvaluateAsync("() => { window.__agoraOldDocument = true; }");
        var response = await page.RunAndWaitForResponseAsync(
            () => clickable.ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Request.ResourceType == "document" && r.Status is < 300 or >= 400,
            new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => window.__agoraOldDocument !== true && document.readyState === 'complete'");
        return response.Status;
    }

    public static async Task ExpectOkAfterSubmitAsync(IPage page, int status, string step)
    {
        if (status is < 200 or >= 300)
            throw new XunitException($"{step}: the form answered {status} at {page.Url}. Page text: {await MainTextAsync(page)}");
    }

    /// <summary>Submits the control's form and fails with the page's text unless the resulting page answers 2xx.</summary>
    public static async Task SubmitOkAsync(IPage page, ILocator control, string step) =>
        await ExpectOkAfterSubmitAsync(page, await SubmitAsync(page, control), step);

    /// <summary>Clicks something that navigates and fails with the page's text when there is nothing to click or the result is not 2xx.</summary>
    public static async Task ClickOkAsync(IPage page, ILocator clickable, string step)
    {
        if (await clickable.CountAsync() == 0)
            throw new XunitException($"{step}: nothing to click ({clickable}) at {page.Url}. Page text: {await MainTextAsync(page)}");
        await ExpectOkAfterSubmitAsync(page, await ClickAndWaitAsync(page, clickable), step);
    }

    public static async Task<string> MainTextAsync(IPage page)
    {
        try
        {
            var main = page.Locator("main");
            var text = await main.CountAsync() > 0 ? await main.First.InnerTextAsync() : await page.Locator("body").InnerTextAsync();
            text = Regex.Replace(text, @"\s+", " ").Trim();
            return text.Length > 600 ? text[..600] + "…" : text;
        }
        catch (PlaywrightException e)
        {
            return "(could not read the page: " + e.Message + ")";
        }
    }

    /// <summary>
    /// Signs in at /account/signin, answering the two-factor step with a TOTP code when asked.
    /// <paramref name="visited"/>, when given, is called on each form page before it is filled ("signin", "two-factor"),
    /// e.g. to scan or photograph it.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password, string? twoFactorKey = DemoLogins.TwoFactorKey,
        Func<string, Task>? visited = null)
    {
        await GotoOkAsync(page, "/account/signin", $"Sign-in page for {email}");
        if (visited is not null) await visited("signin");
        var emailInput = page.Locator("input[name='Input.Email']");
        await emailInput.FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        var status = await SubmitAsync(page, emailInput);
        await ExpectOkAfterSubmitAsync(page, status, $"Sign-in as {email}");

        if (PathOf(page).StartsWith("/account/signin/two-factor", StringComparison.OrdinalIgnoreCase))
        {
            if (twoFactorKey is null) throw new XunitException($"{email} was asked for a two-factor code, but no key is known.");
            if (visited is not null) await visited("two-factor");
            var codeInput = page.Locator("input[name='Input.Code']");
            await codeInput.FillAsync(Totp.FreshCode(twoFactorKey));
            status = await SubmitAsync(page, codeInput);
            await ExpectOkAfterSubmitAsync(page, status, $"Two-factor step for {email}");
        }

        if (PathOf(page).StartsWith("/account/signin", StringComparison.OrdinalIgnoreCase))
            throw new XunitException($"Sign-in as {email} did not succeed; still at {page.Url}. Page text: {await MainTextAsync(page)}");
        if (await page.Locator("form[action='/account/signout']").CountAsync() == 0)
            throw new XunitException($"After signing in as {email} the header has no sign-out form (form[action='/account/signout']) at {page.Url}.");
    }

    /// <summary>AGORA_SCREENSHOTS=full photographs whole pages on every step; otherwise steps keep what is in view.</summary>
    public static bool FullPageShots { get; } =
        string.Equals(Environment.GetEnvironmentVariable("AGORA_SCREENSHOTS"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A PNG of the page: what is in view (about a third of the time of a whole long page in Chromium), or the whole
    /// page when <paramref name="fullPage"/> or <see cref="FullPageShots"/> asks for it.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string folder, string name, bool fullPage = false)
    {
        var dir = Path.Combine(BrowserFixture.ScreenshotRoot, folder);
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = fullPage || FullPageShots });
    }
}
