using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Campaigns;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Comments;

/// <summary>Discussions on ideas: threads, mentions, edits with history, deletion, official answers, safety.</summary>
[Collection(AppsCollection.Name)]
public sealed class CommentTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Page_CommentReplyMentionEditDelete_CountsHistoryAndNotifications(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (slug, ideaId) = await SeedIdeaAsync(app, DemoAccounts.Evaluator);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var comments = $"/hubs/{slug}/ideas/{ideaId}/comments";

        // A comment with a mention; the mentioned person and the idea's author (a follower) are notified.
        var posted = await member.SubmitAsync(comments, new Dictionary<string, string> { ["Input.Body"] = "Good point, @Magnus Mentor should see this." }, "#new-comment");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var commentId = long.Parse(posted.Headers.Location!.OriginalString.Split("#comment-")[1]);
        Assert.Equal(1, await CountAsync(app, ideaId));
        Assert.Equal([NotificationKind.Mentioned], await KindsAsync(app, DemoAccounts.Mentor, ideaId));
        Assert.Equal([NotificationKind.Commented], await KindsAsync(app, DemoAccounts.Evaluator, ideaId));
        Assert.Empty(await KindsAsync(app, DemoAccounts.Member, ideaId)); // not told of one's own comment

        // A reply, from another person, lands under the comment; the comment's author hears of it.
        var mentor = new PageClient(app.NewClient());
        await mentor.SignInAsync(DemoAccounts.Mentor, DemoAccounts.Password);
        var reply = await mentor.SubmitAsync(comments, new Dictionary<string, string> { ["Input.Body"] = "Agreed." }, $"form:has(#reply-{commentId})");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var (_, doc) = await member.GetAsync(comments);
        Assert.NotNull(doc.QuerySelector($"#comment-{commentId} .replies article"));
        Assert.Contains(NotificationKind.Commented, await KindsAsync(app, DemoAccounts.Member, ideaId));
        Assert.Equal(2, await CountAsync(app, ideaId));

        // Editing keeps the earlier text as a version; someone else cannot edit.
        var edit = await member.SubmitAsync(comments, new Dictionary<string, string> { ["Input.Body"] = "Edited: @Magnus Mentor, please look." }, $"form:has(#edit-{commentId})");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var versions = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/comments/{commentId}/versions");
        Assert.Equal("Good point, @Magnus Mentor should see this.", versions.EnumerateArray().Single().GetProperty("body").GetString());
        var stolen = await mentor.Client.PutAsJsonAsync($"/api/v1/comments/{commentId}", new { body = "Hijacked" });
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);

        // Deleting removes the text and its versions but keeps the thread; the count drops.
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/v1/comments/{commentId}")).StatusCode);
        (_, doc) = await member.GetAsync(comments);
        Assert.Contains("deleted by its author", doc.QuerySelector($"#comment-{commentId}")!.TextContent);
        Assert.DoesNotContain("please look", doc.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/v1/comments/{commentId}/versions")).StatusCode);
        Assert.Equal(1, await CountAsync(app, ideaId));
    }

    [Theory, BothDatabases]
    public async Task Api_OfficialAnswerByManagerOnly_HostileTextInert_ClosedPhaseRefused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (slug, ideaId) = await SeedIdeaAsync(app, DemoAccounts.Evaluator);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);

        var hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> [link](javascript:alert(3)) <a href=\"https://x.example\" onclick=\"y()\">x</a>";
        var created = await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = hostile });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var (_, doc) = await member.GetAsync($"/hubs/{slug}/ideas/{ideaId}/comments");
        AssertInert(doc.QuerySelector($"#comment-{id}")!);

        // Bad input: empty, too long, a reply to a comment of another idea.
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "  " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = new string('x', 5001) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "x", parentId = 999_999_999 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "anonymous" })).StatusCode);

        // Only hub managers mark the official answer.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PutAsync($"/api/v1/comments/{id}/official", null)).StatusCode);
        var manager = new PageClient(app.NewClient());
        await manager.SignInAsync(DemoAccounts.Manager, DemoAccounts.Password, DemoAccounts.TotpKey);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.PutAsync($"/api/v1/comments/{id}/official", null)).StatusCode);
        var page = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/ideas/{ideaId}/comments");
        Assert.Equal(id, page.GetProperty("official").EnumerateArray().Single().GetProperty("id").GetInt64());

        // Once the campaign closes, nobody comments any more.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var campaignId = await db.Ideas.Where(i => i.Id == ideaId).Select(i => i.CampaignId).SingleAsync();
            await db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CampaignState.Closed));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Too late" })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Mail_MentionSentAtOnce_CommentsWaitForTheDigest_NeverEmpty(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, ideaId) = await SeedIdeaAsync(app, DemoAccounts.Fellow);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        await RunMailJobAsync(app); // earlier tests' notifications go out first
        var before = Mails(app).Count;

        await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Thanks @Eva Evaluator!" });
        await RunMailJobAsync(app);
        var mails = Mails(app);
        Assert.Equal(before + 1, mails.Count); // the mention; the author's "commented" waits for the digest
        Assert.Contains(mails, m => m.Contains("To: " + DemoAccounts.Evaluator, StringComparison.OrdinalIgnoreCase) && m.Contains($"/ideas/{ideaId}#comment-", StringComparison.Ordinal));
        Assert.Equal(0, await RunMailJobAsync(app)); // nothing is mailed twice, no empty message
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var fellow = await db.Users.Where(u => u.Email == DemoAccounts.Fellow).Select(u => u.Id).SingleAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == fellow && n.IdeaId == ideaId && n.Delivery == Delivery.DailyDigest));
    }

    private static List<string> Mails(AgoraFactory app) =>
        Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory).Select(File.ReadAllText).ToList() : [];

    /// <summary>No script element, no event handler attribute, no javascript: link anywhere in the element.</summary>
    internal static void AssertInert(AngleSharp.Dom.IElement element)
    {
        Assert.Empty(element.QuerySelectorAll("script, iframe, object, embed, style"));
        foreach (var e in element.QuerySelectorAll("*").Prepend(element))
        {
            Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(e.Attributes, a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }
    }

    private static async Task<int> RunMailJobAsync(AgoraFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationMailJob>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<int> CountAsync(AgoraFactory app, int ideaId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var counter = await db.Ideas.Where(i => i.Id == ideaId).Select(i => i.CommentCount).SingleAsync();
        var visible = await db.Comments.CountAsync(c => c.IdeaId == ideaId && c.DeletedAt == null);
        Assert.Equal(visible, counter);
        return counter;
    }

    private static async Task<NotificationKind[]> KindsAsync(AgoraFactory app, string email, int ideaId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (await db.Notifications.Where(n => n.UserId == user && n.IdeaId == ideaId).Select(n => n.Kind).ToListAsync()).ToArray();
    }

    /// <summary>An open public campaign in Helseplattformen with one published idea by <paramref name="authorEmail"/>, who follows it.</summary>
    internal static async Task<(string Hub, int IdeaId)> SeedIdeaAsync(AgoraFactory app, string authorEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var hub = await db.Hubs.SingleAsync(h => h.Slug == DemoAccounts.HelseplattformenHub);
        var author = await db.Users.Where(u => u.Email == authorEmail).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var campaign = await CampaignFixtures.OpenAsync(app, hub.Slug, DemoAccounts.Manager, "Talk");
        var idea = new Idea
        {
            HubId = hub.Id, CampaignId = campaign.Id, AuthorId = author, Language = "en", Title = "Shared rota for night shifts", Problem = "Nights are hard to plan.",
            Solution = "A shared rota.", Benefits = "", State = IdeaState.Published, CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, UserId = author, FollowedAt = now });
        await db.SaveChangesAsync();
        return (hub.Slug, idea.Id);
    }
}
