using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Events.EventFixtures;

namespace Agora.Tests.Features.Events;

/// <summary>An event's materials as links or uploaded files: who may upload, download and remove them, and what is refused.</summary>
[Collection(AppsCollection.Name)]
public sealed class MaterialTests(AgoraApps apps)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string? title = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (title is not null) form.Add(new StringContent(title), "title");
        return form;
    }

    private static async Task<int> CreateAsync(HttpClient manager, string title, string audience = "Public")
    {
        var created = await manager.PostAsJsonAsync($"/api/v1/hubs/{Hub}/events", Body(title, "ShareCon", audience));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Theory, BothDatabases]
    public async Task UploadFile_DownloadsTheSameBytes_ListedWithTypeAndSize_DeleteRemovesTheFile(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _) = await PublishedAsync(manager.Client, 5, Body("Share-con with slides", "ShareCon", "Public"));
        var uploaded = await manager.Client.PostAsync(Api(id) + "/materials/files", Upload(Pdf, "../../Slides day 1.pdf", "Slides of the day"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var materialId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.True((await manager.Client.PostAsJsonAsync(Api(id) + "/materials", new { title = "Recording", url = "https://video.example.org/share-con" })).IsSuccessStatusCode);

        var anonymous = app.NewClient();
        var list = await anonymous.GetFromJsonAsync<JsonElement>(Api(id) + "/materials");
        var file = list.EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == materialId);
        Assert.Equal("Slides of the day", file.GetProperty("title").GetString());
        Assert.Equal("Slides day 1.pdf", file.GetProperty("file").GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", file.GetProperty("file").GetProperty("contentType").GetString());
        Assert.Equal(Pdf.Length, file.GetProperty("file").GetProperty("size").GetInt64());
        var link = list.EnumerateArray().Single(m => m.GetProperty("title").GetString() == "Recording");
        Assert.Equal(JsonValueKind.Null, link.GetProperty("file").ValueKind);

        var download = await anonymous.GetAsync(file.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var page = await anonymous.GetStringAsync($"/hubs/{Hub}/events/{id}");
        Assert.Contains($"href=\"/api/v1/hubs/{Hub}/events/{id}/materials/{materialId}\"", page);
        Assert.Contains("PDF, 1 KB", page);

        // Only organisers remove; the stored file goes with the material.
        var member = (await PeopleAsync(app, 1))[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.DeleteAsync(Api(id) + $"/materials/{materialId}")).StatusCode);
        var fileId = await DbAsync(app, db => db.EventMaterials.Where(m => m.Id == materialId).Select(m => m.FileId).SingleAsync());
        Assert.True((await manager.Client.DeleteAsync(Api(id) + $"/materials/{materialId}")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(file.GetProperty("url").GetString())).StatusCode);
        Assert.False(await DbAsync(app, db => db.Files.AnyAsync(f => f.Id == fileId)));
        var audited = await DbAsync(app, db => db.AuditEvents.Where(a => a.Action == Agora.Web.Platform.Audit.AuditActions.EventOutcomesChanged
            && a.Subject!.StartsWith($"#{id} ")).Select(a => a.Details).ToListAsync());
        Assert.Contains("+ Slides day 1.pdf", audited);
        Assert.Contains($"- {materialId} (Slides of the day)", audited);
    }

    [Theory, BothDatabases]
    public async Task Material_OfAnEventOneMayNotSee_IsNotFound_PageAndApi(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        // A draft: only the hub's managers and the event's organisers know it.
        var id = await CreateAsync(manager.Client, "Draft with a secret plan");
        var uploaded = await manager.Client.PostAsync(Api(id) + "/materials/files", Upload(Pdf, "plan.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var url = uploaded.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync(url)).StatusCode);

        var member = await SignInAsync(app, DemoAccounts.Member);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/hubs/{Hub}/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(url)).StatusCode);
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Api(id) + "/materials")).StatusCode);

        // Published to hub members only: a signed-in stranger still may not know it; a member may download.
        Assert.True((await manager.Client.PostAsync(Api(id) + "/publish", null)).IsSuccessStatusCode);
        var members = await CreateAsync(manager.Client, "Members' review", "HubMembers");
        var inner = await manager.Client.PostAsync(Api(members) + "/materials/files", Upload(Pdf, "review.pdf"));
        var innerUrl = inner.Headers.Location!.ToString();
        Assert.True((await manager.Client.PostAsync(Api(members) + "/publish", null)).IsSuccessStatusCode);
        var stranger = (await PeopleAsync(app, 1, members: false))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(innerUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(innerUrl)).StatusCode);
        var insider = (await PeopleAsync(app, 1))[0];
        Assert.Equal(Pdf, await insider.Client.GetByteArrayAsync(innerUrl));
        // Another event's material id under this event is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await insider.Client.GetAsync(Api(members) + "/materials/" + url.Split('/')[^1])).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Upload_RefusesOtherTypesTooLargeFilesAndNonOrganisers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, _) = await PublishedAsync(manager.Client, 5, Body("Share-con with refusals", "ShareCon", "Public"));
        async Task<JsonElement> RefusedAsync(HttpContent content)
        {
            var r = await manager.Client.PostAsync(Api(id) + "/materials/files", content);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }
        // An executable and HTML named as a PDF: the content decides.
        Assert.True((await RefusedAsync(Upload("MZ\u0090\0\u0003"u8.ToArray(), "slides.pdf"))).TryGetProperty("file", out _));
        Assert.True((await RefusedAsync(Upload("<html><script>alert(1)</script></html>"u8.ToArray(), "slides.pdf"))).TryGetProperty("file", out _));
        var big = new byte[Agora.Web.Platform.Files.Uploads.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        Assert.True((await RefusedAsync(Upload(big, "huge.pdf"))).TryGetProperty("file", out _));
        Assert.True((await RefusedAsync(new MultipartFormDataContent { { new StringContent("No file"), "title" } })).TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await manager.Client.PostAsJsonAsync(Api(id) + "/materials/files", new { title = "json" })).StatusCode);
        var member = (await PeopleAsync(app, 1))[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsync(Api(id) + "/materials/files", Upload(Pdf, "mine.pdf"))).StatusCode);
        Assert.Equal(0, await DbAsync(app, db => db.EventMaterials.CountAsync(m => m.EventId == id)));
    }
}
