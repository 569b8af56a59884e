using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Features.Organisations;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace Agora.Tests.Features.Network.Requests;

/// <summary>
/// A small network of its own for each test (so tests leave the demo hubs alone): a regional hub in Centro (PT19) and a
/// national hub in Lisboa (PT1A), each with a network profile and front-desk people; a customer SME in Centro with a
/// person who asks; another customer; a member of the regional hub who is not at its desk; a desk person who is also a
/// member of the customer. Everyone has a password and a token with every scope the area uses.
/// </summary>
public sealed record TestNetwork(AgoraFactory App, string Centro, Guid CentroId, string Imin, Guid IminId, string Customer, Guid CustomerId,
    string OtherCustomer, Dictionary<string, string> Emails, Dictionary<string, Guid> Ids, Dictionary<string, string> Tokens)
{
    public HttpClient Api(string person) => TestTokens.Client(App, Tokens[person]);

    public async Task<PageClient> BrowserAsync(string person)
    {
        var browser = new PageClient(App.NewClient());
        await browser.SignInAsync(Emails[person], TestPeople.Password);
        return browser;
    }
}

public static class NetworkRequestFixtures
{
    public const string AllScopes = $"{ApiScopes.HubsRead} {ApiScopes.HubsWrite} {ApiScopes.OrganisationsRead} {ApiScopes.OrganisationsWrite}";

    public static Task<TestNetwork> NetworkAsync(AgoraFactory app, int firstAnswerDays = 5) => DbAsync(app, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..8];
        Hub NewHub(string slug, string name)
        {
            var hub = new Hub { Id = Guid.NewGuid(), Slug = $"{slug}-{tag}", Name = name, Region = "Test", TimeZone = "Europe/Lisbon", CreatedAt = now };
            hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = name, Description = "" });
            db.Hubs.Add(hub);
            return hub;
        }
        var centro = NewHub("centro", "DIH Centro " + tag);
        var imin = NewHub("imin", "imIN-hub " + tag);
        db.HubNetworkProfiles.Add(new HubNetworkProfile
        {
            HubId = centro.Id, LegalName = centro.Name, Kind = HubKind.Edih, Country = "PT", FirstAnswerDays = firstAnswerDays, CreatedAt = now, UpdatedAt = now,
            Regions = [new HubServedRegion { HubId = centro.Id, RegionCode = "PT19" }],
        });
        db.HubNetworkProfiles.Add(new HubNetworkProfile
        {
            HubId = imin.Id, LegalName = imin.Name, Kind = HubKind.Other, Country = "PT", FirstAnswerDays = firstAnswerDays, CreatedAt = now, UpdatedAt = now,
            Technologies = Tags.Join(["ai"]), Regions = [new HubServedRegion { HubId = imin.Id, RegionCode = "PT1A" }],
        });
        Organisation NewOrg(string slug, string name)
        {
            var org = new Organisation { Id = Guid.NewGuid(), Slug = $"{slug}-{tag}", Name = name, Type = OrganisationType.Company, Country = "Portugal", CreatedAt = now };
            db.Organisations.Add(org);
            db.NetworkCustomers.Add(new NetworkCustomer { OrganisationId = org.Id, Type = CustomerType.Sme, Size = CompanySize.Small, Sector = "health", Country = "PT", RegionCode = "PT19", RegisteredAt = now, UpdatedAt = now });
            return org;
        }
        var customer = NewOrg("coimbra-ai", "Coimbra Health AI " + tag);
        var other = NewOrg("other-sme", "Other SME " + tag);
        var emails = new Dictionary<string, string>();
        var ids = new Dictionary<string, Guid>();
        var hasher = new PasswordHasher<AgoraUser>();
        AgoraUser Person(string name)
        {
            var email = $"{name}-{tag}@example.org";
            var user = new AgoraUser
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = name, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now,
            };
            user.PasswordHash = hasher.HashPassword(user, TestPeople.Password);
            db.Users.Add(user);
            emails[name] = email;
            ids[name] = user.Id;
            return user;
        }
        void Member(Hub hub, AgoraUser user) => db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user.Id, Roles = HubRoles.Member, JoinedAt = now });
        void Desk(Hub hub, AgoraUser user)
        {
            Member(hub, user);
            db.FrontDeskContacts.Add(new FrontDeskContact { HubId = hub.Id, UserId = user.Id, Role = "Front desk", ProposedById = user.Id, ProposedAt = now, ConfirmedAt = now });
        }
        void OrgMember(Organisation org, AgoraUser user, bool admin) => db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = org.Id, UserId = user.Id, IsAdmin = admin, JoinedAt = now });
        var asker = Person("asker");
        OrgMember(customer, asker, admin: true);
        var colleague = Person("colleague");
        OrgMember(customer, colleague, admin: false);
        Desk(centro, Person("desk1"));
        Desk(centro, Person("desk2"));
        Desk(imin, Person("imindesk"));
        Member(centro, Person("hubmember"));
        OrgMember(other, Person("othercustomer"), admin: true);
        var both = Person("deskcustomer");
        Desk(centro, both);
        OrgMember(customer, both, admin: false);
        await db.SaveChangesAsync();
        var tokens = new Dictionary<string, string>();
        foreach (var (name, id) in ids)
        {
            var token = ApiTokenAuthenticationHandler.NewToken();
            db.ApiTokens.Add(new ApiToken
            {
                Id = Guid.NewGuid(), UserId = id, Name = "test", Prefix = token[..12], Hash = ApiTokenAuthenticationHandler.Hash(token),
                Scopes = AllScopes, CreatedAt = now, ExpiresAt = now.AddDays(1),
            });
            tokens[name] = token;
        }
        await db.SaveChangesAsync();
        return new TestNetwork(app, centro.Slug, centro.Id, imin.Slug, imin.Id, customer.Slug, customer.Id, other.Slug, emails, ids, tokens);
    });

    /// <summary>The customer's asker sends a need without a service to the regional hub; answers the request's id.</summary>
    public static async Task<int> AskAsync(TestNetwork n, string title = "AI testing of our triage model")
    {
        var response = await n.Api("asker").PostAsJsonAsync("/api/v1/network/requests", new
        {
            organisation = n.Customer, hub = n.Centro, title, description = "We need to test our triage model before the pilot.", category = "TestBeforeInvest", technology = "ai",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Asking answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body = null) =>
        body is null ? await client.PostAsync(url, null) : await client.PostAsJsonAsync(url, body);

    public static async Task<JsonElement> RequestAsync(HttpClient client, int id) =>
        await Agora.Tests.Features.Ideas.IdeaFixtures.GetJsonAsync(client, $"/api/v1/network/requests/{id}");

    public static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
