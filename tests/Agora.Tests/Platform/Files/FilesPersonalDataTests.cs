using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Platform.Files;

/// <summary>The stored files' source of the personal-data export and erasure (issue 13).</summary>
[Collection(AppsCollection.Name)]
public sealed class FilesPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Erase_FilesLoseTheirUploader_AndStayWithWhatLinksThem(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var ideaId = await IdeaFixtures.SubmitAsync(person.Browser.Client, c, IdeaFixtures.Body(c, "Quiet hours on the ward"));
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "file", "ward plan.pdf");
        var uploaded = await person.Browser.Client.PostAsync($"/api/v1/ideas/{ideaId}/attachments", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var fileId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileId").GetGuid();
        var userId = await UserIdAsync(app, person.Email);

        var json = await PersonalDataFixtures.ExportAsync(app, "files", userId);
        Assert.Contains("ward plan.pdf", json);
        Assert.Contains("application/pdf", json);

        await PersonalDataFixtures.EraseTwiceAsync(app, "files", person, deleteContributions: false);

        Assert.Null(await DbAsync(app, db => db.Files.Where(f => f.Id == fileId).Select(f => f.UploadedById).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/api/v1/ideas/{ideaId}/attachments/{fileId}")).StatusCode);
        Assert.Equal("{\"uploaded\":[]}", await PersonalDataFixtures.ExportAsync(app, "files", userId));
        await PersonalDataFixtures.AssertNotNamedAsync(member, $"/hubs/{c.HubSlug}/ideas/{ideaId}", person);
    }
}
