using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Accounts;

/// <summary>Issue 13: a citizen downloads everything Agora holds about them, then deletes their account (GDPR Art. 15, 17, 20).</summary>
[Collection(AppsCollection.Name)]
public sealed class ErasureTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Citizen_ExportsThenDeletesAccount_ContributionsStayAsAFormerMember(string provider)
    {
        var app = await apps.GetAsync(provider);
        var campaign = await IdeaFixtures.CampaignAsync(app);
        var name = "Ingrid Eraseme-" + Guid.NewGuid().ToString("N")[..6];
        var citizen = await TestPeople.RegisterAsync(app, name);
        var api = citizen.Browser.Client;

        // Their own idea, a comment and a vote on someone else's idea.
        var ownIdea = await IdeaFixtures.SubmitAsync(api, campaign, IdeaFixtures.Body(campaign, "Bedside tablets for " + name));
        var otherIdea = await IdeaFixtures.SeedIdeaAsync(app, campaign, DemoAccounts.Member);
        var commentText = "Night staff could use this too, says " + name;
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/ideas/{otherIdea}/comments", new { body = commentText })).StatusCode);
        Assert.True((await api.PutAsync($"/api/v1/ideas/{otherIdea}/vote", null)).IsSuccessStatusCode);
        var votesBefore = (await IdeaFixtures.GetJsonAsync(app.NewClient(), $"/api/v1/ideas/{otherIdea}")).GetProperty("voteCount").GetInt32();

        // The export holds all of it, in the API and on the page.
        var export = await api.GetStringAsync("/api/v1/me/export");
        Assert.Contains(citizen.Email, export);
        Assert.Contains("Bedside tablets for " + name, export);
        Assert.Contains(commentText, export);
        using (var doc = JsonDocument.Parse(export))
        {
            Assert.Contains(otherIdea.ToString(), doc.RootElement.GetProperty("ideas").GetRawText());
        }
        var page = await citizen.Browser.SubmitAsync("/account/export", new Dictionary<string, string>(), "main form[action*='handler=Show']");
        Assert.Contains(commentText, await page.Content.ReadAsStringAsync());
        var archive = await api.GetAsync("/api/v1/me/export/archive");
        Assert.Equal("application/zip", archive.Content.Headers.ContentType?.MediaType);
        using (var zip = new System.IO.Compression.ZipArchive(await archive.Content.ReadAsStreamAsync()))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "personal-data.json");
        }
        // The page's archive is written straight to the response, asynchronously: a whole, readable zip.
        var pageArchive = await citizen.Browser.SubmitAsync("/account/export", new Dictionary<string, string>(), "main form[action*='handler=Archive']");
        Assert.Equal("application/zip", pageArchive.Content.Headers.ContentType?.MediaType);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await pageArchive.Content.ReadAsByteArrayAsync())))
        {
            await using var json = await zip.GetEntry("personal-data.json")!.OpenAsync();
            Assert.Contains(commentText, (await JsonDocument.ParseAsync(json)).RootElement.GetRawText());
        }

        // Deleting needs the password.
        var refused = await citizen.Browser.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = "not my password" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var deleted = await citizen.Browser.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = citizen.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        // Their comment stays, by "a former member" in each language; their name is nowhere on the thread.
        foreach (var (culture, formerMember) in new[] { ("en", "a former member"), ("pt-PT", "um antigo membro"), ("nb-NO", "et tidligere medlem") })
        {
            var reader = app.NewClient();
            reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
            var thread = await reader.GetStringAsync($"/hubs/{campaign.HubSlug}/ideas/{otherIdea}");
            Assert.Contains(commentText, thread);
            Assert.Contains(formerMember, thread);
            var json = await reader.GetStringAsync($"/api/v1/ideas/{otherIdea}/comments");
            Assert.Contains(formerMember, json);
            Assert.DoesNotContain(name.Split(' ')[1], json.Replace(commentText, ""));
            var own = await reader.GetAsync($"/hubs/{campaign.HubSlug}/ideas/{ownIdea}");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.DoesNotContain(citizen.Email, await own.Content.ReadAsStringAsync());
        }
        // The vote still counts.
        Assert.Equal(votesBefore, (await IdeaFixtures.GetJsonAsync(app.NewClient(), $"/api/v1/ideas/{otherIdea}")).GetProperty("voteCount").GetInt32());

        // They can no longer sign in; the address registers again as a new person.
        var signIn = await new PageClient(app.NewClient()).SubmitAsync("/account/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = citizen.Email, ["Input.Password"] = citizen.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var again = await TestPeople.RegisterAsync(app, "Ingrid Again", citizen.Email);
        var fresh = await again.Browser.Client.GetStringAsync("/api/v1/me/export");
        Assert.DoesNotContain(commentText, fresh);

        // The audit trail shows the erasure under a pseudonym, never the address.
        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var audit = await admin.Client.GetStringAsync("/admin/audit");
        Assert.Contains("Account erased", audit);
        var erased = await DbAsync(app, db => Task.FromResult(db.AuditEvents.Where(e => e.Action == "account.erased").OrderBy(e => e.Id).ToList().Last()));
        Assert.StartsWith("erased-", erased.Subject);
        Assert.DoesNotContain(citizen.Email, JsonSerializer.Serialize(erased));
        var mentions = await DbAsync(app, db => Task.FromResult(db.AuditEvents.Count(e =>
            (e.ActorEmail != null && e.ActorEmail.Contains(citizen.Email) && e.OccurredAt < erased.OccurredAt)
            || (e.Subject != null && e.Subject.Contains(citizen.Email) && e.OccurredAt < erased.OccurredAt))));
        Assert.Equal(0, mentions);
    }

    [Theory, BothDatabases]
    public async Task Erase_Twice_ChangesNothingMoreAndIsAuditedOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        var person = await TestPeople.RegisterAsync(app);
        var id = await DbAsync(app, db => Task.FromResult(db.Users.Single(u => u.Email == person.Email).Id));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<PersonalDataService>();
            Assert.True(await data.EraseAsync(id, false, ErasureRequester.PlatformAdmin, null, default));
            Assert.True(await data.EraseAsync(id, true, ErasureRequester.PlatformAdmin, null, default));
        }
        var pseudonym = PersonalDataService.Pseudonym(id);
        Assert.Equal(1, await DbAsync(app, db => Task.FromResult(db.AuditEvents.Count(e => e.Action == "account.erased" && e.Subject == pseudonym))));
        var user = await DbAsync(app, db => Task.FromResult(db.Users.Single(u => u.Id == id)));
        Assert.Null(user.Email);
        Assert.Null(user.PasswordHash);
        Assert.Equal("a former member", user.DisplayName);
    }

    [Theory, BothDatabases]
    public async Task AdminErasure_ByEmail_ErasesAndRefusesUnknownAndSelf(string provider)
    {
        var app = await apps.GetAsync(provider);
        var person = await TestPeople.RegisterAsync(app);
        var admin = await SignInAsync(app, DemoAccounts.Admin);
        var unknown = await admin.SubmitAsync("/admin/erasure", new Dictionary<string, string> { ["Input.Email"] = "nobody-" + Guid.NewGuid().ToString("N") + "@example.org", ["Input.Confirm"] = "true" });
        Assert.Contains("No account has this email address.", PageClient.ErrorsOf(await unknown.Content.ReadAsStringAsync()));
        var self = await admin.Client.PostAsJsonAsync("/api/v1/admin/erasures", new { email = DemoAccounts.Admin });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var done = await admin.SubmitAsync("/admin/erasure", new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.Client.GetAsync("/account")).StatusCode);
        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync("/api/v1/admin/erasures", new { email = DemoAccounts.Citizen })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Register_AsAFormerMember_Refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var browser = new PageClient(app.NewClient());
        foreach (var name in new[] { "a former member", "et tidligere medlem" })
        {
            var answer = await browser.SubmitAsync("/account/register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = name, ["Input.Email"] = $"former-{Guid.NewGuid():N}@example.org",
                ["Input.Password"] = TestPeople.Password, ["Input.ConfirmPassword"] = TestPeople.Password,
            });
            Assert.Contains("kept for erased accounts", PageClient.ErrorsOf(await answer.Content.ReadAsStringAsync()));
        }
    }
}
