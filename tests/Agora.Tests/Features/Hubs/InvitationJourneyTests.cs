using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Hubs;

/// <summary>A hub manager invites by email; the link in the message admits only the invited address, once.</summary>
[Collection(AppsCollection.Name)]
public sealed class InvitationJourneyTests(AgoraApps apps)
{
    private const string Hub = DemoAccounts.DihCentroHub; // invitation only

    [Theory, BothDatabases]
    public async Task Invite_NewPersonRegistersAndAccepts_OnlyTheInvitedAddressOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = $"invitee-{Guid.NewGuid():N}@example.org";
        var manager = new PageClient(app.NewClient());
        await manager.SignInAsync(DemoAccounts.OtherManager, DemoAccounts.Password, DemoAccounts.TotpKey);

        // Invalid input gets field messages and sends nothing.
        var invalid = await manager.SubmitAsync($"/hubs/{Hub}/invitations", new Dictionary<string, string> { ["Input.Email"] = "not an email" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.NotEmpty(PageClient.ErrorsOf(await invalid.Content.ReadAsStringAsync()));

        var invited = await manager.SubmitAsync($"/hubs/{Hub}/invitations", [new("Input.Email", email), new("Input.Roles", "Mentor")], []);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var (_, listDoc) = await manager.GetAsync($"/hubs/{Hub}/invitations");
        var row = listDoc.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email));
        Assert.Contains("Mentor", row.TextContent);

        // The message carries the link; before signing in, it says whom it is for.
        var link = PageClient.LinkFromMail(app.MailDirectory, email, "/invitations/");
        var visitor = new PageClient(app.NewClient());
        var (opened, openedDoc) = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(email, openedDoc.QuerySelector("main")!.TextContent);
        Assert.NotNull(openedDoc.QuerySelector($"a[href='/account/signin?returnUrl={Uri.EscapeDataString(new Uri("http://x" + link).AbsolutePath)}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostWithTokenAsync(link, link, [])).StatusCode); // to sign-in

        // Another signed-in person cannot use it.
        var other = new PageClient(app.NewClient());
        await other.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var (_, wrongDoc) = await other.GetAsync(link);
        Assert.Null(wrongDoc.QuerySelector("main form[method=post]"));
        var stolen = await other.PostWithTokenAsync("/", link, []);
        Assert.Equal(HttpStatusCode.OK, stolen.StatusCode);
        Assert.DoesNotContain(await Memberships(other), m => m.Slug == Hub);

        // The invited person registers with the invited address, confirms, signs in and accepts.
        const string password = "a long and private passphrase";
        var registered = await visitor.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Inês Invitee", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        await visitor.GetAsync(PageClient.LinkFromMail(app.MailDirectory, email, "/account/confirm-email"));
        await visitor.SignInAsync(email, password);
        var accepted = await visitor.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/hubs/{Hub}", accepted.Headers.Location!.OriginalString);
        Assert.Equal(["Member", "Mentor"], (await Memberships(visitor)).Single(m => m.Slug == Hub).Roles);

        // The link works once; the invitation leaves the open list.
        var (reused, _) = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        var open = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/invitations");
        Assert.DoesNotContain(open.EnumerateArray(), i => i.GetProperty("email").GetString() == email);

        // Inviting someone who is already a member is refused.
        var twice = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/invitations", new { email, roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        // The hub's trail has the invitation and its acceptance.
        var audit = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/audit?pageSize=100");
        var actions = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == email)
            .Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("hub.member.invited", actions);
        Assert.Contains("hub.invitation.accepted", actions);
    }

    [Theory, BothDatabases]
    public async Task Api_InviteListRevoke_RevokedLinkIsDead(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = $"revoked-{Guid.NewGuid():N}@example.org";
        var manager = new PageClient(app.NewClient());
        await manager.SignInAsync(DemoAccounts.OtherManager, DemoAccounts.Password, DemoAccounts.TotpKey);

        // Only the hub's managers invite.
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var refused = await member.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/invitations", new { email, roles = new[] { "Fellow" } });
        Assert.True((int)refused.StatusCode is 403 or 404, $"member invite answered {(int)refused.StatusCode}");
        var badRole = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/invitations", new { email, roles = new[] { "Emperor" } });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);

        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/invitations", new { email, roles = new[] { "Fellow" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var open = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/invitations");
        var listed = open.EnumerateArray().Single(i => i.GetProperty("email").GetString() == email);
        Assert.Equal(id, listed.GetProperty("id").GetGuid());

        var link = PageClient.LinkFromMail(app.MailDirectory, email, "/invitations/");
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync($"/api/v1/hubs/{Hub}/invitations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.DeleteAsync($"/api/v1/hubs/{Hub}/invitations/{id}")).StatusCode);
        var (dead, _) = await new PageClient(app.NewClient()).GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, dead.StatusCode);
        var audit = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/audit?action=hub.invitation.revoked&pageSize=100");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("subject").GetString() == email);
    }

    private static async Task<List<(string Slug, string[] Roles)>> Memberships(PageClient person)
    {
        var list = await person.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/memberships");
        return list.EnumerateArray()
            .Select(m => (m.GetProperty("hubSlug").GetString()!, m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray()))
            .ToList();
    }
}
