using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Demo;

namespace Agora.Tests.Features.Ideas;

/// <summary>Attachments are recognised by content, named safely, limited, and served only to people who may see the idea.</summary>
[Collection(AppsCollection.Name)]
public sealed class AttachmentTests(AgoraApps apps)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static byte[] Zip(params string[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<x/>");
            }
        }
        return ms.ToArray();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string fileName, byte[] content, string claimedType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(part, "file", fileName);
        return client.PostAsync($"/api/v1/ideas/{id}/attachments", form);
    }

    [Theory, BothDatabases]
    public async Task Attachments_CheckedByContent_DownloadedOnlyByPermittedViewers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, CampaignAudience.HubMembers);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);

        var pdf = await UploadAsync(member.Client, id, "../../Quarterly <report>.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);
        var attachment = await pdf.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Quarterly _report_.pdf", attachment.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        var url = attachment.GetProperty("url").GetString()!;

        // What the browser claims does not count: an executable, HTML and SVG are refused whatever their name.
        var refused = new (string Name, byte[] Content, string Type)[]
        {
            ("invoice.pdf", [.. "MZ"u8.ToArray(), .. new byte[200]], "application/pdf"),
            ("photo.png", "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png"),
            ("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/svg+xml"),
            ("macro.docx", Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("archive.zip", Zip("readme.txt"), "application/zip"),
        };
        foreach (var (name, content, type) in refused)
        {
            var response = await UploadAsync(member.Client, id, name, content, type);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name} answered {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        }
        // An office document gets the extension of what it is.
        var docx = await UploadAsync(member.Client, id, "plan.zip", Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "application/zip");
        Assert.Equal(HttpStatusCode.Created, docx.StatusCode);
        Assert.Equal("plan.docx", (await docx.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());

        // Members of the hub download it, as an attachment with the safe name; others get 404.
        var agent = await SignInAsync(app, DemoAccounts.Agent);
        var download = await agent.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Quarterly _report_.pdf", disposition.FileNameStar);
        Assert.Contains("nosniff", download.Headers.GetValues("X-Content-Type-Options"));
        var citizen = await SignInAsync(app, DemoAccounts.Citizen);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync($"/api/v1/ideas/{id}/attachments/{Guid.NewGuid()}")).StatusCode);

        // Only authors attach and remove.
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(agent.Client, id, "mine.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.DeleteAsync(url)).StatusCode);

        // At most 5 per idea, at most 10 MB each.
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(member.Client, id, "3.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(member.Client, id, "4.pdf", Pdf)).StatusCode);
        var big = new byte[AddIdeaAttachment.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(member.Client, id, "big.pdf", big)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(member.Client, id, "5.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(member.Client, id, "6.pdf", Pdf)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync(url)).StatusCode);

        // The page lists the attachments with download links.
        var (_, doc) = await agent.GetAsync($"/hubs/{c.HubSlug}/ideas/{id}");
        Assert.Equal(4, doc.QuerySelectorAll("#attachments-heading ~ ul a[download]").Length);
    }

    [Theory, BothDatabases]
    public async Task EditPage_UploadAndRemove_WorkWithoutJavaScript(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var id = await IdeaFixtures.SubmitAsync(member.Client, c);
        var edit = $"/hubs/{c.HubSlug}/ideas/{id}/edit";

        var uploaded = await member.SubmitAsync(edit, [], [new UploadFile("upload", "ward map.png", "image/png", Png)], "form[enctype]");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var fake = await member.SubmitAsync(edit, [], [new UploadFile("upload", "ward map.png", "image/png", "GIF89a"u8.ToArray())], "form[enctype]");
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("must be an image", PageClient.ErrorsOf(await fake.Content.ReadAsStringAsync()));

        var (_, doc) = await member.GetAsync(edit);
        Assert.Equal("ward map.png", doc.QuerySelector("#attachments-heading ~ ul a[download]")!.TextContent.Trim());
        var removed = await member.SubmitAsync(edit, new Dictionary<string, string>(), "form[action*='handler=RemoveAttachment']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        (_, doc) = await member.GetAsync(edit);
        Assert.Null(doc.QuerySelector("#attachments-heading ~ ul a[download]"));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\x\\report.PDF", "report.pdf")]
    [InlineData("evil.exe", "evil.pdf")]
    [InlineData("a\u0000b\u0007c\u202Ed.pdf", "abcd.pdf")]
    [InlineData("   ", "attachment.pdf")]
    [InlineData("...", "attachment.pdf")]
    [InlineData("what?*:|\".pdf", "what_____.pdf")]
    [InlineData("Relatório de ação.pdf", "Relatório de ação.pdf")]
    public void SafeFileName_HostileNames_SafeWithDetectedExtension(string given, string expected) =>
        Assert.Equal(expected, AttachmentTypes.SafeFileName(given, new AttachmentType("application/pdf", ".pdf")));

    [Fact]
    public void SafeFileName_LongUnicode_CutOnWholeCharacters()
    {
        var name = AttachmentTypes.SafeFileName(string.Concat(Enumerable.Repeat("😀ç", 300)) + ".pdf", new AttachmentType("application/pdf", ".pdf"));
        Assert.True(name.Length <= 100);
        Assert.EndsWith(".pdf", name);
        Assert.False(Agora.Web.Platform.Errors.Validator.HasControlCharacters(name, false));
    }
}
