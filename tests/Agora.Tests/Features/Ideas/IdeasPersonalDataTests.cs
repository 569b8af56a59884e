using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Agora.Tests.Features.Transfer;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Ideas;

/// <summary>The ideas source of the personal-data export and erasure (issue 13).</summary>
[Collection(AppsCollection.Name)]
public sealed class IdeasPersonalDataTests(AgoraApps apps)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static async Task<Guid> AttachAsync(HttpClient client, int ideaId)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Pdf);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "file", "ward plan.pdf");
        var response = await client.PostAsync($"/api/v1/ideas/{ideaId}/attachments", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("fileId").GetGuid();
    }

    [Theory, BothDatabases]
    public async Task Erase_KeepingContributions_DeletesFollowsDraftsInvitationsKeepsIdeasAndVotes(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        // The person writes an anonymous idea with an attachment and a draft; votes on and follows someone else's idea;
        // is invited to co-author it; a member votes on the person's idea.
        var body = IdeaFixtures.Body(c, "Quiet hours on the ward");
        body["anonymous"] = true;
        var mine = await IdeaFixtures.SubmitAsync(person.Browser.Client, c, body);
        var fileId = await AttachAsync(person.Browser.Client, mine);
        var draft = await IdeaFixtures.SubmitAsync(person.Browser.Client, c, IdeaFixtures.Body(c, "Half-finished thought", publish: false));
        var theirs = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Porters with tablets"));
        Assert.Equal(HttpStatusCode.OK, (await person.Browser.Client.PutAsync($"/api/v1/ideas/{theirs}/vote", null)).StatusCode);
        Assert.True((await person.Browser.Client.PutAsync($"/api/v1/ideas/{theirs}/follow", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await member.Client.PostAsJsonAsync($"/api/v1/ideas/{theirs}/coauthors", new { email = person.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsync($"/api/v1/ideas/{mine}/vote", null)).StatusCode);
        var userId = await UserIdAsync(app, person.Email);
        var followersBefore = await DbAsync(app, db => db.Ideas.Where(i => i.Id == theirs).Select(i => i.FollowerCount).SingleAsync());

        // The export holds their ideas (the anonymous one too), the draft, answers, the attachment, the vote, the follow
        // and the invitation; the archive gets the attachment's bytes.
        var json = await PersonalDataFixtures.ExportAsync(app, "ideas", userId);
        Assert.Contains("Quiet hours on the ward", json);
        Assert.Contains("Half-finished thought", json);
        Assert.Contains("\"anonymous\":true", json);
        Assert.Contains("ward plan.pdf", json);
        Assert.Contains("Porters with tablets", json); // voted on and followed
        Assert.Contains($"\"coAuthorInvitationsByEmail\":[{{\"ideaId\":{theirs},", json);
        Assert.DoesNotContain(DemoAccounts.Member, json);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var files = new List<(string Path, byte[] Bytes)>();
            await foreach (var f in PersonalDataFixtures.Source(scope.ServiceProvider, "ideas").FilesAsync(userId, default))
            {
                await using var s = await f.Open(default);
                var ms = new MemoryStream();
                await s.CopyToAsync(ms);
                files.Add((f.ArchivePath, ms.ToArray()));
            }
            var file = Assert.Single(files);
            Assert.Equal($"ideas/{fileId:N}-ward plan.pdf", file.Path);
            Assert.Equal(Pdf, file.Bytes);
        }

        await PersonalDataFixtures.EraseTwiceAsync(app, "ideas", person, deleteContributions: false);

        await DbAsync(app, async db =>
        {
            Assert.False(await db.Ideas.AnyAsync(i => i.Id == draft));
            Assert.False(await db.IdeaFollowers.AnyAsync(f => f.UserId == userId));
            Assert.False(await db.IdeaCoAuthors.AnyAsync(x => x.UserId == userId));
            Assert.False(await db.IdeaCoAuthorInvitations.AnyAsync(x => x.NormalizedEmail == person.Email.ToUpperInvariant()));
            Assert.Equal(followersBefore - 1, await db.Ideas.Where(i => i.Id == theirs).Select(i => i.FollowerCount).SingleAsync());
            // What others built on stays: the idea with its text and attachment, the votes both ways.
            var idea = await db.Ideas.SingleAsync(i => i.Id == mine);
            Assert.Equal("Quiet hours on the ward", idea.Title);
            Assert.Equal(1, idea.VoteCount);
            Assert.True(await db.IdeaAttachments.AnyAsync(a => a.IdeaId == mine && a.FileId == fileId));
            Assert.True(await db.Votes.AnyAsync(v => v.IdeaId == theirs && v.UserId == userId));
            Assert.Equal(1, await db.Ideas.Where(i => i.Id == theirs).Select(i => i.VoteCount).SingleAsync());
            return 0;
        });
        // The manager (who sees authors of anonymous ideas) finds no trace of the person on the pages and in the export.
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/ideas/{mine}", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/ideas/{theirs}", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/ideas", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, TransferFixtures.Export(c, "csv"), person);
        await PersonalDataFixtures.AssertNotNamedAsync(member, $"/hubs/{c.HubSlug}/ideas/{mine}", person);
    }

    [Theory, BothDatabases]
    public async Task Erase_DeletingContributions_WithdrawsHidesAndBlanksIdeasWrittenAlone_VotesKeepCounting(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        var alone = await IdeaFixtures.SubmitAsync(person.Browser.Client, c, IdeaFixtures.Body(c, "Quiet hours on the ward"));
        var fileId = await AttachAsync(person.Browser.Client, alone);
        // An idea with an accepted co-author is theirs too: its text stays.
        var joint = await IdeaFixtures.SubmitAsync(person.Browser.Client, c, IdeaFixtures.Body(c, "Shared discharge checklist"));
        Assert.Equal(HttpStatusCode.Accepted, (await person.Browser.Client.PostAsJsonAsync($"/api/v1/ideas/{joint}/coauthors", new { email = DemoAccounts.Member })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostAsync($"/api/v1/ideas/{joint}/coauthors/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsync($"/api/v1/ideas/{alone}/vote", null)).StatusCode);
        var ideaCount = await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync());

        await PersonalDataFixtures.EraseTwiceAsync(app, "ideas", person, deleteContributions: true);

        await DbAsync(app, async db =>
        {
            var idea = await db.Ideas.SingleAsync(i => i.Id == alone);
            Assert.Equal(IdeaState.Withdrawn, idea.State);
            Assert.NotNull(idea.HiddenAt);
            Assert.Equal("", idea.Title + idea.Problem + idea.Solution + idea.Benefits);
            Assert.Equal(1, idea.VoteCount); // the member's vote keeps counting
            Assert.False(await db.IdeaAnswers.AnyAsync(a => a.IdeaId == alone));
            Assert.False(await db.IdeaTags.AnyAsync(t => t.IdeaId == alone));
            Assert.False(await db.Files.AnyAsync(f => f.Id == fileId));
            Assert.False(await db.SearchDocuments.AnyAsync(d => d.Kind == SearchKinds.Idea && d.TargetId == alone));
            Assert.Equal(1, await db.IdeaEvents.CountAsync(e => e.IdeaId == alone && e.ToState == IdeaState.Withdrawn)); // once, not twice
            Assert.Equal(ideaCount - 1, await db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync());
            Assert.Equal("Shared discharge checklist", await db.Ideas.Where(i => i.Id == joint).Select(i => i.Title).SingleAsync());
            return 0;
        });
        // The public no longer finds the idea; the moderators' view and the lists still answer, without the person.
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/hubs/{c.HubSlug}/ideas/{alone}")).StatusCode);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/ideas/{alone}", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/ideas/{joint}", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/ideas", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, TransferFixtures.Export(c, "csv"), person);
    }
}
