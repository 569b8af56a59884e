using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Transfer;

/// <summary>Moderators export a campaign's ideas as CSV, XLSX and JSON; drafts stay out, formulas stay text, others find nothing.</summary>
[Collection(AppsCollection.Name)]
public sealed class ExportTests(AgoraApps apps)
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";

    /// <summary>A campaign with questions and four ideas: a plain one, an anonymous one titled with a formula, a hidden one and a draft.</summary>
    private static async Task<(TestCampaign Campaign, int Plain, int Anonymous, int Hidden, int Draft, string MemberName)> SeedAsync(AgoraFactory app)
    {
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var member = await SignInAsync(app, DemoAccounts.Member);
        var plain = await IdeaFixtures.SubmitAsync(member.Client, c);
        var body = IdeaFixtures.Body(c, Formula);
        body["anonymous"] = true;
        body["problem"] = "+cmd|' /C calc'!A0 and @SUM(1)";
        body["solution"] = "-2+3 is a formula too";
        var anonymous = await IdeaFixtures.SubmitAsync(member.Client, c, body);
        var hidden = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Hidden for being rude"));
        await DbAsync(app, db => db.Ideas.Where(i => i.Id == hidden)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.HiddenAt, DateTimeOffset.UtcNow).SetProperty(i => i.HiddenReason, "rude")));
        var draft = await IdeaFixtures.SubmitAsync(member.Client, c, IdeaFixtures.Body(c, "Still a draft", publish: false));
        var name = await DbAsync(app, db => db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.DisplayName).SingleAsync());
        return (c, plain, anonymous, hidden, draft, name);
    }

    [Theory, BothDatabases]
    public async Task ExportCsv_IdeasWithAnswers_DraftsLeftOut_FormulasQuoted(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (c, plain, anonymous, hidden, draft, memberName) = await SeedAsync(app);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var audits = await DbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.IdeasExported && e.HubId == c.HubId));

        var response = await manager.Client.GetAsync(TransferFixtures.Export(c, "csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches($"^{c.HubSlug}-{c.Slug}-ideas-\\d{{8}}\\.csv$", disposition.FileName!.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\r\n", csv);

        var rows = TransferFixtures.Table(csv);
        var ids = rows.Select(r => int.Parse(r["id"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(new[] { plain, anonymous, hidden }.Order(), ids.Order());
        Assert.DoesNotContain(draft, ids);

        var a = rows.Single(r => r["id"] == anonymous.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("'" + Formula, a["title"]);
        Assert.Equal("'+cmd|' /C calc'!A0 and @SUM(1)", a["problem"]);
        Assert.Equal("'-2+3 is a formula too", a["solution"]);
        Assert.Equal(memberName, a["author"]);
        Assert.Equal("true", a["anonymous to the public"]);
        Assert.Equal("false", a["hidden"]);
        Assert.Equal("Published", a["state"]);
        Assert.Equal("Ward 7", a["Which ward are you in?"]);
        Assert.Equal("Night", a["Which shift?"]);
        Assert.Equal("Nurses; Doctors", a["Who is involved?"]);
        Assert.Equal("12.5", a["Patients a week"]);
        Assert.Equal("", a["Anything else?"]);
        Assert.Equal("discharge; pharmacy", a["tags"]);
        Assert.Equal("Patients; Staff", a["who benefits"]);
        Assert.Equal("ehealth", a["focus area"]);
        Assert.Equal("SpecialistCareEmployee", a["origin"]);
        Assert.EndsWith($"/hubs/{c.HubSlug}/ideas/{anonymous}", a["url"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", a["published"]);
        Assert.Equal("true", rows.Single(r => r["id"] == hidden.ToString(System.Globalization.CultureInfo.InvariantCulture))["hidden"]);

        // Personal data left Agora: who exported what is recorded.
        var after = await DbAsync(app, db => db.AuditEvents.Where(e => e.Action == AuditActions.IdeasExported && e.HubId == c.HubId)
            .OrderByDescending(e => e.Id).Select(e => new { e.Details, e.ActorEmail }).ToListAsync());
        Assert.Equal(audits + 1, after.Count);
        Assert.Equal(DemoAccounts.Manager, after[0].ActorEmail);
        Assert.Contains("format=csv", after[0].Details);
        Assert.Contains("ideas=3", after[0].Details);
    }

    [Theory, BothDatabases]
    public async Task ExportXlsx_OpensAsWorkbook_WithHeaderAndProtectedCells(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (c, plain, anonymous, _, draft, memberName) = await SeedAsync(app);
        var facilitator = await SignInAsync(app, DemoAccounts.Facilitator);

        var response = await facilitator.Client.GetAsync(TransferFixtures.Export(c, "xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var parts = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/styles.xml" })
            Assert.Contains(part, parts);
        // Every part is well-formed XML.
        foreach (var entry in zip.Entries) using (var s = entry.Open()) XDocument.Load(s);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var types = XDocument.Load(zip.GetEntry("[Content_Types].xml")!.Open());
        Assert.Contains(types.Root!.Elements(), e => (string?)e.Attribute("PartName") == "/xl/worksheets/sheet1.xml");
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var rows = sheet.Descendants(ns + "row").Select(r => r.Elements(ns + "c").ToDictionary(
            cell => new string(((string)cell.Attribute("r")!).TakeWhile(char.IsAsciiLetterUpper).ToArray()),
            cell => cell.Attribute("t")?.Value == "inlineStr" ? string.Concat(cell.Descendants(ns + "t").Select(t => t.Value)) : cell.Element(ns + "v")!.Value)).ToList();
        var header = rows[0];
        Assert.Equal("id", header["A"]);
        Assert.Equal("title", header["B"]);
        Assert.Equal("1", sheet.Descendants(ns + "row").First().Elements(ns + "c").First().Attribute("s")?.Value);
        string Column(string name) => header.Single(h => h.Value == name).Key;
        var data = rows.Skip(1).ToList();
        Assert.Equal(3, data.Count);
        var a = data.Single(r => r["A"] == anonymous.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Numbers are numbers; text that starts like a formula is prefixed, and in any case an inline string, never a formula.
        Assert.Null(sheet.Descendants(ns + "f").FirstOrDefault());
        Assert.Equal("'" + Formula, a[Column("title")]);
        Assert.Equal(memberName, a[Column("author")]);
        Assert.Equal("Nurses; Doctors", a[Column("Who is involved?")]);
        Assert.Equal("Ward 7", a[Column("Which ward are you in?")]);
        var number = sheet.Descendants(ns + "c").Single(cell => (string)cell.Attribute("r")! == Column("Patients a week") + (data.IndexOf(a) + 2));
        Assert.Null(number.Attribute("t"));
        Assert.Equal("12.5", number.Element(ns + "v")!.Value);
        Assert.DoesNotContain(data, r => r["A"] == draft.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(data, r => r["A"] == plain.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, BothDatabases]
    public async Task ExportJson_CamelCase_AnswersByLabel(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (c, plain, anonymous, hidden, draft, memberName) = await SeedAsync(app);
        var admin = await SignInAsync(app, DemoAccounts.Admin);

        var response = await admin.Client.GetAsync(TransferFixtures.Export(c, "JSON"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var ideas = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(new[] { plain, anonymous, hidden }.Order(), ideas.Select(i => i.GetProperty("id").GetInt32()).Order());
        var a = ideas.Single(i => i.GetProperty("id").GetInt32() == anonymous);
        Assert.Equal(Formula, a.GetProperty("title").GetString());
        Assert.Equal(memberName, a.GetProperty("author").GetString());
        Assert.True(a.GetProperty("anonymousToThePublic").GetBoolean());
        Assert.False(a.GetProperty("hidden").GetBoolean());
        Assert.Equal(["discharge", "pharmacy"], IdeaFixtures.Strings(a.GetProperty("tags")));
        Assert.Equal(JsonValueKind.Number, a.GetProperty("voteCount").ValueKind);
        var answers = a.GetProperty("answers");
        Assert.Equal("Ward 7", answers.GetProperty("Which ward are you in?").GetString());
        Assert.Equal(["Nurses", "Doctors"], IdeaFixtures.Strings(answers.GetProperty("Who is involved?")));
        Assert.Equal(12.5m, answers.GetProperty("Patients a week").GetDecimal());
        Assert.Equal(JsonValueKind.Null, answers.GetProperty("Anything else?").ValueKind);
        Assert.True(ideas.Single(i => i.GetProperty("id").GetInt32() == hidden).GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain(ideas, i => i.GetProperty("id").GetInt32() == draft);

        var unknown = await admin.Client.GetAsync(TransferFixtures.Export(c, "pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Export_MembersOthersAndAnonymous_FindNothing_ModeratorsUseThePage(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (c, _, anonymous, _, _, _) = await SeedAsync(app);
        var page = $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/export";

        var nobody = app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync(TransferFixtures.Export(c, "csv"))).StatusCode);
        var signin = await nobody.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, signin.StatusCode);
        Assert.Contains("/account/signin", signin.Headers.Location!.OriginalString);

        foreach (var email in new[] { DemoAccounts.Member, DemoAccounts.Agent, DemoAccounts.Citizen, DemoAccounts.OtherManager })
        {
            var person = await SignInAsync(app, email);
            foreach (var format in new[] { "csv", "xlsx", "json" })
                Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync(TransferFixtures.Export(c, format))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync(page)).StatusCode);
        }

        // The page: choose a format, get the file.
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (form, doc) = await manager.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.NotNull(doc.QuerySelector("input[type=radio][name=Format][value=xlsx]"));
        var download = await manager.SubmitAsync(page, new Dictionary<string, string> { ["Format"] = "json" });
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var ideas = JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(ideas.EnumerateArray(), i => i.GetProperty("id").GetInt32() == anonymous);

        // The campaign page links managers to it.
        var (_, campaignPage) = await manager.GetAsync($"/hubs/{c.HubSlug}/campaigns/{c.Slug}");
        Assert.NotNull(campaignPage.QuerySelector($"a[href='{page}']"));
        Assert.NotNull(campaignPage.QuerySelector($"a[href='/hubs/{c.HubSlug}/campaigns/{c.Slug}/import']"));
        var member = await SignInAsync(app, DemoAccounts.Member);
        var (_, memberView) = await member.GetAsync($"/hubs/{c.HubSlug}/campaigns/{c.Slug}");
        Assert.Null(memberView.QuerySelector($"a[href='{page}']"));
    }

    [Theory, BothDatabases]
    public async Task Export_LargeCampaign_AllIdeasInPages(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        // More than two pages of the export's reads, written straight to the database.
        await DbAsync(app, async db =>
        {
            var author = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            db.Ideas.AddRange(Enumerable.Range(1, 1_201).Select(i => new Idea
            {
                HubId = c.HubId, CampaignId = c.Id, AuthorId = author, Title = $"Bulk idea {i}", Problem = "P", Solution = "S",
                State = IdeaState.Published, CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
                Tags = [new IdeaTag { Tag = "bulk" }],
            }));
            return await db.SaveChangesAsync();
        });
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var csv = await manager.Client.GetStringAsync(TransferFixtures.Export(c, "csv"));
        var rows = TransferFixtures.Table(csv);
        Assert.Equal(1_201, rows.Count);
        Assert.Equal(1_201, rows.Select(r => r["id"]).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("bulk", r["tags"]));
        var xlsx = await manager.Client.GetByteArrayAsync(TransferFixtures.Export(c, "xlsx"));
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Assert.Equal(1_202, XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).Descendants(ns + "row").Count());
    }
}
