using System.Net;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;

namespace Agora.Tests.Features.Accounts;

/// <summary>Issue 13, hole 9: a password change or reset, or a two-factor change, ends the person's tokens and other sessions.</summary>
[Collection(AppsCollection.Name)]
public sealed class CredentialChangeTests(AgoraApps apps)
{
    private const string NewPassword = "Otters-swim-under-the-bridge-17";

    [Theory, BothDatabases]
    public async Task ChangePassword_OldTokenAndOtherSession_NoLongerWork(string provider)
    {
        var app = await apps.GetAsync(provider);
        var person = await TestPeople.RegisterAsync(app);
        var token = TestTokens.Client(app, await TestTokens.CreateAsync(app, person.Email, ApiScopes.ProfileRead));
        var phone = new PageClient(app.NewClient());
        await phone.SignInAsync(person.Email, person.Password);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);

        var changed = await person.Browser.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = person.Password, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // The page says so.
        var (_, account) = await person.Browser.GetAsync("/account");
        Assert.Contains("API tokens revoked", account.QuerySelector(".flash")!.TextContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        var other = await phone.Client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/signin", other.Headers.Location!.OriginalString);
        // The browser that changed it stays signed in.
        Assert.Equal(HttpStatusCode.OK, (await person.Browser.Client.GetAsync("/account")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task ResetPassword_OldToken_NoLongerWorks(string provider)
    {
        var app = await apps.GetAsync(provider);
        var person = await TestPeople.RegisterAsync(app);
        var token = TestTokens.Client(app, await TestTokens.CreateAsync(app, person.Email, ApiScopes.ProfileRead));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);

        var visitor = new PageClient(app.NewClient());
        await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = person.Email });
        var link = PageClient.LinkFromMail(app.MailDirectory, person.Email, "/account/reset-password");
        var reset = await visitor.SubmitAsync(link, new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("API tokens were revoked", await reset.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.Client.GetAsync("/account")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task EnableTwoFactor_OldToken_NoLongerWorks(string provider)
    {
        var app = await apps.GetAsync(provider);
        var person = await TestPeople.RegisterAsync(app);
        var token = TestTokens.Client(app, await TestTokens.CreateAsync(app, person.Email, ApiScopes.ProfileRead));
        var (_, setup) = await person.Browser.GetAsync("/account/two-factor");
        var key = setup.QuerySelector("span.code")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var enabled = await person.Browser.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Agora.Browser.Tests.Totp.Code(key, DateTimeOffset.UtcNow) },
            "main form[method=post]");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
    }
}
