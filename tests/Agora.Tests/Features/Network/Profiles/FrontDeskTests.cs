using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Network.Profiles;

/// <summary>Front-desk contacts: proposed by a manager, shown only once the person agrees and only to their audience; the seat ends with the membership.</summary>
[Collection(AppsCollection.Name)]
public sealed class FrontDeskTests(AgoraApps apps)
{
    private const string Hub = DemoAccounts.IminHub;
    private const string Contacts = $"/api/v1/hubs/{Hub}/front-desk/contacts";
    private const string Page = $"/hubs/{Hub}/network/front-desk";

    internal static async Task<(TestPerson Person, Guid Id)> MemberAsync(AgoraFactory app, string name)
    {
        var person = await TestPeople.RegisterAsync(app, name);
        Assert.True((await person.Browser.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/join", new { message = "" })).IsSuccessStatusCode);
        return (person, await UserIdAsync(app, person.Email));
    }

    internal static Task<HttpResponseMessage> ProposeAsync(HttpClient manager, Guid userId, string visibility = "Public", string role = "Business developer, health") =>
        manager.PostAsJsonAsync(Contacts, new { userId, role, languages = new[] { "pt-PT", "en" }, hours = "Mon–Fri 9–17", visibility });

    private static async Task<int> IdOf(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>The names of the contacts a client sees, as the front-desk API, the profile API, the network API and the network page answer them.</summary>
    private static async Task<(List<string> Desk, List<string> Profile, List<string> Network, string NetworkPage)> SeenByAsync(HttpClient client)
    {
        static List<string> Names(JsonElement contacts) => contacts.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        var desk = await client.GetFromJsonAsync<JsonElement>(Contacts);
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/network-profile");
        var network = (await client.GetFromJsonAsync<JsonElement>("/api/v1/network/hubs?country=PT")).EnumerateArray()
            .Single(h => h.GetProperty("slug").GetString() == Hub);
        var page = await (await client.GetAsync("/network?country=PT")).Content.ReadAsStringAsync();
        return (Names(desk.GetProperty("contacts")), Names(profile.GetProperty("contacts")), Names(network.GetProperty("contacts")), page);
    }

    private static async Task AssertSeesAsync(HttpClient client, string name, bool sees)
    {
        var (desk, profile, network, page) = await SeenByAsync(client);
        Assert.Equal(sees, desk.Contains(name));
        Assert.Equal(sees, profile.Contains(name));
        Assert.Equal(sees, network.Contains(name));
        Assert.Equal(sees, page.Contains(name, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task AProposedContact_IsShownOnlyOnceAccepted_ARefusedOneNever_AndOnlyToTheAudienceTheyChose(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.OtherManager);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        var anonymous = app.NewClient();
        var name = "Pia Frontdesk " + Guid.NewGuid().ToString("N")[..6];
        var (pia, piaId) = await MemberAsync(app, name);
        var refuser = "Ola Refuser " + Guid.NewGuid().ToString("N")[..6];
        var (ola, olaId) = await MemberAsync(app, refuser);

        // Only a manager proposes, and only a member of the hub.
        Assert.Equal(HttpStatusCode.Forbidden, (await ProposeAsync(member.Client, piaId)).StatusCode);
        var notMember = await ProposeAsync(manager.Client, await UserIdAsync(app, DemoAccounts.Citizen));
        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.True((await notMember.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("userId", out _));
        var piaSeat = await IdOf(await ProposeAsync(manager.Client, piaId));
        Assert.Equal(HttpStatusCode.Conflict, (await ProposeAsync(manager.Client, piaId)).StatusCode);
        var olaSeat = await IdOf(await ProposeAsync(manager.Client, olaId));

        // Proposed is not shown, to anyone, anywhere.
        await AssertSeesAsync(anonymous, name, false);
        await AssertSeesAsync(member.Client, name, false);

        // The person is told, sees the proposal on the page; nobody else answers it for them.
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == piaId && n.Kind == NotificationKind.ServiceRequest
            && n.Detail == "FrontDeskProposed" && n.Path == Page)));
        var (_, page) = await pia.Browser.GetAsync(Page);
        Assert.NotNull(page.QuerySelector("main form[action*='handler=Accept']"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.PostAsync($"{Contacts}/{piaSeat}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsync($"{Contacts}/{piaSeat}/accept", null)).StatusCode);

        // Accepted on the page: shown to the audience chosen (Public: everyone).
        Assert.Equal(HttpStatusCode.Redirect, (await pia.Browser.SubmitAsync(Page, new Dictionary<string, string>(), "main form[action*='handler=Accept']")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pia.Browser.Client.PostAsync($"{Contacts}/{piaSeat}/accept", null)).StatusCode);
        await AssertSeesAsync(anonymous, name, true);

        // Refused: gone, and never shown.
        Assert.Equal(HttpStatusCode.OK, (await ola.Browser.Client.PostAsync($"{Contacts}/{olaSeat}/refuse", null)).StatusCode);
        await AssertSeesAsync(citizen.Client, refuser, false);
        Assert.False(await DbAsync(app, db => db.FrontDeskContacts.AnyAsync(c => c.Id == olaSeat)));

        // The contact chooses who sees them: people signed in, then the hub's members.
        Assert.Equal(HttpStatusCode.OK, (await pia.Browser.Client.PutAsJsonAsync($"{Contacts}/{piaSeat}",
            new { languages = new[] { "en" }, hours = "Tuesdays", visibility = "SignedIn" })).StatusCode);
        await AssertSeesAsync(anonymous, name, false);
        await AssertSeesAsync(citizen.Client, name, true);
        Assert.Equal(HttpStatusCode.OK, (await pia.Browser.Client.PutAsJsonAsync($"{Contacts}/{piaSeat}",
            new { languages = new[] { "en" }, hours = "Tuesdays", visibility = "Members" })).StatusCode);
        await AssertSeesAsync(citizen.Client, name, false);
        await AssertSeesAsync(member.Client, name, true);
        // Their role is the managers' to set.
        Assert.Equal(HttpStatusCode.BadRequest, (await pia.Browser.Client.PutAsJsonAsync($"{Contacts}/{piaSeat}",
            new { role = "Head of everything", languages = new[] { "en" }, hours = "", visibility = "Members" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.PutAsJsonAsync($"{Contacts}/{piaSeat}",
            new { languages = new[] { "en" }, visibility = "Public" })).StatusCode);

        foreach (var action in new[] { AuditActions.FrontDeskProposed, AuditActions.FrontDeskAccepted, AuditActions.FrontDeskRefused, AuditActions.FrontDeskChanged })
            Assert.True(await DbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == action && (e.Subject == name || e.Subject == refuser))), action);
    }

    [Theory, BothDatabases]
    public async Task ASeat_EndsWithTheMembership_WhenTheyLeaveOrAreRemoved_AndTheyMayStepDown(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.OtherManager);
        var anonymous = app.NewClient();

        async Task<(TestPerson Person, Guid Id, int Seat)> SeatedAsync(string name)
        {
            var (person, id) = await MemberAsync(app, name);
            var seat = await IdOf(await ProposeAsync(manager.Client, id));
            Assert.Equal(HttpStatusCode.OK, (await person.Browser.Client.PostAsync($"{Contacts}/{seat}/accept", null)).StatusCode);
            await AssertSeesAsync(anonymous, name, true);
            return (person, id, seat);
        }

        var leaver = "Lea Leaver " + Guid.NewGuid().ToString("N")[..6];
        var (lea, leaId, leaSeat) = await SeatedAsync(leaver);
        Assert.True((await lea.Browser.Client.DeleteAsync($"/api/v1/hubs/{Hub}/members/{leaId}")).IsSuccessStatusCode);
        Assert.False(await DbAsync(app, db => db.FrontDeskContacts.AnyAsync(c => c.Id == leaSeat)));
        await AssertSeesAsync(anonymous, leaver, false);

        var removed = "Rui Removed " + Guid.NewGuid().ToString("N")[..6];
        var (_, ruiId, ruiSeat) = await SeatedAsync(removed);
        Assert.True((await manager.Client.DeleteAsync($"/api/v1/hubs/{Hub}/members/{ruiId}")).IsSuccessStatusCode);
        Assert.False(await DbAsync(app, db => db.FrontDeskContacts.AnyAsync(c => c.Id == ruiSeat)));
        var ended = await DbAsync(app, db => db.AuditEvents.Where(e => e.Action == AuditActions.FrontDeskSeatEnded)
            .Select(e => e.Details).ToListAsync());
        Assert.Contains("Left", ended);
        Assert.Contains("Removed", ended);

        var stepping = "Sara Steps " + Guid.NewGuid().ToString("N")[..6];
        var (sara, _, saraSeat) = await SeatedAsync(stepping);
        Assert.Equal(HttpStatusCode.NoContent, (await sara.Browser.Client.DeleteAsync($"{Contacts}/{saraSeat}")).StatusCode);
        await AssertSeesAsync(anonymous, stepping, false);
        Assert.True(await DbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.FrontDeskSteppedDown && e.Subject == stepping)));
    }
}
