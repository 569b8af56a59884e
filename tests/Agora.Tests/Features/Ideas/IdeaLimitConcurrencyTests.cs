using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Ideas;

/// <summary>A campaign's per-person idea limit holds when one person publishes several drafts at once.</summary>
[Collection(AppsCollection.Name)]
public sealed class IdeaLimitConcurrencyTests(AgoraApps apps)
{
    private const int Parallel = 6;

    [Theory, BothDatabases]
    public async Task Publish_ParallelDraftsWithLimitOne_ExactlyOneSucceeds(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, ideasPerPerson: 1);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var drafts = new List<int>();
        for (var i = 0; i < Parallel; i++)
            drafts.Add(await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, $"Parallel draft {i}", publish: false)));

        // The reviewed attack: the same person publishes every draft at the same moment.
        var answers = await Task.WhenAll(drafts.Select(id => member.Client.PostAsync($"/api/v1/ideas/{id}/publish", null)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await DbAsync(app, db => db.Ideas.CountAsync(i => i.CampaignId == c.Id && i.State == IdeaState.Published)));
        Assert.Equal(1, await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Submit_ParallelWithLimitOne_ExactlyOneSucceeds(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, ideasPerPerson: 1);
        var member = await SignInAsync(app, DemoAccounts.Member);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel)
            .Select(i => member.Client.PostAsJsonAsync(c.Api, IdeaFixtures.Body(c, $"Parallel idea {i}"))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await DbAsync(app, db => db.Ideas.CountAsync(i => i.CampaignId == c.Id && i.State == IdeaState.Published)));
    }
}
