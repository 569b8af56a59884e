using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Network.Requests;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Network.Requests.NetworkRequestFixtures;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Matchmaking;

/// <summary>
/// Partnering profiles through the API: the review cycle, separation of duties, who sees what (the organisation hidden
/// from the public, contacts only after an accepted interest), concurrency, expiry and renewal, interests, scopes,
/// personal data.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PartneringProfileTests(AgoraApps apps)
{
    public static object Body(TestNetwork n, string title = "Remote patient monitoring platform", object? extra = null, string? deadline = null) => new
    {
        organisation = n.Customer, hub = n.Centro, kind = "TechnologyOffer", language = "en", title,
        summary = "A remote patient monitoring platform for chronic heart failure, tested with two hospitals.",
        description = "Wearable sensors, a FHIR gateway and a nurse dashboard.", keywords = new[] { "telemonitoring", "heart failure" },
        technologies = new[] { "iot", "ai" }, sectors = new[] { "health" }, trl = 6, stage = "FieldTested", intellectualProperty = "Copyright",
        partnerSought = "A hospital to validate the platform in care.", partnerships = new[] { "Commercial", "ClinicalTrial" },
        countriesSought = new[] { "PT", "NO" }, regionsSought = new[] { "PT19" }, deadline, deviceClass = "ClassIIa", ceMarking = "InProgress",
        needsClinicalData = true, standards = new[] { "Fhir" },
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<int> CreateAsync(TestNetwork n, string person = "asker", object? body = null)
    {
        var (status, json) = await SendAsync(n.Api(person).PostAsJsonAsync("/api/v1/matchmaking/profiles", body ?? Body(n)));
        Assert.True(status == HttpStatusCode.Created, $"Creating answered {(int)status}: {json}");
        return json.GetProperty("id").GetInt32();
    }

    private static async Task<int> VersionAsync(TestNetwork n, string person, int id) =>
        (await GetJsonAsync(n.Api(person), $"/api/v1/matchmaking/profiles/{id}")).GetProperty("version").GetInt32();

    /// <summary>Created by the asker, submitted, approved by desk1: published.</summary>
    public static async Task<int> PublishedAsync(TestNetwork n, object? body = null)
    {
        var id = await CreateAsync(n, body: body);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("desk1").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/review", new { decision = "Approve" })).StatusCode);
        return id;
    }

    [Theory, BothDatabases]
    public async Task ReviewCycle_DraftSubmitChangesReplyApprove_WithSeparationOfDuties(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await CreateAsync(n);
        var anonymous = app.NewClient();

        // A draft is its organisation's alone: strangers, the public and the hub's desk do not know it exists.
        foreach (var stranger in new[] { "othercustomer", "desk1", "hubmember", "imindesk" })
            Assert.Equal(HttpStatusCode.NotFound, (await n.Api(stranger).GetAsync($"/api/v1/matchmaking/profiles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/matchmaking/profiles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("othercustomer").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/submit", new { })).StatusCode);
        var draft = await GetJsonAsync(n.Api("colleague"), $"/api/v1/matchmaking/profiles/{id}");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.True(draft.GetProperty("can").GetProperty("edit").GetBoolean());
        Assert.False(draft.GetProperty("can").GetProperty("submit").GetBoolean());
        // A member who is neither its author nor an admin edits but does not submit.
        Assert.Equal(HttpStatusCode.Forbidden, (await n.Api("colleague").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/submit", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/submit", new { })).StatusCode);
        Assert.Equal(1, await DbAsync(app, db => db.Notifications.CountAsync(x => x.UserId == n.Ids["desk1"] && x.Detail == "Submitted" && x.Path == $"/matchmaking/profiles/{id}")));
        // The desk person who is also a member of the organisation is not asked to review it.
        Assert.Equal(0, await DbAsync(app, db => db.Notifications.CountAsync(x => x.UserId == n.Ids["deskcustomer"] && x.Path == $"/matchmaking/profiles/{id}")));

        // The review queue: the desk sees it, not the desk person of the same organisation; others do not know the queue.
        var queue = await GetJsonAsync(n.Api("desk2"), $"/api/v1/hubs/{n.Centro}/matchmaking/reviews");
        Assert.Contains(queue.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        var own = await GetJsonAsync(n.Api("deskcustomer"), $"/api/v1/hubs/{n.Centro}/matchmaking/reviews");
        Assert.DoesNotContain(own.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("hubmember").GetAsync($"/api/v1/hubs/{n.Centro}/matchmaking/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("imindesk").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/review", new { decision = "Approve" })).StatusCode);

        // Self-review is refused: the desk person is a member of the profile's organisation.
        Assert.Equal(HttpStatusCode.Forbidden, (await n.Api("deskcustomer").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/review", new { decision = "Approve" })).StatusCode);
        // Requesting changes needs a comment.
        var (noComment, noCommentBody) = await SendAsync(n.Api("desk1").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/review", new { decision = "RequestChanges" }));
        Assert.Equal(HttpStatusCode.BadRequest, noComment);
        Assert.True(noCommentBody.GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Equal(HttpStatusCode.OK, (await n.Api("desk1").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/review",
            new { decision = "RequestChanges", comment = "Please state the clinical evidence you have." })).StatusCode);
        Assert.Equal(1, await DbAsync(app, db => db.Notifications.CountAsync(x => x.UserId == n.Ids["asker"] && x.Detail == "RequestChanges")));
        var back = await GetJsonAsync(n.Api("asker"), $"/api/v1/matchmaking/profiles/{id}");
        Assert.Equal("ChangesRequested", back.GetProperty("status").GetString());
        Assert.Equal("Please state the clinical evidence you have.", back.GetProperty("notes")[0].GetProperty("text").GetString());
        // The desk sees it (submitted before) but may not review it again until it is resubmitted.
        Assert.Equal(HttpStatusCode.Conflict, (await n.Api("desk1").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/review", new { decision = "Approve" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/submit",
            new { reply = "Added: a pilot with 120 patients at two hospitals." })).StatusCode);
        var before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await n.Api("desk2").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/review", new { decision = "Approve" })).StatusCode);
        var published = await GetJsonAsync(n.Api("asker"), $"/api/v1/matchmaking/profiles/{id}");
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(new[] { "ChangesRequested", "AuthorReply" }, published.GetProperty("notes").EnumerateArray().Select(x => x.GetProperty("kind").GetString()!).ToArray());
        var expires = published.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires, before.AddDays(365).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(365).AddMinutes(1));
        Assert.Equal(1, await DbAsync(app, db => db.Notifications.CountAsync(x => x.UserId == n.Ids["asker"] && x.Detail == "Approve")));

        var audited = await DbAsync(app, db => db.AuditEvents.Where(e => e.Subject!.StartsWith($"#{id} ")).Select(e => e.Action).ToListAsync());
        Assert.Contains("partnering.profile.created", audited);
        Assert.Equal(2, audited.Count(a => a == "partnering.profile.submitted"));
        Assert.Contains("partnering.profile.changes-requested", audited);
        Assert.Contains("partnering.profile.approved", audited);
    }

    [Theory, BothDatabases]
    public async Task Published_AnonymousSeeItWithoutTheOrganisation_AndTheListFilters(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await PublishedAsync(n);
        var orgName = await DbAsync(app, db => db.Organisations.Where(o => o.Slug == n.Customer).Select(o => o.Name).SingleAsync());
        var anonymous = app.NewClient();

        var response = await anonymous.GetAsync($"/api/v1/matchmaking/profiles/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(orgName, text);
        Assert.DoesNotContain(n.Emails["asker"], text);
        Assert.DoesNotContain(n.Customer, text);
        var view = JsonDocument.Parse(text).RootElement;
        Assert.Equal(JsonValueKind.Null, view.GetProperty("organisation").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("notes").ValueKind);
        Assert.Equal("PT", view.GetProperty("organisationCountry").GetString());
        Assert.Equal("Company", view.GetProperty("organisationKind").GetString());
        Assert.Equal("ClassIIa", view.GetProperty("deviceClass").GetString());
        Assert.Equal(new[] { "Fhir" }, view.GetProperty("standards").EnumerateArray().Select(x => x.GetString()!).ToArray());

        var listed = await anonymous.GetAsync($"/api/v1/matchmaking/profiles?kind=TechnologyOffer&technology=iot&sector=health&country=PT&q=monitoring&pageSize=100");
        var listText = await listed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains($"\"id\":{id},", listText);
        Assert.DoesNotContain(orgName, listText);
        foreach (var miss in new[] { "kind=DataOffer", "technology=robotics", "sector=energy", "country=NO", "q=zzzunlikely" })
        {
            var other = await GetJsonAsync(anonymous, $"/api/v1/matchmaking/profiles?{miss}&pageSize=100");
            Assert.DoesNotContain(other.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/matchmaking/profiles?technology=nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/matchmaking/profiles?sort=secret")).StatusCode);

        // The organisation's members and the reviewer see who is behind it.
        Assert.Equal(orgName, (await GetJsonAsync(n.Api("colleague"), $"/api/v1/matchmaking/profiles/{id}")).GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal(orgName, (await GetJsonAsync(n.Api("desk1"), $"/api/v1/matchmaking/profiles/{id}")).GetProperty("organisation").GetProperty("name").GetString());
    }

    [Theory, BothDatabases]
    public async Task Validation_EveryFieldChecked(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var (status, body) = await SendAsync(n.Api("asker").PostAsJsonAsync("/api/v1/matchmaking/profiles", new
        {
            organisation = n.Customer, hub = n.Centro, kind = "TechnologyRequest", title = "Hi", summary = "short", trl = 10, trlSoughtMin = 7, trlSoughtMax = 5,
            technologies = new[] { "quantum" }, sectors = new[] { "space" }, countriesSought = new[] { "XX" }, regionsSought = new[] { "ZZ99" },
            partnerships = new[] { "Friendship" }, standards = new[] { "Hl8" }, dataApplicationId = 999999, language = "fr",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        foreach (var field in new[] { "title", "summary", "trl", "trlSoughtMax", "technologies", "sectors", "countriesSought", "regionsSought", "partnerships",
                     "standards", "dataApplicationId", "language" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {body}");
        // Someone who is not a member of the organisation cannot write for it, nor choose a hub without a network profile.
        var (foreign, foreignBody) = await SendAsync(n.Api("othercustomer").PostAsJsonAsync("/api/v1/matchmaking/profiles", Body(n)));
        Assert.Equal(HttpStatusCode.BadRequest, foreign);
        Assert.True(foreignBody.GetProperty("errors").TryGetProperty("organisation", out _));
        // Left out, the hub is one proposed for the organisation's region (PT19: Centro, or a demo hub serving it).
        var id = await CreateAsync(n, body: new { organisation = n.Customer, kind = "BusinessRequest", title = "Distributor in Norway", summary = "We look for a distributor of home care devices in Norway." });
        var hub = (await GetJsonAsync(n.Api("asker"), $"/api/v1/matchmaking/profiles/{id}")).GetProperty("hub").GetProperty("slug").GetString();
        var serving = await DbAsync(app, db => db.HubServedRegions.Where(r => r.RegionCode == "PT19").Join(db.Hubs, r => r.HubId, h => h.Id, (r, h) => h.Slug).ToListAsync());
        Assert.Contains(hub, serving);
    }

    [Theory, BothDatabases]
    public async Task Update_StaleVersionConflicts_AndEditingAPublishedProfileSendsItBackToReview(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await PublishedAsync(n);
        var version = await VersionAsync(n, "asker", id);
        var (ok, okBody) = await SendAsync(n.Api("colleague").PutAsJsonAsync($"/api/v1/matchmaking/profiles/{id}", With(Body(n, "Remote monitoring platform v2"), version)));
        Assert.True(ok == HttpStatusCode.OK, okBody.ToString());
        Assert.Equal(HttpStatusCode.Conflict, (await n.Api("asker").PutAsJsonAsync($"/api/v1/matchmaking/profiles/{id}", With(Body(n, "Stale edit"), version))).StatusCode);
        var after = await GetJsonAsync(n.Api("asker"), $"/api/v1/matchmaking/profiles/{id}");
        Assert.Equal("Remote monitoring platform v2", after.GetProperty("title").GetString());
        Assert.Equal("InReview", after.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/api/v1/matchmaking/profiles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("othercustomer").PutAsJsonAsync($"/api/v1/matchmaking/profiles/{id}", With(Body(n), version + 1))).StatusCode);
    }

    private static Dictionary<string, object?> With(object body, int version)
    {
        var json = JsonSerializer.SerializeToElement(body);
        var map = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        map["version"] = version;
        return map;
    }

    [Theory, BothDatabases]
    public async Task ExpiryJob_NoticeOnceThenExpires_RenewalPublishesAgain(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await PublishedAsync(n);
        async Task<(int, int)> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProfileExpiryJob>().RunOnceAsync(CancellationToken.None);
        }
        await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiresAt, DateTimeOffset.UtcNow.AddDays(10))));
        await Task.WhenAll(RunAsync(), RunAsync());
        await RunAsync();
        Assert.Equal(1, await DbAsync(app, db => db.Notifications.CountAsync(x => x.UserId == n.Ids["asker"] && x.Detail == "ExpiresSoon" && x.Path == $"/matchmaking/profiles/{id}")));

        await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        // Past its expiry it is no longer shown, even before the job runs.
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/api/v1/matchmaking/profiles/{id}")).StatusCode);
        await RunAsync();
        var expired = await GetJsonAsync(n.Api("asker"), $"/api/v1/matchmaking/profiles/{id}");
        Assert.Equal("Expired", expired.GetProperty("status").GetString());
        Assert.True(expired.GetProperty("can").GetProperty("renew").GetBoolean());
        Assert.Contains("partnering.profile.expired", await DbAsync(app, db => db.AuditEvents.Where(e => e.Subject!.StartsWith($"#{id} ")).Select(e => e.Action).ToListAsync()));

        // Renewed by its organisation (not by a colleague who is not its author nor an admin), published again without a review.
        Assert.Equal(HttpStatusCode.Forbidden, (await n.Api("colleague").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/renew", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("othercustomer").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/renew", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/renew", new { })).StatusCode);
        var renewed = await GetJsonAsync(app.NewClient(), $"/api/v1/matchmaking/profiles/{id}");
        Assert.Equal("Published", renewed.GetProperty("status").GetString());
        Assert.True(renewed.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(360));

        // A profile whose deadline has passed is not renewed.
        await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Deadline, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))).SetProperty(p => p.Status, ProfileStatus.Expired)));
        Assert.Equal(HttpStatusCode.BadRequest, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/renew", new { })).StatusCode);

        // Approval with a deadline in 30 days expires at the deadline.
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var soon = await PublishedAsync(n, Body(n, "Short call partner", deadline: deadline.ToString("yyyy-MM-dd")));
        var view = await GetJsonAsync(n.Api("asker"), $"/api/v1/matchmaking/profiles/{soon}");
        Assert.Equal(deadline, DateOnly.FromDateTime(view.GetProperty("expiresAt").GetDateTimeOffset().UtcDateTime));
    }

    [Theory, BothDatabases]
    public async Task Interests_OnePending_NotForOwnOrganisation_ContactsOnlyAfterAcceptance(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await PublishedAsync(n);
        var (customerName, otherName) = await DbAsync(app, async db => (
            await db.Organisations.Where(o => o.Slug == n.Customer).Select(o => o.Name).SingleAsync(),
            await db.Organisations.Where(o => o.Slug == n.OtherCustomer).Select(o => o.Name).SingleAsync()));
        var url = $"/api/v1/matchmaking/profiles/{id}/interests";

        // Its own organisation's members may not; nor for an organisation one is not a member of; a message is required.
        var (ownOrg, ownBody) = await SendAsync(n.Api("colleague").PostAsJsonAsync(url, new { organisation = n.Customer, message = "We would like to try it ourselves." }));
        Assert.Equal(HttpStatusCode.BadRequest, ownOrg);
        Assert.True(ownBody.GetProperty("errors").TryGetProperty("organisation", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await n.Api("colleague").PostAsJsonAsync(url, new { organisation = n.OtherCustomer, message = "Pretending to be another organisation." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await n.Api("othercustomer").PostAsJsonAsync(url, new { organisation = n.OtherCustomer, message = "" })).StatusCode);

        var (sent, sentBody) = await SendAsync(n.Api("othercustomer").PostAsJsonAsync(url, new { organisation = n.OtherCustomer, message = "We run a cardiology ward and would test it." }));
        Assert.Equal(HttpStatusCode.Created, sent);
        var interest = sentBody.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await n.Api("othercustomer").PostAsJsonAsync(url, new { organisation = n.OtherCustomer, message = "Again, in case you missed it." })).StatusCode);
        // The author is told someone is interested, without a name.
        var told = await DbAsync(app, db => db.Notifications.SingleAsync(x => x.UserId == n.Ids["asker"] && x.Detail == "InterestReceived"));
        Assert.Null(told.ActorId);

        async Task AssertHiddenAsync()
        {
            var seen = await (await n.Api("othercustomer").GetAsync($"/api/v1/matchmaking/profiles/{id}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(customerName, seen);
            Assert.DoesNotContain(n.Emails["asker"], seen);
            var mine = await (await n.Api("othercustomer").GetAsync("/api/v1/matchmaking/mine")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(customerName, mine);
            Assert.DoesNotContain(n.Emails["asker"], mine);
            var received = await (await n.Api("asker").GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains("cardiology ward", received);
            Assert.DoesNotContain(otherName, received);
            Assert.DoesNotContain(n.Emails["othercustomer"], received);
            var page = await (await n.BrowserAsync("othercustomer")).Client.GetStringAsync($"/matchmaking/profiles/{id}");
            Assert.DoesNotContain(customerName, page);
            Assert.DoesNotContain(n.Emails["asker"], page);
            var authorPage = await (await n.BrowserAsync("asker")).Client.GetStringAsync($"/matchmaking/profiles/{id}");
            Assert.DoesNotContain(otherName, authorPage);
            Assert.DoesNotContain(n.Emails["othercustomer"], authorPage);
        }
        await AssertHiddenAsync();

        // Only the profile's author or organisation admins answer; the sender cannot answer their own.
        Assert.Equal(HttpStatusCode.Forbidden, (await n.Api("othercustomer").PostAsJsonAsync($"/api/v1/matchmaking/interests/{interest}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await n.Api("colleague").PostAsJsonAsync($"/api/v1/matchmaking/interests/{interest}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("hubmember").PostAsJsonAsync($"/api/v1/matchmaking/interests/{interest}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/interests/{interest}/decline", new { note = "Not now, thank you." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/interests/{interest}/accept", new { })).StatusCode);
        Assert.Null((await DbAsync(app, db => db.Notifications.SingleAsync(x => x.UserId == n.Ids["othercustomer"] && x.Detail == "InterestDeclined"))).ActorId);
        await AssertHiddenAsync();

        // A new interest, taken back while pending, then another one accepted: now both sides see each other.
        var second = (await SendAsync(n.Api("othercustomer").PostAsJsonAsync(url, new { organisation = n.OtherCustomer, message = "We changed our plans: still interested." }))).Body.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/interests/{second}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("othercustomer").PostAsJsonAsync($"/api/v1/matchmaking/interests/{second}/withdraw", new { })).StatusCode);
        var third = (await SendAsync(n.Api("othercustomer").PostAsJsonAsync(url, new { organisation = n.OtherCustomer, message = "Third time: a pilot in our ward." }))).Body.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PostAsJsonAsync($"/api/v1/matchmaking/interests/{third}/accept", new { })).StatusCode);

        var profile = await GetJsonAsync(n.Api("othercustomer"), $"/api/v1/matchmaking/profiles/{id}");
        Assert.Equal(customerName, profile.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal(n.Emails["asker"], profile.GetProperty("author").GetProperty("email").GetString());
        var receivedNow = await GetJsonAsync(n.Api("asker"), url);
        var accepted = receivedNow.EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == third);
        Assert.Equal(n.Emails["othercustomer"], accepted.GetProperty("senderContact").GetProperty("email").GetString());
        Assert.Equal(otherName, accepted.GetProperty("senderOrganisation").GetProperty("name").GetString());
        var declined = receivedNow.EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == interest);
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("senderContact").ValueKind);
        var page = await (await n.BrowserAsync("othercustomer")).Client.GetStringAsync($"/matchmaking/profiles/{id}");
        Assert.Contains(n.Emails["asker"], page);
        var authorPage = await (await n.BrowserAsync("asker")).Client.GetStringAsync($"/matchmaking/profiles/{id}");
        Assert.Contains(n.Emails["othercustomer"], authorPage);
        // Still hidden from everyone else.
        var anonymousText = await (await app.NewClient().GetAsync($"/api/v1/matchmaking/profiles/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(customerName, anonymousText);

        var audited = await DbAsync(app, db => db.AuditEvents.Where(e => e.Subject!.StartsWith($"#{id} interest")).Select(e => e.Action).ToListAsync());
        Assert.Equal(3, audited.Count(a => a == "partnering.interest.sent"));
        Assert.Contains("partnering.interest.declined", audited);
        Assert.Contains("partnering.interest.withdrawn", audited);
        Assert.Contains("partnering.interest.accepted", audited);
    }

    [Theory, BothDatabases]
    public async Task TokenWithoutTheScope_Refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await PublishedAsync(n);
        var hubsOnly = TestTokens.Client(app, await TestTokens.CreateAsync(app, n.Emails["asker"], ApiScopes.HubsRead, ApiScopes.HubsWrite));
        Assert.Equal(HttpStatusCode.Forbidden, (await hubsOnly.GetAsync($"/api/v1/matchmaking/profiles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hubsOnly.PostAsJsonAsync("/api/v1/matchmaking/profiles", Body(n))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hubsOnly.PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/withdraw", new { })).StatusCode);
        var readOnly = TestTokens.Client(app, await TestTokens.CreateAsync(app, n.Emails["asker"], ApiScopes.OrganisationsRead));
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync($"/api/v1/matchmaking/profiles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/withdraw", new { })).StatusCode);
        Assert.Equal("Published", (await GetJsonAsync(n.Api("asker"), $"/api/v1/matchmaking/profiles/{id}")).GetProperty("status").GetString());
    }

    [Theory, BothDatabases]
    public async Task PersonalData_ExportedAndErased(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await PublishedAsync(n);
        var (_, sent) = await SendAsync(n.Api("othercustomer").PostAsJsonAsync($"/api/v1/matchmaking/profiles/{id}/interests",
            new { organisation = n.OtherCustomer, message = "Our own words about our ward." }));
        var interest = sent.GetProperty("id").GetInt32();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var source = new PartneringPersonalData(scope.ServiceProvider.GetRequiredService<AgoraDbContext>());
            var asker = JsonSerializer.Serialize(await source.ExportAsync(n.Ids["asker"], CancellationToken.None));
            Assert.Contains("Remote patient monitoring platform", asker);
            var reviewer = JsonSerializer.Serialize(await source.ExportAsync(n.Ids["desk1"], CancellationToken.None));
            Assert.Contains("\"Reviewed\":true", reviewer);
            var sender = JsonSerializer.Serialize(await source.ExportAsync(n.Ids["othercustomer"], CancellationToken.None));
            Assert.Contains("Our own words about our ward.", sender);

            var data = scope.ServiceProvider.GetRequiredService<PersonalDataService>();
            Assert.True(await data.EraseAsync(n.Ids["othercustomer"], true, ErasureRequester.Self, null, CancellationToken.None));
            Assert.True(await data.EraseAsync(n.Ids["asker"], true, ErasureRequester.Self, null, CancellationToken.None));
        }
        var kept = await DbAsync(app, db => db.PartneringProfiles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Null(kept.AuthorId);
        Assert.Equal(ProfileStatus.Published, kept.Status);
        var erased = await DbAsync(app, db => db.ExpressionsOfInterest.AsNoTracking().SingleAsync(e => e.Id == interest));
        Assert.Null(erased.SenderId);
        Assert.Equal("", erased.Message);
    }

    [Theory, BothDatabases]
    public async Task Pages_WriteSubmitReviewWithoutScript_AndTheListHidesTheOrganisation(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var asker = await n.BrowserAsync("asker");
        var created = await asker.SubmitAsync("/matchmaking/profiles/new", new List<KeyValuePair<string, string>>
        {
            new("Input.Organisation", n.Customer), new("Input.Hub", n.Centro), new("Input.Kind", "TechnologyRequest"), new("Input.Language", "pt-PT"),
            new("Input.Title", "Procura-se monitorização remota"), new("Input.Summary", "O hospital procura uma solução de monitorização remota para doentes cardíacos."),
            new("Input.Technologies", "iot"), new("Input.Technologies", "data"), new("Input.Sectors", "health"), new("Input.TrlSoughtMin", "5"),
            new("Input.TrlSoughtMax", "7"), new("Input.CountriesSought", "PT, ES"), new("Input.DeviceClass", "ClassIIa"), new("Input.CeMarking", "NotApplicable"),
            new("Input.NeedsClinicalData", "true"), new("Input.Standards", "Fhir"),
        }, files: []);
        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var stored = await DbAsync(app, db => db.PartneringProfiles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((ProfileKind.TechnologyRequest, ",iot,data,", ",PT,ES,", 5, 7, HealthStandards.Fhir, true),
            (stored.Kind, stored.Technologies, stored.CountriesSought, stored.TrlSoughtMin, stored.TrlSoughtMax, stored.Standards, stored.NeedsClinicalData));

        // Invalid input shows the form again with the field's error.
        var invalid = await asker.SubmitAsync($"/matchmaking/profiles/{id}/edit", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Kind"] = "TechnologyRequest" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Input_Title-error", await invalid.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Found, (await asker.SubmitAsync($"/matchmaking/profiles/{id}", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(ProfileStatus.InReview, await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        var desk = await n.BrowserAsync("desk1");
        var (_, reviewPage) = await desk.GetAsync($"/matchmaking/profiles/{id}");
        Assert.NotNull(reviewPage.QuerySelector("button[formaction*=Approve]"));
        var version = await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var approved = await desk.PostWithTokenAsync($"/matchmaking/profiles/{id}", $"/matchmaking/profiles/{id}?handler=Approve",
            [new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Comment", "")]);
        Assert.Equal(HttpStatusCode.Found, approved.StatusCode);
        Assert.Equal(ProfileStatus.Published, await DbAsync(app, db => db.PartneringProfiles.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        // The desk person of the same organisation gets no review buttons.
        var (_, ownPage) = await (await n.BrowserAsync("deskcustomer")).GetAsync($"/matchmaking/profiles/{id}");
        Assert.Null(ownPage.QuerySelector("button[formaction*=Approve]"));

        var orgName = await DbAsync(app, db => db.Organisations.Where(o => o.Slug == n.Customer).Select(o => o.Name).SingleAsync());
        var list = await app.NewClient().GetStringAsync("/matchmaking/profiles?q=monitoriza%C3%A7%C3%A3o&country=PT&kind=TechnologyRequest");
        Assert.Contains($"/matchmaking/profiles/{id}", list);
        Assert.DoesNotContain(orgName, list);
        var page = await app.NewClient().GetStringAsync($"/matchmaking/profiles/{id}");
        Assert.DoesNotContain(orgName, page);
        Assert.Contains("HL7 FHIR", page);
    }

    [Theory, BothDatabases]
    public async Task Demo_EveryKindInThreeLanguages_WithReviewStatesAndAnAcceptedInterest(string provider)
    {
        var app = await apps.GetAsync(provider);
        var demo = await DbAsync(app, db => db.PartneringProfiles.AsNoTracking()
            .Where(p => db.Organisations.Any(o => o.Id == p.OrganisationId && (o.Slug == "hospital-do-mondego" || o.Slug == "st-olavs-hospital" || o.Slug == "ntnu"
                || o.Slug == "coimbra-digital-health" || o.Slug == "evora-agrotech-saude" || o.Slug == "nordlys-helseteknologi"
                || o.Slug == "helseplattformen-as" || o.Slug == "health-cluster-portugal")))
            .ToListAsync());
        Assert.True(demo.Count >= 8);
        Assert.Equal(Enum.GetValues<ProfileKind>().Length, demo.Select(p => p.Kind).Distinct().Count());
        Assert.Equal(["en", "nb-NO", "pt-PT"], demo.Select(p => p.Language).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(demo, p => p.Status == ProfileStatus.InReview);
        var sentBack = Assert.Single(demo, p => p.Status == ProfileStatus.ChangesRequested);
        Assert.True(await DbAsync(app, db => db.ProfileReviewNotes.AnyAsync(n => n.ProfileId == sentBack.Id)));
        Assert.Contains(demo, p => p.Kind == ProfileKind.TechnologyOffer && p.Trl == 6 && p.DeviceClass == DeviceClass.ClassIIa
            && p.CeMarking == CeMarking.InProgress && p.Standards.HasFlag(HealthStandards.Fhir) && p.Status == ProfileStatus.Published);
        Assert.Contains(demo, p => p.Kind == ProfileKind.TechnologyRequest && p.TrlSoughtMin == 5 && p.TrlSoughtMax == 7);
        var ids = demo.Select(p => p.Id).ToList();
        Assert.True(await DbAsync(app, db => db.ExpressionsOfInterest.AnyAsync(e => ids.Contains(e.ProfileId) && e.State == InterestState.Accepted)));
        // Reviewed by someone outside the profile's organisation.
        foreach (var p in demo.Where(p => p.ReviewedById is not null))
            Assert.False(await DbAsync(app, db => db.OrganisationMembers.AnyAsync(m => m.OrganisationId == p.OrganisationId && m.UserId == p.ReviewedById)));
    }
}
