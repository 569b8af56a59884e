using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Ideas;

/// <summary>Hub managers merge duplicates: nothing is counted twice, nothing is lost, everyone is told.</summary>
[Collection(AppsCollection.Name)]
public sealed class MergeTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Merge_VotesWithoutDoubleCounting_FollowersCommentsAuthorsMove_DuplicateRedirects(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await CampaignAsync(app);
        var keptAuthor = await SignInAsync(app, DemoAccounts.Evaluator);
        var dupAuthor = await SignInAsync(app, DemoAccounts.Agent);
        var kept = await SubmitAsync(keptAuthor.Client, c, Body(c, "Shared discharge lounge"));
        var dup = await SubmitAsync(dupAuthor.Client, c, Body(c, "Discharge lounge with pharmacist"));

        // Mentor supports both, Fellow only the duplicate; Fellow also comments on the duplicate.
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        var fellow = await SignInAsync(app, DemoAccounts.Fellow);
        foreach (var (who, id) in new[] { (mentor, kept), (mentor, dup), (fellow, dup) })
            Assert.True((await who.Client.PutAsync($"/api/v1/ideas/{id}/vote", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fellow.Client.PostAsJsonAsync($"/api/v1/ideas/{dup}/comments", new { body = "Same as the other one?" })).StatusCode);

        // Only hub managers merge; an idea cannot be merged into itself or into nothing.
        var facilitator = await SignInAsync(app, DemoAccounts.Facilitator);
        Assert.Equal(HttpStatusCode.Forbidden, (await facilitator.Client.PostAsJsonAsync($"/api/v1/ideas/{dup}/merge", new { into = kept })).StatusCode);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync($"/api/v1/ideas/{dup}/merge", new { into = dup })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync($"/api/v1/ideas/{dup}/merge", new { into = 999_999_999 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"/api/v1/ideas/{dup}/merge", new { into = kept })).StatusCode);

        await DbAsync(app, async db =>
        {
            var k = await db.Ideas.SingleAsync(i => i.Id == kept);
            Assert.Equal(2, k.VoteCount); // Mentor once, Fellow moved over
            Assert.Equal(2, await db.Votes.CountAsync(v => v.IdeaId == kept));
            Assert.Equal(0, await db.Votes.CountAsync(v => v.IdeaId == dup));
            Assert.Equal(1, k.CommentCount);
            Assert.Equal(1, await db.Comments.CountAsync(x => x.IdeaId == kept));
            Assert.Equal(await db.IdeaFollowers.CountAsync(f => f.IdeaId == kept), k.FollowerCount);
            Assert.Equal(0, await db.IdeaFollowers.CountAsync(f => f.IdeaId == dup));
            var agent = await db.Users.Where(u => u.Email == DemoAccounts.Agent).Select(u => u.Id).SingleAsync();
            Assert.True(await db.IdeaCoAuthors.AnyAsync(x => x.IdeaId == kept && x.UserId == agent && x.Status == CoAuthorStatus.Accepted));
            Assert.True(await db.IdeaFollowers.AnyAsync(f => f.IdeaId == kept && f.UserId == agent));
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == agent && n.Kind == NotificationKind.IdeaMerged && n.IdeaId == kept));
            var evaluator = await db.Users.Where(u => u.Email == DemoAccounts.Evaluator).Select(u => u.Id).SingleAsync();
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == evaluator && n.Kind == NotificationKind.IdeaMerged));
            return true;
        });

        // The duplicate leads to the kept idea; the kept idea's history names it; merging again is refused.
        var (page, _) = await mentor.GetAsync($"/hubs/{c.HubSlug}/ideas/{dup}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/hubs/{c.HubSlug}/ideas/{kept}", page.Headers.Location!.OriginalString);
        var (_, keptDoc) = await mentor.GetAsync($"/hubs/{c.HubSlug}/ideas/{kept}");
        Assert.NotNull(keptDoc.QuerySelector($"a[href='/hubs/{c.HubSlug}/ideas/{dup}']"));
        Assert.Contains("Astrid Agent", keptDoc.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync($"/api/v1/ideas/{dup}/merge", new { into = kept })).StatusCode);
    }
}
