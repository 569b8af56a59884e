using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Hubs;

/// <summary>The journey of the foundation issue, through the pages, on both databases.</summary>
[Collection(AppsCollection.Name)]
public sealed class JoinJourneyTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Journey_RegisterConfirmJoinApproveEvaluator_AuditedEndToEnd(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = $"newcomer-{Guid.NewGuid():N}@example.org";
        var password = "correct horse battery staple";
        var person = new PageClient(app.NewClient());

        // Register.
        var registered = await person.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nina Newcomer", ["Input.Email"] = email,
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("/account/resend-confirmation", await registered.Content.ReadAsStringAsync());

        // Signing in before confirming is refused.
        var early = await person.SubmitAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);

        // Open the link from the saved message.
        var link = PageClient.LinkFromMail(app.MailDirectory, email, "/account/confirm-email");
        var (confirm, confirmDoc) = await person.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.NotNull(confirmDoc.QuerySelector("a.button[href='/account/signin']"));

        await person.SignInAsync(email, password);

        // Switch to Portuguese with the switcher: the profile remembers it.
        var switched = await person.PostWithTokenAsync("/", "/culture", [new("culture", "pt-PT"), new("returnUrl", "/hubs/helseplattformen")]);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var (hubPage, hubDoc) = await person.GetAsync("/hubs/helseplattformen");
        Assert.Equal("pt-PT", hubDoc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Pedir adesão", hubDoc.Body!.TextContent);

        // Ask to join the regional hub.
        var asked = await person.SubmitAsync("/hubs/helseplattformen", new Dictionary<string, string> { ["Input.Message"] = "Sou enfermeira <script>alert(1)</script>" },
            "form[action*='handler=Join']");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/hubs/helseplattformen", asked.Headers.Location?.OriginalString);
        var (_, pendingDoc) = await person.GetAsync("/hubs/helseplattformen");
        Assert.Contains("aguarda", pendingDoc.QuerySelector("#membership-heading")!.ParentElement!.TextContent);

        // The hub manager signs in with two-factor, approves, and makes the newcomer an evaluator.
        var manager = new PageClient(app.NewClient());
        await manager.SignInAsync(DemoAccounts.Manager, DemoAccounts.Password, DemoAccounts.TotpKey);
        var (requestsPage, requestsDoc) = await manager.GetAsync("/hubs/helseplattformen/join-requests");
        Assert.Equal(HttpStatusCode.OK, requestsPage.StatusCode);
        var requestsHtml = requestsDoc.Body!.InnerHtml;
        Assert.Contains(email, requestsHtml);
        Assert.DoesNotContain("<script>alert(1)</script>", requestsHtml);
        var row = requestsDoc.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email));
        var approveAction = row.QuerySelector("form[action*='handler=Approve']")!.GetAttribute("action")!;
        var approved = await manager.PostWithTokenAsync("/hubs/helseplattformen/join-requests", approveAction, []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        // Newest first: the shared hub has more members than one page holds once other tests have run.
        var (_, membersDoc) = await manager.GetAsync("/hubs/helseplattformen/members?sort=-joinedAt");
        var memberRow = membersDoc.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email));
        var rolesAction = memberRow.QuerySelector("form[action*='handler=Roles']")!.GetAttribute("action")!;
        var roles = await manager.PostWithTokenAsync("/hubs/helseplattformen/members", rolesAction, [new("roles", "Evaluator")]);
        Assert.Equal(HttpStatusCode.Redirect, roles.StatusCode);

        // The newcomer now holds Member and Evaluator; the API agrees with the page.
        var memberships = await person.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/memberships");
        var hub = memberships.EnumerateArray().Single(m => m.GetProperty("hubSlug").GetString() == "helseplattformen");
        Assert.Equal(["Member", "Evaluator"], hub.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        // The hub's audit trail shows each step, for the manager only.
        var audit = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/helseplattformen/audit?actor={Uri.EscapeDataString(email)}");
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("hub.join.requested", actions);
        Assert.Contains("hub.join.approved", actions);
        Assert.Contains("hub.member.roles-changed", actions);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync("/api/v1/hubs/helseplattformen/audit")).StatusCode);
    }
}
