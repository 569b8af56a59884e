using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Network.Requests;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Matchmaking.Suggestions;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Network.Requests.NetworkRequestFixtures;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Matchmaking;

/// <summary>
/// Explained matches through the API and the pages: computed in the background from profiles, needs and services,
/// shown with reasons in words to the people who act on the item, feedback stored and reported, and who may see what.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SuggestionTests(AgoraApps apps)
{
    private sealed record Story(TestNetwork N, int Offer, int Request, int Need, int Service, Guid OtherOrg);

    /// <summary>
    /// The Other SME publishes an IoT/AI technology offer (TRL 6, health, seeking partners in Portugal); the customer
    /// publishes a technology request for IoT, TRL 5–7, and asks DIH Centro for AI testing; imIN-hub offers remote AI
    /// testing for SMEs in the catalogue. Then the suggestions are computed.
    /// </summary>
    private static async Task<Story> StoryAsync(AgoraFactory app)
    {
        // The tests share a database: earlier stories' items would tie with this one's and crowd the top ten.
        await DbAsync(app, async db =>
        {
            // (Profiles other tests made; the demo's, made days ago, stay.)
            var recent = DateTimeOffset.UtcNow.AddHours(-2);
            await db.PartneringProfiles.Where(p => p.Status == ProfileStatus.Published && p.CreatedAt > recent)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.Status, ProfileStatus.Withdrawn));
            await db.CatalogueServices.Where(c => c.Texts.Any(t => t.Title == "AI model testing")).ExecuteUpdateAsync(x => x.SetProperty(c => c.Status, ServiceStatus.Withdrawn));
            return await db.ServiceRequests.Where(r => r.State == ServiceRequestState.Submitted)
                .ExecuteUpdateAsync(x => x.SetProperty(r => r.State, ServiceRequestState.Withdrawn));
        });
        var n = await NetworkAsync(app);
        var need = await AskAsync(n);
        var (offer, request, service, other) = await DbAsync(app, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var other = await db.Organisations.Where(o => o.Slug == n.OtherCustomer).Select(o => o.Id).SingleAsync();
            PartneringProfile Profile(Guid org, Guid author, ProfileKind kind, string title) => new()
            {
                OrganisationId = org, AuthorId = author, HubId = n.CentroId, Kind = kind, Status = ProfileStatus.Published, Title = title,
                Summary = title, Description = title, Sectors = Tags.Join(["health"]), CreatedAt = now, UpdatedAt = now, PublishedAt = now,
                ExpiresAt = now.AddMonths(12),
            };
            var o = Profile(other, n.Ids["othercustomer"], ProfileKind.TechnologyOffer, "Remote monitoring kit");
            o.Technologies = Tags.Join(["iot", "ai"]);
            o.Keywords = Tags.Join(["remote patient monitoring"]);
            o.Trl = 6;
            o.CountriesSought = Tags.Join(["PT"]);
            var r = Profile(n.CustomerId, n.Ids["asker"], ProfileKind.TechnologyRequest, "Remote monitoring for heart failure");
            r.Technologies = Tags.Join(["iot"]);
            r.Keywords = Tags.Join(["remote patient monitoring"]);
            r.TrlSoughtMin = 5;
            r.TrlSoughtMax = 7;
            db.PartneringProfiles.AddRange(o, r);
            var s = new CatalogueService
            {
                HubId = n.IminId, Status = ServiceStatus.Published, Category = ServiceCategory.TestBeforeInvest, SubType = "testing",
                Audiences = ServiceAudience.Sme, Technologies = Tags.Join(["ai"]), Sectors = Tags.Join(["health"]), Delivery = DeliveryModes.Remote,
                Languages = Tags.Join(["en"]), CreatedAt = now, UpdatedAt = now, PublishedAt = now,
                Texts = [new CatalogueServiceText { Culture = "en", Title = "AI model testing", Summary = "Test your AI model", Description = "Remote testing." }],
            };
            db.CatalogueServices.Add(s);
            await db.SaveChangesAsync();
            return (o.Id, r.Id, s.Id, other);
        });
        await RefreshAsync(app, force: true);
        return new Story(n, offer, request, need, service, other);
    }

    private static async Task<bool> RefreshAsync(AgoraFactory app, bool force)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SuggestionRefresh>().RefreshAsync(force, CancellationToken.None);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static List<string> Keys(JsonElement list, string property = "items") =>
        list.GetProperty(property).EnumerateArray().Select(s => s.GetProperty("counterpart").GetProperty("key").GetString()!).ToList();

    private static JsonElement Find(JsonElement list, string key) =>
        list.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("counterpart").GetProperty("key").GetString() == key);

    [Theory, BothDatabases]
    public async Task Profiles_AreSuggestedToEachOther_WithTheirReasonsInWords(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await StoryAsync(app);

        var (status, forRequest) = await GetAsync(s.N.Api("asker"), $"/api/v1/matchmaking/suggestions/profile/{s.Request}");
        Assert.Equal(HttpStatusCode.OK, status);
        var offer = Find(forRequest, $"profile:{s.Offer}");
        // want(request, offer): all sought found (kind, iot, keyword ½) → 1; TRL 6 in 5–7, sector shared → 1.
        // want(offer, request): the kind → 1; sector shared → 1, the request is in Portugal as sought → 1. Score 1.
        Assert.Equal(1.0, offer.GetProperty("score").GetDouble());
        Assert.Equal("Remote monitoring kit", offer.GetProperty("counterpart").GetProperty("title").GetString());
        var words = offer.GetProperty("words").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Equal("Offers what you seek: Internet of things, Technology offer, remote patient monitoring", words[0]);
        Assert.Contains("TRL 6 fits your 5–7", words);
        Assert.Contains("Both in Health", words);
        Assert.Contains("They seek a partner in Portugal", words);

        var (_, forOffer) = await GetAsync(s.N.Api("othercustomer"), $"/api/v1/matchmaking/suggestions/profile/{s.Offer}");
        Assert.Contains($"profile:{s.Request}", Keys(forOffer));

        // The page says the same in the reader's language.
        var page = await s.N.BrowserAsync("asker");
        var (response, doc) = await page.GetAsync($"/matchmaking/suggestions/profile/{s.Request}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("TRL 6 fits your 5–7", doc.QuerySelector("main")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"main a[href='/matchmaking/profiles/{s.Offer}']"));
    }

    [Theory, BothDatabases]
    public async Task Needs_GetServicesForEveryone_WhoKnowsThem_AndOrganisationsOnlyForTheirFrontDesk(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await StoryAsync(app);
        var url = $"/api/v1/matchmaking/suggestions/need/{s.Need}";

        var (_, customer) = await GetAsync(s.N.Api("asker"), url);
        Assert.Contains($"service:{s.Service}", Keys(customer));
        Assert.DoesNotContain(Keys(customer), k => k.StartsWith("organisation:", StringComparison.Ordinal));
        var service = Find(customer, $"service:{s.Service}");
        Assert.Equal("Offers what you seek: Artificial intelligence, Test before invest",
            service.GetProperty("words")[0].GetString());

        var (_, desk) = await GetAsync(s.N.Api("desk1"), url);
        Assert.Contains($"organisation:{s.OtherOrg:N}", Keys(desk));
        Assert.StartsWith("Other SME", Find(desk, $"organisation:{s.OtherOrg:N}").GetProperty("counterpart").GetProperty("title").GetString());

        // The request's own page shows the best of them (Matchmaking's view component in Network's page).
        var page = await s.N.BrowserAsync("asker");
        var (_, doc) = await page.GetAsync($"/network/requests/{s.Need}");
        Assert.NotNull(doc.QuerySelector($"section[aria-labelledby=match-suggestions] a[href='/network/services/{s.Service}']"));

        // Someone who does not know the need: 404, as for the need itself.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(s.N.Api("othercustomer"), url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(s.N.Api("imindesk"), url)).Status);

        // The service's hub sees the need among its service's suggestions only if it may know the need: imIN-hub may not.
        var (forService, serviceList) = await GetAsync(s.N.Api("imindesk"), $"/api/v1/matchmaking/suggestions/service/{s.Service}");
        Assert.Equal(HttpStatusCode.OK, forService);
        Assert.DoesNotContain($"need:{s.Need}", Keys(serviceList));
        Assert.Contains($"need:{s.Need}", await DbAsync(app, db => db.MatchSuggestions.Where(m => m.ForKey == $"service:{s.Service}").Select(m => m.CounterpartKey).ToListAsync()));
        // A published service is public: a stranger is refused its suggestions (403), not told it does not exist.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(s.N.Api("hubmember"), $"/api/v1/matchmaking/suggestions/service/{s.Service}")).Status);
    }

    [Theory, BothDatabases]
    public async Task Access_StrangersAndTokens(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await StoryAsync(app);

        // A member who left the organisation no longer sees its profile's suggestions (the profile is public: 403).
        await DbAsync(app, db => db.OrganisationMembers.Where(m => m.OrganisationId == s.N.CustomerId && m.UserId == s.N.Ids["colleague"]).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(s.N.Api("colleague"), $"/api/v1/matchmaking/suggestions/profile/{s.Request}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.N.Api("asker"), $"/api/v1/matchmaking/suggestions/profile/{s.Request}")).Status);

        // A live profile is public: a stranger may not see its suggestions (403); a draft is not known at all (404).
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(s.N.Api("hubmember"), $"/api/v1/matchmaking/suggestions/profile/{s.Request}")).Status);
        await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == s.Request).ExecuteUpdateAsync(x => x.SetProperty(p => p.Status, ProfileStatus.Draft)));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(s.N.Api("hubmember"), $"/api/v1/matchmaking/suggestions/profile/{s.Request}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(s.N.Api("asker"), "/api/v1/matchmaking/suggestions/organisation/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(s.N.Api("asker"), "/api/v1/matchmaking/suggestions/profiles/1")).Status);

        // A withdrawn counterpart is no longer shown, even before the next computation.
        var (_, stale) = await GetAsync(s.N.Api("othercustomer"), $"/api/v1/matchmaking/suggestions/profile/{s.Offer}");
        Assert.DoesNotContain($"profile:{s.Request}", Keys(stale));

        // A token without organisations:read is refused before the handler.
        var token = await TestTokens.CreateAsync(app, s.N.Emails["asker"], ApiScopes.HubsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await TestTokens.Client(app, token).GetAsync($"/api/v1/matchmaking/suggestions/need/{s.Need}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Feedback_IsStored_HidesDismissed_AndIsReported_WithoutNames(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await StoryAsync(app);
        var api = s.N.Api("asker");
        var url = $"/api/v1/matchmaking/suggestions/need/{s.Need}";

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{url}/feedback", new { counterpart = $"service:{s.Service}", verdict = "Dismissed" })).StatusCode);
        var (_, after) = await GetAsync(api, url);
        Assert.DoesNotContain($"service:{s.Service}", Keys(after));
        Assert.Contains($"service:{s.Service}", Keys(after, "dismissed"));
        // Another person of the customer still sees it: a dismissal is the person's own.
        Assert.Contains($"service:{s.Service}", Keys((await GetAsync(s.N.Api("colleague"), url)).Body));

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{url}/feedback", new { counterpart = $"service:{s.Service}", verdict = "Useful" })).StatusCode);
        var (_, useful) = await GetAsync(api, url);
        Assert.Equal("Useful", Find(useful, $"service:{s.Service}").GetProperty("verdict").GetString());

        // Only a current suggestion can be judged; a stranger cannot judge at all.
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"{url}/feedback", new { counterpart = "service:999999", verdict = "Useful" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync($"{url}/feedback", new { counterpart = "nonsense", verdict = "Useful" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await s.N.Api("othercustomer").PutAsJsonAsync($"{url}/feedback", new { counterpart = $"service:{s.Service}", verdict = "Useful" })).StatusCode);

        // The report: network managers and platform admins; counts per kind of pair.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(s.N.Api("desk1"), "/api/v1/matchmaking/suggestions/report")).Status);
        var manager = await DbAsync(app, async db =>
        {
            await db.HubMemberships.Where(m => m.HubId == s.N.CentroId && m.UserId == s.N.Ids["hubmember"])
                .ExecuteUpdateAsync(x => x.SetProperty(m => m.Roles, HubRoles.Member | HubRoles.HubManager));
            // Hub managers must use two factors (else they are sent to set them up first).
            await db.Users.Where(u => u.Id == s.N.Ids["hubmember"]).ExecuteUpdateAsync(x => x.SetProperty(u => u.TwoFactorEnabled, true));
            return s.N.Emails["hubmember"];
        });
        var reportToken = await TestTokens.CreateAsync(app, manager, ApiScopes.HubsRead);
        var (reportStatus, report) = await GetAsync(TestTokens.Client(app, reportToken), "/api/v1/matchmaking/suggestions/report");
        Assert.Equal(HttpStatusCode.OK, reportStatus);
        var needService = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("pairKind").GetString() == "need-service");
        Assert.True(needService.GetProperty("useful").GetInt32() >= 1);
        Assert.DoesNotContain(s.N.Emails["asker"], report.GetRawText());

        // Cleared with no verdict.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{url}/feedback", new { counterpart = $"service:{s.Service}", verdict = (string?)null })).StatusCode);
        Assert.Equal(0, await DbAsync(app, db => db.MatchFeedback.CountAsync(f => f.PersonId == s.N.Ids["asker"])));

        // The page's buttons do the same.
        var page = await s.N.BrowserAsync("asker");
        var path = $"/matchmaking/suggestions/need/{s.Need}";
        var posted = await page.SubmitAsync(path, new Dictionary<string, string> { ["verdict"] = "Dismissed" }, "main form.actions");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, doc) = await page.GetAsync(path);
        Assert.NotNull(doc.QuerySelector("main details"));
        Assert.Equal(1, await DbAsync(app, db => db.MatchFeedback.CountAsync(f => f.PersonId == s.N.Ids["asker"] && f.Verdict == SuggestionVerdict.Dismissed)));
    }

    [Theory, BothDatabases]
    public async Task Refresh_RunsOnlyWhenItsSourcesChanged(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await StoryAsync(app);
        Assert.False(await RefreshAsync(app, force: false));
        await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == s.Offer)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.Status, ProfileStatus.Withdrawn).SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow)));
        Assert.True(await RefreshAsync(app, force: false));
        Assert.Empty(await DbAsync(app, db => db.MatchSuggestions.Where(m => m.ForKey == $"profile:{s.Offer}" || m.CounterpartKey == $"profile:{s.Offer}").ToListAsync()));
    }

    [Theory, BothDatabases]
    public async Task ChangedProfile_RefreshesOnlyTheListsItTouches(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await StoryAsync(app);
        Task<List<string>> ListOf(string key) => DbAsync(app, db => db.MatchSuggestions.Where(m => m.ForKey == key).OrderBy(m => m.Rank).Select(m => m.CounterpartKey).ToListAsync());
        async Task<int> RefreshItemAsync(int profile)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SuggestionRefresh>().RefreshItemAsync(ItemRef.Profile(profile), CancellationToken.None);
        }
        // An unrelated list, marked so that a rewrite would show.
        await DbAsync(app, db => db.MatchSuggestions.Where(m => m.ForKey == $"service:{s.Service}").ExecuteUpdateAsync(x => x.SetProperty(m => m.Rank, 99)));

        // The offer is withdrawn by its author: the change queues the refresh of what it touches, which the job runner
        // runs: its own list and the request's mention of it go; the organisation leaves the need's list.
        var withdrawn = await s.N.Api("othercustomer").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{s.Offer}/withdraw", new { });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<Agora.Web.Platform.Jobs.JobRunner>();
            for (var i = 0; i < 50 && await DbAsync(app, db => db.BackgroundJobs.AnyAsync(j => j.Kind == SuggestionRefresh.Kind && j.Key.StartsWith($"profile:{s.Offer}@"))); i++)
            {
                await runner.RunDueAsync([SuggestionRefresh.Kind], CancellationToken.None);
                await Task.Delay(100);
            }
        }
        Assert.False(await DbAsync(app, db => db.BackgroundJobs.AnyAsync(j => j.Kind == SuggestionRefresh.Kind && j.Key.StartsWith($"profile:{s.Offer}@"))));
        Assert.Empty(await ListOf($"profile:{s.Offer}"));
        Assert.DoesNotContain($"profile:{s.Offer}", await ListOf($"profile:{s.Request}"));
        Assert.DoesNotContain($"organisation:{s.OtherOrg:N}", await ListOf($"need:{s.Need}"));

        // Published again: back in both.
        await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == s.Offer).ExecuteUpdateAsync(x => x.SetProperty(p => p.Status, ProfileStatus.Published)));
        Assert.True(await RefreshItemAsync(s.Offer) >= 3);
        Assert.Contains($"profile:{s.Request}", await ListOf($"profile:{s.Offer}"));
        Assert.Contains($"profile:{s.Offer}", await ListOf($"profile:{s.Request}"));
        Assert.Contains($"organisation:{s.OtherOrg:N}", await ListOf($"need:{s.Need}"));
        Assert.All(await DbAsync(app, db => db.MatchSuggestions.Where(m => m.ForKey == $"service:{s.Service}").Select(m => m.Rank).ToListAsync()), r => Assert.Equal(99, r));
    }

    [Theory, BothDatabases]
    public async Task PersonalData_ExportsAndErasesTheVerdicts(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await StoryAsync(app);
        await s.N.Api("asker").PutAsJsonAsync($"/api/v1/matchmaking/suggestions/need/{s.Need}/feedback", new { counterpart = $"service:{s.Service}", verdict = "Useful" });
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<PersonalDataService>();
        var export = JsonSerializer.Serialize(await data.ExportAsync(s.N.Ids["asker"], CancellationToken.None));
        Assert.Contains($"service:{s.Service}", export);
        Assert.True(await data.EraseAsync(s.N.Ids["asker"], true, ErasureRequester.Self, null, CancellationToken.None));
        Assert.Equal(0, await DbAsync(app, db => db.MatchFeedback.CountAsync(f => f.PersonId == s.N.Ids["asker"])));
    }
}
