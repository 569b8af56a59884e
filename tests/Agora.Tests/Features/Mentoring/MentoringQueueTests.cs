using System.Net.Http.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Mentoring;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Mentoring;

/// <summary>The queue moves by itself, in order, whenever a place frees.</summary>
public sealed partial class MentoringTests
{
    private static Task<MentoringRequestState> RequestStateAsync(AgoraFactory app, string slug, Guid mentee) => DbAsync(app, db =>
        db.MentoringRequests.Where(r => r.MenteeId == mentee && db.Hubs.Any(h => h.Id == r.HubId && h.Slug == slug))
            .OrderByDescending(r => r.Id).Select(r => r.State).FirstAsync());

    [Theory, BothDatabases]
    public async Task PairEnds_TheFirstOfTwoWaitingIsPaired_TheSecondKeepsItsPlace(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = await HubAsync(app);
        await OkJsonAsync(await ProfileAsync(await SignInAsync(app, DemoAccounts.Mentor), slug, capacity: 1));
        var a = await SignInAsync(app, DemoAccounts.Member);
        var pair = (await OkJsonAsync(await AskAsync(a, slug, "First"))).GetProperty("pairId").GetInt32();
        await OkJsonAsync(await AskAsync(await SignInAsync(app, DemoAccounts.Fellow), slug, "Second"));
        await OkJsonAsync(await AskAsync(await SignInAsync(app, DemoAccounts.Agent), slug, "Third"));
        var (second, third) = (await UserIdAsync(app, DemoAccounts.Fellow), await UserIdAsync(app, DemoAccounts.Agent));

        await OkJsonAsync(await a.Client.PostAsJsonAsync($"/api/v1/hubs/{slug}/mentoring/pairs/{pair}/end", new { note = "Done" }));

        Assert.Equal(MentoringRequestState.Paired, await RequestStateAsync(app, slug, second));
        Assert.Equal(MentoringRequestState.Waiting, await RequestStateAsync(app, slug, third));
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == second && n.Kind == NotificationKind.Mentoring && n.Detail == "Paired")));
        var programme = await OkJsonAsync(await (await SignInAsync(app, DemoAccounts.Manager)).Client.GetAsync($"/api/v1/hubs/{slug}/mentoring/programme"));
        var queue = programme.GetProperty("queue").EnumerateArray().ToList();
        Assert.Equal([(third, 1)], queue.Select(w => (w.GetProperty("menteeId").GetGuid(), w.GetProperty("position").GetInt32())));
    }

    [Theory, BothDatabases]
    public async Task MenteeLeavesTheHub_TheSeatGoesToTheNextInTheQueue_AndBothAreTold(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = await HubAsync(app);
        await OkJsonAsync(await ProfileAsync(await SignInAsync(app, DemoAccounts.Mentor), slug, capacity: 1));
        var leaving = await SignInAsync(app, DemoAccounts.Member);
        var pair = (await OkJsonAsync(await AskAsync(leaving, slug, "First"))).GetProperty("pairId").GetInt32();
        await OkJsonAsync(await AskAsync(await SignInAsync(app, DemoAccounts.Fellow), slug, "Second"));
        var (leaver, next, mentor) = (await UserIdAsync(app, DemoAccounts.Member), await UserIdAsync(app, DemoAccounts.Fellow), await UserIdAsync(app, DemoAccounts.Mentor));

        var left = await leaving.Client.DeleteAsync($"/api/v1/hubs/{slug}/members/{leaver}");
        Assert.True(left.IsSuccessStatusCode, (int)left.StatusCode + " " + await left.Content.ReadAsStringAsync());

        Assert.Equal(PairEndReason.MenteeLeft, await DbAsync(app, db => db.MentoringPairs.Where(p => p.Id == pair).Select(p => p.EndReason).SingleAsync()));
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == mentor && n.Kind == NotificationKind.Mentoring && n.Detail == "MenteeLeft")));
        // The queue job was queued with the leaving and runs at once on this instance.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await RequestStateAsync(app, slug, next) == MentoringRequestState.Waiting && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(MentoringRequestState.Paired, await RequestStateAsync(app, slug, next));
        Assert.Equal(PairState.Active, await DbAsync(app, db => db.MentoringPairs.Where(p => p.MenteeId == next && db.Hubs.Any(h => h.Id == p.HubId && h.Slug == slug)).Select(p => p.State).SingleAsync()));
        Assert.True(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.UserId == next && n.Kind == NotificationKind.Mentoring && n.Detail == "Paired")));
        Assert.Equal((1, 1), await LoadAsync(app, slug));
    }
}
