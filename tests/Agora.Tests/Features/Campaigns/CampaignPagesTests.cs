using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Campaigns.CampaignFixtures;

namespace Agora.Tests.Features.Campaigns;

/// <summary>A hub manager runs a campaign through the pages, as a browser without JavaScript would; others see what the audience allows.</summary>
[Collection(AppsCollection.Name)]
public sealed class CampaignPagesTests(AgoraApps apps)
{
    private static List<KeyValuePair<string, string>> Fields(string title, bool includeSlug, string? slug, params (string Position, string Kind, string Label, string Options)[] questions)
    {
        var today = Today;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", title),
            new("Input.Summary", "Ideas for safer, faster discharge."),
            new("Input.Description", "We want **your** ideas.\n\n<script>alert('x')</script>"),
            new("Input.Language", "en"),
            new("Input.Driver", "InnovateSector"),
            new("Input.Audience", "HubMembers"),
            new("Input.FocusAreas", "ai"), new("Input.FocusAreas", "robotics"),
            new("Input.Phases[0].Enabled", "true"), new("Input.Phases[0].StartsOn", Iso(today.AddDays(-3))), new("Input.Phases[0].EndsOn", Iso(today.AddDays(20))),
            new("Input.Phases[0].CommentsEnabled", "true"), new("Input.Phases[0].ShowVoteCounts", "true"),
            new("Input.Phases[1].Enabled", "true"), new("Input.Phases[1].StartsOn", Iso(today.AddDays(-3))), new("Input.Phases[1].EndsOn", Iso(today.AddDays(40))),
            new("Input.Phases[1].CommentsEnabled", "true"),
            new("Input.Phases[2].Enabled", "true"),
            new("Input.IdeasPerPerson", "2"), new("Input.VotesPerPerson", "5"),
        };
        if (includeSlug) fields.Add(new("Input.Slug", slug ?? ""));
        for (var i = 0; i < questions.Length; i++)
        {
            var q = questions[i];
            fields.Add(new($"Input.Questions[{i}].Position", q.Position));
            fields.Add(new($"Input.Questions[{i}].Kind", q.Kind));
            fields.Add(new($"Input.Questions[{i}].Label", q.Label));
            fields.Add(new($"Input.Questions[{i}].Help", ""));
            fields.Add(new($"Input.Questions[{i}].Options", q.Options));
            if (i == 0 && q.Label.Length > 0) fields.Add(new($"Input.Questions[{i}].Required", "true"));
        }
        return fields;
    }

    [Theory, BothDatabases]
    public async Task Pages_ManagerRunsCampaign_MembersSeeIt_OthersDoNot(string provider)
    {
        var app = await apps.GetAsync(provider);
        var slug = NewSlug("discharge");
        var title = "Faster discharge " + slug[^8..];
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        var anonymous = new PageClient(app.NewClient());
        const string form = "main form[enctype]";
        var newPage = $"/hubs/{Hub}/campaigns/new";

        // Members may not create campaigns: the hub is public, so that is a 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(newPage)).StatusCode);

        // An end before the start and a choice question with one choice: the form comes back with both errors on their fields.
        var bad = Fields(title, true, slug, ("1", "ShortText", "Which ward?", ""), ("2", "SingleChoice", "Which shift?", "Only one"), ("", "ShortText", "", ""));
        bad.RemoveAll(f => f.Key == "Input.Phases[0].EndsOn");
        bad.Add(new("Input.Phases[0].EndsOn", Iso(Today.AddDays(-10))));
        var refused = await manager.SubmitAsync(newPage, bad, [new UploadFile("Input.Cover", "cover.png", "image/png", Png)], form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedDoc = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refusedDoc.QuerySelector("#Input_Phases_0__EndsOn-error"));
        Assert.NotNull(refusedDoc.QuerySelector("#Input_Questions_1__Options-error"));
        Assert.NotNull(refusedDoc.QuerySelector(".error-summary a[href='#Input_Phases_0__EndsOn']"));
        Assert.NotNull(refusedDoc.QuerySelector("#Input_Phases_0__EndsOn[aria-invalid=true]"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync($"/api/v1/hubs/{Hub}/campaigns/{slug}")).StatusCode);

        // The same, corrected, with a cover: created as a draft, and the browser goes to it.
        var good = Fields(title, true, slug, ("1", "ShortText", "Which ward?", ""), ("2", "SingleChoice", "Which shift?", "Day\nNight"), ("", "ShortText", "", ""));
        var created = await manager.SubmitAsync(newPage, good, [new UploadFile("Input.Cover", "cover.png", "image/png", Png)], form);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, PageClient.ErrorsOf(await created.Content.ReadAsStringAsync()));
        var page = $"/hubs/{Hub}/campaigns/{slug}";
        Assert.Equal(page, created.Headers.Location!.OriginalString);

        var (_, doc) = await manager.GetAsync(page);
        Assert.Equal(title, doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.NotNull(doc.QuerySelector(".campaign-description strong"));
        Assert.DoesNotContain("<script>alert", doc.DocumentElement.OuterHtml);
        Assert.Contains("Draft", doc.QuerySelector("ul.tags")!.TextContent);
        Assert.NotNull(doc.QuerySelector("table caption"));
        Assert.NotNull(doc.QuerySelector("#ideas section[aria-labelledby=ideas-heading] h2#ideas-heading"));
        Assert.NotNull(doc.QuerySelector($"img.campaign-cover[src='/api/v1/hubs/{Hub}/campaigns/{slug}/cover']"));
        var cover = await manager.Client.GetAsync($"/api/v1/hubs/{Hub}/campaigns/{slug}/cover");
        Assert.Equal("image/png", cover.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await cover.Content.ReadAsByteArrayAsync());
        Assert.Contains("private", cover.Headers.CacheControl?.ToString());

        // A draft does not exist for members, nor does its cover.
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/v1/hubs/{Hub}/campaigns/{slug}/cover")).StatusCode);

        // Edit: swap the two questions and relabel one; their ids (and so any answers) stay.
        var before = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/campaigns/{slug}");
        var ids = before.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, ids.Count);
        var (_, editDoc) = await manager.GetAsync(page + "/edit");
        Assert.Equal(ids[0], editDoc.QuerySelector("input[name='Input.Questions[0].Id']")!.GetAttribute("value"));
        Assert.Equal(5, editDoc.QuerySelectorAll("input[name$='].Label']").Length); // two questions and three empty rows
        var edited = await manager.SubmitAsync(page + "/edit",
            Fields(title, false, null, ("2", "ShortText", "Which ward or unit?", ""), ("1", "SingleChoice", "Which shift?", "Day\nNight\nWeekend")), [], form);
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, PageClient.ErrorsOf(await edited.Content.ReadAsStringAsync()));
        var after = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/campaigns/{slug}");
        var questions = after.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal([ids[1], ids[0]], questions.Select(q => q.GetProperty("id").GetString()!).ToArray());
        Assert.Equal("Which ward or unit?", questions[1].GetProperty("label").GetString());
        Assert.Equal(3, questions[0].GetProperty("options").GetArrayLength());
        Assert.True(after.GetProperty("hasCover").GetBoolean());

        // Open, then voting, through the state form; then featured on the hub's home page.
        foreach (var state in new[] { "Open", "Voting" })
        {
            var moved = await manager.SubmitAsync(page, [new("state", state)], [], "main form[action*='handler=State']");
            Assert.True(moved.StatusCode == HttpStatusCode.Redirect, PageClient.ErrorsOf(await moved.Content.ReadAsStringAsync()));
        }
        (_, doc) = await manager.GetAsync(page);
        Assert.Contains("Voting", doc.QuerySelector("ul.tags")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, [], [], "main form[action*='handler=Feature']")).StatusCode);
        var link = $"#campaigns-heading ~ ul a[href='{page}']";
        Assert.NotNull((await manager.GetAsync($"/hubs/{Hub}")).Document.QuerySelector(link));

        // A member sees it on the hub's home page and its own page, and follows it.
        Assert.NotNull((await member.GetAsync($"/hubs/{Hub}")).Document.QuerySelector(link));
        var (memberPage, memberDoc) = await member.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, memberPage.StatusCode);
        Assert.Null(memberDoc.QuerySelector("#manage-heading"));
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(page, [], [], "main form[action*='handler=Follow']")).StatusCode);
        Assert.Contains("1", (await member.GetAsync(page)).Document.QuerySelector("#follower-count")!.TextContent);
        Assert.NotNull((await member.GetAsync($"/hubs/{Hub}/campaigns?state=Voting&sort=title")).Document.QuerySelector($"a[href='{page}']"));

        // For hub members only: someone outside the hub gets 404; someone not signed in is asked to sign in. Neither sees it listed.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(page)).StatusCode);
        Assert.Null((await citizen.GetAsync($"/hubs/{Hub}")).Document.QuerySelector(link));
        Assert.Null((await citizen.GetAsync($"/hubs/{Hub}/campaigns")).Document.QuerySelector($"a[href='{page}']"));
        var anonymousPage = await anonymous.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.Contains("/account/signin", anonymousPage.Headers.Location!.OriginalString);
        Assert.Null((await anonymous.GetAsync($"/hubs/{Hub}")).Document.QuerySelector(link));

        // Every step is in the hub's audit trail.
        var audit = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{Hub}/audit?pageSize=100");
        var actions = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == slug).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("campaign.created", actions);
        Assert.Contains("campaign.updated", actions);
        Assert.Equal(2, actions.Count(a => a == "campaign.state-changed"));
        Assert.Contains("campaign.featured", actions);
    }

    [Theory, BothDatabases]
    public async Task MembersOnlyCampaign_NotAllowed_SameAnswerOnCampaignAndIdeaList(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var slug = NewSlug("members-only");
        await CreateAsync(manager.Client, Body(slug, audience: "HubMembers"), "Open");
        var anonymous = new PageClient(app.NewClient());
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        var member = await SignInAsync(app, DemoAccounts.Member);
        foreach (var page in new[] { $"/hubs/{Hub}/campaigns/{slug}", $"/hubs/{Hub}/campaigns/{slug}/ideas" })
        {
            // Not signed in: sign in first (the address says nothing about whether the campaign exists).
            var answer = await anonymous.Client.GetAsync(page);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{page} answered {(int)answer.StatusCode} to an anonymous visitor");
            Assert.StartsWith("/account/signin", new Uri(new Uri("http://localhost"), answer.Headers.Location!).AbsolutePath);
            // The same for a campaign that does not exist.
            var missing = await anonymous.Client.GetAsync(page.Replace(slug, slug + "-none", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
            // Signed in but not a member: 404, as for a campaign that does not exist.
            Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(page)).StatusCode);
        }
    }

    [Theory, BothDatabases]
    public async Task ListPage_NoCampaigns_EmptyStateWithCreateLinkForManagers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var empty = await EmptyHubAsync(app, DemoAccounts.OtherManager);
        var manager = await SignInAsync(app, DemoAccounts.OtherManager);
        var (response, doc) = await manager.GetAsync($"/hubs/{empty}/campaigns");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No campaigns yet", doc.QuerySelector("main")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"main a[href='/hubs/{empty}/campaigns/new']"));
        var (_, anonymousDoc) = await new PageClient(app.NewClient()).GetAsync($"/hubs/{empty}/campaigns");
        Assert.Null(anonymousDoc.QuerySelector($"main a[href='/hubs/{empty}/campaigns/new']"));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.GetAsync($"/hubs/{Hub}/campaigns?sort=password")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.GetAsync($"/hubs/{Hub}/campaigns?state=7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync("/hubs/no-such-hub/campaigns")).StatusCode);
    }

    /// <summary>A hub without campaigns (the demo hubs have some), managed by <paramref name="managerEmail"/>.</summary>
    private static async Task<string> EmptyHubAsync(AgoraFactory app, string managerEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Agora.Web.Platform.Data.AgoraDbContext>();
        var manager = await db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync();
        var hub = new Agora.Web.Features.Hubs.Hub
        {
            Id = Guid.NewGuid(), Slug = "empty-" + Guid.NewGuid().ToString("N")[..8], Name = "Empty hub", Region = "Test", CreatedAt = DateTimeOffset.UtcNow,
        };
        hub.Texts.Add(new Agora.Web.Features.Hubs.HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        db.Hubs.Add(hub);
        db.HubMemberships.Add(new Agora.Web.Features.Hubs.HubMembership
        {
            HubId = hub.Id, UserId = manager, Roles = Agora.Web.Platform.Auth.HubRoles.Member | Agora.Web.Platform.Auth.HubRoles.HubManager, JoinedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return hub.Slug;
    }
}
