using System.Net;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Campaigns;

/// <summary>The campaigns source of the personal-data export and erasure (issue 13).</summary>
[Collection(AppsCollection.Name)]
public sealed class CampaignsPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Erase_DeletesFollowsAndBudgets_KeepsVotesAndCampaignsTheyCreated(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, votesPerPerson: 3);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var ideaId = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Porters with tablets"));
        var userId = await UserIdAsync(app, person.Email);
        // The person follows the campaign and spends a vote in it; they are its creator too (as if they had managed the hub).
        Assert.True((await person.Browser.Client.PostAsync($"/api/v1/hubs/{c.HubSlug}/campaigns/{c.Slug}/follow", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Browser.Client.PutAsync($"/api/v1/ideas/{ideaId}/vote", null)).StatusCode);
        await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedById, userId)));
        var followers = await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.FollowerCount).SingleAsync());

        var json = await PersonalDataFixtures.ExportAsync(app, "campaigns", userId);
        Assert.Contains("\"following\":[{", json);
        Assert.Contains("\"used\":1", json);
        Assert.Contains("\"created\":[{", json);
        Assert.Contains("Shorter waits at discharge", json);

        await PersonalDataFixtures.EraseTwiceAsync(app, "campaigns", person, deleteContributions: false);

        await DbAsync(app, async db =>
        {
            Assert.False(await db.CampaignFollowers.AnyAsync(f => f.UserId == userId));
            Assert.False(await db.CampaignVoteBudgets.AnyAsync(b => b.UserId == userId));
            Assert.Equal(followers - 1, await db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.FollowerCount).SingleAsync()); // once, not twice
            Assert.Equal(1, await db.Ideas.Where(i => i.Id == ideaId).Select(i => i.VoteCount).SingleAsync());
            Assert.True(await db.Votes.AnyAsync(v => v.UserId == userId && v.IdeaId == ideaId));
            Assert.True(await db.Campaigns.AnyAsync(x => x.Id == c.Id && x.CreatedById == userId));
            return 0;
        });
        await PersonalDataFixtures.AssertNotNamedAsync(member, c.Page, person);
        await PersonalDataFixtures.AssertNotNamedAsync(member, $"/hubs/{c.HubSlug}/ideas/{ideaId}", person);
    }
}
