using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Ideas;

/// <summary>Hub managers and facilitators move ideas along the triage path with public answers; authors see what happened.</summary>
[Collection(AppsCollection.Name)]
public sealed class TriageTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task ChangeIdeaState_WithAnswer_HistoryAuditAndMyIdeasShowIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);
        var ideaUrl = $"/hubs/{c.HubSlug}/ideas/{id}";
        var api = $"/api/v1/ideas/{id}/state";

        // Members do not triage, and see no triage form.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(api, new { state = "UnderReview" })).StatusCode);
        Assert.Null((await member.GetAsync(ideaUrl)).Document.QuerySelector("form[action*='handler=Triage']"));

        // A facilitator starts the review through the page.
        var facilitator = await SignInAsync(app, DemoAccounts.Facilitator);
        var review = await facilitator.SubmitAsync(ideaUrl, new Dictionary<string, string> { ["Triage.State"] = "UnderReview" }, "form[action*='handler=Triage']");
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);

        // Declining needs a public answer; a jump the path does not allow is refused.
        var noAnswer = await facilitator.SubmitAsync(ideaUrl, new Dictionary<string, string> { ["Triage.State"] = "Declined" }, "form[action*='handler=Triage']");
        Assert.Equal(HttpStatusCode.OK, noAnswer.StatusCode);
        Assert.Contains("Enter a value", PageClient.ErrorsOf(await noAnswer.Content.ReadAsStringAsync()));
        var jump = await facilitator.Client.PostAsJsonAsync(api, new { state = "Implemented" });
        Assert.Equal(HttpStatusCode.BadRequest, jump.StatusCode);
        Assert.True((await jump.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("state", out _));

        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var accepted = await manager.Client.PostAsJsonAsync(api, new { state = "Accepted", answer = "We will **pilot** it in ward 7 this spring." });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var decision = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Accepted", decision.GetProperty("state").GetString());
        Assert.Equal("UnderReview", decision.GetProperty("previousState").GetString());
        Assert.True(decision.GetProperty("eventId").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(api, new { state = "Accepted" })).StatusCode);

        // Everyone sees the answer highlighted and the public history.
        var (page, doc) = await new PageClient(app.NewClient()).GetAsync(ideaUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<strong>pilot</strong>", doc.QuerySelector("#answer-heading")!.ParentElement!.InnerHtml);
        var history = doc.QuerySelectorAll("#history-heading ~ ol > li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.Contains("Draft to Published", history[0]);
        Assert.Contains("Published to Under review", history[1]);
        Assert.Contains("Under review to Accepted", history[2]);
        Assert.Contains("pilot", history[2]);

        // The author finds it under "My ideas", page and API.
        var (minePage, mineDoc) = await member.GetAsync("/ideas/mine");
        Assert.Equal(HttpStatusCode.OK, minePage.StatusCode);
        var row = mineDoc.QuerySelectorAll("table tbody tr").Single(r => r.QuerySelector($"a[href='{ideaUrl}']") is not null);
        Assert.Contains("Accepted", row.TextContent);
        Assert.Contains("pilot", row.TextContent);
        var mine = await IdeaFixtures.GetJsonAsync(member.Client, "/api/v1/me/ideas");
        var mineIdea = mine.GetProperty("ideas").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal("Accepted", mineIdea.GetProperty("state").GetString());
        Assert.Contains("pilot", mineIdea.GetProperty("answer").GetString());

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(api, new { state = "Implemented", answer = "Live in ward 7." })).StatusCode);
        var audited = await DbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == "idea.state-changed" && e.Subject!.StartsWith($"#{id} ")));
        Assert.Equal(3, audited);
        var events = await DbAsync(app, db => db.IdeaEvents.CountAsync(e => e.IdeaId == id));
        Assert.Equal(4, events);
    }
}
