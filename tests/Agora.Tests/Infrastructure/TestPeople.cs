using System.Net;

namespace Agora.Tests.Infrastructure;

/// <summary>A new person made through the real pages: registered, email confirmed, signed in.</summary>
public sealed record TestPerson(string Email, string Password, string Name, PageClient Browser);

public static class TestPeople
{
    public const string Password = "Grey-heron-over-the-fjord-42";

    public static async Task<TestPerson> RegisterAsync(AgoraFactory app, string name = "Tess Tester", string? email = null)
    {
        email ??= $"person-{Guid.NewGuid():N}@example.org";
        var browser = new PageClient(app.NewClient());
        var registered = await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        if (registered.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Registering {email} answered {(int)registered.StatusCode}");
        await browser.GetAsync(PageClient.LinkFromMail(app.MailDirectory, email, "/account/confirm-email"));
        await browser.SignInAsync(email, Password);
        return new TestPerson(email, Password, name, browser);
    }
}
