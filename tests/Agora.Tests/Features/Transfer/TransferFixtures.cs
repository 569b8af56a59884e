using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Transfer;

namespace Agora.Tests.Features.Transfer;

/// <summary>Uploads, waiting for jobs, and reading exported files.</summary>
public static class TransferFixtures
{
    public static string Imports(TestCampaign c) => $"/api/v1/hubs/{c.HubSlug}/campaigns/{c.Slug}/imports";

    public static string Export(TestCampaign c, string format) => $"/api/v1/hubs/{c.HubSlug}/campaigns/{c.Slug}/export?format={format}";

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, TestCampaign c, string csv, bool preview = false) =>
        UploadAsync(client, c, Encoding.UTF8.GetBytes(csv), preview);

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, TestCampaign c, byte[] content, bool preview = false)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", "ideas.csv");
        return client.PostAsync(Imports(c) + (preview ? "?preview=true" : ""), form);
    }

    /// <summary>Uploads for import and answers the job's API address.</summary>
    public static async Task<string> StartAsync(HttpClient client, TestCampaign c, string csv)
    {
        var response = await UploadAsync(client, c, csv);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"import answered {(int)response.StatusCode}: {text}");
        var url = JsonDocument.Parse(text).RootElement.GetProperty("url").GetString()!;
        Assert.Equal(url, response.Headers.Location?.OriginalString);
        return url;
    }

    /// <summary>Polls the job until it is completed or failed; answers its last state.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string jobUrl, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var job = await IdeaFixtures.GetJsonAsync(client, jobUrl);
            var status = job.GetProperty("status").GetString();
            if (status is nameof(ImportStatus.Completed) or nameof(ImportStatus.Failed)) return job;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Job {jobUrl} still {status}: {job}");
            await Task.Delay(100);
        }
    }

    /// <summary>A CSV file read into header → values rows.</summary>
    public static List<Dictionary<string, string>> Table(string csv)
    {
        var records = CsvParser.ReadAll(csv).ToList();
        var header = records[0].Fields;
        return records.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Fields.Count ? r.Fields[i] : ""))
            .ToDictionary(x => x.h, x => x.v)).ToList();
    }

    public static Guid JobId(string jobUrl) => Guid.Parse(jobUrl[(jobUrl.LastIndexOf('/') + 1)..]);
}
