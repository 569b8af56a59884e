using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Organisations;

/// <summary>
/// Adding a person to an organisation by email is an invitation: the same answer for registered and unknown addresses,
/// and the person is listed only once they accept.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class OrganisationInvitationTests(AgoraApps apps)
{
    private const string Org = "nordlys-helseteknologi"; // Member is its admin

    [Theory, BothDatabases]
    public async Task AddMember_RegisteredOrUnknownAddress_SameAnswerNoNameNotListed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);

        // The reviewed attack: a registered and an unknown address, told apart by status and the echoed name.
        var registered = await admin.Client.PostAsJsonAsync($"/api/v1/organisations/{Org}/members", new { email = DemoAccounts.Citizen });
        var unknown = await admin.Client.PostAsJsonAsync($"/api/v1/organisations/{Org}/members", new { email = $"nobody-{Guid.NewGuid():N}@example.org" });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal(registered.StatusCode, unknown.StatusCode);
        var body = await registered.Content.ReadAsStringAsync();
        Assert.Equal(body, await unknown.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Citizen", body, StringComparison.OrdinalIgnoreCase);

        // The page answers the same for both, and names nobody.
        var viaPage = await admin.SubmitAsync($"/organisations/{Org}/members", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.Citizen }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);

        // Not added silently: the person is not listed until they accept.
        var list = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{Org}/members");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == DemoAccounts.Citizen);
        // The address got an email pointing at the invitations page.
        Assert.Equal("/organisations/invitations", PageClient.LinkFromMail(app.MailDirectory, DemoAccounts.Citizen, "/organisations/invitations"));
    }

    [Theory, BothDatabases]
    public async Task Invitation_AcceptOnPage_ListedAndSingleUse(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.Client.PostAsJsonAsync($"/api/v1/organisations/{Org}/members", new { email = DemoAccounts.Citizen })).StatusCode);

        // Someone else sees nothing to accept.
        var other = new PageClient(app.NewClient());
        await other.SignInAsync(DemoAccounts.Agent, DemoAccounts.Password);
        Assert.DoesNotContain((await other.Client.GetFromJsonAsync<JsonElement>("/api/v1/organisations/invitations")).EnumerateArray(),
            i => i.GetProperty("organisationSlug").GetString() == Org);

        var citizen = new PageClient(app.NewClient());
        await citizen.SignInAsync(DemoAccounts.Citizen, DemoAccounts.Password);
        var mine = await citizen.Client.GetFromJsonAsync<JsonElement>("/api/v1/organisations/invitations");
        var invitation = mine.EnumerateArray().First(i => i.GetProperty("organisationSlug").GetString() == Org).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/api/v1/organisations/invitations/{invitation}/accept", null)).StatusCode);

        var accepted = await citizen.SubmitAsync("/organisations/invitations", new Dictionary<string, string>(), $"form:has(input[value='{invitation}'])[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var list = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{Org}/members");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == DemoAccounts.Citizen);
        // Once only.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.PostAsync($"/api/v1/organisations/invitations/{invitation}/decline", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.Client.DeleteAsync($"/api/v1/organisations/{Org}/members/{await UserIdAsync(list, DemoAccounts.Citizen)}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Invitation_Declined_NotListed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = new PageClient(app.NewClient());
        await admin.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.Client.PostAsJsonAsync($"/api/v1/organisations/{Org}/members", new { email = DemoAccounts.Reviewer })).StatusCode);

        var reviewer = new PageClient(app.NewClient());
        await reviewer.SignInAsync(DemoAccounts.Reviewer, DemoAccounts.Password);
        var (_, doc) = await reviewer.GetAsync("/organisations/invitations");
        Assert.NotNull(doc.QuerySelector($"#invitations a[href='/organisations/{Org}']"));
        var declined = await reviewer.SubmitAsync("/organisations/invitations", new Dictionary<string, string>(), "form[action*='handler=Decline']");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        (_, doc) = await reviewer.GetAsync("/organisations/invitations");
        Assert.Null(doc.QuerySelector($"#invitations a[href='/organisations/{Org}']"));

        var list = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{Org}/members");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == DemoAccounts.Reviewer);
    }

    private static Task<Guid> UserIdAsync(JsonElement list, string email) =>
        Task.FromResult(list.GetProperty("items").EnumerateArray().First(m => m.GetProperty("email").GetString() == email).GetProperty("userId").GetGuid());
}
