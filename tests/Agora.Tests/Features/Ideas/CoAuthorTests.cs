using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Ideas;

/// <summary>The author invites co-authors by email; they accept under "My ideas", appear as authors and may edit.</summary>
[Collection(AppsCollection.Name)]
public sealed class CoAuthorTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task InviteCoAuthor_AcceptOnMyIdeas_AppearsAsAuthorAndEdits(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);
        var ideaUrl = $"/hubs/{c.HubSlug}/ideas/{id}";
        var agent = await SignInAsync(app, DemoAccounts.Agent);

        // Only the author invites; not themselves.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Fellow })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Member })).StatusCode);

        // The author invites through the idea page; inviting again answers the same.
        var invited = await member.SubmitAsync(ideaUrl, new Dictionary<string, string> { ["Invite.Email"] = DemoAccounts.Agent.ToUpperInvariant() }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Agent })).StatusCode);
        // Before accepting, the invitee may not edit.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", new { title = "Edited by the invitee", version = 1 })).StatusCode);

        var (minePage, mineDoc) = await agent.GetAsync("/ideas/mine");
        Assert.Equal(HttpStatusCode.OK, minePage.StatusCode);
        Assert.NotNull(mineDoc.QuerySelector($"#invitations-heading ~ ul a[href='{ideaUrl}']"));
        var accepted = await agent.SubmitAsync("/ideas/mine", new Dictionary<string, string>(), "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        (_, mineDoc) = await agent.GetAsync("/ideas/mine");
        Assert.Null(mineDoc.QuerySelector("#invitations-heading"));
        Assert.NotNull(mineDoc.QuerySelector($"table a[href='{ideaUrl}']"));

        // Both appear as authors, to everyone; the co-author edits, and follows the idea.
        var idea = await IdeaFixtures.GetJsonAsync(app.NewClient(), $"/api/v1/ideas/{id}");
        Assert.Equal(2, idea.GetProperty("authors").GetArrayLength());
        var edit = IdeaFixtures.Body(c);
        edit["title"] = "Discharge lounge, written together";
        edit["version"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", edit)).StatusCode);
        idea = await IdeaFixtures.GetJsonAsync(agent.Client, $"/api/v1/ideas/{id}");
        Assert.Equal("Discharge lounge, written together", idea.GetProperty("title").GetString());
        Assert.True(idea.GetProperty("viewer").GetProperty("isCoAuthor").GetBoolean());
        Assert.True(idea.GetProperty("viewer").GetProperty("isFollowing").GetBoolean());
        // Withdrawing stays the author's decision.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PostAsync($"/api/v1/ideas/{id}/withdraw", null)).StatusCode);

        // A second invitee declines through the API.
        Assert.Equal(HttpStatusCode.Accepted, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Fellow })).StatusCode);
        var fellow = await SignInAsync(app, DemoAccounts.Fellow);
        var invitations = await IdeaFixtures.GetJsonAsync(fellow.Client, "/api/v1/me/ideas");
        Assert.Contains(invitations.GetProperty("invitations").EnumerateArray(), i => i.GetProperty("ideaId").GetInt32() == id);
        var declined = await fellow.Client.PostAsync($"/api/v1/ideas/{id}/coauthors/decline", null);
        Assert.Equal("Declined", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await fellow.Client.PostAsync($"/api/v1/ideas/{id}/coauthors/accept", null)).StatusCode);
        var statuses = await DbAsync(app, db => db.IdeaCoAuthors.Where(x => x.IdeaId == id).Select(x => x.Status.ToString()).OrderBy(x => x).ToListAsync());
        Assert.Equal(["Accepted"], statuses);
        var answers = await DbAsync(app, db => db.IdeaCoAuthorInvitations.Where(x => x.IdeaId == id).OrderBy(x => x.Email).Select(x => x.Accepted).ToListAsync());
        Assert.Equal([true, false], answers);
    }

    [Theory, BothDatabases]
    public async Task InviteCoAuthor_RegisteredOrUnknownAddress_SameAnswerNoName(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);

        // The reviewed attack: a registered and an unknown address, told apart by the answer.
        var registered = await member.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Mentor });
        var unknown = await member.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = $"nobody-{Guid.NewGuid():N}@example.org" });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal(registered.StatusCode, unknown.StatusCode);
        var registeredBody = await registered.Content.ReadAsStringAsync();
        Assert.Equal(registeredBody, await unknown.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Magnus", registeredBody, StringComparison.Ordinal);

        // Nobody is listed as co-author before accepting; the author sees the addresses they typed, not names.
        var idea = await IdeaFixtures.GetJsonAsync(app.NewClient(), $"/api/v1/ideas/{id}");
        Assert.Equal(1, idea.GetProperty("authors").GetArrayLength());
        var (_, doc) = await member.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}");
        Assert.DoesNotContain("Magnus", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // Both addresses got the same invitation email.
        PageClient.LinkFromMail(app.MailDirectory, DemoAccounts.Mentor, "/ideas/mine");
    }

    [Theory, BothDatabases]
    public async Task InviteCoAuthor_DeclineThenAcceptAnother_OnlyAcceptedListed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);
        await member.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Mentor });
        await member.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Evaluator });

        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Client.PostAsync($"/api/v1/ideas/{id}/coauthors/decline", null)).StatusCode);
        // Single use: a declined invitation cannot be accepted afterwards.
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Client.PostAsync($"/api/v1/ideas/{id}/coauthors/accept", null)).StatusCode);
        var evaluator = await SignInAsync(app, DemoAccounts.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.Client.PostAsync($"/api/v1/ideas/{id}/coauthors/accept", null)).StatusCode);

        var idea = await IdeaFixtures.GetJsonAsync(app.NewClient(), $"/api/v1/ideas/{id}");
        var names = idea.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Contains("Eva Evaluator", names);
        Assert.DoesNotContain("Magnus Mentor", names);
        // Someone else cannot answer an invitation that is not theirs.
        var agent = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.PostAsync($"/api/v1/ideas/{id}/coauthors/accept", null)).StatusCode);
    }
}
