using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Requests;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Requests;

/// <summary>The requests' share of a person's export and erasure (issue 13, GDPR Art. 15, 17, 20).</summary>
[Collection(AppsCollection.Name)]
public sealed class RequestsPersonalDataTests(AgoraApps apps)
{
    private static readonly object Approval = new
    {
        decision = "Approved",
        permit = new { validFrom = "2027-01-01", validTo = "2027-12-31", grantedData = "Age group, diagnoses.", environment = "The HDAB's secure environment.", authorisedPeople = "The research team" },
    };

    private sealed record Setup(AgoraFactory App, string Hub, TestPerson Person, Guid PersonId, PageClient Manager, PageClient Applicant,
        PageClient Legal, PageClient Privacy);

    /// <summary>A hub of its own: the demo manager manages it, the demo reviewers review, the demo member applies, and a new person who applies and reviews.</summary>
    private static async Task<Setup> SetupAsync(AgoraFactory app)
    {
        var name = "Petra Persondata " + Guid.NewGuid().ToString("N")[..6];
        var person = await TestPeople.RegisterAsync(app, name);
        var (slug, personId) = await DbAsync(app, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var hub = new Hub { Id = Guid.NewGuid(), Slug = "pd-" + Guid.NewGuid().ToString("N")[..8], Name = "Personal data hub", Region = "Test", CreatedAt = now, PublicRegister = true };
            hub.Texts.Add(new HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
            db.Hubs.Add(hub);
            foreach (var (email, roles) in new[]
                     {
                         (DemoAccounts.Manager, HubRoles.HubManager), (DemoAccounts.Reviewer, HubRoles.LegalReviewer), (DemoAccounts.Evaluator, HubRoles.PrivacyReviewer),
                         (DemoAccounts.Member, HubRoles.Member), (person.Email, HubRoles.LegalReviewer | HubRoles.ExpertReviewer),
                     })
            {
                var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user, Roles = roles | HubRoles.Member, JoinedAt = now });
            }
            await db.SaveChangesAsync();
            return (hub.Slug, await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync());
        });
        return new Setup(app, slug, person, personId, await SignInAsync(app, DemoAccounts.Manager), await SignInAsync(app, DemoAccounts.Member),
            await SignInAsync(app, DemoAccounts.Reviewer), await SignInAsync(app, DemoAccounts.Evaluator));
    }

    private static async Task<Guid> AssignAsync(PageClient manager, string url, string email, string role)
    {
        var response = await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task SignOffAsync(PageClient reviewer, string url, Guid review, string opinion) =>
        Assert.Equal(HttpStatusCode.OK, (await reviewer.Client.PutAsJsonAsync(url + $"/reviews/{review}", new { recommendation = "Approve", opinion, signOff = true })).StatusCode);

    private static IPersonalData Source(IServiceScope scope) => scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "requests");

    private static async Task EraseTwiceAsync(AgoraFactory app, Guid personId, string email, bool deleteContributions)
    {
        for (var run = 0; run < 2; run++)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            await Source(scope).EraseAsync(new Erasure(personId, email, "erased-test", deleteContributions, DateTimeOffset.UtcNow), CancellationToken.None);
            await db.SaveChangesAsync();
            // The account becomes a tombstone after the sources ran (the Accounts source does it in the real erasure).
            await db.Users.Where(u => u.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, ""));
        }
    }

    [Theory, BothDatabases]
    public async Task ExportAndErase_DecidedHealthDataApplicationRetainedWithName_DraftGone_SignedReviewsStay(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SetupAsync(app);
        var me = s.Person.Browser;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var secret = "Internal-" + tag;

        // Their decided health-data application, with a question answered, a note of the hub's and a permit.
        var (decidedId, decidedUrl) = await RequestTests.InReviewAsync(me, s.Manager, "Retained application " + tag, s.Hub);
        var legal = await AssignAsync(s.Manager, decidedUrl, DemoAccounts.Reviewer, "Legal");
        var privacy = await AssignAsync(s.Manager, decidedUrl, DemoAccounts.Evaluator, "Privacy");
        Assert.Equal(HttpStatusCode.Created, (await s.Legal.Client.PostAsJsonAsync(decidedUrl + "/notes", new { body = secret })).StatusCode);
        var question = await s.Legal.Client.PostAsJsonAsync(decidedUrl + "/questions", new { body = "Which REK number?" });
        var questionId = (await question.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsJsonAsync(decidedUrl + "/answers", new { questionId, body = "REK answer " + tag })).StatusCode);
        await SignOffAsync(s.Legal, decidedUrl, legal, "Lawful.");
        await SignOffAsync(s.Privacy, decidedUrl, privacy, "Minimised.");
        Assert.Equal(HttpStatusCode.OK, (await s.Manager.Client.PostAsJsonAsync(decidedUrl + "/decision", Approval)).StatusCode);

        // Their draft, with a document.
        var draft = await me.Client.PostAsJsonAsync($"/api/v1/hubs/{s.Hub}/requests", new { typeKey = "health-data-access", title = "Draft to go " + tag });
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await RequestTests.UploadAsync(me.Client, $"/api/v1/hubs/{s.Hub}/requests/{draftId}", "dpiaDocument")).StatusCode);

        // Someone else's request they review and sign off (and ask about), and another where their review is still open.
        var (signedId, signedUrl) = await RequestTests.InReviewAsync(s.Applicant, s.Manager, "Reviewed by them " + tag, s.Hub);
        var mine = await AssignAsync(s.Manager, signedUrl, s.Person.Email, "Legal");
        await AssignAsync(s.Manager, signedUrl, DemoAccounts.Evaluator, "Privacy");
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsJsonAsync(signedUrl + "/questions", new { body = "Their question " + tag })).StatusCode);
        await SignOffAsync(me, signedUrl, mine, "Their signed opinion " + tag);
        var (openId, openUrl) = await RequestTests.InReviewAsync(s.Applicant, s.Manager, "Open review " + tag, s.Hub);
        await AssignAsync(s.Manager, openUrl, s.Person.Email, "Ethics");

        using (var scope = app.Services.CreateScope())
        {
            var source = Source(scope);
            var json = JsonSerializer.Serialize(await source.ExportAsync(s.PersonId, CancellationToken.None), JsonSerializerOptions.Web);
            foreach (var expected in new[] { "Retained application " + tag, "Draft to go " + tag, "REK answer " + tag, "dpiaDocument.pdf", "Their signed opinion " + tag,
                         "Their question " + tag, $"\"requestId\":{signedId}", $"\"requestId\":{openId}", "\"role\":\"Ethics\"" })
                Assert.Contains(expected, json, StringComparison.Ordinal);
            // Never the hub's internal notes, never other people's names or the permit's named people.
            foreach (var never in new[] { secret, "Which REK number?", "The research team", "Reviewed by them " + tag, DemoAccounts.Manager })
                Assert.DoesNotContain(never, json, StringComparison.Ordinal);
            var files = await source.FilesAsync(s.PersonId, CancellationToken.None).ToListAsync();
            var documents = await DbAsync(app, db => db.RequestFiles.CountAsync(f => f.RequestId == decidedId || f.RequestId == draftId));
            Assert.Equal(documents, files.Count);
            Assert.All(files, f => Assert.StartsWith("requests/", f.ArchivePath, StringComparison.Ordinal));
            await using var bytes = await files[0].Open(CancellationToken.None);
            using var copy = new MemoryStream();
            await bytes.CopyToAsync(copy);
            Assert.Equal(RequestTests.Pdf, copy.ToArray());
        }
        var decidedFiles = await DbAsync(app, db => db.RequestFiles.CountAsync(f => f.RequestId == decidedId));

        await EraseTwiceAsync(app, s.PersonId, s.Person.Email, deleteContributions: false);

        await DbAsync(app, async db =>
        {
            // The draft is gone with its document and timeline.
            Assert.False(await db.Requests.AnyAsync(r => r.Id == draftId));
            Assert.False(await db.RequestFiles.AnyAsync(f => f.RequestId == draftId));
            Assert.False(await db.RequestEvents.AnyAsync(e => e.RequestId == draftId));
            // The decided application is kept whole, with the applicant's name, under legal retention.
            var kept = await db.Requests.SingleAsync(r => r.Id == decidedId);
            Assert.Equal(s.Person.Name, kept.RetainedApplicantName);
            Assert.Equal(decidedFiles, await db.RequestFiles.CountAsync(f => f.RequestId == decidedId));
            Assert.True(await db.RequestMessages.AnyAsync(m => m.RequestId == decidedId && m.Body == "REK answer " + tag));
            Assert.Equal(1, await db.DataPermits.CountAsync(p => p.RequestId == decidedId));
            // Their signed review stays as the record; the open one is withdrawn; their question stays.
            Assert.True(await db.RequestReviews.AnyAsync(x => x.RequestId == signedId && x.ReviewerId == s.PersonId && x.Opinion == "Their signed opinion " + tag));
            Assert.False(await db.RequestReviews.AnyAsync(x => x.RequestId == openId && x.ReviewerId == s.PersonId));
            Assert.True(await db.RequestMessages.AnyAsync(m => m.RequestId == signedId && m.Body == "Their question " + tag));
            return 0;
        });

        // The pages still answer; the retained request names its applicant and says why; the email is nowhere.
        var (page, doc) = await s.Manager.GetAsync($"/hubs/{s.Hub}/requests/{decidedId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(s.Person.Name, doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#retained"));
        var letter = await (await s.Manager.Client.GetAsync($"/api/v1/hubs/{s.Hub}/requests/{decidedId}/letter.html")).Content.ReadAsStringAsync();
        Assert.Contains(s.Person.Name, letter, StringComparison.Ordinal);
        foreach (var path in new[] { $"/hubs/{s.Hub}/requests/{signedId}", $"/hubs/{s.Hub}/requests/{openId}", $"/hubs/{s.Hub}/requests", $"/hubs/{s.Hub}/register" })
        {
            var (response, html) = await s.Manager.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(s.Person.Email, html.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
            if (path.EndsWith($"/{signedId}", StringComparison.Ordinal) || path.EndsWith($"/{openId}", StringComparison.Ordinal))
                Assert.DoesNotContain(s.Person.Name, html.Body!.TextContent, StringComparison.Ordinal);
        }
        var signed = await GetJsonAsync(s.Manager.Client, signedUrl);
        Assert.Equal(2, signed.GetProperty("reviews").GetArrayLength());
    }

    [Theory, BothDatabases]
    public async Task Erase_DeletingContributions_BlanksTheirMessagesOnOthersRequests_UndecidedApplicationGoes(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await SetupAsync(app);
        var me = s.Person.Browser;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (undecidedId, _) = await RequestTests.InReviewAsync(me, s.Manager, "Undecided " + tag, s.Hub);
        var (othersId, othersUrl) = await RequestTests.InReviewAsync(s.Applicant, s.Manager, "Others " + tag, s.Hub);
        await AssignAsync(s.Manager, othersUrl, s.Person.Email, "Legal");
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsJsonAsync(othersUrl + "/questions", new { body = "Their question " + tag })).StatusCode);
        var messages = await DbAsync(app, db => db.RequestMessages.CountAsync(m => m.RequestId == othersId));

        await EraseTwiceAsync(app, s.PersonId, s.Person.Email, deleteContributions: true);

        await DbAsync(app, async db =>
        {
            Assert.False(await db.Requests.AnyAsync(r => r.Id == undecidedId));
            Assert.False(await db.RequestMessages.AnyAsync(m => m.Body.Contains(tag)));
            Assert.Equal(messages, await db.RequestMessages.CountAsync(m => m.RequestId == othersId));
            Assert.False(await db.RequestReviews.AnyAsync(x => x.ReviewerId == s.PersonId));
            return 0;
        });
        var (page, doc) = await s.Manager.GetAsync($"/hubs/{s.Hub}/requests/{othersId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(s.Person.Name, doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("#retained"));
        Assert.Equal(HttpStatusCode.OK, (await s.Applicant.GetAsync($"/hubs/{s.Hub}/requests/{othersId}")).Response.StatusCode);
    }
}
