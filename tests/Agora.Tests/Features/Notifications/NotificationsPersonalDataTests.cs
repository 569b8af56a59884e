using System.Net;
using System.Net.Http.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Notifications;

/// <summary>The notifications source of the personal-data export and erasure (issue 13).</summary>
[Collection(AppsCollection.Name)]
public sealed class NotificationsPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Erase_DeletesTheirNotificationsAndChoices_KeepsOthersNotificationsAboutThemAnonymised(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var ideaId = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Porters with tablets"));
        var userId = await UserIdAsync(app, person.Email);
        var memberId = await UserIdAsync(app, DemoAccounts.Member);

        // The person follows the idea and hears of the member's comment; the member (its author) hears of the person's.
        Assert.True((await person.Browser.Client.PutAsync($"/api/v1/ideas/{ideaId}/follow", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Any thoughts?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await person.Browser.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Yes, rugged cases." })).StatusCode);
        Assert.True((await person.Browser.Client.PutAsJsonAsync("/api/v1/me/notification-preferences",
            new { choices = new Dictionary<string, string> { ["Mentioned"] = "Off" } })).IsSuccessStatusCode);

        var json = await PersonalDataFixtures.ExportAsync(app, "notifications", userId);
        Assert.Contains("\"kind\":\"Commented\"", json);
        Assert.Contains($"\"ideaId\":{ideaId}", json);
        Assert.Contains("{\"kind\":\"Mentioned\",\"delivery\":\"Off\"}", json);
        Assert.DoesNotContain(memberId.ToString(), json); // who caused it is the member's data

        await PersonalDataFixtures.EraseTwiceAsync(app, "notifications", person, deleteContributions: false);

        await DbAsync(app, async db =>
        {
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == userId));
            Assert.False(await db.NotificationPreferences.AnyAsync(p => p.UserId == userId));
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == memberId && n.ActorId == userId && n.Kind == NotificationKind.Commented));
            return 0;
        });
        await PersonalDataFixtures.AssertNotNamedAsync(member, "/notifications", person);
        await PersonalDataFixtures.AssertNotNamedAsync(member, "/api/v1/me/notifications", person);
    }
}
