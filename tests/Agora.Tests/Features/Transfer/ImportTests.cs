using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Agora.Tests.Features.Transfer;

/// <summary>Hub managers import ideas from CSV: preview by line, a background job with progress, every good row stored once.</summary>
[Collection(AppsCollection.Name)]
public sealed class ImportTests(AgoraApps apps, ITestOutputHelper output)
{
    private const string Header = "title,problem,solution,benefits,author email,language,origin,care level,setting,focus area,tags,who benefits,"
        + "Which ward are you in?,Which shift?,Who is involved?,Patients a week";

    internal static string Csv(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    internal static string Row(string title, string author = "", string origin = "PrimaryCareEmployee", string ward = "Ward 3",
        string solution = "A discharge lounge.", string problem = "Patients wait for hours.") =>
        $"{Quote(title)},{Quote(problem)},{Quote(solution)},Beds free up,{author},en,{origin},Specialist,City,ehealth,discharge;pharmacy,Patients;Staff,"
        + $"{Quote(ward)},night,Nurses;doctors,12";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static Task<int> IdeasInAsync(AgoraFactory app, TestCampaign c) =>
        DbAsync(app, db => db.Ideas.CountAsync(i => i.CampaignId == c.Id));

    [Theory, BothDatabases]
    public async Task Preview_ReportsEveryBadRowByLine_StoresNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var csv = Csv(
            Row("Discharge lounge with a pharmacist", author: DemoAccounts.Member),           // line 2
            Row("", problem: "No title here"),                                                 // line 3
            Row("Two line solution", solution: "Step one,\r\nstep \"two\""),                   // lines 4-5
            Row("Unknown origin idea", origin: "Alien"),                                       // line 6
            Row("Unknown author idea", author: "nobody@example.org"),                          // line 7
            Row("Missing ward answer", ward: ""),                                              // line 8
            "",                                                                                // line 9: blank
            Row("Last good idea here")) + "extra,\"values\"" + new string(',', 20) + "x\r\n";  // line 10; line 11: too many values

        var response = await TransferFixtures.UploadAsync(manager.Client, c, csv, preview: true);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var preview = JsonDocument.Parse(text).RootElement;
        Assert.Equal(8, preview.GetProperty("total").GetInt32());
        Assert.Equal(3, preview.GetProperty("good").GetInt32());
        Assert.Equal(5, preview.GetProperty("bad").GetInt32());
        var errors = preview.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("line").GetInt32(), e => string.Join(" | ", IdeaFixtures.Strings(e.GetProperty("messages"))));
        Assert.Equal([3, 6, 7, 8, 11], errors.Keys.Order());
        Assert.StartsWith("title: ", errors[3]);
        Assert.StartsWith("origin: ", errors[6]);
        Assert.Contains("author email: No account", errors[7]);
        Assert.StartsWith("Which ward are you in?: ", errors[8]);
        Assert.Contains("more values", errors[11]);

        // The first rows as they would be stored: cleaned, choices matched to the options, the author found by email.
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        var first = rows[0];
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        Assert.True(first.GetProperty("valid").GetBoolean());
        Assert.Equal("Discharge lounge with a pharmacist", first.GetProperty("title").GetString());
        Assert.NotEqual("", first.GetProperty("author").GetString());
        Assert.Equal("Night", first.GetProperty("answers").GetProperty("Which shift?").GetString());
        Assert.Equal("Nurses; Doctors", first.GetProperty("answers").GetProperty("Who is involved?").GetString());
        Assert.Equal(["discharge", "pharmacy"], IdeaFixtures.Strings(first.GetProperty("tags")));
        Assert.Equal(4, rows[2].GetProperty("line").GetInt32());
        Assert.Equal("Step one,\nstep \"two\"", rows[2].GetProperty("solution").GetString());
        Assert.False(rows[1].GetProperty("valid").GetBoolean());

