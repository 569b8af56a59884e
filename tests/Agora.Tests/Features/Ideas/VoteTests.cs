using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Ideas;

/// <summary>One vote per person per idea, within the budget, with exact counts, also when everything happens at once.</summary>
[Collection(AppsCollection.Name)]
public sealed class VoteTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task CastVote_FiftyPeopleAtOnce_ExactlyFiftyVotes(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var id = await IdeaFixtures.SeedIdeaAsync(app, c, DemoAccounts.Member);
        var people = await IdeaFixtures.PeopleWithTokensAsync(app, 50);

        using var start = new ManualResetEventSlim(false);
        var votes = people.Select(client => Task.Run(async () =>
        {
            start.Wait();
            return await client.PutAsync($"/api/v1/ideas/{id}/vote", null);
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(votes);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var (count, rows, followers, followerCount) = await DbAsync(app, async db => (
            await db.Ideas.Where(i => i.Id == id).Select(i => i.VoteCount).SingleAsync(),
            await db.Votes.CountAsync(v => v.IdeaId == id),
            await db.IdeaFollowers.CountAsync(f => f.IdeaId == id),
            await db.Ideas.Where(i => i.Id == id).Select(i => i.FollowerCount).SingleAsync()));
        Assert.Equal(50, count);
        Assert.Equal(50, rows);
        // Every voter follows the idea, and the counter agrees with the rows.
        Assert.Equal(50, followers);
        Assert.Equal(50, followerCount);
    }

    [Theory, BothDatabases]
    public async Task CastVote_OnePersonTenTimesAtOnce_OneVote_ThenWithdrawToZero(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, votesPerPerson: 3);
        var id = await IdeaFixtures.SeedIdeaAsync(app, c, DemoAccounts.Member);
        var person = (await IdeaFixtures.PeopleWithTokensAsync(app, 1))[0];

        using var start = new ManualResetEventSlim(false);
        var votes = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await person.PutAsync($"/api/v1/ideas/{id}/vote", null);
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(votes);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var state = await answers[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(state.GetProperty("voted").GetBoolean());

        async Task<(int Count, int Rows, int Used)> Read() => await DbAsync(app, async db => (
            await db.Ideas.Where(i => i.Id == id).Select(i => i.VoteCount).SingleAsync(),
            await db.Votes.CountAsync(v => v.IdeaId == id),
            await db.CampaignVoteBudgets.Where(b => b.CampaignId == c.Id).Select(b => b.Used).SingleAsync()));
        Assert.Equal((1, 1, 1), await Read());

        var withdrawn = await person.DeleteAsync($"/api/v1/ideas/{id}/vote");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("voted").GetBoolean());
        Assert.Equal(0, after.GetProperty("voteCount").GetInt32());
        Assert.Equal(3, after.GetProperty("votesLeft").GetInt32());
        Assert.Equal((0, 0, 0), await Read());
        // Withdrawing again changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await person.DeleteAsync($"/api/v1/ideas/{id}/vote")).StatusCode);
        Assert.Equal((0, 0, 0), await Read());
    }

    [Theory, BothDatabases]
    public async Task CastVote_BudgetOfTwo_FiveIdeasAtOnce_ExactlyTwo(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, votesPerPerson: 2);
        var ideas = new List<int>();
        for (var i = 0; i < 5; i++) ideas.Add(await IdeaFixtures.SeedIdeaAsync(app, c, DemoAccounts.Member));
        var person = (await IdeaFixtures.PeopleWithTokensAsync(app, 1))[0];

        using var start = new ManualResetEventSlim(false);
        var votes = ideas.Select(id => Task.Run(async () =>
        {
            start.Wait();
            return await person.PutAsync($"/api/v1/ideas/{id}/vote", null);
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(votes);
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("all 2 of your votes", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var (rows, counts, used) = await DbAsync(app, async db => (
            await db.Votes.CountAsync(v => v.CampaignId == c.Id),
            await db.Ideas.Where(i => i.CampaignId == c.Id).SumAsync(i => i.VoteCount),
            await db.CampaignVoteBudgets.Where(b => b.CampaignId == c.Id).Select(b => b.Used).SingleAsync()));
        Assert.Equal(2, rows);
        Assert.Equal(2, counts);
        Assert.Equal(2, used);
    }

    [Theory, BothDatabases]
    public async Task VotePage_VotingClosedOrHiddenCounts_FollowsTheCampaignsRules(string provider)
    {
        var app = await apps.GetAsync(provider);
        var closed = await IdeaFixtures.CampaignAsync(app, votingOpen: false);
        var closedIdea = await IdeaFixtures.SeedIdeaAsync(app, closed, DemoAccounts.Member);
        var hidden = await IdeaFixtures.CampaignAsync(app, showVoteCounts: false);
        var hiddenIdea = await IdeaFixtures.SeedIdeaAsync(app, hidden, DemoAccounts.Member);
        var agent = await SignInAsync(app, DemoAccounts.Agent);

        // Voting closed: refused, and the page offers no vote button.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PutAsync($"/api/v1/ideas/{closedIdea}/vote", null)).StatusCode);
        var (_, closedDoc) = await agent.GetAsync($"/hubs/{IdeaFixtures.Hub}/ideas/{closedIdea}");
        Assert.Null(closedDoc.QuerySelector("form[action*='handler=Vote']"));

        // Counts hidden while voting runs: the vote is taken through the page, the count is not shown (page, API, list).
        var voted = await agent.SubmitAsync($"/hubs/{IdeaFixtures.Hub}/ideas/{hiddenIdea}", new Dictionary<string, string>(), "form[action*='handler=Vote']");
        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        var (_, doc) = await agent.GetAsync($"/hubs/{IdeaFixtures.Hub}/ideas/{hiddenIdea}");
        Assert.Contains("shown when voting ends", doc.QuerySelector("#support-heading")!.ParentElement!.TextContent);
        Assert.NotNull(doc.QuerySelector("form[action*='handler=Unvote']"));
        var idea = await IdeaFixtures.GetJsonAsync(agent.Client, $"/api/v1/ideas/{hiddenIdea}");
        Assert.Equal(JsonValueKind.Null, idea.GetProperty("voteCount").ValueKind);
        Assert.True(idea.GetProperty("viewer").GetProperty("hasVoted").GetBoolean());
        var list = await IdeaFixtures.GetJsonAsync(agent.Client, $"/api/v1/hubs/{IdeaFixtures.Hub}/campaigns/{hidden.Slug}/ideas");
        Assert.Equal(JsonValueKind.Null, list.GetProperty("items")[0].GetProperty("voteCount").ValueKind);
        // Hub managers see counts.
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        Assert.Equal(1, (await IdeaFixtures.GetJsonAsync(manager.Client, $"/api/v1/ideas/{hiddenIdea}")).GetProperty("voteCount").GetInt32());
        // Signed-out people must sign in first.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PutAsync($"/api/v1/ideas/{hiddenIdea}/vote", null)).StatusCode);
    }
}
