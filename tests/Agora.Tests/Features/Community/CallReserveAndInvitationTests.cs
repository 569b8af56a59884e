using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web;
using Agora.Web.Features.Community;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Community.CallTests;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Community;

/// <summary>
/// The reserve list a manager orders (never their own place), invitation-only calls (the link from the configured
/// address, taken up only by the person invited), calls' personal data, and calls of another hub or through a token.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class CallReserveAndInvitationTests(AgoraApps apps)
{
    private static string Api(int id) => $"/api/v1/hubs/{Hub}/calls/{id}";

    private static async Task<int> ApplicationIdAsync(HttpResponseMessage applied)
    {
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<int?> PlaceAsync(HttpClient client, int id) =>
        (await GetJsonAsync(client, Api(id))).GetProperty("mine").GetProperty("reservePosition") is { ValueKind: JsonValueKind.Number } p ? p.GetInt32() : null;

    private static async Task<int[]> PlacesAsync(IEnumerable<TestPerson> people, int id)
    {
        var places = new List<int>();
        foreach (var p in people) places.Add(await PlaceAsync(p.Browser.Client, id) ?? 0);
        return [.. places];
    }

    [Theory, BothDatabases]
    public async Task TheReserveList_IsOrderedByAManager_NeverTheirOwnPlace_AndTheNewFirstMovesUp(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var evaluator = await SignInAsync(app, DemoAccounts.Evaluator);
        var (id, _, question) = await OpenCallAsync(manager.Client, role: "Facilitator");
        var people = new List<TestPerson>();
        var apps4 = new List<int>();
        foreach (var name in new[] { "Ada Reserve", "Ben Reserve", "Cy Reserve", "Dee Reserve" })
        {
            var person = await TestPeople.RegisterAsync(app, name);
            people.Add(person);
            apps4.Add(await ApplicationIdAsync(await ApplyAsync(person.Browser.Client, id, question)));
        }
        var own = await ApplicationIdAsync(await ApplyAsync(manager.Client, id, question));
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(Api(id) + "/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{apps4[0]}/decision", new { decision = "Selected" })).StatusCode);
        foreach (var a in apps4.Skip(1))
            Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"{Api(id)}/applications/{a}/decision", new { decision = "Reserve" })).StatusCode);
        Assert.Equal(new[] { 1, 2, 3 }, await PlacesAsync(people.Skip(1), id));

        // Dee to the front (by the page's form): Ben and Cy close up behind.
        var page = $"/hubs/{Hub}/calls/{id}/applications";
        var moved = await manager.SubmitAsync(page, new Dictionary<string, string> { ["position"] = "1" }, $"form:has(#place-{apps4[3]})");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new[] { 2, 3, 1 }, await PlacesAsync(people.Skip(1), id));
        // Ben past the end (the API): last.
        var last = await manager.Client.PutAsJsonAsync($"{Api(id)}/applications/{apps4[1]}/reserve-position", new { position = 99 });
        Assert.Equal(3, (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetInt32());
        Assert.Equal(new[] { 3, 2, 1 }, await PlacesAsync(people.Skip(1), id));

        // Refusals: no place, a place below 1, someone not on the list, a reviewer, the manager's own application.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsJsonAsync($"{Api(id)}/applications/{apps4[2]}/reserve-position", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PutAsJsonAsync($"{Api(id)}/applications/{apps4[2]}/reserve-position", new { position = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PutAsJsonAsync($"{Api(id)}/applications/{apps4[0]}/reserve-position", new { position = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.Client.PutAsJsonAsync($"{Api(id)}/applications/{apps4[2]}/reserve-position", new { position = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PutAsJsonAsync($"{Api(id)}/applications/{own}/reserve-position", new { position = 1 })).StatusCode);

        // The manager's own row offers no decision, only the note that another manager decides.
        var (_, doc) = await manager.GetAsync(page);
        Assert.Null(doc.QuerySelector($"#decision-{own}"));
        Assert.NotNull(doc.QuerySelector($"#decision-{apps4[2]}"));
        var ownRow = doc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href$='/applications/{own}']") is not null);
        Assert.Contains("another manager decides", ownRow.TextContent);

        // Ada declines: Dee, now first, moves up and holds the role; Cy is first.
        Assert.Equal(HttpStatusCode.OK, (await people[0].Browser.Client.PostAsync(Api(id) + "/application/decline", null)).StatusCode);
        Assert.Equal("Selected", (await GetJsonAsync(people[3].Browser.Client, Api(id))).GetProperty("mine").GetProperty("status").GetString());
        Assert.Equal(1, await PlaceAsync(people[2].Browser.Client, id));
        Assert.Equal(2, await PlaceAsync(people[1].Browser.Client, id));
        Assert.Equal(2, await DbAsync(app, db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.CallReserveMoved && a.Subject!.StartsWith($"#{id} "))));
    }

    [Theory, BothDatabases]
    public async Task AnInvitationOnlyCall_IsSeenAndAppliedToOnlyByThePersonInvited_ThroughALinkFromTheConfiguredAddress(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _, question) = await OpenCallAsync(manager.Client, audience: "InvitedOnly");
        var guest = await TestPeople.RegisterAsync(app, "Gil Guest");
        var other = await TestPeople.RegisterAsync(app, "Olga Other");

        // Unknown to everyone not invited, and no invitations to a call open to all.
        Assert.Equal(HttpStatusCode.NotFound, (await guest.Browser.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplyAsync(guest.Browser.Client, id, question)).StatusCode);
        var (open, _, _) = await OpenCallAsync(manager.Client);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsJsonAsync(Api(open) + "/invitations", new { email = guest.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(Api(id) + "/invitations", new { email = "not an address" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.Browser.Client.PostAsJsonAsync(Api(id) + "/invitations", new { email = guest.Email })).StatusCode);

        // The manager invites from a poisoned host: the mail's link still comes from the configured address.
        var poisoned = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example") });
        var token = await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsWrite);
        poisoned.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await poisoned.PostAsJsonAsync(Api(id) + "/invitations", new { email = guest.Email })).StatusCode);
        var mail = Directory.GetFiles(app.MailDirectory, "*.eml").Select(File.ReadAllText)
            .Last(m => m.Contains("To: " + guest.Email, StringComparison.OrdinalIgnoreCase) && m.Contains($"/calls/{id}/invitations/", StringComparison.Ordinal));
        Assert.DoesNotContain("evil.example", mail);
        Assert.Contains($"{AgoraSettings.DevelopmentAddress}/hubs/{Hub}/calls/{id}/invitations/", mail);
        var link = PageClient.LinkFromMail(app.MailDirectory, guest.Email, $"/hubs/{Hub}/calls/{id}/invitations/");

        // Another person with the link may not take it up; a made-up token is unknown.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Browser.SubmitAsync(link, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.Client.GetAsync($"/hubs/{Hub}/calls/{id}/invitations/{new string('a', 48)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.Client.GetAsync(Api(id))).StatusCode);

        // The guest takes it up on the page: the call is theirs to see and apply to; the link is spent for others.
        Assert.Equal(HttpStatusCode.Redirect, (await guest.Browser.SubmitAsync(link, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guest.Browser.Client.GetAsync(Api(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(guest.Browser.Client, id, question)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.Client.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplyAsync(other.Browser.Client, id, question)).StatusCode);
        Assert.Contains(AuditActions.CallInvitationAccepted, await DbAsync(app, db => db.AuditEvents.Where(a => a.Details == $"#{id}").Select(a => a.Action).ToListAsync()));
    }

    [Theory, BothDatabases]
    public async Task ACallOfAnotherHub_IsNotReachedThroughThisHubsAddress_AndATokenNeedsItsScopeAndIsNoSession(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var imin = await SignInAsync(app, DemoAccounts.OtherManager);
        var (id, _, question) = await OpenCallAsync(manager.Client);
        var ana = await TestPeople.RegisterAsync(app, "Ana Crosshub");
        var application = await ApplicationIdAsync(await ApplyAsync(ana.Browser.Client, id, question));
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(Api(id) + "/close", null)).StatusCode);

        // imIN-hub's manager, with helseplattformen's call id under imIN-hub's address or under its own: not found, not decided.
        var elsewhere = $"/api/v1/hubs/{DemoAccounts.IminHub}/calls/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await imin.Client.GetAsync(elsewhere)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await imin.Client.PostAsJsonAsync($"{elsewhere}/applications/{application}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await imin.Client.GetAsync($"/hubs/{DemoAccounts.IminHub}/calls/{id}/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await imin.Client.PostAsJsonAsync($"{Api(id)}/applications/{application}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await imin.Client.GetAsync($"/hubs/{Hub}/calls/{id}/applications")).StatusCode);

        // A token: read scope cannot decide, write scope can; the token never opens the pages.
        var reader = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsRead));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Api(id) + "/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"{Api(id)}/applications/{application}/decision", new { decision = "Selected" })).StatusCode);
        var writer = TestTokens.Client(app, await TestTokens.CreateAsync(app, DemoAccounts.Manager, ApiScopes.HubsWrite));
        var page = await writer.GetAsync($"/hubs/{Hub}/calls/{id}/applications");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsJsonAsync($"{Api(id)}/applications/{application}/decision", new { decision = "Selected" })).StatusCode);
        Assert.Equal(ApplicationStatus.Selected, await DbAsync(app, db => db.CallApplications.Where(a => a.Id == application).Select(a => a.Status).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task CallsPersonalData_IsExported_AndErased(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, criteria, question) = await OpenCallAsync(manager.Client);
        var ana = await TestPeople.RegisterAsync(app, "Ana Exported");
        var application = await ApplicationIdAsync(await ApplyAsync(ana.Browser.Client, id, question));
        var evaluatorId = await UserIdAsync(app, DemoAccounts.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync(Api(id) + "/reviewers", new { reviewers = new[] { evaluatorId } })).StatusCode);
        var evaluator = await SignInAsync(app, DemoAccounts.Evaluator);
        Assert.Equal(HttpStatusCode.Created, (await evaluator.Client.PostAsJsonAsync($"{Api(id)}/applications/{application}/reviews", new
        {
            scores = new Dictionary<string, int> { [criteria[0].ToString()] = 4, [criteria[1].ToString()] = 3 }, comment = "Thoughtful and concrete.",
        })).StatusCode);

        var anaId = await UserIdAsync(app, ana.Email);
        var exported = await Agora.Tests.Features.Ideas.PersonalDataFixtures.ExportAsync(app, "community-calls", anaId);
        Assert.Contains("I want to help the hub.", exported);
        Assert.Contains("Safer discharges.", exported);
        Assert.DoesNotContain("Thoughtful and concrete.", exported); // never the reviewers' view of them
        var reviewerExport = await Agora.Tests.Features.Ideas.PersonalDataFixtures.ExportAsync(app, "community-calls", evaluatorId);
        Assert.Contains("Thoughtful and concrete.", reviewerExport);

        await Agora.Tests.Features.Ideas.PersonalDataFixtures.EraseTwiceAsync(app, "community-calls", ana, deleteContributions: true);
        Assert.False(await DbAsync(app, db => db.CallApplications.AnyAsync(a => a.Id == application)));
        Assert.False(await DbAsync(app, db => db.CallReviews.AnyAsync(r => r.ApplicationId == application)));
        Assert.False(await DbAsync(app, db => db.CallAnswers.AnyAsync(a => a.ApplicationId == application)));
        Assert.Equal("null", await Agora.Tests.Features.Ideas.PersonalDataFixtures.ExportAsync(app, "community-calls", anaId));
    }
}
