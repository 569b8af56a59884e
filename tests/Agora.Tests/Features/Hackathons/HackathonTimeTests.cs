using Agora.Tests.Infrastructure;
using Agora.Web.Features.Events;
using Agora.Web.Features.Hackathons;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Infrastructure.TestApp;

namespace Agora.Tests.Features.Hackathons;

/// <summary>A challenge's deadline is entered and shown in the hub's zone (never bare UTC); the API keeps UTC instants.</summary>
[Collection(AppsCollection.Name)]
public sealed class HackathonTimeTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Deadline_EnteredInTheHubsZone_SkippedHourRefused_ShownWithTheZone(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await HackathonTests.SetupAsync(app, ("Manager", HubRoles.HubManager));
        await DbAsync(app, async db =>
        {
            await db.Hubs.Where(h => h.Id == s.HubId).ExecuteUpdateAsync(x => x.SetProperty(h => h.TimeZone, "Europe/Oslo"));
            return await db.Events.Where(e => e.Id == s.EventId).ExecuteUpdateAsync(x => x.SetProperty(e => e.Audience, EventAudience.Public));
        });
        ChallengeInput Local(DateTime local) => HackathonTests.Challenge() with { SubmissionDeadline = null, LocalDeadline = local };
        Task<Result<int>> CreateAsync(ChallengeInput input) =>
            TestActor.AsAsync(app, s["Manager"], sp => sp.GetRequiredService<HackathonChallenges>().CreateAsync(s.Slug, s.EventId, input, default));

        // 18:00 in Oslo in July is 16:00 UTC.
        var created = await CreateAsync(Local(new DateTime(2027, 7, 1, 18, 0, 0)));
        Assert.True(created.IsOk, created.Outcome.ToString());
        var stored = await DbAsync(app, db => db.HackathonChallenges.Where(c => c.Id == created.Value).Select(c => c.SubmissionDeadline).SingleAsync());
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 16, 0, 0, TimeSpan.Zero), stored);
        // 02:30 on 28 March 2027 does not exist in Oslo (the clocks go from 02:00 to 03:00).
        var skipped = await CreateAsync(Local(new DateTime(2027, 3, 28, 2, 30, 0)));
        Assert.Equal(Outcome.Invalid, skipped.Outcome);
        Assert.Contains("submissionDeadline", skipped.Errors.Keys);
        // The API gives an instant, kept as it is.
        var instant = await CreateAsync(HackathonTests.Challenge() with { SubmissionDeadline = new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero) });
        Assert.True(instant.IsOk);

        var root = $"/hubs/{s.Slug}/events/{s.EventId}/hackathon";
        var visitor = new PageClient(app.NewClient());
        const string expected = "01/07/2027 18:00 (Europe/Oslo)";
        foreach (var url in new[] { root, $"{root}/challenges/{created.Value}" })
        {
            var (_, doc) = await visitor.GetAsync(url);
            var time = doc.QuerySelectorAll("main time").FirstOrDefault(t => t.GetAttribute("datetime") == "2027-07-01T16:00:00Z");
            Assert.True(time is not null, url);
            Assert.Equal(expected, time!.TextContent);
        }
    }
}
