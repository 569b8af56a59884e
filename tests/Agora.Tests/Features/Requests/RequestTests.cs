using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Requests;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Requests;

/// <summary>Requests: draft, submit, completeness check, review deadline and its extension, withdrawal; who may see them.</summary>
[Collection(AppsCollection.Name)]
public sealed class RequestTests(AgoraApps apps)
{
    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>A complete set of answers for a form: the first option of every choice, a row in every group, every date in 2027.</summary>
    internal static JsonObject Complete(JsonElement form, Func<string, bool>? skip = null)
    {
        var answers = new JsonObject();
        foreach (var section in form.GetProperty("sections").EnumerateArray())
            foreach (var field in section.GetProperty("fields").EnumerateArray())
                Fill(field, answers, skip ?? (_ => false));
        return answers;
    }

    private static void Fill(JsonElement field, JsonObject into, Func<string, bool> skip)
    {
        var key = field.GetProperty("key").GetString()!;
        if (skip(key)) return;
        var first = field.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array ? o[0].GetProperty("key").GetString() : null;
        var dflt = field.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        switch (field.GetProperty("kind").GetString())
        {
            case "Text": into[key] = key.Contains("mail", StringComparison.OrdinalIgnoreCase) ? "ola@example.org" : "Value of " + key; break;
            case "LongText": into[key] = "A longer answer for " + key + "."; break;
            case "Choice": into[key] = dflt ?? first; break;
            case "MultiChoice": into[key] = new JsonArray(first); break;
            case "Date": into[key] = key.Contains("End", StringComparison.Ordinal) || key.Contains("To", StringComparison.Ordinal) ? "2027-12-31" : "2027-01-01"; break;
            case "Number": into[key] = "12"; break;
            case "Group":
                var row = new JsonObject();
                foreach (var sub in field.GetProperty("fields").EnumerateArray()) Fill(sub, row, skip);
                into[key] = new JsonArray(row);
                break;
        }
    }

