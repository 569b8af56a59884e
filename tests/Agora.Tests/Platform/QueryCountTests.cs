using System.Net;
using Agora.Tests.Features.Campaigns;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Agora.Tests.Platform;

/// <summary>
/// The main pages send a small, constant number of SQL commands whatever the amount of data: the same page is
/// measured with a few ideas and comments, then with many more, and must not send one command more (an N+1 fails).
/// Timings are never asserted here; the benchmark measures speed.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class QueryCountTests(AgoraApps apps, ITestOutputHelper output)
{
    /// <summary>No main page needs more than this many commands (sign-in session check included).</summary>
    private const int Ceiling = 25;

    [Theory, BothDatabases]
    public async Task MainPages_MoreData_SameNumberOfQueries(string provider)
    {
        var app = await apps.GetAsync(provider);
        // More ideas than a page from the start, so a count query that only runs past one page is there both times.
        var (hub, campaign, first) = await SeedAsync(app, ideas: 25, commentsPerIdea: 2);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var anonymous = new PageClient(app.NewClient());
        string[] pages =
        [
            $"/hubs/{hub}", $"/hubs/{hub}/campaigns/{campaign}", $"/hubs/{hub}/campaigns/{campaign}/ideas",
            $"/hubs/{hub}/ideas?sort=supported", $"/hubs/{hub}/ideas?sort=random&seed=7", $"/hubs/{hub}/ideas/{first}",
            $"/hubs/{hub}/ideas/{first}/comments", $"/hubs/{hub}/search?q=rota", "/ideas/mine", "/notifications",
            $"/api/v1/hubs/{hub}/ideas", $"/api/v1/ideas/{first}/comments",
        ];
        var before = new Dictionary<string, int>();
        foreach (var url in pages) before[url] = await CountAsync(member, url);
        var anonymousBefore = await CountAsync(anonymous, $"/hubs/{hub}/ideas/{first}");

        await AddMoreAsync(app, hub, first, ideas: 40, commentsPerIdea: 6);

        var failures = new List<string>();
        foreach (var url in pages)
        {
            var after = await CountAsync(member, url);
            output.WriteLine($"{provider} {url}: {before[url]} -> {after}");
            if (after != before[url]) failures.Add($"{url}: {before[url]} commands with little data, {after} with more");
            if (after > Ceiling) failures.Add($"{url}: {after} commands (ceiling {Ceiling})");
        }
        var anonymousAfter = await CountAsync(anonymous, $"/hubs/{hub}/ideas/{first}");
        if (anonymousAfter != anonymousBefore) failures.Add($"anonymous idea page: {anonymousBefore} -> {anonymousAfter}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<int> CountAsync(PageClient client, string url)
    {
        var response = await client.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return int.Parse(response.Headers.GetValues(SqlCommandCounter.Header).Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(string Hub, string Campaign, int First)> SeedAsync(AgoraFactory app, int ideas, int commentsPerIdea)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var member = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var hub = new Hub { Id = Guid.NewGuid(), Slug = "queries-" + Guid.NewGuid().ToString("N")[..8], Name = "Queries", Region = "Test", CreatedAt = now };
        hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        db.Hubs.Add(hub);
        db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = member, Roles = HubRoles.Member, JoinedAt = now });
        await db.SaveChangesAsync();
        // The hub has no manager of its own: the platform admin opens its campaign.
        var campaign = await CampaignFixtures.OpenAsync(app, hub.Slug, DemoAccounts.Admin, featured: true);
        var first = await AddIdeasAsync(db, hub.Id, campaign.Id, member, ideas, commentsPerIdea);
        return (hub.Slug, campaign.Slug, first);
    }

    private static async Task AddMoreAsync(AgoraFactory app, string hubSlug, int first, int ideas, int commentsPerIdea)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var idea = await db.Ideas.SingleAsync(i => i.Id == first);
        await AddIdeasAsync(db, idea.HubId, idea.CampaignId, idea.AuthorId, ideas, commentsPerIdea);
        // And a long discussion on the first idea, with replies, tags, co-authors and votes.
        var people = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).Take(8).ToListAsync();
        for (var i = 0; i < 30; i++)
        {
            var top = new Comment { IdeaId = first, AuthorId = people[i % people.Count], Body = $"Rota thought {i}", BodyHtml = $"<p>Rota thought {i}</p>", CreatedAt = DateTimeOffset.UtcNow };
            db.Comments.Add(top);
            await db.SaveChangesAsync();
            db.Comments.Add(new Comment { IdeaId = first, ParentId = top.Id, AuthorId = people[(i + 1) % people.Count], Body = "Reply", BodyHtml = "<p>Reply</p>", CreatedAt = DateTimeOffset.UtcNow });
        }
        foreach (var p in people.Where(p => p != idea.AuthorId).Take(4))
        {
            db.IdeaCoAuthors.Add(new IdeaCoAuthor { Id = Guid.NewGuid(), IdeaId = first, UserId = p, Status = CoAuthorStatus.Accepted, InvitedById = idea.AuthorId, InvitedAt = DateTimeOffset.UtcNow });
            db.Votes.Add(new Vote { IdeaId = first, UserId = p, CampaignId = idea.CampaignId, CastAt = DateTimeOffset.UtcNow });
        }
        db.IdeaTags.AddRange(new IdeaTag { IdeaId = first, Tag = "wards" }, new IdeaTag { IdeaId = first, Tag = "nights" });
        await db.SaveChangesAsync();
    }

    private static async Task<int> AddIdeasAsync(AgoraDbContext db, Guid hubId, Guid campaignId, Guid author, int count, int commentsPerIdea)
    {
        var now = DateTimeOffset.UtcNow;
        var ideas = Enumerable.Range(0, count).Select(i => new Idea
        {
            HubId = hubId, CampaignId = campaignId, AuthorId = author, Language = "en", Title = $"Shared rota {Guid.NewGuid():N}",
            Problem = "Nights are hard to plan.", Solution = "A shared rota.", Benefits = "", State = IdeaState.Published,
            CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now, CommentCount = commentsPerIdea,
            Tags = [new IdeaTag { Tag = "rota" }],
        }).ToList();
        db.Ideas.AddRange(ideas);
        await db.SaveChangesAsync();
        foreach (var idea in ideas)
        {
            for (var c = 0; c < commentsPerIdea; c++)
                db.Comments.Add(new Comment { IdeaId = idea.Id, AuthorId = author, Body = $"Comment {c}", BodyHtml = $"<p>Comment {c}</p>", CreatedAt = now });
            db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, UserId = author, FollowedAt = now });
        }
        await db.SaveChangesAsync();
        return ideas.Min(i => i.Id);
    }
}
