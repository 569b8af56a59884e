using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Ideas;

/// <summary>An idea from its title to publication, edits with versions, and withdrawal; the rules on when people may submit.</summary>
[Collection(AppsCollection.Name)]
public sealed class IdeaLifecycleTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Wizard_TitleDetailsPreviewPublish_PublishedCountedAndFollowed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var newUrl = c.Page + "/ideas/new";
        var fellow = await SignInAsync(app, DemoAccounts.Fellow);
        var existing = await IdeaFixtures.SubmitAsync(fellow.Client, c, IdeaFixtures.Body(c, "A discharge lounge run by a pharmacist"));

        // Step 1: a title starts a draft; too short a title is refused with a message on the field.
        var tooShort = await member.SubmitAsync(newUrl, new Dictionary<string, string> { ["Input.Title"] = "Hi", ["Input.Language"] = "en" });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("at least 5", PageClient.ErrorsOf(await tooShort.Content.ReadAsStringAsync()));
        var started = await member.SubmitAsync(newUrl, new Dictionary<string, string> { ["Input.Title"] = "Discharge lounge with a pharmacist", ["Input.Language"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var step2 = started.Headers.Location!.OriginalString;
        var id = int.Parse(Regex.Match(step2, @"id=(\d+)").Groups[1].Value);
        Assert.Contains("step=2", step2);

        // Step 2 offers the form with the campaign's questions and the similar ideas aside.
        var (page2, doc2) = await member.GetAsync(step2);
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        Assert.NotNull(doc2.QuerySelector("aside #similar-heading"));
        // Someone had this idea already: the aside links to it, so the person can support it instead.
        Assert.NotNull(doc2.QuerySelector($"aside a[href='/hubs/{c.HubSlug}/ideas/{existing}']"));
        Assert.NotNull(doc2.QuerySelector($"#Input_Answers_{c.Questions[0]:N}"));

        // Publishing before the details are there sends the person back to step 2 with messages.
        var early = await member.SubmitAsync(newUrl + $"?id={id}&step=3", new Dictionary<string, string>(), "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyErrors = PageClient.ErrorsOf(await early.Content.ReadAsStringAsync());
        Assert.Contains("Enter a value", earlyErrors);

        // The details, with answers, go to the preview.
        var fields = FormFields.Read(doc2, "#idea-form")
            .Set("Input.Problem", "Patients wait **hours** for medicines.")
            .Set("Input.Solution", "A discharge lounge where a pharmacist prepares medicines.")
            .Set("Input.Beneficiaries", "Patients", "Staff")
            .Set("Input.Origin", "PrimaryCareEmployee").Set("Input.CareLevel", "Both").Set("Input.Setting", "Rural")
            .Set("Input.FocusArea", "ehealth").Set("Input.Tags", "Discharge, pharmacy")
            .Set(IdeaFormName(c.Questions[0]), "Ward 7").Set(IdeaFormName(c.Questions[1]), "Night")
            .Set(IdeaFormName(c.Questions[2]), "Nurses", "Porters").Set(IdeaFormName(c.Questions[3]), "12")
            .Set("next", "preview");
        var details = await member.SubmitAsync(step2, fields, [], "#idea-form");
        Assert.True(details.StatusCode == HttpStatusCode.Redirect, PageClient.ErrorsOf(await details.Content.ReadAsStringAsync()));
        var step3 = details.Headers.Location!.OriginalString;
        Assert.Contains("step=3", step3);
        var (page3, doc3) = await member.GetAsync(step3);
        Assert.Equal(HttpStatusCode.OK, page3.StatusCode);
        Assert.Contains("<strong>hours</strong>", doc3.QuerySelector("#preview-heading")!.ParentElement!.InnerHtml);

        // Nobody else sees the draft.
        var other = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/ideas/{id}")).StatusCode);

        var published = await member.SubmitAsync(step3, new Dictionary<string, string>(), "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal($"/hubs/{c.HubSlug}/ideas/{id}", published.Headers.Location!.OriginalString);

        var (ideaPage, ideaDoc) = await other.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}");
        Assert.Equal(HttpStatusCode.OK, ideaPage.StatusCode);
        Assert.Equal("Discharge lounge with a pharmacist", ideaDoc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Published", ideaDoc.QuerySelector("main")!.TextContent);
        Assert.Contains("Ward 7", ideaDoc.QuerySelector("dl.props")!.TextContent);
        Assert.Contains("Nurses, Porters", ideaDoc.QuerySelector("dl.props")!.TextContent);
        Assert.NotNull(ideaDoc.QuerySelector("section#comments[aria-labelledby=comments-heading]"));

        var (count, follows, tags) = await DbAsync(app, async db => (
            await db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync(),
            await db.IdeaFollowers.CountAsync(f => f.IdeaId == id),
            await db.IdeaTags.Where(t => t.IdeaId == id).Select(t => t.Tag).OrderBy(t => t).ToListAsync()));
        Assert.Equal(2, count);
        Assert.Equal(1, follows);
        Assert.Equal(["discharge", "pharmacy"], tags);
    }

    private static string IdeaFormName(Guid questionId) => "Input.Answers." + questionId.ToString("N");

    [Theory, BothDatabases]
    public async Task EditPage_PublishedIdea_KeepsVersion_StaleFormRefused_ThenWithdraw(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);
        var editUrl = $"/hubs/{c.HubSlug}/ideas/{id}/edit";

        // Two tabs open the same version; the first saves, the second is refused with a message and nothing is lost.
        var (_, tab1) = await member.GetAsync(editUrl);
        var (_, tab2) = await member.GetAsync(editUrl);
        var first = FormFields.Read(tab1, "#idea-form").Set("Input.Solution", "A lounge, a pharmacist and a porter.").Set("Input.Version", "1");
        var saved = await member.SubmitAsync(editUrl, first, [], "#idea-form");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, PageClient.ErrorsOf(await saved.Content.ReadAsStringAsync()));
        var second = FormFields.Read(tab2, "#idea-form").Set("Input.Solution", "Something else entirely.").Set("Input.Version", "1");
        var stale = await member.SubmitAsync(editUrl, second, [], "#idea-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this idea", PageClient.ErrorsOf(await stale.Content.ReadAsStringAsync()));

        var idea = await IdeaFixtures.GetJsonAsync(member.Client, $"/api/v1/ideas/{id}");
        Assert.Equal("A lounge, a pharmacist and a porter.", idea.GetProperty("solution").GetString());
        Assert.Equal(2, idea.GetProperty("version").GetInt32());
        Assert.Equal(1, idea.GetProperty("versionCount").GetInt32());

        // The idea links its versions; the page shows the text as it was.
        var (_, ideaDoc) = await member.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}");
        Assert.NotNull(ideaDoc.QuerySelector($"a[href='/hubs/{c.HubSlug}/ideas/{id}/versions']"));
        var anonymous = new PageClient(app.NewClient());
        var (versionsPage, versionsDoc) = await anonymous.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}/versions");
        Assert.Equal(HttpStatusCode.OK, versionsPage.StatusCode);
        Assert.Contains("A discharge lounge where a pharmacist prepares medicines.", versionsDoc.QuerySelector("main")!.TextContent);

        // Only authors edit.
        var agent = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(editUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", new { title = "Taken over", version = 2 })).StatusCode);

        // Withdrawal by the author takes the idea out of the campaign's count.
        var withdrawn = await member.SubmitAsync($"/hubs/{c.HubSlug}/ideas/{id}", new Dictionary<string, string>(), "form[action*='handler=Withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        idea = await IdeaFixtures.GetJsonAsync(member.Client, $"/api/v1/ideas/{id}");
        Assert.Equal("Withdrawn", idea.GetProperty("state").GetString());
        Assert.Equal(0, await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await member.Client.PostAsync($"/api/v1/ideas/{id}/withdraw", null)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_SubmitEditStaleWithdraw_AnswersAndVersions(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);

        var idea = await IdeaFixtures.GetJsonAsync(member.Client, $"/api/v1/ideas/{id}");
        Assert.Equal("Published", idea.GetProperty("state").GetString());
        Assert.Equal(["discharge", "pharmacy"], IdeaFixtures.Strings(idea.GetProperty("tags")));
        Assert.Equal(["Patients", "Staff"], IdeaFixtures.Strings(idea.GetProperty("beneficiaries")));
        var answers = idea.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal("Which ward are you in?", answers[0].GetProperty("label").GetString());
        Assert.Equal(["Nurses", "Doctors"], IdeaFixtures.Strings(answers[2].GetProperty("values"))); // in the question's order
        Assert.Equal("12.5", answers[3].GetProperty("value").GetString());
        Assert.True(idea.GetProperty("viewer").GetProperty("isFollowing").GetBoolean());

        var edit = IdeaFixtures.Body(c);
        edit["solution"] = "A lounge with two pharmacists.";
        edit["version"] = 1;
        var ok = await member.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", edit);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var stale = await member.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", edit);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var noVersion = IdeaFixtures.Body(c);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", noVersion)).StatusCode);

        var versions = await IdeaFixtures.GetJsonAsync(member.Client, $"/api/v1/ideas/{id}/versions");
        var list = versions.GetProperty("versions").EnumerateArray().ToList();
        Assert.Single(list);
        Assert.Equal("A discharge lounge where a pharmacist prepares medicines.", list[0].GetProperty("solution").GetString());

        // Review starts: no more edits or withdrawal.
        var facilitator = await SignInAsync(app, DemoAccounts.Facilitator);
        Assert.Equal(HttpStatusCode.OK, (await facilitator.Client.PostAsJsonAsync($"/api/v1/ideas/{id}/state", new { state = "UnderReview" })).StatusCode);
        edit["version"] = 2;
        Assert.Equal(HttpStatusCode.Conflict, (await member.Client.PutAsJsonAsync($"/api/v1/ideas/{id}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await member.Client.PostAsync($"/api/v1/ideas/{id}/withdraw", null)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_InvalidAnswersAndTags_ValidationProblemPerField(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var body = IdeaFixtures.Body(c);
        body["title"] = "Hi";
        body["tags"] = new[] { "ok-tag", "x", "<b>" };
        body["origin"] = "Martian";
        body["answers"] = new object[]
        {
            new { questionId = c.Questions[1], value = "Sunday" },
            new { questionId = c.Questions[2], values = new[] { "Nurses", "Pilots" } },
            new { questionId = c.Questions[3], value = "twelve" },
        };
        var response = await member.Client.PostAsJsonAsync(c.Api, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var key in new[] { "title", "tags", "origin", $"answers.{c.Questions[0]:N}", $"answers.{c.Questions[1]:N}", $"answers.{c.Questions[2]:N}", $"answers.{c.Questions[3]:N}" })
            Assert.True(errors.TryGetProperty(key, out _), $"no error for {key}: {errors}");
        // Nothing was stored.
        Assert.Equal(0, await DbAsync(app, db => db.Ideas.CountAsync(i => i.CampaignId == c.Id)));
    }

    [Theory, BothDatabases]
    public async Task Publish_PerPersonLimitReached_Refused_UntilOneIsWithdrawn(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, ideasPerPerson: 1);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var first = await IdeaFixtures.SubmitAsync(member.Client, c);

        var second = await member.Client.PostAsJsonAsync(c.Api, IdeaFixtures.Body(c, "A second idea of mine"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("1 ideas this campaign allows", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // A draft is fine; publishing it is not, until the first idea is withdrawn.
        var draft = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "A second idea of mine", publish: false));
        Assert.Equal(HttpStatusCode.Conflict, (await member.Client.PostAsync($"/api/v1/ideas/{draft}/publish", null)).StatusCode);
        var (_, ideaDoc) = await member.GetAsync($"/hubs/{c.HubSlug}/ideas/{draft}");
        Assert.Null(ideaDoc.QuerySelector("form[action*='handler=Publish']"));
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostAsync($"/api/v1/ideas/{first}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostAsync($"/api/v1/ideas/{draft}/publish", null)).StatusCode);
        Assert.Equal(1, await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Submit_OutsideSubmissionPhase_Refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, submissionOpen: false);
        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(c.Api, IdeaFixtures.Body(c))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(c.Api, IdeaFixtures.Body(c, publish: false))).StatusCode);
        var (page, doc) = await member.GetAsync(c.Page + "/ideas/new");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("does not take ideas now", doc.QuerySelector("main .notice")!.TextContent);
        Assert.Null(doc.QuerySelector("form[action*='handler=Start']"));
        // Anonymous people are asked to sign in; an unknown campaign is not found.
        var anonymous = app.NewClient();
        Assert.Contains("/account/signin", (await anonymous.GetAsync(c.Page + "/ideas/new")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/hubs/{c.HubSlug}/campaigns/no-such-campaign/ideas/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(c.Api, IdeaFixtures.Body(c))).StatusCode);
    }
}