    /// <summary>The keys of the file fields a complete answer set needs documents for (required ones, and conditional ones that apply).</summary>
    internal static IEnumerable<string> RequiredFiles(JsonElement form, JsonObject answers) =>
        form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("fields").EnumerateArray())
            .Where(f => f.GetProperty("kind").GetString() == "File")
            .Where(f => f.GetProperty("required").GetBoolean()
                || (f.TryGetProperty("requiredIf", out var w) && w.ValueKind == JsonValueKind.Object
                    && w.GetProperty("values").EnumerateArray().Any(v => answers[w.GetProperty("field").GetString()!]?.ToJsonString().Contains(v.GetString()!, StringComparison.Ordinal) == true)))
            .Select(f => f.GetProperty("key").GetString()!);

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string field)
    {
        var body = new MultipartFormDataContent { { new StringContent(field), "field" } };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        body.Add(file, "file", field + ".pdf");
        return await client.PostAsync(url + "/files", body);
    }

    [Theory, BothDatabases]
    public async Task AHealthDataApplication_IsCompleted_Returned_Accepted_Extended_AndSeenOnlyByThoseInvolved(string provider)
    {
        var app = await apps.GetAsync(provider);
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var outsider = await SignInAsync(app, DemoAccounts.Agent);
        var form = await GetJsonAsync(applicant.Client, $"/api/v1/hubs/{Hub}/request-types/health-data-access/form");

        var created = await applicant.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/requests", new { typeKey = "health-data-access", title = "Readmissions after hip surgery" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var url = $"/api/v1/hubs/{Hub}/requests/{id}";
        var draft = await GetJsonAsync(applicant.Client, url);
        Assert.Equal("Draft", draft.GetProperty("state").GetString());

        // A draft may be incomplete, but not malformed.
        var bad = await applicant.Client.PutAsJsonAsync(url, new { title = "Readmissions after hip surgery", answers = new { dataForm = "raw", dataPeriodFrom = "31.12.2020" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badErrors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(badErrors.TryGetProperty("answers.dataForm", out _));
        Assert.True(badErrors.TryGetProperty("answers.dataPeriodFrom", out _));

        // Everything but the ethics approval's document: submitting names what is missing.
        var answers = Complete(form, key => key == "ethicsApproval");
        answers["ethicsApproval"] = "approved";
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PutAsJsonAsync(url, new { title = "Readmissions after hip surgery", answers })).StatusCode);
        foreach (var file in RequiredFiles(form, answers).Where(f => f != "ethicsApprovalDocument"))
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(applicant.Client, url, file)).StatusCode);
        var incomplete = await applicant.Client.PostAsync(url + "/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var missing = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["answers.ethicsApprovalDocument"], missing.EnumerateObject().Select(p => p.Name).ToArray());

        // Submitted without it by choosing "applied for"; the hub returns it asking for the approval.
        answers["ethicsApproval"] = "appliedFor";
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PutAsJsonAsync(url, new { title = "Readmissions after hip surgery", answers })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsync(url + "/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.PostAsJsonAsync(url + "/return", new { missing = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/return", new { missing = "The ethics approval (REK) is missing." })).StatusCode);
        var returned = await GetJsonAsync(applicant.Client, url);
        Assert.Equal("Returned", returned.GetProperty("state").GetString());
        Assert.Equal("The ethics approval (REK) is missing.", returned.GetProperty("missing").GetString());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(today.AddDays(28).ToString("yyyy-MM-dd"), returned.GetProperty("completionDueOn").GetString());

        answers["ethicsApproval"] = "approved";
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PutAsJsonAsync(url, new { title = "Readmissions after hip surgery", answers })).StatusCode);
        var approval = await UploadAsync(applicant.Client, url, "ethicsApprovalDocument");
        var approvalUrl = (await approval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsync(url + "/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(url + "/accept", null)).StatusCode);
        var review = await GetJsonAsync(applicant.Client, url);
        Assert.Equal("InReview", review.GetProperty("state").GetString());
        Assert.Equal(today.AddMonths(3).ToString("yyyy-MM-dd"), review.GetProperty("decisionDueOn").GetString());

        // Extended once, by at most three months, with a reason.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(url + "/extend", new { months = 4, reason = "Linkage" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/extend", new { months = 2, reason = "Linkage with the cancer registry takes time." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsJsonAsync(url + "/extend", new { months = 1, reason = "Again" })).StatusCode);
        var extended = await GetJsonAsync(applicant.Client, url);
        Assert.Equal(today.AddMonths(3).AddMonths(2).ToString("yyyy-MM-dd"), extended.GetProperty("extendedDueOn").GetString());
        Assert.Equal(["Draft", "Submitted", "Returned", "Submitted", "InReview", "InReview"],
            extended.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("to").GetString()!).ToArray());

        // Nobody else knows it exists: 404 for the request and its document, in the API and the pages.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"{url}/files/{approvalUrl}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsync(url + "/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/hubs/{Hub}/requests/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync($"/api/v1/hubs/{DemoAccounts.IminHub}/requests/{id}")).StatusCode);

        // The applicant and the manager read it and its document; every view and download is in the audit trail.
        var before = await DbAsync(app, db => db.AuditEvents.CountAsync(a => a.Subject!.StartsWith($"#{id} ") && (a.Action == AuditActions.RequestViewed || a.Action == AuditActions.RequestFileDownloaded)));
        var download = await manager.Client.GetAsync($"{url}/files/{approvalUrl}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var (page, doc) = await manager.GetAsync($"/hubs/{Hub}/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Mikkel Member", doc.QuerySelector("dl.props")!.TextContent);
        var after = await DbAsync(app, db => db.AuditEvents.Where(a => a.Subject!.StartsWith($"#{id} ") && (a.Action == AuditActions.RequestViewed || a.Action == AuditActions.RequestFileDownloaded))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorEmail }).ToListAsync());
        Assert.Equal(before + 2, after.Count);
        Assert.Equal(new[] { AuditActions.RequestFileDownloaded, AuditActions.RequestViewed }, after.TakeLast(2).Select(a => a.Action).ToArray());
        Assert.All(after.TakeLast(2), a => Assert.Equal(DemoAccounts.Manager, a.ActorEmail));

        // In the manager's list; the applicant withdraws it.
        var list = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/requests?state=InReview");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsync(url + "/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsync(url + "/withdraw", null)).StatusCode);
        var mine = await GetJsonAsync(applicant.Client, "/api/v1/me/requests");
        Assert.Equal("Withdrawn", mine.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id).GetProperty("state").GetString());
    }

    /// <summary>A complete health-data application by the member, submitted and found complete by the manager: in review.</summary>
    internal static async Task<(int Id, string Url)> InReviewAsync(PageClient applicant, PageClient manager, string title, string hub = Hub)
    {
        var form = await GetJsonAsync(applicant.Client, $"/api/v1/hubs/{hub}/request-types/health-data-access/form");
        var created = await applicant.Client.PostAsJsonAsync($"/api/v1/hubs/{hub}/requests", new { typeKey = "health-data-access", title });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var url = $"/api/v1/hubs/{hub}/requests/{id}";
        var answers = Complete(form);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PutAsJsonAsync(url, new { title, answers })).StatusCode);
        foreach (var file in RequiredFiles(form, answers)) Assert.Equal(HttpStatusCode.Created, (await UploadAsync(applicant.Client, url, file)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsync(url + "/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(url + "/accept", null)).StatusCode);
        return (id, url);
    }

    [Theory, BothDatabases]
    public async Task Approval_WaitsForTheLegalAndPrivacySignOffs_AndInternalNotesNeverReachTheApplicant(string provider)
    {
        var app = await apps.GetAsync(provider);
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var legal = await SignInAsync(app, DemoAccounts.Reviewer);
        var privacy = await SignInAsync(app, DemoAccounts.Evaluator);
        var (id, url) = await InReviewAsync(applicant, manager, "Medication errors at discharge");
        var secret = "Internal-" + Guid.NewGuid().ToString("N")[..8];

        // Not yet assigned: the reviewers do not know the request.
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.GetAsync(url)).StatusCode);
        var legalId = (await (await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Reviewer, role = "Legal" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var privacyId = (await (await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Evaluator, role = "Privacy" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Member, role = "Ethics" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await legal.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Agent, role = "Ethics" })).StatusCode);

        // The legal reviewer reads it, notes something internally and asks the applicant; the applicant answers.
        var asLegal = await GetJsonAsync(legal.Client, url);
        Assert.Equal(2, asLegal.GetProperty("reviews").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, (await legal.Client.PostAsJsonAsync(url + "/notes", new { body = secret + ": the DPIA looks thin." })).StatusCode);
        var question = await legal.Client.PostAsJsonAsync(url + "/questions", new { body = "Which REK number does the approval have?" });
        var questionId = (await question.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.PostAsJsonAsync(url + "/notes", new { body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await applicant.Client.PostAsJsonAsync(url + "/answers", new { questionId, body = "REK 2026/12345." })).StatusCode);

        // Approval is refused until both the legal and the privacy review are signed off.
        var decision = new
        {
            decision = "ApprovedWithConditions", conditions = "Results only in aggregate, at least five per cell.",
            permit = new { validFrom = "2027-01-01", validTo = "2028-06-30", grantedData = "Age group, diagnoses, readmission within 30 days.", environment = "The HDAB's secure environment.", authorisedPeople = "Mikkel Member" },
        };
        var early = await manager.Client.PostAsJsonAsync(url + "/decision", decision);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Legal", (await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await privacy.Client.PutAsJsonAsync(url + $"/reviews/{legalId}", new { signOff = true, recommendation = "Approve", opinion = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await legal.Client.PutAsJsonAsync(url + $"/reviews/{legalId}", new
        {
            checklist = new Dictionary<string, bool> { ["safeProject"] = true }, recommendation = "ApproveWithConditions", opinion = "Lawful under Art. 6(1)(e) and 9(2)(j).", signOff = true,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Client.PostAsJsonAsync(url + "/decision", decision)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await privacy.Client.PutAsJsonAsync(url + $"/reviews/{privacyId}", new { signOff = true, recommendation = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await privacy.Client.PutAsJsonAsync(url + $"/reviews/{privacyId}", new { signOff = true, recommendation = "Approve", opinion = "Minimised; anonymised output." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await privacy.Client.PutAsJsonAsync(url + $"/reviews/{privacyId}", new { signOff = true, recommendation = "Reject", opinion = "Changed my mind." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/decision", decision)).StatusCode);

        var decided = await GetJsonAsync(applicant.Client, url);
        Assert.Equal("ApprovedWithConditions", decided.GetProperty("state").GetString());
        var permit = decided.GetProperty("permits")[0];
        Assert.Matches(@"^HE-\d{4}-\d{4}$", permit.GetProperty("number").GetString());
        Assert.Equal("Results only in aggregate, at least five per cell.", permit.GetProperty("conditions").GetString());
        Assert.Equal("REK 2026/12345.", decided.GetProperty("questions").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "Answer").GetProperty("body").GetString());

        // The decision letter, as PDF and HTML, for the applicant (not for others); downloads are audited.
        var pdf = await applicant.Client.GetAsync(url + "/letter.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        var html = await (await applicant.Client.GetAsync(url + "/letter.html")).Content.ReadAsStringAsync();
        Assert.Contains("Results only in aggregate, at least five per cell.", html);
        Assert.Contains(permit.GetProperty("number").GetString()!, html);
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(app, DemoAccounts.Agent)).Client.GetAsync(url + "/letter.pdf")).StatusCode);
        Assert.Equal(2, await DbAsync(app, db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.RequestLetterDownloaded && a.Subject!.StartsWith($"#{id} "))));

        // The internal note reaches the hub's side only: never the applicant's API, page, list, notifications or the audit details.
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("internalNotes").ValueKind);
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("reviews").ValueKind);
        Assert.DoesNotContain(secret, decided.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(secret, (await GetJsonAsync(manager.Client, url)).GetRawText(), StringComparison.Ordinal);
        foreach (var path in new[] { $"/hubs/{Hub}/requests/{id}", $"/hubs/{Hub}/requests", "/requests", "/notifications", "/api/v1/me/requests", "/api/v1/me/export" })
        {
            var response = await applicant.Client.GetAsync(path);
            Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.False(await DbAsync(app, db => db.AuditEvents.AnyAsync(a => a.Details!.Contains(secret))));
        // The applicant's own export holds the request, their answers to questions, and still not the note.
        var export = await (await applicant.Client.GetAsync("/api/v1/me/export")).Content.ReadAsStringAsync();
        Assert.Contains("Medication errors at discharge", export, StringComparison.Ordinal);
        Assert.Contains("REK 2026/12345.", export, StringComparison.Ordinal);
        Assert.False(await DbAsync(app, db => db.Notifications.AnyAsync(n => n.Detail!.Contains(secret))));

        // The permit is amended (a new version) and revoked, with reasons.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Client.PostAsJsonAsync(url + "/permit", new { validFrom = "2027-01-01", validTo = "2026-01-01", grantedData = "x", environment = "x", authorisedPeople = "x", reason = "Longer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/permit", new
        {
            validFrom = "2027-01-01", validTo = "2028-12-31", grantedData = "Age group, diagnoses, readmission within 30 days.", environment = "The HDAB's secure environment.",
            authorisedPeople = "Mikkel Member, Astrid Agent", reason = "A second analyst joins.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/permit/revoke", new { reason = "Data left the environment." })).StatusCode);
        var permits = (await GetJsonAsync(applicant.Client, url)).GetProperty("permits");
        Assert.Equal([2, 1], permits.EnumerateArray().Select(p => p.GetProperty("version").GetInt32()).ToArray());
        Assert.Equal("Revoked", permits[0].GetProperty("state").GetString());
        Assert.Equal("Data left the environment.", permits[0].GetProperty("reason").GetString());
    }

    [Theory, BothDatabases]
    public async Task ThePublicRegister_ListsDataApplicationsWithoutPersonalData_AndTheDashboardCountsThem(string provider)
    {
        var app = await apps.GetAsync(provider);
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var anonymous = app.NewClient();
        var title = "Register " + Guid.NewGuid().ToString("N")[..6];
        var (id, url) = await InReviewAsync(applicant, manager, title);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/decision", new { decision = "Rejected", reasons = "The data cannot be anonymised well enough." })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/register", new { published = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/hubs/{Hub}/register")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/register", new { published = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/register", new { published = true })).StatusCode);

        var register = await anonymous.GetAsync($"/api/v1/hubs/{Hub}/register");
        var json = await register.Content.ReadAsStringAsync();
        var entry = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == id);
        Assert.Equal(title, entry.GetProperty("title").GetString());
        Assert.Equal("Value of organisation", entry.GetProperty("organisation").GetString());
        Assert.NotEmpty(entry.GetProperty("purposes").EnumerateArray());
        Assert.Equal("Rejected", entry.GetProperty("state").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), entry.GetProperty("decidedOn").GetString());
        Assert.DoesNotContain("Mikkel Member", json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Member, json, StringComparison.Ordinal);
        var (_, page) = await new PageClient(anonymous).GetAsync($"/hubs/{Hub}/register");
        Assert.Contains(title, page.QuerySelector("table")!.TextContent);

        var dashboard = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/requests/dashboard");
        var data = dashboard.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "health-data-access");
        Assert.True(data.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "Rejected").GetProperty("count").GetInt32() >= 1);
        Assert.True(dashboard.GetProperty("times").GetProperty("decided").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync($"/api/v1/hubs/{Hub}/requests/dashboard")).StatusCode);
        var (_, index) = await manager.GetAsync($"/hubs/{Hub}/requests");
        Assert.NotNull(index.QuerySelector("#overview-heading"));
    }

    [Theory, BothDatabases]
    public async Task TheApplicantIsTold_AndTheDecidersAreRemindedOfTheDeadline_OnceEach(string provider)
    {
        var app = await apps.GetAsync(provider);
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var (id, url) = await InReviewAsync(applicant, manager, "Reminded " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Reviewer, role = "Legal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(url + "/questions", new { body = "Which REK number?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(url + "/notes", new { body = "Between us." })).StatusCode);

        var told = await DbAsync(app, db => db.Notifications.Where(n => n.RequestId == id).OrderBy(n => n.Id)
            .Select(n => new { n.Kind, n.Detail, Email = db.Users.Single(u => u.Id == n.UserId).Email }).ToListAsync());
        Assert.Equal(["InReview", "Question"], told.Where(n => n.Kind == Agora.Web.Features.Notifications.NotificationKind.RequestUpdated && n.Email == DemoAccounts.Member)
            .Select(n => n.Detail!).ToArray());
        Assert.Single(told, n => n.Kind == Agora.Web.Features.Notifications.NotificationKind.RequestAssigned && n.Email == DemoAccounts.Reviewer);
        Assert.Single(told, n => n.Kind == Agora.Web.Features.Notifications.NotificationKind.RequestSubmitted && n.Email == DemoAccounts.Manager);
        var (_, notifications) = await applicant.GetAsync("/notifications");
        Assert.NotNull(notifications.QuerySelector($"a[href='/hubs/{Hub}/requests/{id}']"));
        Assert.DoesNotContain("Between us.", notifications.Body!.TextContent);

        // Three days before the deadline: the manager and the reviewer who has not signed off are reminded, once.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await DbAsync(app, db => db.Requests.Where(r => r.Id == id).ExecuteUpdateAsync(x => x.SetProperty(r => r.DecisionDueOn, today.AddDays(3))));
        async Task<int> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RequestReminders>().RunOnceAsync(default);
        }
        Assert.True(await RunAsync() >= 1);
        await RunAsync();
        var reminded = await DbAsync(app, db => db.Notifications.Where(n => n.RequestId == id && n.Kind == Agora.Web.Features.Notifications.NotificationKind.RequestDeadline)
            .Select(n => db.Users.Single(u => u.Id == n.UserId).Email).ToListAsync());
        Assert.Equal([DemoAccounts.Manager, DemoAccounts.Reviewer], reminded.Select(e => e!).Order().ToArray());
        Assert.Equal(3, await DbAsync(app, db => db.Requests.Where(r => r.Id == id).Select(r => r.LastReminder).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task ASandboxTest_CannotStartBeforeTheSecurityReviewIsSignedOff(string provider)
    {
        var app = await apps.GetAsync(provider);
        var company = await SignInAsync(app, DemoAccounts.Agent);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var security = await SignInAsync(app, DemoAccounts.Reviewer);
        var form = await GetJsonAsync(company.Client, $"/api/v1/hubs/{Hub}/request-types/sandbox-test/form");
        var created = await company.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/requests", new { typeKey = "sandbox-test", title = "Remote monitoring app" });
        var url = $"/api/v1/hubs/{Hub}/requests/{(await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()}";
        var answers = Complete(form);
        Assert.Equal(HttpStatusCode.OK, (await company.Client.PutAsJsonAsync(url, new { title = "Remote monitoring app", answers })).StatusCode);
        foreach (var file in RequiredFiles(form, answers)) Assert.Equal(HttpStatusCode.Created, (await UploadAsync(company.Client, url, file)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await company.Client.PostAsync(url + "/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsync(url + "/accept", null)).StatusCode);

        var refused = await manager.Client.PostAsJsonAsync(url + "/decision", new { decision = "Approved" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Security", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var review = (await (await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Reviewer, role = "Security" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await security.Client.PutAsJsonAsync(url + $"/reviews/{review}", new { recommendation = "Approve", opinion = "Synthetic data only; isolated.", signOff = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/decision", new { decision = "Approved" })).StatusCode);
        var decided = await GetJsonAsync(company.Client, url);
        Assert.Equal("Approved", decided.GetProperty("state").GetString());
        Assert.Empty(decided.GetProperty("permits").EnumerateArray());
    }

    [Fact]
    public void Reminders_GoAt14And3DaysBefore_AndOnceWhenPast_EachOnce()
    {
        var due = new DateOnly(2027, 2, 28);
        Assert.Null(RequestReminders.Due(due, new DateOnly(2027, 2, 1), null));
        Assert.Equal(14, RequestReminders.Due(due, new DateOnly(2027, 2, 14), null));
        Assert.Null(RequestReminders.Due(due, new DateOnly(2027, 2, 20), 14));
        Assert.Equal(3, RequestReminders.Due(due, new DateOnly(2027, 2, 25), 14));
        Assert.Equal(3, RequestReminders.Due(due, new DateOnly(2027, 2, 27), null));
        Assert.Null(RequestReminders.Due(due, new DateOnly(2027, 2, 28), 3));
        Assert.Equal(-1, RequestReminders.Due(due, new DateOnly(2027, 3, 1), 3));
        Assert.Null(RequestReminders.Due(due, new DateOnly(2027, 3, 9), -1));
    }

    [Fact]
    public void Median_IsTheMiddleValue_OrTheMeanOfTheTwoMiddleOnes()
    {
        Assert.Null(RequestOverview.Median([]));
        Assert.Equal(5, RequestOverview.Median([1, 5, 9]));
        Assert.Equal(6, RequestOverview.Median([1, 5, 7, 30]));
    }

    [Theory, BothDatabases]
    public async Task TheApplicant_FillsTheFormOnThePage_WithRepeatedRows_AndSubmits(string provider)
    {
        var app = await apps.GetAsync(provider);
        var applicant = await SignInAsync(app, DemoAccounts.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitAsync($"/hubs/{Hub}/requests/new?type=research-participation", new Dictionary<string, string>
        {
            ["type"] = "research-participation", ["Title"] = "Sleep and shift work",
        })).StatusCode);
        var id = await DbAsync(app, db => db.Requests.Where(r => r.Title == "Sleep and shift work").OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
        var edit = $"/hubs/{Hub}/requests/{id}/edit";

        // Submitting straight away: every required field is named next to itself.
        var token = await applicant.AntiforgeryTokenAsync(edit);
        var empty = await applicant.Client.PostAsync(edit + "?submit=true", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Title"] = "Sleep and shift work", ["Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = PageClient.Parse(await empty.Content.ReadAsStringAsync());
        Assert.NotNull(errors.QuerySelector(".error-summary a[href='#a_projectTitle']"));
        Assert.NotNull(errors.QuerySelector("#a_projectTitle-error"));

        var form = await GetJsonAsync(applicant.Client, $"/api/v1/hubs/{Hub}/request-types/research-participation/form");
        var fields = new List<KeyValuePair<string, string>> { new("Title", "Sleep and shift work") };
        void Add(JsonObject answers, string prefix)
        {
            foreach (var (key, value) in answers)
            {
                switch (value)
                {
                    case JsonArray array when array.FirstOrDefault() is JsonObject:
                        for (var i = 0; i < array.Count; i++) Add((JsonObject)array[i]!, $"{prefix}{key}.{i}.");
                        break;
                    case JsonArray array:
                        fields.AddRange(array.Select(x => new KeyValuePair<string, string>(prefix + key, x!.GetValue<string>())));
                        break;
                    default:
                        fields.Add(new(prefix + key, value!.GetValue<string>()));
                        break;
                }
            }
        }
        var complete = Complete(form);
        Add(complete, "a.");
        // A second partner in the next empty row.
        fields.Add(new("a.partners.1.partnerOrganisation", "NTNU"));
        fields.Add(new("a.partners.1.partnerRole", "Data analysis"));
        var save = await applicant.SubmitAsync(edit, fields, files: []);
        Assert.True(save.StatusCode == HttpStatusCode.Redirect, PageClient.ErrorsOf(await save.Content.ReadAsStringAsync()));
        var (_, saved) = await applicant.GetAsync(edit);
        Assert.Equal("NTNU", saved.QuerySelector("input[name='a.partners.1.partnerOrganisation']")!.GetAttribute("value"));
        Assert.NotNull(saved.QuerySelector("input[name='a.partners.2.partnerOrganisation']"));

        var submitted = await applicant.PostWithTokenAsync(edit, edit + "?submit=true", fields.Append(new("Version", saved.QuerySelector("input[name=Version]")!.GetAttribute("value")!)));
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, PageClient.ErrorsOf(await submitted.Content.ReadAsStringAsync()));
        var (_, details) = await applicant.GetAsync($"/hubs/{Hub}/requests/{id}");
        Assert.Contains("NTNU", details.Body!.TextContent);
        Assert.Null(details.QuerySelector($"a[href='{edit}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync(edit)).Response.StatusCode);
    }

    [Fact]
    public void Deadlines_CountCalendarMonths_AndEndOnTheMonthsLastDayWhenShorter()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), RequestDeadlines.DecisionDue(new DateOnly(2026, 11, 30), 3));
        Assert.Equal(new DateOnly(2028, 2, 29), RequestDeadlines.DecisionDue(new DateOnly(2027, 11, 30), 3));
        Assert.Equal(new DateOnly(2026, 2, 28), RequestDeadlines.DecisionDue(new DateOnly(2026, 1, 31), 1));
        Assert.Equal(new DateOnly(2026, 6, 30), RequestDeadlines.DecisionDue(new DateOnly(2026, 3, 31), 3));
        Assert.Equal(new DateOnly(2027, 3, 15), RequestDeadlines.DecisionDue(new DateOnly(2026, 12, 15), 3));
        // The extension counts from the original deadline (already at a month's end here).
        Assert.Equal(new DateOnly(2027, 5, 28), RequestDeadlines.Extended(new DateOnly(2027, 2, 28), 3));
        Assert.Equal(new DateOnly(2026, 9, 30), RequestDeadlines.Extended(new DateOnly(2026, 8, 31), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestDeadlines.Extended(new DateOnly(2026, 8, 31), 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestDeadlines.Extended(new DateOnly(2026, 8, 31), 0));
        // Completion: four weeks, across the year's end.
        Assert.Equal(new DateOnly(2027, 1, 7), RequestDeadlines.CompletionDue(new DateOnly(2026, 12, 10)));
        Assert.True(RequestDeadlines.IsOverdue(RequestState.InReview, new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 1)));
        Assert.False(RequestDeadlines.IsOverdue(RequestState.InReview, new DateOnly(2027, 2, 28), new DateOnly(2027, 2, 28)));
        Assert.False(RequestDeadlines.IsOverdue(RequestState.Approved, new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 1)));
    }
}
