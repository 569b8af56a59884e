using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Comments;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Notifications;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Notifications;

/// <summary>In-app notifications, per-kind choices, and the daily digest job.</summary>
[Collection(AppsCollection.Name)]
public sealed class NotificationTests(AgoraApps apps)
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory, BothDatabases]
    public async Task Preferences_OffStopsThem_ListAndMarkRead(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (slug, ideaId) = await CommentTests.SeedIdeaAsync(app, DemoAccounts.Reviewer);
        var reviewer = new PageClient(app.NewClient());
        await reviewer.SignInAsync(DemoAccounts.Reviewer, DemoAccounts.Password);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);

        // Defaults: mentions at once, comments in the digest.
        var prefs = await reviewer.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notification-preferences");
        Assert.Equal("Immediately", prefs.EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Mentioned").GetProperty("delivery").GetString());
        Assert.Equal("DailyDigest", prefs.EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Commented").GetProperty("delivery").GetString());

        await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "First thought" });
        var list = await reviewer.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?unread=true");
        var first = list.GetProperty("items").EnumerateArray().First(n => n.GetProperty("url").GetString()!.Contains($"/ideas/{ideaId}#comment-"));
        Assert.Contains("Mikkel Member commented on “Shared rota for night shifts”", first.GetProperty("text").GetString());

        // The page lists it with a link; marking all read empties the unread list.
        var (_, doc) = await reviewer.GetAsync("/notifications");
        Assert.NotNull(doc.QuerySelector($"a[href^='/hubs/{slug}/ideas/{ideaId}#comment-']"));
        var read = await reviewer.SubmitAsync("/notifications", new Dictionary<string, string>(), "form[action*='handler=Read']");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal(0, (await reviewer.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?unread=true")).GetProperty("total").GetInt32());

        // Off through the preferences page: the next comment records nothing for this person.
        var saved = await reviewer.SubmitAsync("/account/notifications", new Dictionary<string, string> { ["Commented"] = "Off" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Second thought" });
        Assert.Equal(0, (await reviewer.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?unread=true")).GetProperty("total").GetInt32());
        var bad = await reviewer.Client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { choices = new Dictionary<string, string> { ["Commented"] = "Sometimes" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task IdeaEvents_PublishedDecidedInvited_TellTheRightPeople(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await Ideas.IdeaFixtures.CampaignAsync(app);
        // A campaign follower hears of new ideas; the author hears of decisions; an invited co-author of the invitation.
        var follower = await SignInAsync(app, DemoAccounts.Reviewer);
        Assert.True((await follower.Client.PostAsync($"/api/v1/hubs/{c.HubSlug}/campaigns/{c.Slug}/follow", null)).IsSuccessStatusCode);
        var author = await SignInAsync(app, DemoAccounts.Fellow);
        var id = await Ideas.IdeaFixtures.SubmitAsync(author.Client, c, Ideas.IdeaFixtures.Body(c, "Quiet hours on the ward"));
        Assert.Contains(await TextsAsync(follower), t => t.Contains("Filipa Fellow published a new idea: “Quiet hours on the ward”", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Accepted, (await author.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/coauthors", new { email = DemoAccounts.Mentor })).StatusCode);
        var mentor = await SignInAsync(app, DemoAccounts.Mentor);
        Assert.Contains(await TextsAsync(mentor), t => t.Contains("invited you to co-author “Quiet hours on the ward”", StringComparison.Ordinal));

        var manager = await SignInAsync(app, DemoAccounts.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/state", new { state = "UnderReview", answer = "We are looking at it." })).StatusCode);
        Assert.Contains(await TextsAsync(author), t => t.StartsWith("“Quiet hours on the ward” is now: ", StringComparison.Ordinal));
        Assert.DoesNotContain(await TextsAsync(manager), t => t.Contains("Quiet hours", StringComparison.Ordinal)); // not told of one's own decision
    }

    [Theory, BothDatabases]
    public async Task AreaNamedSubject_SentencePerDetailWithTitle_LeadsToItsPath(string provider)
    {
        var app = await apps.GetAsync(provider);
        var actor = await UserIdAsync(app, DemoAccounts.Manager);
        var reader = await UserIdAsync(app, DemoAccounts.Reviewer);
        var hub = await DbAsync(app, db => db.Hubs.Select(h => h.Id).FirstAsync());
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.AddAsync(new NotificationEvent(NotificationKind.EventUpdate, hub, ActorId: actor, Detail: "Cancelled",
                Title: "Share-con on night shifts", Path: "/hubs/imin/events/7"), [reader, actor], CancellationToken.None);
            await db.SaveChangesAsync();
        }
        var person = await SignInAsync(app, DemoAccounts.Reviewer);
        var list = await person.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?pageSize=100");
        var row = list.GetProperty("items").EnumerateArray().First(n => n.GetProperty("url").GetString() == "/hubs/imin/events/7");
        Assert.Equal("Marta Manager cancelled “Share-con on night shifts”", row.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/hubs/imin/events/7", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("hubs/imin", false)]
    public void NotificationPath_OnlyAgorasOwn(string path, bool allowed) => Assert.Equal(allowed, NotificationEvent.IsLocalPath(path));

    private static async Task<List<string>> TextsAsync(PageClient person)
    {
        var list = await person.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?pageSize=100");
        return list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("text").GetString()!).ToList();
    }

    [Theory, BothDatabases]
    public async Task Digest_OnceADayWithEverythingDue_NeverEmpty(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, ideaId) = await CommentTests.SeedIdeaAsync(app, DemoAccounts.Agent);
        var member = new PageClient(app.NewClient());
        await member.SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "One" });
        await member.Client.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Two" });

        var now = DateTimeOffset.UtcNow;
        // Before the next digest time nothing of the digest goes out; after it, one message with both.
        var sentEarly = await RunAsync(app, now);
        var before = MailsTo(app, DemoAccounts.Agent);
        var nextDigest = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(7), TimeSpan.Zero);
        Assert.True(await RunAsync(app, nextDigest) >= 1);
        var digests = MailsTo(app, DemoAccounts.Agent).Except(before).ToList();
        var digest = Assert.Single(digests);
        // Both comments are in the one digest (other tests may have left more for the same person).
        Assert.Contains("Your daily Agora digest: ", digest);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(digest, $"/ideas/{ideaId}#comment-").Count >= 2, digest);
        Assert.Equal(0, await RunAsync(app, nextDigest.AddMinutes(1)));
        _ = sentEarly;
    }

    private static async Task<int> RunAsync(AgoraFactory app, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<NotificationMailJob>(scope.ServiceProvider, (TimeProvider)new FixedClock(now));
        return await job.RunOnceAsync(CancellationToken.None);
    }

    private static List<string> MailsTo(AgoraFactory app, string email) =>
        Directory.Exists(app.MailDirectory)
            ? Directory.GetFiles(app.MailDirectory).Select(File.ReadAllText).Where(m => m.Contains("To: " + email, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
}
