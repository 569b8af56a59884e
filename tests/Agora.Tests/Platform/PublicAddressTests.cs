using System.Net;
using Agora.Tests.Infrastructure;
using Agora.Web;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Platform;

/// <summary>Issue 13, hole 2: links in email come from the configured public address, never from the request's Host.</summary>
[Collection(AppsCollection.Name)]
public sealed class PublicAddressTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task ForgotPassword_PoisonedHostHeader_LinkUsesTheConfiguredAddress(string provider)
    {
        var app = await apps.GetAsync(provider);
        var attacker = new PageClient(app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example") }));
        var sent = await attacker.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.Citizen });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var message = Directory.GetFiles(app.MailDirectory, "*.eml").Select(File.ReadAllText)
            .Last(m => m.Contains("To: " + DemoAccounts.Citizen, StringComparison.OrdinalIgnoreCase) && m.Contains("/account/reset-password", StringComparison.Ordinal));
        Assert.DoesNotContain("evil.example", message);
        Assert.Contains(AgoraSettings.DevelopmentAddress + "/account/reset-password?", message);
    }

    [Fact]
    public async Task Production_WithoutBaseUrl_RefusesToStart()
    {
        await using var app = new AgoraFactory("Sqlite", new Dictionary<string, string?> { ["environment"] = "Production", ["Demo:Enabled"] = "false" });
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Agora:BaseUrl", error.ToString());
    }

    [Fact]
    public async Task Production_OtherHost_Refused()
    {
        await using var app = new AgoraFactory("Sqlite", new Dictionary<string, string?>
        {
            ["environment"] = "Production", ["Demo:Enabled"] = "false", ["Agora:BaseUrl"] = "https://agora.example.org",
        });
        var ours = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://agora.example.org") });
        Assert.Equal(HttpStatusCode.OK, (await ours.GetAsync("/health/live")).StatusCode);
        var evil = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://evil.example") });
        Assert.Equal(HttpStatusCode.BadRequest, (await evil.GetAsync("/account/forgot-password")).StatusCode);
    }
}
