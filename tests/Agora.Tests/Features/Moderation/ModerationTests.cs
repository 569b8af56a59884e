using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Comments;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Moderation;

/// <summary>Reports, the moderation queue, hiding and restoring, blocking; reporters stay anonymous.</summary>
[Collection(AppsCollection.Name)]
public sealed class ModerationTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task ReportHideRestore_QueueCountsWithoutReporters_CountersAndAudit(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (slug, ideaId) = await CommentTests.SeedIdeaAsync(app, DemoAccounts.Evaluator);
        var author = await SignInAsync(app, DemoAccounts.Agent);
        var created = await author.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Buy cheap pills at spam.example" });
        var commentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Two people report it; reporting twice does not count twice.
        var member = await SignInAsync(app, DemoAccounts.Member);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync("/api/v1/reports", new { target = "Comment", id = commentId, reason = "Spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostAsJsonAsync("/api/v1/reports", new { target = "Comment", id = commentId, reason = "Spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await mentor.Client.PostAsJsonAsync("/api/v1/reports", new { target = "Comment", id = commentId, reason = "Other", details = "Advertising" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await mentor.Client.PostAsJsonAsync("/api/v1/reports", new { target = "Idea", id = ideaId, reason = "Other" })).StatusCode);

        // The queue is for facilitators and managers; it shows counts and reasons, never who reported.
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/v1/hubs/{slug}/moderation")).StatusCode);
        var facilitator = await SignInAsync(app, DemoAccounts.Facilitator);
        var queueJson = await facilitator.Client.GetStringAsync($"/api/v1/hubs/{slug}/moderation?pageSize=100");
        var item = JsonDocument.Parse(queueJson).RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("targetId").GetInt64() == commentId);
        Assert.Equal(2, item.GetProperty("reports").GetInt32());
        var memberId = await UserIdAsync(app, DemoAccounts.Member);
        Assert.DoesNotContain(memberId.ToString(), queueJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DemoAccounts.Member, queueJson, StringComparison.OrdinalIgnoreCase);
        var (queuePage, _) = await facilitator.GetAsync($"/hubs/{slug}/moderation");
        Assert.Equal(HttpStatusCode.OK, queuePage.StatusCode);

        // Hidden: gone for others, kept for moderators, the count drops, the author is told, the trail keeps the reason.
        var hide = await facilitator.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/moderation/Comment/{commentId}/hide", new { reason = "Advertising" });
        Assert.Equal(HttpStatusCode.NoContent, hide.StatusCode);
        var (_, memberView) = await member.GetAsync($"/hubs/{slug}/ideas/{ideaId}/comments");
        Assert.DoesNotContain("spam.example", memberView.QuerySelector($"#comment-{commentId}")!.TextContent);
        var (_, moderatorView) = await facilitator.GetAsync($"/hubs/{slug}/ideas/{ideaId}/comments");
        Assert.Contains("spam.example", moderatorView.QuerySelector($"#comment-{commentId}")!.TextContent);
        Assert.Equal(0, await CommentCountAsync(app, ideaId));
        Assert.Contains(NotificationKind.Moderation, await KindsAsync(app, DemoAccounts.Agent));
        var queueAfter = await facilitator.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}/moderation?pageSize=100");
        Assert.DoesNotContain(queueAfter.GetProperty("items").EnumerateArray(), i => i.GetProperty("targetId").GetInt64() == commentId);
        var manager = await SignInAsync(app, DemoAccounts.Manager, DemoAccounts.TotpKey);
        var trail = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}/audit?action=moderation.hidden&pageSize=100");
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("subject").GetString() == $"comment:{commentId}" && e.GetProperty("details").GetString() == "Advertising");

        Assert.Equal(HttpStatusCode.NoContent, (await facilitator.Client.PostAsync($"/api/v1/hubs/{slug}/moderation/Comment/{commentId}/restore", null)).StatusCode);
        Assert.Equal(1, await CommentCountAsync(app, ideaId));
    }

    [Theory, BothDatabases]
    public async Task Block_PersonReadsButCannotTakePart_ManagersCannotBeBlocked(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (slug, ideaId) = await CommentTests.SeedIdeaAsync(app, DemoAccounts.Evaluator);
        var manager = await SignInAsync(app, DemoAccounts.Manager, DemoAccounts.TotpKey);
        var fellow = await SignInAsync(app, DemoAccounts.Fellow);
        var fellowId = await UserIdAsync(app, DemoAccounts.Fellow);

        var facilitator = await SignInAsync(app, DemoAccounts.Facilitator);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/moderation/blocks", new { userId = fellowId, reason = "x" })).StatusCode);
        var managerId = await UserIdAsync(app, DemoAccounts.Manager);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/moderation/blocks", new { userId = managerId, reason = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/moderation/blocks", new { userId = fellowId, reason = "Repeated spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fellow.Client.GetAsync($"/api/v1/ideas/{ideaId}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fellow.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Still here" })).StatusCode);
        var blocks = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{slug}/moderation/blocks");
        Assert.Contains(blocks.EnumerateArray(), b => b.GetProperty("userId").GetGuid() == fellowId);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync($"/api/v1/hubs/{slug}/moderation/blocks/{fellowId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fellow.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Back again" })).StatusCode);
    }


    private static async Task<int> CommentCountAsync(AgoraFactory app, int ideaId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgoraDbContext>().Ideas.Where(i => i.Id == ideaId).Select(i => i.CommentCount).SingleAsync();
    }

    private static async Task<List<NotificationKind>> KindsAsync(AgoraFactory app, string email)
    {
        var id = await UserIdAsync(app, email);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgoraDbContext>().Notifications.Where(n => n.UserId == id).Select(n => n.Kind).ToListAsync();
    }
}
