using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Network;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Network.Requests.NetworkRequestFixtures;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Network.Requests;

/// <summary>Service requests through the front desk: asking, referring, accepting, delivering and feedback, and who may do what.</summary>
[Collection(AppsCollection.Name)]
public sealed class ServiceRequestTests(AgoraApps apps)
{
    private static string[] StepKinds(JsonElement request) =>
        request.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!).ToArray();

    [Theory, BothDatabases]
    public async Task Story_AskReferAcceptDeliverFeedback_TheCustomerFollowsEveryStep(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var customer = await n.BrowserAsync("asker");

        // The customer asks through the page; the form proposes the hub serving their region (Centro).
        var (_, form) = await customer.GetAsync("/network/requests/new");
        var proposed = form.QuerySelector("select[name='Input.Hub'] option[selected]")?.GetAttribute("value");
        var servingCentro = await DbAsync(app, db => db.HubServedRegions.Where(r => r.RegionCode == "PT19").Join(db.Hubs, r => r.HubId, h => h.Id, (r, h) => h.Slug).ToListAsync());
        Assert.Contains(proposed, servingCentro);
        var sent = await customer.SubmitAsync("/network/requests/new", new Dictionary<string, string>
        {
            ["Input.Hub"] = n.Centro, ["Input.Title"] = "AI testing of our triage model", ["Input.Description"] = "We need to test our triage model before the pilot.",
            ["Input.Category"] = "TestBeforeInvest", ["Input.Technology"] = "ai",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = sent.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var asked = await RequestAsync(n.Api("asker"), id);
        Assert.Equal("Submitted", asked.GetProperty("state").GetString());
        Assert.Equal("PT19", asked.GetProperty("regionCode").GetString());
        Assert.True(asked.GetProperty("answerDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(4));

        // The Centro desk sees it on its queue and refers it to the national hub with a note.
        var desk = await GetJsonAsync(n.Api("desk1"), $"/api/v1/hubs/{n.Centro}/front-desk/requests?state=Submitted");
        Assert.Contains(desk.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        var deskPage = await n.BrowserAsync("desk1");
        var (deskResponse, deskView) = await deskPage.GetAsync(page);
        Assert.True(deskResponse.StatusCode == HttpStatusCode.OK && deskView.QuerySelector("main form[action*='handler=Refer']") is not null,
            $"{(int)deskResponse.StatusCode}: {deskView.QuerySelector("main")?.TextContent}");
        var referred = await deskPage.SubmitAsync(page, new Dictionary<string, string> { ["Refer.Hub"] = n.Imin, ["Refer.Note"] = "they offer AI testing" },
            "main form[action*='handler=Refer']");
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);

        // The national hub's desk sees the referral and accepts it: it now handles the request.
        var iminQueue = await GetJsonAsync(n.Api("imindesk"), $"/api/v1/hubs/{n.Imin}/front-desk/requests");
        Assert.Contains(iminQueue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("imindesk"), $"/api/v1/network/requests/{id}/referral/accept")).StatusCode);

        var (_, followed) = await customer.GetAsync(page);
        var text = followed.QuerySelector("main")!.TextContent;
        Assert.Contains($"Referred by DIH Centro {n.Centro[7..]} to imIN-hub {n.Imin[5..]}: they offer AI testing", text, StringComparison.Ordinal);
        Assert.Contains($"imIN-hub {n.Imin[5..]} handles this request.", text, StringComparison.Ordinal);
        Assert.Contains("Why: they offer AI testing", text, StringComparison.Ordinal);

        // The national hub records the delivery: under way, then completed with its outcome.
        var delivery = $"/api/v1/network/requests/{id}/delivery";
        Assert.Equal(HttpStatusCode.OK, (await n.Api("imindesk").PutAsJsonAsync(delivery, new { status = "UnderWay" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await n.Api("desk1").PutAsJsonAsync(delivery, new { status = "Completed", outcome = "Not ours." })).StatusCode);
        var completed = await n.Api("imindesk").PutAsJsonAsync(delivery, new { status = "Completed", outcome = "Model tested on 2,000 anonymised cases; report delivered." });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        // The customer gives feedback on the page, and may change it.
        var feedback = await customer.SubmitAsync(page, new Dictionary<string, string> { ["Feedback.Rating"] = "5", ["Feedback.Comment"] = "Fast and thorough." },
            "main form[action*='handler=Feedback']");
        Assert.Equal(HttpStatusCode.Redirect, feedback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PutAsJsonAsync($"/api/v1/network/requests/{id}/feedback", new { rating = 4, comment = "Thorough." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await n.Api("colleague").PutAsJsonAsync($"/api/v1/network/requests/{id}/feedback", new { rating = 1 })).StatusCode);

        var final = await RequestAsync(n.Api("asker"), id);
        Assert.Equal("Delivered", final.GetProperty("state").GetString());
        Assert.Equal(n.Imin, final.GetProperty("hub").GetProperty("slug").GetString());
        Assert.Equal(["Submitted", "Referred", "ReferralAccepted", "DeliveryStarted", "DeliveryCompleted", "FeedbackGiven"], StepKinds(final));
        Assert.Equal(4, final.GetProperty("delivery").GetProperty("feedbackRating").GetInt32());
        Assert.True(final.GetProperty("firstAnsweredAt").ValueKind == JsonValueKind.String);

        // The customer's list has it; the customer was told of each answer, the desks of what came to them.
        var mine = await GetJsonAsync(n.Api("asker"), "/api/v1/network/requests");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        var told = await DbAsync(app, db => db.Notifications.Where(x => x.Kind == NotificationKind.ServiceRequest && x.Path == $"/network/requests/{id}")
            .Select(x => new { x.UserId, x.Detail }).ToListAsync());
        Assert.Contains(told, x => x.UserId == n.Ids["desk1"] && x.Detail == "Submitted");
        Assert.Contains(told, x => x.UserId == n.Ids["imindesk"] && x.Detail == "Referred");
        Assert.Contains(told, x => x.UserId == n.Ids["asker"] && x.Detail == "ReferralAccepted");
        Assert.Contains(told, x => x.UserId == n.Ids["asker"] && x.Detail == "DeliveryCompleted");
        Assert.Contains(told, x => x.UserId == n.Ids["imindesk"] && x.Detail == "FeedbackGiven");
        var audited = await DbAsync(app, db => db.AuditEvents.Where(e => e.Subject != null && e.Subject.StartsWith($"#{id} ")).Select(e => e.Action).ToListAsync());
        Assert.Contains("network.request.submitted", audited);
        Assert.Contains("network.request.referred", audited);
        Assert.Contains("network.request.referral-accepted", audited);
        Assert.Contains("network.request.feedback", audited);

        // The referring desk still reads it; the front-desk page lists the national hub's request.
        Assert.Equal(HttpStatusCode.OK, (await n.Api("desk1").GetAsync($"/api/v1/network/requests/{id}")).StatusCode);
        var iminBrowser = await n.BrowserAsync("imindesk");
        var (queueResponse, queue) = await iminBrowser.GetAsync($"/hubs/{n.Imin}/front-desk");
        Assert.Equal(HttpStatusCode.OK, queueResponse.StatusCode);
        Assert.Contains("AI testing of our triage model", queue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task DeclinedReferral_GoesBackToTheFirstDesk_WithANewAnswerDue(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await AskAsync(n);
        var firstDue = await DbAsync(app, db => db.ServiceRequests.Where(r => r.Id == id).Select(r => r.FirstAnswerDueAt).SingleAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/refer", new { hub = n.Centro, note = "Ourselves." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/refer", new { hub = n.Imin })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/refer", new { hub = n.Imin, note = "They test AI." })).StatusCode);
        await DbAsync(app, db => db.ServiceRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswerDueAt, DateTimeOffset.UtcNow.AddDays(-1))));
        // Only the desk it was referred to answers the referral.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/referral/accept")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(n.Api("imindesk"), $"/api/v1/network/requests/{id}/referral/decline", new { note = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("imindesk"), $"/api/v1/network/requests/{id}/referral/decline", new { note = "No capacity before June." })).StatusCode);

        var back = await RequestAsync(n.Api("asker"), id);
        Assert.Equal("Submitted", back.GetProperty("state").GetString());
        Assert.Equal(n.Centro, back.GetProperty("hub").GetProperty("slug").GetString());
        Assert.True(back.GetProperty("answerDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(4));
        Assert.Contains("No capacity before June.", back.GetProperty("steps").EnumerateArray().Last().GetProperty("text").GetString(), StringComparison.Ordinal);
        // The first desk's first answer stays measured against the first due date, whatever the referral moved.
        Assert.Equal(firstDue, await DbAsync(app, db => db.ServiceRequests.Where(r => r.Id == id).Select(r => r.FirstAnswerDueAt).SingleAsync()));
        var queue = await GetJsonAsync(n.Api("desk1"), $"/api/v1/hubs/{n.Centro}/front-desk/requests?state=Submitted");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        var iminQueue = await GetJsonAsync(n.Api("imindesk"), $"/api/v1/hubs/{n.Imin}/front-desk/requests");
        Assert.DoesNotContain(iminQueue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        // The national hub's desk still reads what passed through it; it may no longer answer.
        Assert.Equal(HttpStatusCode.OK, (await n.Api("imindesk").GetAsync($"/api/v1/network/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(n.Api("imindesk"), $"/api/v1/network/requests/{id}/accept")).StatusCode);

        // Declined with its reason, the customer reads it; the request can no longer be withdrawn.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/decline", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/decline", new { reason = "Nobody in the network tests this yet." })).StatusCode);
        var declined = await RequestAsync(n.Api("asker"), id);
        Assert.Equal("Nobody in the network tests this yet.", declined.GetProperty("declineReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(n.Api("asker"), $"/api/v1/network/requests/{id}/withdraw")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_NeedWithoutAHub_GoesToTheHubServingTheCustomersRegion_AnUnknownHubIsRefused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var need = new Dictionary<string, object?>
        {
            ["organisation"] = n.Customer, ["title"] = "Training in AI for our nurses", ["description"] = "Six nurses need to learn what our AI assistant does.",
            ["category"] = "SkillsAndTraining",
        };
        var asked = await n.Api("asker").PostAsJsonAsync("/api/v1/network/requests", need);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var hub = (await RequestAsync(n.Api("asker"), id)).GetProperty("hub").GetProperty("slug").GetString();
        var servingCentro = await DbAsync(app, db => db.HubServedRegions.Where(r => r.RegionCode == "PT19").Join(db.Hubs, r => r.HubId, h => h.Id, (r, h) => h.Slug).ToListAsync());
        Assert.Contains(hub, servingCentro);

        need["hub"] = "no-such-hub";
        var refused = await n.Api("asker").PostAsJsonAsync("/api/v1/network/requests", need);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("hub", out _));
    }

    [Theory, BothDatabases]
    public async Task CancelledDelivery_ClosesTheRequest_WithTheReason_AndTellsTheCustomer(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await AskAsync(n);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/accept")).StatusCode);
        var delivery = $"/api/v1/network/requests/{id}/delivery";
        Assert.Equal(HttpStatusCode.BadRequest, (await n.Api("desk1").PutAsJsonAsync(delivery, new { status = "Cancelled" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("desk1").PutAsJsonAsync(delivery, new { status = "Cancelled", outcome = "The test site closed for renovation." })).StatusCode);

        var cancelled = await RequestAsync(n.Api("asker"), id);
        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal(["Submitted", "Accepted", "DeliveryCancelled"], StepKinds(cancelled));
        Assert.Contains("The test site closed for renovation.", cancelled.GetProperty("steps").EnumerateArray().Last().GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(cancelled.GetProperty("closedAt").ValueKind == JsonValueKind.String);
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(x => x.UserId == n.Ids["asker"] && x.Path == $"/network/requests/{id}" && x.Detail == "DeliveryCancelled")));
        // Closed: neither reopened nor rated.
        Assert.Equal(HttpStatusCode.Conflict, (await n.Api("desk1").PutAsJsonAsync(delivery, new { status = "UnderWay" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await n.Api("asker").PutAsJsonAsync($"/api/v1/network/requests/{id}/feedback", new { rating = 1 })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Overdue_FlaggedOnTheDesk_AndTheDeskToldOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var late = await AskAsync(n, "Late request");
        var fresh = await AskAsync(n, "Fresh request");
        await DbAsync(app, db => db.ServiceRequests.Where(r => r.Id == late).ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswerDueAt, DateTimeOffset.UtcNow.AddHours(-1))));

        var queue = await GetJsonAsync(n.Api("desk1"), $"/api/v1/hubs/{n.Centro}/front-desk/requests?sort=due");
        var items = queue.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(late, items[0].GetProperty("id").GetInt32());
        Assert.True(items[0].GetProperty("overdue").GetBoolean());
        Assert.False(items.Single(r => r.GetProperty("id").GetInt32() == fresh).GetProperty("overdue").GetBoolean());
        var overdue = await GetJsonAsync(n.Api("desk1"), $"/api/v1/hubs/{n.Centro}/front-desk/requests?overdue=true");
        Assert.Equal([late], overdue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await n.Api("desk1").GetAsync($"/api/v1/hubs/{n.Centro}/front-desk/requests?sort=title")).StatusCode);

        // The job tells the desk once, however often (and on however many instances) it runs.
        async Task<int> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OverdueServiceRequests>().RunOnceAsync(CancellationToken.None);
        }
        var runs = await Task.WhenAll(RunAsync(), RunAsync());
        await RunAsync();
        var told = await DbAsync(app, db => db.Notifications.CountAsync(x => x.UserId == n.Ids["desk2"] && x.Detail == "Overdue" && x.Path == $"/network/requests/{late}"));
        Assert.Equal(1, told);
        Assert.Equal(0, await DbAsync(app, db => db.Notifications.CountAsync(x => x.Detail == "Overdue" && x.Path == $"/network/requests/{fresh}")));
        // The customer's timeline does not show the desk's reminder; the desk's does.
        Assert.DoesNotContain("Overdue", StepKinds(await RequestAsync(n.Api("asker"), late)));
        Assert.Contains("Overdue", StepKinds(await RequestAsync(n.Api("desk1"), late)));
    }

    [Theory, BothDatabases]
    public async Task AcceptAndDeclineAtOnce_OneWins_TheOtherGets409(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        for (var round = 0; round < 3; round++)
        {
            var id = await AskAsync(n, $"Race {round}");
            var answers = await Task.WhenAll(
                AnswerAsync(PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/accept")),
                AnswerAsync(PostAsync(n.Api("desk2"), $"/api/v1/network/requests/{id}/decline", new { reason = "Not for us." })));
            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
            var request = await RequestAsync(n.Api("asker"), id);
            var steps = StepKinds(request);
            Assert.Equal(2, steps.Length);
            Assert.Equal(request.GetProperty("state").GetString() == "Accepted", request.GetProperty("delivery").ValueKind == JsonValueKind.Object);
        }
    }

    [Theory, BothDatabases]
    public async Task Request_NonDeskMemberAnotherCustomerAnonymous_NotFoundInPageAndApi(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await AskAsync(n);
        var url = $"/api/v1/network/requests/{id}";
        foreach (var person in new[] { "hubmember", "othercustomer", "imindesk" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await n.Api(person).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(n.Api(person), url + "/accept")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(n.Api(person), url + "/withdraw")).StatusCode);
            var (page, _) = await (await n.BrowserAsync(person)).GetAsync($"/network/requests/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var mine = await GetJsonAsync(n.Api(person), "/api/v1/network/requests");
            Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("hubmember").GetAsync($"/api/v1/hubs/{n.Centro}/front-desk/requests")).StatusCode);
        var (deskPage, _) = await (await n.BrowserAsync("hubmember")).GetAsync($"/hubs/{n.Centro}/front-desk");
        Assert.Equal(HttpStatusCode.NotFound, deskPage.StatusCode);
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/network/requests/{id}")).StatusCode);
        // The customer's colleague follows it and may withdraw it.
        Assert.Equal(HttpStatusCode.OK, (await n.Api("colleague").GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("colleague"), url + "/withdraw")).StatusCode);
        Assert.Equal("Withdrawn", (await RequestAsync(n.Api("asker"), id)).GetProperty("state").GetString());
    }

    [Theory, BothDatabases]
    public async Task Token_WithoutTheScope_Refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await AskAsync(n);
        var readOnlyDesk = TestTokens.Client(app, await TestTokens.CreateAsync(app, n.Emails["desk1"], ApiScopes.HubsRead, ApiScopes.OrganisationsRead));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(readOnlyDesk, $"/api/v1/network/requests/{id}/accept")).StatusCode);
        var hubsOnly = TestTokens.Client(app, await TestTokens.CreateAsync(app, n.Emails["asker"], ApiScopes.HubsRead, ApiScopes.HubsWrite));
        Assert.Equal(HttpStatusCode.Forbidden, (await hubsOnly.PostAsJsonAsync("/api/v1/network/requests", new { hub = n.Centro, title = "T", description = "D" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hubsOnly.GetAsync($"/api/v1/network/requests/{id}")).StatusCode);
        Assert.Equal("Submitted", (await RequestAsync(n.Api("asker"), id)).GetProperty("state").GetString());
    }

    [Theory, BothDatabases]
    public async Task SeparationOfDuties_DeskPersonWhoIsAMemberOfTheCustomer_MayNotAnswer(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await AskAsync(n);
        var (status, body) = await AnswerAsync(PostAsync(n.Api("deskcustomer"), $"/api/v1/network/requests/{id}/accept"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("another person at the front desk answers this request", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(n.Api("deskcustomer"), $"/api/v1/network/requests/{id}/refer", new { hub = n.Imin, note = "x" })).StatusCode);
        var (_, page) = await (await n.BrowserAsync("deskcustomer")).GetAsync($"/network/requests/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Accept']"));
        Assert.Contains("another person at the front desk answers this request", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Submitted", (await RequestAsync(n.Api("asker"), id)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("desk2"), $"/api/v1/network/requests/{id}/accept")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Erasure_KeepsTheRequestWithoutThePerson(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var id = await AskAsync(n);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(n.Api("desk1"), $"/api/v1/network/requests/{id}/accept")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var erased = await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(n.Ids["asker"], true, ErasureRequester.Self, null, CancellationToken.None);
            Assert.True(erased);
        }
        var kept = await DbAsync(app, db => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Null(kept.RequesterId);
        Assert.Equal("", kept.Description);
        Assert.Equal(ServiceRequestState.Accepted, kept.State);
        Assert.Equal(0, await DbAsync(app, db => db.ServiceRequestSteps.CountAsync(s => s.ActorId == n.Ids["asker"])));
        var seen = await RequestAsync(n.Api("desk1"), id);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("requester").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Customer_RegisteredByItsAdmin_RegionMustBelongToTheCountry(string provider)
    {
        var app = await apps.GetAsync(provider);
        var n = await NetworkAsync(app);
        var url = $"/api/v1/organisations/{n.Customer}/customer";
        var wrong = await n.Api("asker").PutAsJsonAsync(url, new { type = "Sme", size = "Micro", sector = "health", country = "NO", regionCode = "PT1C" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("regionCode", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await n.Api("asker").PutAsJsonAsync(url, new { type = "Sme", size = "Micro", sector = "health", country = "PT", regionCode = "PT1C" })).StatusCode);
        var saved = await GetJsonAsync(n.Api("asker"), url);
        Assert.Equal("PT1C", saved.GetProperty("regionCode").GetString());
        // A plain member and outsiders do not manage it.
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("colleague").GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await n.Api("othercustomer").PutAsJsonAsync(url, new { type = "Other", size = "Large", sector = "health", country = "PT", regionCode = "PT1C" })).StatusCode);
        var (page, doc) = await (await n.BrowserAsync("asker")).GetAsync($"/organisations/{n.Customer}/customer");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("PT1C", doc.QuerySelector("select[name='Input.RegionCode'] option[selected]")?.GetAttribute("value"));
        var audited = await DbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == "network.customer.updated" && e.Subject!.StartsWith("Coimbra Health AI")));
        Assert.True(audited >= 1);

        // Someone whose organisation is not registered is told how to register it.
        var stranger = await TestPeople.RegisterAsync(app);
        var (_, ask) = await stranger.Browser.GetAsync("/network/requests/new");
        Assert.Null(ask.QuerySelector("main form[method=post]"));
        var refused = await TestTokens.Client(app, await TestTokens.CreateAsync(app, stranger.Email, ApiScopes.OrganisationsWrite))
            .PostAsJsonAsync("/api/v1/network/requests", new { hub = n.Centro, title = "T", description = "D" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("organisation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
