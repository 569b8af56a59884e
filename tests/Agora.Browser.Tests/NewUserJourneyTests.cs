using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Web.Platform.Audit;
using Agora.Web;
using Agora.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Agora.Browser.Tests.PageActions;
using static Microsoft.Playwright.Assertions;

namespace Agora.Browser.Tests;

/// <summary>
/// The whole journey of a newcomer, in the browser: register, confirm the address from the
/// development mailbox, sign in, switch to Portuguese, ask to join a hub; then the hub manager
/// approves, gives the Evaluator role and finds all of it in the hub's audit trail.
/// Screenshots of every step go to screenshots/journey/ under the test output folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewUserJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Shots = "journey";
    private const string Hub = DemoLogins.HubSlug;

    [Fact]
    public async Task A_newcomer_registers_joins_a_hub_and_the_manager_approves_and_gives_a_role()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var email = $"journey-{id}@example.org";
        var name = $"Journey Tester {id}";
        var password = $"Journey-{id}-Pass!";
        output.WriteLine($"New person: {email}");

        // --- The newcomer ---------------------------------------------------------------------
        await using var person = await fixture.NewContextAsync();
        var page = await person.NewPageAsync();

        // 1. Register.
        await GotoOkAsync(page, "/account/register", "Registration page");
        await Shot(page, "01-register-form");
        var displayName = page.Locator("input[name='Input.DisplayName']");
        await displayName.FillAsync(name);
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync(password);
        var status = await SubmitAsync(page, displayName);
        await Shot(page, "02-registered");
        await ExpectOkAfterSubmitAsync(page, status, "Registration");
        if (await page.Locator("input[name='Input.ConfirmPassword']").CountAsync() > 0)
            throw new XunitException($"Registration was refused: {await MainTextAsync(page)}");

        // 2. The confirmation email in the development mailbox.
        await GotoOkAsync(page, "/dev/mail", "Development mailbox");
        await Shot(page, "03-mailbox");
        var messageLink = await MessageLinkAsync(page, email);
        var messageResponse = await ClickAndWaitAsync(page, messageLink);
        await ExpectOkAfterSubmitAsync(page, messageResponse, "Opening the newest message");
        await Shot(page, "04-message");
        var confirmUrl = await ConfirmationLinkAsync(page);
        output.WriteLine($"Confirmation link: {confirmUrl}");

        // 3. Follow the confirmation link.
        await GotoOkAsync(page, confirmUrl, "Confirmation link");
        await Shot(page, "05-confirmed");

        // 4. Sign in.
        await SignInAsync(page, email, password, twoFactorKey: null);
        await Shot(page, "06-signed-in");

        // 5. Switch the language to Portuguese with the header's switcher.
        var culture = page.Locator("select[name='culture']");
        await culture.SelectOptionAsync("pt-PT");
        status = await SubmitAsync(page, culture);
        await ExpectOkAfterSubmitAsync(page, status, "Language switch");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-PT");
        await Shot(page, "07-portuguese");

        // 6. Ask to join the hub.
        await GotoOkAsync(page, $"/hubs/{Hub}", "Hub page");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-PT");
        await Shot(page, "08-hub");
        var message = page.Locator("textarea[name='Input.Message']");
        await message.FillAsync("I work on remote monitoring and would like to evaluate proposals.");
        status = await SubmitAsync(page, message);
        await Shot(page, "09-join-requested");
        await ExpectOkAfterSubmitAsync(page, status, "Join request");

        // --- The hub manager, in a new browser context -----------------------------------------
        await using var managerContext = await fixture.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await SignInAsync(manager, DemoLogins.Manager, DemoLogins.Password);
        await Shot(manager, "10-manager-signed-in");

        // 7. Approve the request.
        await GotoOkAsync(manager, $"/hubs/{Hub}/join-requests", "Join requests page");
        await Shot(manager, "11-requests");
        var request = await RowForAsync(manager, email, name, manager.Locator(SubmitSelector), $"a request from {email} / {name} with buttons");
        var approve = request.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("approve|aprovar|godkjenn", RegexOptions.IgnoreCase) })
            .Or(request.Locator("button[value*='approve' i], input[type='submit'][value*='approve' i], button[name*='approve' i]"))
            .First;
        status = await ClickAndWaitAsync(manager, approve);
        await Shot(manager, "12-approved");
        await ExpectOkAfterSubmitAsync(manager, status, "Approving the request");

        // 8. Give the new member the Evaluator role.
        await GotoOkAsync(manager, $"/hubs/{Hub}/members", "Members page");
        await Shot(manager, "13-members");
        var evaluatorBox = "input[name='roles'][value='Evaluator']";
        var member = await RowForAsync(manager, email, name, manager.Locator(evaluatorBox), $"a member row for {email} / {name} with a roles=Evaluator checkbox");
        var evaluator = member.Locator(evaluatorBox);
        await evaluator.CheckAsync();
        status = await SubmitAsync(manager, evaluator);
        await Shot(manager, "14-role-given");
        await ExpectOkAfterSubmitAsync(manager, status, "Changing roles");
        await GotoOkAsync(manager, $"/hubs/{Hub}/members", "Members page after the change");
        member = await RowForAsync(manager, email, name, manager.Locator(evaluatorBox), $"the member row for {email} after the change");
        await Expect(member.Locator(evaluatorBox)).ToBeCheckedAsync();

        // 9. The audit trail shows the request, the approval and the role change for that person.
        await GotoOkAsync(manager, $"/hubs/{Hub}/audit", "Hub audit page");
        await Shot(manager, "15-audit");
        var lang = await manager.Locator("html").GetAttributeAsync("lang") ?? "en";
        var missing = new List<string>();
        foreach (var action in new[] { AuditActions.JoinRequested, AuditActions.JoinApproved, AuditActions.RolesChanged })
        {
            var label = AuditLabel(action, lang);
            var entries = manager.Locator("tr, li, article")
                .Filter(new() { HasTextRegex = new Regex(Regex.Escape(email), RegexOptions.IgnoreCase) })
                .Filter(new() { HasTextRegex = new Regex($"{Regex.Escape(label)}|{Regex.Escape(action)}", RegexOptions.IgnoreCase) });
            if (await entries.CountAsync() == 0) missing.Add($"{action} (shown as \"{label}\")");
        }
        if (missing.Count > 0)
            throw new XunitException($"The audit trail of {Hub} has no entry for {email} with: {string.Join(", ", missing)}. Page text: {await MainTextAsync(manager)}");
    }

    private Task Shot(IPage page, string name) => ScreenshotAsync(page, Shots, name);

    /// <summary>Elements that can hold one item of a list, most specific kind first.</summary>
    private static readonly string[] ItemTags = ["tr", "li", "article", "section", "fieldset", "div"];

    /// <summary>
    /// The first table row (else list item, article, …) of the main content that mentions the person
    /// (email or display name) and holds the given controls: one request, one member, one message.
    /// </summary>
    private static async Task<ILocator> RowForAsync(IPage page, string email, string name, ILocator has, string what)
    {
        var text = new Regex($"{Regex.Escape(email)}|{Regex.Escape(name)}", RegexOptions.IgnoreCase);
        foreach (var tag in ItemTags)
        {
            var rows = page.Locator("main").Locator(tag).Filter(new() { HasTextRegex = text, Has = has });
            if (await rows.CountAsync() > 0) return rows.First;
        }
        throw new XunitException($"Expected {what} at {page.Url}. Page text: {await MainTextAsync(page)}");
    }

    /// <summary>The listed message for the address (newest first), else the first message listed.</summary>
    private static async Task<ILocator> MessageLinkAsync(IPage page, string email)
    {
        var links = page.Locator("main a[href*='/dev/mail/']");
        if (await links.CountAsync() == 0)
            throw new XunitException($"/dev/mail lists no message link (a[href*='/dev/mail/']). Page text: {await MainTextAsync(page)}");
        foreach (var tag in ItemTags)
        {
            var rows = page.Locator("main").Locator(tag).Filter(new() { HasText = email, Has = page.Locator("a[href*='/dev/mail/']") });
            if (await rows.CountAsync() > 0) return rows.First.Locator("a[href*='/dev/mail/']").First;
        }
        return links.First;
    }

    /// <summary>The confirmation link of the open message: a link, else a URL in the text.</summary>
    private static async Task<string> ConfirmationLinkAsync(IPage page)
    {
        var anchor = page.Locator("main a[href*='confirm-email']");
        if (await anchor.CountAsync() > 0) return (await anchor.First.GetAttributeAsync("href"))!;
        var text = await page.Locator("body").InnerTextAsync();
        var match = Regex.Match(text, @"https?://\S+/account/confirm-email\S*");
        if (!match.Success)
            throw new XunitException($"The message at {page.Url} shows no confirmation link (/account/confirm-email…). Page text: {await MainTextAsync(page)}");
        return match.Value;
    }

    /// <summary>What the audit page shows for an action code: the "Audit.{code}" text in the page's language.</summary>
    private string AuditLabel(string action, string language)
    {
        var localizer = fixture.GetService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(LocalizationSetup.IsSupported(language) ? language : "en");
            var text = localizer["Audit." + action];
            return text.ResourceNotFound ? action : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
