using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Agora.Web.Features.Accounts;
using Agora.Web.Features.Hubs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>
/// Per-person submission limits, counted in the database: a script posting in a loop is answered 429 with a problem
/// detail and Retry-After; the page shows the message. Its own app, with a low configured limit for comments.
/// </summary>
public sealed class SubmissionLimitTests
{
    private const int Limit = 3;

    [Theory, BothDatabases]
    public async Task PostComment_ScriptInALoop_TooManyAfterTheLimit(string provider)
    {
        await using var app = new AgoraFactory(provider, new Dictionary<string, string?> { ["RateLimits:Submissions:Comments:PerMinute"] = Limit.ToString() });
        var c = await IdeaFixtures.CampaignAsync(app);
        var ideaId = await IdeaFixtures.SeedIdeaAsync(app, c, DemoAccounts.Evaluator);
        var script = await FreshMemberAsync(app);

        // The reviewed attack: comments posted in a loop.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit + 2; i++)
            answers.Add(await script.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = $"Comment number {i}" }));

        Assert.All(answers.Take(Limit), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        foreach (var refused in answers.Skip(Limit))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Contains("too many", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
            var retry = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retry);
            Assert.InRange(retry!.Value.TotalSeconds, 1, 60);
        }
        Assert.Equal(Limit, await DbAsync(app, db => db.Comments.CountAsync(x => x.IdeaId == ideaId)));

        // The page gives the same answer, as a message.
        var page = await script.SubmitAsync($"/hubs/{c.HubSlug}/ideas/{ideaId}/comments",
            new Dictionary<string, string> { ["Input.Body"] = "One more from the page" }, "#new-comment");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("too many", PageClient.ErrorsOf(await page.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Limit, await DbAsync(app, db => db.Comments.CountAsync(x => x.IdeaId == ideaId)));

        // Another person is not affected.
        var other = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Created, (await other.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Mine" })).StatusCode);
    }

    /// <summary>A new member of the demo hub, signed in through the pages (the demo people wrote comments at seeding time).</summary>
    internal static async Task<PageClient> FreshMemberAsync(AgoraFactory app)
    {
        var email = $"script-{Guid.NewGuid():N}@example.org";
        const string password = "correct horse battery staple";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgoraUser>>();
            var user = new AgoraUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Scripted Person", CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
            var db = scope.ServiceProvider.GetRequiredService<Agora.Web.Platform.Data.AgoraDbContext>();
            var hub = await db.Hubs.SingleAsync(h => h.Slug == IdeaFixtures.Hub);
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user.Id, Roles = HubRoles.Member, JoinedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var client = new PageClient(app.NewClient());
        await client.SignInAsync(email, password);
        return client;
    }
}
