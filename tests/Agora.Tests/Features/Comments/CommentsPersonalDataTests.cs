using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Comments;

/// <summary>The comments source of the personal-data export and erasure (issue 13).</summary>
[Collection(AppsCollection.Name)]
public sealed class CommentsPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Erase_KeepsThreadsAnonymised_ThenDeletingContributionsDeletesTextsLikeTheAuthor(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var ideaId = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Porters with tablets"));

        // The person comments and edits (an earlier text is kept); the member replies to them.
        var posted = await person.Browser.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Tablets break in wet wards." });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var commentId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await person.Browser.Client.PutAsJsonAsync($"/api/v1/comments/{commentId}", new { body = "Tablets break in the wet wards of ward 7." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Rugged cases exist.", parentId = commentId })).StatusCode);
        var userId = await UserIdAsync(app, person.Email);

        var json = await PersonalDataFixtures.ExportAsync(app, "comments", userId);
        Assert.Contains("Tablets break in the wet wards of ward 7.", json);
        Assert.Contains("Tablets break in wet wards.", json); // the earlier text
        Assert.DoesNotContain("Rugged cases exist.", json); // the member's reply is theirs

        // Kept: the comment stays, as by nobody named.
        await PersonalDataFixtures.EraseTwiceAsync(app, "comments", person, deleteContributions: false);
        var thread = $"/hubs/{c.HubSlug}/ideas/{ideaId}/comments";
        Assert.Equal(2, await DbAsync(app, db => db.Ideas.Where(i => i.Id == ideaId).Select(i => i.CommentCount).SingleAsync()));
        var (_, doc) = await member.GetAsync(thread);
        Assert.Contains("wet wards of ward 7", doc.QuerySelector($"#comment-{commentId}")!.TextContent);
        await PersonalDataFixtures.AssertNotNamedAsync(member, thread, person);

        // Deleted: as the author's own deletion; the reply, the thread and the other count stay.
        await PersonalDataFixtures.EraseTwiceAsync(app, "comments", person, deleteContributions: true);
        await DbAsync(app, async db =>
        {
            var comment = await db.Comments.SingleAsync(x => x.Id == commentId);
            Assert.NotNull(comment.DeletedAt);
            Assert.Equal("", comment.Body + comment.BodyHtml);
            Assert.False(await db.CommentVersions.AnyAsync(v => v.CommentId == commentId));
            Assert.False(await db.SearchDocuments.AnyAsync(d => d.Kind == SearchKinds.Comment && d.TargetId == commentId));
            Assert.Equal(1, await db.Ideas.Where(i => i.Id == ideaId).Select(i => i.CommentCount).SingleAsync()); // dropped once, not twice
            Assert.True(await db.Comments.AnyAsync(x => x.ParentId == commentId));
            return 0;
        });
        (_, doc) = await member.GetAsync(thread);
        Assert.Contains("deleted by its author", doc.QuerySelector($"#comment-{commentId}")!.TextContent);
        Assert.Contains("Rugged cases exist.", doc.Body!.TextContent);
        Assert.DoesNotContain("wet wards", doc.Body!.TextContent);
        await PersonalDataFixtures.AssertNotNamedAsync(member, thread, person);
        await PersonalDataFixtures.AssertNotNamedAsync(member, $"/hubs/{c.HubSlug}/ideas/{ideaId}", person);
    }
}
