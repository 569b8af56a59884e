using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Moderation;

/// <summary>The moderation source of the personal-data export and erasure (issue 13).</summary>
[Collection(AppsCollection.Name)]
public sealed class ModerationPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Erase_DeletesResolvedReportsAndBlocksOfThePerson_KeepsOpenReportsCounting(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var open = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Porters with tablets"));
        var dismissed = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Porters with radios"));
        var theirs = await IdeaFixtures.SubmitAsync(person.Browser.Client, c, IdeaFixtures.Body(c, "Quiet hours on the ward"));
        var userId = await UserIdAsync(app, person.Email);

        // The person reports two ideas (one report a moderator dismisses); the member reports the person's idea;
        // then the manager blocks the person.
        Assert.Equal(HttpStatusCode.Created, (await person.Browser.Client.PostAsJsonAsync("/api/v1/reports", new { target = "Idea", id = open, reason = "Other", details = "Looks like advertising" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await person.Browser.Client.PostAsJsonAsync("/api/v1/reports", new { target = "Idea", id = dismissed, reason = "Spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync("/api/v1/reports", new { target = "Idea", id = theirs, reason = "Other", details = "The member's own words" })).StatusCode);
        Assert.True((await manager.Client.PostAsync($"/api/v1/hubs/{c.HubSlug}/moderation/Idea/{dismissed}/dismiss", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{c.HubSlug}/moderation/blocks", new { userId, reason = "Repeated spam" })).StatusCode);

        var json = await PersonalDataFixtures.ExportAsync(app, "moderation", userId);
        Assert.Contains("Looks like advertising", json);
        Assert.Contains($"\"targetId\":{dismissed}", json);
        Assert.DoesNotContain("The member's own words", json); // a report about them is the reporter's
        Assert.DoesNotContain("Repeated spam", json); // the hub's note
        Assert.Contains("\"blockedIn\":[{", json);

        await PersonalDataFixtures.EraseTwiceAsync(app, "moderation", person, deleteContributions: false);
        await DbAsync(app, async db =>
        {
            Assert.False(await db.Reports.AnyAsync(r => r.ReporterId == userId && r.ResolvedAt != null));
            Assert.Equal("Looks like advertising", await db.Reports.Where(r => r.ReporterId == userId && r.TargetId == open).Select(r => r.Details).SingleAsync());
            Assert.True(await db.Reports.AnyAsync(r => r.TargetId == theirs)); // about them, by someone else
            Assert.False(await db.HubBlocks.AnyAsync(b => b.UserId == userId));
            return 0;
        });
        var queue = await IdeaFixtures.GetJsonAsync(manager.Client, $"/api/v1/hubs/{c.HubSlug}/moderation?pageSize=100");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("targetId").GetInt64() == open && i.GetProperty("reports").GetInt32() == 1);

        // Deleting contributions takes their explanation from the open report too; the report still counts.
        await PersonalDataFixtures.EraseTwiceAsync(app, "moderation", person, deleteContributions: true);
        Assert.Equal("", await DbAsync(app, db => db.Reports.Where(r => r.ReporterId == userId && r.TargetId == open).Select(r => r.Details).SingleAsync()));
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/moderation", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/api/v1/hubs/{c.HubSlug}/moderation", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/api/v1/hubs/{c.HubSlug}/moderation/blocks", person);
    }
}
