using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Agora.Tests.Features.Campaigns;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Platform;

/// <summary>
/// Every page, as four kinds of visitor, validates with the W3C Nu HTML Checker (vnu.jar, offline, with Java).
/// SQLite only: the markup does not depend on the database provider.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class HtmlValidityTests(AgoraApps apps)
{
    private const string Hub = DemoAccounts.HelseplattformenHub;

    private static readonly (string Name, string? Email)[] Visitors =
    [
        ("anonymous", null),
        ("member", DemoAccounts.Member),
        ("hub-manager", DemoAccounts.Manager),
        ("platform-admin", DemoAccounts.Admin),
    ];

    [Fact]
    public async Task EveryPage_AsEveryKindOfVisitor_HasNoHtmlErrors()
    {
        var validator = ValidatorJar();
        var app = await apps.GetAsync("Sqlite");
        await CampaignFixtures.EnsureMatrixCampaignAsync(app);
        var ids = await DemoIdsAsync(app);
        var folder = Directory.CreateTempSubdirectory("agora-html-");
        var passed = false;
        try
        {
            // File name → what it is (visitor, method and address), for the failure message.
            var pages = new Dictionary<string, string>(StringComparer.Ordinal);
            var routes = AuthorizationMatrixTests.Endpoints(app)
                .Where(e => e.Key.StartsWith("PAGE ", StringComparison.Ordinal))
                .Select(e => FillIds(AuthorizationMatrixTests.Fill(e.Pattern, ids.Person), ids))
                .Append("/no-such-page")
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var (name, email) in Visitors)
            {
                var browser = new PageClient(app.NewClient());
                if (email is not null) await browser.SignInAsync(email, DemoAccounts.Password, DemoAccounts.TotpKey);
                foreach (var url in routes)
                {
                    if (url.StartsWith("/account/signout", StringComparison.Ordinal)) continue; // would end the session mid-way
                    using var response = await browser.Client.GetAsync(url);
                    await SaveAsync(folder.FullName, pages, name, "GET", url, response);
                }
                foreach (var (url, fields) in InvalidForms(email is not null, email == DemoAccounts.Manager))
                {
                    using var response = await browser.SubmitAsync(url, fields);
                    await SaveAsync(folder.FullName, pages, name, "POST", url, response);
                }
            }
            Assert.True(pages.Count > 100, $"Only {pages.Count} pages were fetched.");

            var errors = await RunValidatorAsync(validator, folder.FullName);
            var report = errors
                .GroupBy(e => pages.GetValueOrDefault(Path.GetFileName(e.File), e.File))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key + "\n" + string.Join("\n", g.Select(e => $"    line {e.Line}: {e.Message}  [{e.Extract}]")));
            Assert.True(errors.Count == 0, $"{errors.Count} HTML errors in {pages.Count} pages (kept in {folder.FullName}):\n" + string.Join("\n", report));
            passed = true;
        }
        finally
        {
            // The pages stay for a look when they do not validate.
            if (passed) folder.Delete(recursive: true);
        }
    }

    /// <summary>Forms sent empty or wrong, so that the page shows its field errors.</summary>
    private static IEnumerable<(string Url, Dictionary<string, string> Fields)> InvalidForms(bool signedIn, bool manager)
    {
        if (!signedIn)
        {
            yield return ("/account/register", new() { ["Input.Email"] = "not-an-address", ["Input.Password"] = "short" });
            yield return ("/account/signin", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
            yield return ("/account/forgot-password", new() { ["Input.Email"] = "" });
            yield break;
        }
        yield return ("/account/profile", new() { ["Input.DisplayName"] = "" });
        yield return ("/account/password", new() { ["Input.CurrentPassword"] = "", ["Input.NewPassword"] = "x" });
        yield return ("/organisations/new", new() { ["Input.Name"] = "" });
        yield return ($"/hubs/{Hub}/campaigns/{CampaignFixtures.MatrixCampaign}/ideas/new", new() { ["Input.Title"] = "" });
        yield return ($"/hubs/{Hub}/requests/new", new());
        if (manager) yield return ($"/hubs/{Hub}/calls/new", new() { ["Input.Title"] = "", ["Input.Seats"] = "0" });
        if (manager) yield return ($"/hubs/{Hub}/services/new", new() { ["Input.Category"] = "SkillsAndTraining", ["Input.SubType"] = "testing", ["Input.TrlMin"] = "9", ["Input.TrlMax"] = "1" });
    }

    private static async Task SaveAsync(string folder, Dictionary<string, string> pages, string visitor, string method, string url,
        HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return;
        var file = $"{pages.Count:D4}-{visitor}.html";
        pages[file] = $"{visitor} {method} {url} ({(int)response.StatusCode})";
        await File.WriteAllTextAsync(Path.Combine(folder, file), await response.Content.ReadAsStringAsync(), Encoding.UTF8);
    }

    private sealed record DemoIds(Guid Person, int Idea, long Comment, int Initiative, int Request, int Call, int Application, int Service);

    /// <summary>Real ids of the demo hub, so that the pages with an id in their address show content, not 404.</summary>
    private static async Task<DemoIds> DemoIdsAsync(AgoraFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var hub = await db.Hubs.Where(h => h.Slug == Hub).Select(h => h.Id).SingleAsync();
        var comment = await db.Comments.Where(c => db.Ideas.Any(i => i.Id == c.IdeaId && i.HubId == hub))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.IdeaId }).FirstAsync();
        var initiative = await db.Initiatives.Where(i => i.HubId == hub).OrderBy(i => i.Id).Select(i => i.Id).FirstOrDefaultAsync();
        var request = await db.Requests.Where(r => r.HubId == hub).OrderBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync();
        var member = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync();
        var call = await db.CommunityCalls.Where(c => c.HubId == hub).OrderBy(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync();
        var application = await db.CallApplications.Where(a => a.CallId == call).OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync();
        var service = await db.CatalogueServices.Where(s => s.HubId == hub).OrderBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync();
        return new DemoIds(member, comment.IdeaId, comment.Id, initiative, request, call, application, service);
    }

    private static string FillIds(string url, DemoIds ids) => url
        .Replace("/ideas/{id:int}", $"/ideas/{ids.Idea}")
        .Replace("/comments/{id:long}", $"/comments/{ids.Comment}")
        .Replace("/report/{target}/{id:long}", $"/report/idea/{ids.Idea}")
        .Replace("{initiative:int}", ids.Initiative.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{request:int}", ids.Request.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{call:int}", ids.Call.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{application:int}", ids.Application.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("/services/{id:int}", $"/services/{ids.Service}")
        .Replace("{jobId:guid}", Guid.NewGuid().ToString());

    private sealed record HtmlError(string File, long Line, string Message, string Extract);

    private static async Task<List<HtmlError>> RunValidatorAsync(string jar, string folder)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-Xss4m", "-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", "--stdout", folder })
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Java is needed to run the HTML validator (apt-get install default-jre-headless).", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = await stdout;
            if (string.IsNullOrWhiteSpace(json))
                throw new InvalidOperationException($"vnu.jar wrote no report (exit {process.ExitCode}): {await stderr}");
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => new HtmlError(
                    m.TryGetProperty("url", out var u) ? u.GetString()![(u.GetString()!.LastIndexOf('/') + 1)..] : "?",
                    m.TryGetProperty("lastLine", out var l) ? l.GetInt64() : 0,
                    m.GetProperty("message").GetString() ?? "",
                    m.TryGetProperty("extract", out var x) ? (x.GetString() ?? "").ReplaceLineEndings(" ") : ""))
                .ToList();
        }
    }

    private static string ValidatorJar()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Agora.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, "The repository root (Agora.slnx) was not found above " + AppContext.BaseDirectory);
        var jar = Path.Combine(dir.FullName, "tests", "tools", "html-validator", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"The HTML validator is not installed ({jar} is missing). Run: npm ci --prefix tests/tools/html-validator");
        return jar;
    }
}