        Assert.Equal(0, await IdeasInAsync(app, c));
        Assert.Equal(0, await DbAsync(app, db => db.IdeaImportJobs.CountAsync(j => j.CampaignId == c.Id)));
    }

    [Theory, BothDatabases]
    public async Task Upload_BadFiles_RefusedWithAReason(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var manager = await SignInAsync(app, DemoAccounts.Manager);

        async Task<string> RefusedAsync(byte[] content)
        {
            var response = await TransferFixtures.UploadAsync(manager.Client, c, content, preview: true);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            return string.Join(" ", IdeaFixtures.Strings(JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("file")));
        }

        Assert.Contains("UTF-8", await RefusedAsync(Encoding.Latin1.GetBytes("title,problem\nCoração,Ação\n")));
        Assert.Contains("not a text file", await RefusedAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
        Assert.Contains("\"title\"", await RefusedAsync(Encoding.UTF8.GetBytes("name,problem\nA,B\n")));
        Assert.Contains("line 2", await RefusedAsync(Encoding.UTF8.GetBytes("title,problem\n\"never ends,B\nC,D\n")));
        Assert.Contains("appears twice", await RefusedAsync(Encoding.UTF8.GetBytes("title,Title\nA,B\n")));
        Assert.Contains("no ideas", await RefusedAsync(Encoding.UTF8.GetBytes("title,problem\n")));
        Assert.Contains("50000", (await RefusedAsync(Encoding.UTF8.GetBytes("title\n" + string.Concat(Enumerable.Repeat("An idea\n", 50_001))))).Replace(",", "").Replace(" ", ""));
        Assert.Contains("20 MB", await RefusedAsync(new byte[ImportSheet.MaxBytes + 1]));

        // Not a form at all: a missing file, not a 415 or 500.
        var json = await manager.Client.PostAsync(TransferFixtures.Imports(c), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(0, await DbAsync(app, db => db.IdeaImportJobs.CountAsync(j => j.CampaignId == c.Id)));
    }

    /// <summary>
    /// 10,000 rows, some bad (every 97th without a title, every 101st with an unknown origin, every 103rd by an unknown
    /// author), some spanning two lines: every good row is stored exactly once and every bad one reported by its line.
    /// </summary>
    [Theory, BothDatabases]
    public async Task Import_TenThousandRows_EveryGoodRowOnce_EveryBadRowByLine(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var sb = new StringBuilder(Header).Append("\r\n");
        var line = 2;
        var bad = new SortedDictionary<int, string>();
        var goodTitles = new HashSet<string>();
        for (var i = 1; i <= 10_000; i++)
        {
            var title = i % 97 == 0 ? "" : $"Imported idea {i}";
            var origin = i % 101 == 0 ? "Alien" : "SpecialistCareEmployee";
            var author = i % 103 == 0 ? $"nobody-{i}@example.org" : i % 2 == 0 ? DemoAccounts.Member : "";
            var solution = i % 10 == 0 ? "First step,\nthen \"the second\"" : "A single line solution";
            sb.Append(Row(title, author, origin, solution: solution)).Append("\r\n");
            if (i % 97 == 0) bad[line] = "title";
            else if (i % 101 == 0) bad[line] = "origin";
            else if (i % 103 == 0) bad[line] = "author email";
            else goodTitles.Add(title);
            line += i % 10 == 0 ? 2 : 1;
        }
        var clock = Stopwatch.StartNew();
        var jobUrl = await TransferFixtures.StartAsync(manager.Client, c, sb.ToString());
        var jobPage = $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/import/{TransferFixtures.JobId(jobUrl)}";

        // While it runs (or, on a fast machine, after): a progress bar with the counts.
        var (running, doc) = await manager.GetAsync(jobPage);
        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        var progress = doc.QuerySelector("progress#import-progress")!;
        Assert.Equal("10000", progress.GetAttribute("max"));
        Assert.NotNull(doc.QuerySelector("#job-counts"));
        var stillRunning = doc.QuerySelector("progress[data-poll]") is not null;

        var job = await TransferFixtures.WaitAsync(manager.Client, jobUrl);
        clock.Stop();
        output.WriteLine($"{provider}: 10,000 rows imported in {clock.Elapsed.TotalSeconds:F1} s (page seen while running: {stillRunning})");
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(10_000, job.GetProperty("total").GetInt32());
        Assert.Equal(10_000, job.GetProperty("processed").GetInt32());
        Assert.Equal(goodTitles.Count, job.GetProperty("good").GetInt32());
        Assert.Equal(bad.Count, job.GetProperty("bad").GetInt32());

        // Every good row exactly once, published with what publishing brings.
        var stored = await DbAsync(app, db => db.Ideas.Where(i => i.CampaignId == c.Id).Select(i => i.Title).ToListAsync());
        Assert.Equal(goodTitles.Count, stored.Count);
        Assert.True(goodTitles.SetEquals(stored));
        var facts = await DbAsync(app, async db => new
        {
            Count = await db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync(),
            Published = await db.Ideas.CountAsync(i => i.CampaignId == c.Id && i.State == IdeaState.Published && i.PublishedAt != null && i.FollowerCount == 1),
            Events = await db.IdeaEvents.CountAsync(e => db.Ideas.Any(i => i.Id == e.IdeaId && i.CampaignId == c.Id) && e.ToState == IdeaState.Published),
            Followers = await db.IdeaFollowers.CountAsync(f => db.Ideas.Any(i => i.Id == f.IdeaId && i.CampaignId == c.Id && i.AuthorId == f.UserId)),
            Indexed = await db.SearchDocuments.CountAsync(d => d.Kind == SearchKinds.Idea && db.Ideas.Any(i => i.Id == d.IdeaId && i.CampaignId == c.Id)),
            Answers = await db.IdeaAnswers.CountAsync(a => db.Ideas.Any(i => i.Id == a.IdeaId && i.CampaignId == c.Id)),
            ByMember = await db.Ideas.CountAsync(i => i.CampaignId == c.Id && db.Users.Any(u => u.Id == i.AuthorId && u.Email == DemoAccounts.Member)),
            FileLeft = await db.IdeaImportJobs.Where(j => j.CampaignId == c.Id).Select(j => j.FileId).SingleAsync(),
            Audited = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.IdeasImported && e.HubId == c.HubId && e.Subject == "Shorter waits at discharge"),
        });
        Assert.Equal(goodTitles.Count, facts.Count);
        Assert.Equal(goodTitles.Count, facts.Published);
        Assert.Equal(goodTitles.Count, facts.Events);
        Assert.Equal(goodTitles.Count, facts.Followers);
        Assert.Equal(goodTitles.Count, facts.Indexed);
        Assert.Equal(goodTitles.Count * 4, facts.Answers);
        Assert.InRange(facts.ByMember, 4_000, 5_000);
        Assert.Null(facts.FileLeft);
        Assert.True(facts.Audited >= 1);

        // Every bad row by its line, with the column at fault, paged.
        var reported = new Dictionary<int, string>();
        for (var page = 1; ; page++)
        {
            var p = await IdeaFixtures.GetJsonAsync(manager.Client, $"{jobUrl}?page={page}&pageSize=100");
            var items = p.GetProperty("errors").GetProperty("items").EnumerateArray().ToList();
            foreach (var e in items) reported[e.GetProperty("line").GetInt32()] = string.Join(" ", IdeaFixtures.Strings(e.GetProperty("messages")));
            if (items.Count < 100) break;
        }
        Assert.Equal(bad.Keys, reported.Keys.Order());
        Assert.All(bad, b => Assert.StartsWith(b.Value + ": ", reported[b.Key]));

        // The job page at the end: full bar, counts, the refused rows by line, no more refreshing.
        var (_, done) = await manager.GetAsync(jobPage);
        Assert.Equal("10000", done.QuerySelector("progress#import-progress")!.GetAttribute("value"));
        Assert.Contains(goodTitles.Count.ToString(CultureInfo.InvariantCulture), done.QuerySelector("#job-counts")!.TextContent);
        Assert.Null(done.QuerySelector("progress[data-poll]"));
        Assert.NotNull(done.QuerySelector($"#line-{bad.Keys.First()}"));
        var (_, second) = await manager.GetAsync(jobPage + "?page=2");
        Assert.NotNull(second.QuerySelector($"#line-{bad.Keys.ElementAt(50)}"));

        // Running the job again changes nothing.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(TransferFixtures.JobId(jobUrl), CancellationToken.None);
        Assert.Equal(goodTitles.Count, await IdeasInAsync(app, c));
    }

    [Theory, BothDatabases]
    public async Task Import_TwoRunnersOnOneJob_StoreEachRowOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var rows = Enumerable.Range(1, 1_500).Select(i => Row(i % 50 == 0 ? "" : $"Raced idea {i}")).ToArray();
        var jobUrl = await TransferFixtures.StartAsync(manager.Client, c, Csv(rows));
        var jobId = TransferFixtures.JobId(jobUrl);

        // The background worker has the job too: three runners race for each batch.
        async Task RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(jobId, CancellationToken.None);
        }
        await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));
        var job = await TransferFixtures.WaitAsync(manager.Client, jobUrl);
        await RunAsync();

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(1_470, job.GetProperty("good").GetInt32());
        Assert.Equal(30, job.GetProperty("bad").GetInt32());
        var titles = await DbAsync(app, db => db.Ideas.Where(i => i.CampaignId == c.Id).Select(i => i.Title).ToListAsync());
        Assert.Equal(1_470, titles.Count);
        Assert.Equal(1_470, titles.Distinct().Count());
        Assert.Equal(1_470, await DbAsync(app, db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.IdeaCount).SingleAsync()));
        Assert.Equal(30, await DbAsync(app, db => db.IdeaImportErrors.CountAsync(e => e.JobId == jobId)));
    }

    /// <summary>A job that a restart interrupted after its first batch was committed continues after it, storing nothing twice.</summary>
    [Theory, BothDatabases]
    public async Task Import_ResumedAfterARestart_ContinuesAfterTheLastCommittedBatch(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var rows = Enumerable.Range(1, 450).Select(i => Row($"Resumed idea {i}")).ToArray();
        var content = Encoding.UTF8.GetBytes(Csv(rows));
        // As the job row looks after a crash: running, the first batch counted (its ideas were committed with it).
        var (jobId, fileId) = await DbAsync(app, async db =>
        {
            var manager = await db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync();
            var file = new Agora.Web.Platform.Files.StoredFile
            {
                Id = Guid.NewGuid(), FileName = "ideas-import.csv", ContentType = "text/csv", Size = content.Length, Sha256 = "", Content = content,
                UploadedById = manager, UploadedAt = DateTimeOffset.UtcNow,
            };
            var job = new IdeaImportJob
            {
                Id = Guid.NewGuid(), HubId = c.HubId, CampaignId = c.Id, CreatedById = manager, Culture = "en-GB", UiCulture = "en",
                Status = ImportStatus.Running, FileName = "ideas.csv", FileId = file.Id, Total = 450, Processed = ImportJobRunner.BatchSize,
                Good = ImportJobRunner.BatchSize, CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow,
            };
            db.Files.Add(file);
            db.IdeaImportJobs.Add(job);
            await db.SaveChangesAsync();
            return (job.Id, file.Id);
        });
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(jobId, CancellationToken.None);

        var titles = await DbAsync(app, db => db.Ideas.Where(i => i.CampaignId == c.Id).Select(i => i.Title).ToListAsync());
        Assert.Equal(250, titles.Count);
        Assert.Equal(Enumerable.Range(201, 250).Select(i => $"Resumed idea {i}").Order(), titles.Order());
        var job = await DbAsync(app, db => db.IdeaImportJobs.SingleAsync(j => j.Id == jobId));
        Assert.Equal((ImportStatus.Completed, 450, 450, 0), (job.Status, job.Processed, job.Good, job.Bad));
        Assert.Null(job.FileId);
        Assert.Equal(0, await DbAsync(app, db => db.Files.CountAsync(f => f.Id == fileId)));
    }

    [Theory, BothDatabases]
    public async Task ImportPage_PreviewConfirmAndFollow_HostileContentInert(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var page = $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/import";
        const string Script = "<script>alert('x')</script> discharge";
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click me\")";
        var csv = Csv(
            Row(Script),                                                        // 2: stored as text
            Row(Formula),                                                       // 3: stored as text, exported quoted
            Row("Bell in the problem", problem: "Ring \u0007 the bell"),        // 4: control character
            Row("Right-to-left \u202Eoverride"),                                // 5: invisible format character
            Row(string.Concat(Enumerable.Repeat("😀", 201))),                   // 6: too long
            Row("Long problem", problem: new string('é', IdeaContent.TextMax + 1)), // 7: too long
            Row("<img src=x onerror=alert(1)> ward", ward: "<b>Ward</b>"));     // 8: stored as text

        var (form, formDoc) = await manager.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.NotNull(formDoc.QuerySelector("#import-columns"));
        Assert.Contains("Which ward are you in?", formDoc.QuerySelector("#import-columns")!.TextContent);
        var previewResponse = await manager.SubmitAsync(page, [], [new UploadFile("Upload", "../../hostile <x>.csv", "text/csv", Encoding.UTF8.GetBytes(csv))]);
        var html = await previewResponse.Content.ReadAsStringAsync();
        Assert.True(previewResponse.StatusCode == HttpStatusCode.OK, PageClient.ErrorsOf(html));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        var preview = PageClient.Parse(html);
        Assert.Contains("3", preview.QuerySelector("#preview-counts")!.TextContent);
        var errorLines = preview.QuerySelectorAll("#preview-errors li").Select(li => li.Id).ToList();
        Assert.Equal(["error-line-4", "error-line-5", "error-line-6", "error-line-7"], errorLines);
        Assert.Contains("control characters", preview.QuerySelector("#error-line-4")!.TextContent);
        Assert.Contains("at most", preview.QuerySelector("#error-line-6")!.TextContent);
        Assert.Contains(Script, preview.QuerySelector("#preview-line-2")!.TextContent);

        // Confirm with the form the preview shows.
        var confirm = preview.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Confirm", StringComparison.Ordinal));
        var token = confirm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var started = await manager.Client.PostAsync(confirm.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var jobPage = started.Headers.Location!.OriginalString;
        Assert.StartsWith(page + "/", jobPage);
        var jobUrl = $"/api/v1/hubs/{c.HubSlug}/campaigns/{c.Slug}/imports/{jobPage[(jobPage.LastIndexOf('/') + 1)..]}";
        var job = await TransferFixtures.WaitAsync(manager.Client, jobUrl);
        Assert.Equal(3, job.GetProperty("good").GetInt32());
        Assert.Equal(4, job.GetProperty("bad").GetInt32());
        var (_, jobDoc) = await manager.GetAsync(jobPage);
        Assert.Equal("hostile _x_.csv", jobDoc.QuerySelector("dl.props dd")!.TextContent);
        Assert.NotNull(jobDoc.QuerySelector("#line-7"));

        // Stored as text, shown encoded, exported with formulas quoted.
        var ids = await DbAsync(app, db => db.Ideas.Where(i => i.CampaignId == c.Id).ToDictionaryAsync(i => i.Title, i => i.Id));
        Assert.Equal(3, ids.Count);
        var ideaHtml = await manager.Client.GetStringAsync($"/hubs/{c.HubSlug}/ideas/{ids[Script]}");
        Assert.DoesNotContain("<script>alert", ideaHtml);
        Assert.Contains("&lt;script&gt;", ideaHtml);
        var exported = TransferFixtures.Table(await manager.Client.GetStringAsync(TransferFixtures.Export(c, "csv")));
        Assert.Contains(exported, r => r["title"] == "'" + Formula);
        Assert.Contains(exported, r => r["Which ward are you in?"] == "<b>Ward</b>");

        // Confirming again, or discarding a started job, does nothing more.
        var again = await manager.Client.PostAsync(confirm.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(3, await IdeasInAsync(app, c));
    }

    [Theory, BothDatabases]
    public async Task ImportPage_Discard_ForgetsTheFile(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var page = $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/import";
        // A file that is not UTF-8: the form again, with the reason next to the field.
        var latin1 = await manager.SubmitAsync(page, [], [new UploadFile("Upload", "ideas.csv", "text/csv", Encoding.Latin1.GetBytes("title\nCoração\n"))]);
        Assert.Equal(HttpStatusCode.OK, latin1.StatusCode);
        var refused = PageClient.Parse(await latin1.Content.ReadAsStringAsync());
        Assert.Contains("UTF-8", refused.QuerySelector("#Upload-error")!.TextContent);
        Assert.Equal("true", refused.QuerySelector("input#Upload")!.GetAttribute("aria-invalid"));
        Assert.NotNull(refused.QuerySelector(".error-summary a[href='#Upload']"));

        var response = await manager.SubmitAsync(page, [], [new UploadFile("Upload", "ideas.csv", "text/csv", Encoding.UTF8.GetBytes(Csv(Row("An idea to discard"))))]);
        var preview = PageClient.Parse(await response.Content.ReadAsStringAsync());
        var discard = preview.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Discard", StringComparison.Ordinal));
        var token = discard.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var gone = await manager.Client.PostAsync(discard.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.Equal(page, gone.Headers.Location!.OriginalString);
        Assert.Equal(0, await DbAsync(app, db => db.IdeaImportJobs.CountAsync(j => j.CampaignId == c.Id)));
        Assert.Equal(0, await IdeasInAsync(app, c));
    }

    [Theory, BothDatabases]
    public async Task Import_OnlyHubManagers_OthersFindNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var jobUrl = await TransferFixtures.StartAsync(manager.Client, c, Csv(Row("A managed import")));
        await TransferFixtures.WaitAsync(manager.Client, jobUrl);
        var jobPage = $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/import/{TransferFixtures.JobId(jobUrl)}";
        var page = $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/import";

        var nobody = app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await TransferFixtures.UploadAsync(nobody, c, Csv(Row("Anonymous import")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync(jobUrl)).StatusCode);
        Assert.Contains("/account/signin", (await nobody.GetAsync(jobPage)).Headers.Location!.OriginalString);

        foreach (var email in new[] { DemoAccounts.Member, DemoAccounts.Facilitator, DemoAccounts.Citizen, DemoAccounts.OtherManager })
        {
            var person = await SignInAsync(app, email);
            Assert.Equal(HttpStatusCode.NotFound, (await TransferFixtures.UploadAsync(person.Client, c, Csv(Row("Not allowed here")))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await TransferFixtures.UploadAsync(person.Client, c, Csv(Row("Not allowed here")), preview: true)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync(jobUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync(jobPage)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync(page)).StatusCode);
        }
        var admin = await SignInAsync(app, DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(jobUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(jobPage)).StatusCode);
        // A job is only found under its own campaign.
        var other = await IdeaFixtures.CampaignAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync(jobUrl.Replace(c.Slug, other.Slug, StringComparison.Ordinal))).StatusCode);
        Assert.Equal(1, await IdeasInAsync(app, c));
    }
}
