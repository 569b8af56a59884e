using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using HubRoles = Agora.Web.Platform.Auth.HubRoles;
using Agora.Web.Features.Requests;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Requests;

/// <summary>The security review's attacks on requests (issue 13), each reproduced and refused.</summary>
[Collection(AppsCollection.Name)]
public sealed class RequestSecurityTests(AgoraApps apps)
{
    private static async Task<int> CreatedIdAsync(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>A hub of its own (so that changing its members leaves the demo hubs alone) with these people in these roles.</summary>
    private static Task<string> HubAsync(AgoraFactory app, params (string Email, HubRoles Roles)[] people) => DbAsync(app, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var hub = new Agora.Web.Features.Hubs.Hub { Id = Guid.NewGuid(), Slug = "rq-" + Guid.NewGuid().ToString("N")[..8], Name = "Requests hub", Region = "Test", CreatedAt = now };
        hub.Texts.Add(new Agora.Web.Features.Hubs.HubText { HubId = hub.Id, Culture = "en", Name = hub.Name, Description = "" });
        db.Hubs.Add(hub);
        foreach (var (email, roles) in people)
        {
            var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.HubMemberships.Add(new Agora.Web.Features.Hubs.HubMembership { HubId = hub.Id, UserId = user, Roles = roles | HubRoles.Member, JoinedAt = now });
        }
        await db.SaveChangesAsync();
        return hub.Slug;
    });


    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(errors.EnumerateObject(), e => Assert.NotEmpty(e.Value[0].GetString()!));
        return errors.EnumerateObject().Select(e => e.Name).ToArray();
    }

    private static async Task<Guid> AssignedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static readonly object Approval = new
    {
        decision = "Approved",
        permit = new { validFrom = "2027-01-01", validTo = "2027-12-31", grantedData = "Age group, diagnoses.", environment = "The HDAB's secure environment.", authorisedPeople = "Mikkel Member" },
    };

    private static async Task<int> StateCountAsync(PageClient manager, string state)
    {
        var dashboard = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/requests/dashboard");
        return dashboard.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "health-data-access")
            .GetProperty("states").EnumerateArray().Where(s => s.GetProperty("state").GetString() == state).Sum(s => s.GetProperty("count").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Draft_OpenedByIdByTheHubsManagerOrAReviewer_NotFound(string provider)
    {
        var app = await apps.GetAsync(provider);
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var reviewer = await SignInAsync(app, DemoAccounts.Reviewer);
        var title = "Draft " + Guid.NewGuid().ToString("N")[..8];
        var withdrawnBefore = await StateCountAsync(manager, "Withdrawn");
        var typesBefore = (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/request-types/all")).GetRawText();

        var id = await CreatedIdAsync(await applicant.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/requests", new { typeKey = "health-data-access", title }));
        var url = $"/api/v1/hubs/{Hub}/requests/{id}";
        var upload = await RequestTests.UploadAsync(applicant.Client, url, "dpiaDocument");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var file = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A review row on the draft (none can be made through the app) is no right to read it either.
        await DbAsync(app, async db =>
        {
            var reviewerId = await db.Users.Where(u => u.Email == DemoAccounts.Reviewer).Select(u => u.Id).SingleAsync();
            var managerId = await db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync();
            db.RequestReviews.Add(new RequestReview { Id = Guid.NewGuid(), RequestId = id, ReviewerId = reviewerId, Role = ReviewRole.Legal, AssignedById = managerId, AssignedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        // The attack: the manager (and the reviewer) open the draft by its id, in the API and on the page, its document, its actions.
        foreach (var hubSide in new[] { manager, reviewer })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await hubSide.Client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await hubSide.GetAsync($"/hubs/{Hub}/requests/{id}")).Response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await hubSide.Client.GetAsync($"{url}/files/{file}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await hubSide.Client.PostAsJsonAsync(url + "/notes", new { body = "Seen your draft." })).StatusCode);
            var list = await GetJsonAsync(hubSide.Client, $"/api/v1/hubs/{Hub}/requests");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
            var (_, page) = await hubSide.GetAsync($"/hubs/{Hub}/requests");
            Assert.DoesNotContain(title, page.Body!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PostAsync(url + "/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.PostAsJsonAsync(url + "/return", new { missing = "Everything." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.GetAsync(url)).StatusCode);

        // Withdrawn before it was ever sent, it stays the applicant's alone: not in the manager's view, list or counts.
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsync(url + "/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.GetAsync(url)).StatusCode);
        var withdrawn = await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/requests?state=Withdrawn");
        Assert.DoesNotContain(withdrawn.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(withdrawnBefore, await StateCountAsync(manager, "Withdrawn"));
        Assert.Equal(typesBefore, (await GetJsonAsync(manager.Client, $"/api/v1/hubs/{Hub}/request-types/all")).GetRawText());
    }

    [Theory, BothDatabases]
    public async Task SeparationOfDuties_AManagerReviewingTwiceOrDecidingOnTheirOwnSignOff_Refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var hub = await HubAsync(app, (DemoAccounts.Manager, HubRoles.HubManager),
            (DemoAccounts.OtherManager, HubRoles.HubManager | HubRoles.LegalReviewer | HubRoles.PrivacyReviewer),
            (DemoAccounts.Member, HubRoles.Member), (DemoAccounts.Agent, HubRoles.Evaluator), (DemoAccounts.Evaluator, HubRoles.PrivacyReviewer));
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var other = await SignInAsync(app, DemoAccounts.OtherManager);
        var privacy = await SignInAsync(app, DemoAccounts.Evaluator);
        var (id, url) = await RequestTests.InReviewAsync(applicant, manager, "Separation " + Guid.NewGuid().ToString("N")[..6], hub);

        // A manager without a reviewer role assigns themselves as the legal (or privacy) reviewer: refused.
        Assert.Equal(["email"], await ErrorFieldsAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Manager, role = "Legal" })));
        Assert.Equal(["email"], await ErrorFieldsAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Manager, role = "Privacy" })));
        // A member without the matching reviewer role cannot be made a reviewer, in any role.
        foreach (var role in new[] { "Legal", "Privacy", "Ethics", "Security" })
            Assert.Equal(["email"], await ErrorFieldsAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Agent, role })));

        // A manager who does hold both reviewer roles takes the legal review, but not the privacy one as well.
        var legalId = await AssignedAsync(await other.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.OtherManager, role = "Legal" }));
        Assert.Equal(["role"], await ErrorFieldsAsync(await other.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.OtherManager, role = "Privacy" })));
        Assert.Equal(["role"], await ErrorFieldsAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.OtherManager, role = "Privacy" })));
        var privacyId = await AssignedAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Evaluator, role = "Privacy" }));

        // Both sign off; the manager who signed the legal review may not decide (health data), another manager may.
        Assert.Equal(HttpStatusCode.OK, (await other.Client.PutAsJsonAsync(url + $"/reviews/{legalId}", new { recommendation = "Approve", opinion = "Lawful.", signOff = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await privacy.Client.PutAsJsonAsync(url + $"/reviews/{privacyId}", new { recommendation = "Approve", opinion = "Minimised.", signOff = true })).StatusCode);
        Assert.Equal(["decision"], await ErrorFieldsAsync(await other.Client.PostAsJsonAsync(url + "/decision", Approval)));
        Assert.Equal(["decision"], await ErrorFieldsAsync(await other.Client.PostAsJsonAsync(url + "/decision", new { decision = "Rejected", reasons = "No." })));
        Assert.Equal("InReview", (await GetJsonAsync(applicant.Client, url)).GetProperty("state").GetString());
        Assert.True((await GetJsonAsync(manager.Client, $"/api/v1/hubs/{hub}/request-types")).EnumerateArray()
            .Single(t => t.GetProperty("key").GetString() == "health-data-access").GetProperty("separateDecider").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/decision", Approval)).StatusCode);
        Assert.Equal(await UserIdAsync(app, DemoAccounts.Manager), await DbAsync(app, db => db.Requests.Where(r => r.Id == id).Select(r => r.DecidedById).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task ManagerApplyingInTheirOwnHub_SeesTheApplicantsViewOnly(string provider)
    {
        var app = await apps.GetAsync(provider);
        var hub = await HubAsync(app, (DemoAccounts.Manager, HubRoles.HubManager | HubRoles.LegalReviewer), (DemoAccounts.OtherManager, HubRoles.HubManager),
            (DemoAccounts.Evaluator, HubRoles.PrivacyReviewer));
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var other = await SignInAsync(app, DemoAccounts.OtherManager);
        var (id, url) = await RequestTests.InReviewAsync(manager, other, "Own hub " + Guid.NewGuid().ToString("N")[..6], hub);
        var secret = "Internal-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await other.Client.PostAsJsonAsync(url + "/notes", new { body = secret })).StatusCode);
        // The applicant never reviews their own request, even holding the role.
        Assert.Equal(["email"], await ErrorFieldsAsync(await other.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Manager, role = "Legal" })));
        await AssignedAsync(await other.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Evaluator, role = "Privacy" }));

        var mine = await GetJsonAsync(manager.Client, url);
        Assert.True(mine.GetProperty("isApplicant").GetBoolean());
        foreach (var flag in new[] { "seesInternal", "canDecide", "canReturn", "canAccept", "canExtend" }) Assert.False(mine.GetProperty(flag).GetBoolean(), flag);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("internalNotes").ValueKind);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("reviews").ValueKind);
        Assert.DoesNotContain(secret, mine.GetRawText(), StringComparison.Ordinal);
        var (page, doc) = await manager.GetAsync($"/hubs/{hub}/requests/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(secret, doc.Body!.TextContent, StringComparison.Ordinal);
        foreach (var region in new[] { "notes-heading", "decide-heading", "reviews-heading", "extend-heading" }) Assert.Null(doc.QuerySelector($"section[aria-labelledby='{region}']"));

        // No manager action on their own request: the hub's other managers handle it.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsJsonAsync(url + "/notes", new { body = "Note to self." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Evaluator, role = "Legal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsJsonAsync(url + "/extend", new { months = 1, reason = "More time." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.PostAsJsonAsync(url + "/decision", new { decision = "Rejected", reasons = "No." })).StatusCode);
        Assert.Equal("InReview", (await GetJsonAsync(other.Client, url)).GetProperty("state").GetString());
    }

    /// <summary>Hole 4: a block ends every right that came from the hub, like a removal: the roles go and the review is unassigned.</summary>
    [Theory, BothDatabases]
    public async Task BlockedLegalReviewer_ReadsTheRequest_NotFound_AndLosesTheRole(string provider)
    {
        var app = await apps.GetAsync(provider);
        var hub = await HubAsync(app, (DemoAccounts.Manager, HubRoles.HubManager), (DemoAccounts.Member, HubRoles.Member),
            (DemoAccounts.Reviewer, HubRoles.LegalReviewer));
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var legal = await SignInAsync(app, DemoAccounts.Reviewer);
        var (id, url) = await RequestTests.InReviewAsync(applicant, manager, "Blocked " + Guid.NewGuid().ToString("N")[..6], hub);
        var legalId = await AssignedAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Reviewer, role = "Legal" }));
        Assert.Equal(HttpStatusCode.OK, (await legal.Client.GetAsync(url)).StatusCode);
        var reviewer = await UserIdAsync(app, DemoAccounts.Reviewer);

        var blocked = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{hub}/moderation/blocks", new { userId = reviewer, reason = "Leaked a document." });
        Assert.True(blocked.IsSuccessStatusCode, $"block answered {(int)blocked.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync($"/hubs/{hub}/requests/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.PutAsJsonAsync(url + $"/reviews/{legalId}",
            new { recommendation = "Approve", opinion = "Fine.", signOff = true })).StatusCode);
        Assert.False(await DbAsync(app, db => db.RequestReviews.AnyAsync(r => r.Id == legalId)));
        // The role went with the block: an unblock does not bring it back.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync($"/api/v1/hubs/{hub}/moderation/blocks/{reviewer}")).StatusCode);
        Assert.Equal(HubRoles.Member, await DbAsync(app, db => db.HubMemberships.Where(m => m.UserId == reviewer && db.Hubs.Any(h => h.Id == m.HubId && h.Slug == hub))
            .Select(m => m.Roles).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.GetAsync(url)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task RemovedLegalReviewer_ReadsOrSignsOffTheRequest_NotFound(string provider)
    {
        var app = await apps.GetAsync(provider);
        var hub = await HubAsync(app, (DemoAccounts.Manager, HubRoles.HubManager), (DemoAccounts.Member, HubRoles.Member),
            (DemoAccounts.Reviewer, HubRoles.LegalReviewer), (DemoAccounts.Evaluator, HubRoles.PrivacyReviewer));
        var applicant = await SignInAsync(app, DemoAccounts.Member);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var legal = await SignInAsync(app, DemoAccounts.Reviewer);
        var privacy = await SignInAsync(app, DemoAccounts.Evaluator);
        var title = "Removed " + Guid.NewGuid().ToString("N")[..6];
        var (id, url) = await RequestTests.InReviewAsync(applicant, manager, title, hub);
        var legalId = await AssignedAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Reviewer, role = "Legal" }));
        var privacyId = await AssignedAsync(await manager.Client.PostAsJsonAsync(url + "/reviewers", new { email = DemoAccounts.Evaluator, role = "Privacy" }));
        var secret = "Internal-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsJsonAsync(url + "/notes", new { body = secret })).StatusCode);
        var asLegal = await GetJsonAsync(legal.Client, url);
        Assert.Contains(secret, asLegal.GetRawText(), StringComparison.Ordinal);
        var file = asLegal.GetProperty("files")[0].GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await legal.Client.GetAsync(file)).StatusCode);
        var reviewer = await UserIdAsync(app, DemoAccounts.Reviewer);
        var signOff = new { recommendation = "Approve", opinion = "Lawful.", signOff = true };

        // Defence in depth: with the membership gone (however it went), the review row alone opens nothing.
        var membership = await DbAsync(app, db => db.HubMemberships.AsNoTracking().SingleAsync(m => m.UserId == reviewer && db.Hubs.Any(h => h.Id == m.HubId && h.Slug == hub)));
        await DbAsync(app, db => db.HubMemberships.Where(m => m.HubId == membership.HubId && m.UserId == reviewer).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.PutAsJsonAsync(url + $"/reviews/{legalId}", signOff)).StatusCode);
        await DbAsync(app, db => { db.HubMemberships.Add(membership); return db.SaveChangesAsync(); });
        Assert.Equal(HttpStatusCode.OK, (await legal.Client.GetAsync(url)).StatusCode);

        // The attack: the manager removes the legal reviewer from the hub; as them, nothing of the request opens any more.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Client.DeleteAsync($"/api/v1/hubs/{hub}/members/{reviewer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync($"/hubs/{hub}/requests/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.PutAsJsonAsync(url + $"/reviews/{legalId}", signOff)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.Client.PostAsJsonAsync(url + "/notes", new { body = "Still here." })).StatusCode);
        Assert.DoesNotContain(title, await (await legal.Client.GetAsync($"/api/v1/hubs/{hub}/requests")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Their unsigned review was unassigned at once, in the audit trail; the managers see the legal review is to assign again.
        Assert.False(await DbAsync(app, db => db.RequestReviews.AnyAsync(r => r.Id == legalId)));
        Assert.Equal(["Legal: Removed"], await DbAsync(app, db => db.AuditEvents.Where(a => a.Action == AuditActions.RequestReviewWithdrawn && a.Subject!.StartsWith($"#{id} "))
            .Select(a => a.Details!).ToListAsync()));
        Assert.DoesNotContain((await GetJsonAsync(manager.Client, url)).GetProperty("reviews").EnumerateArray(), r => r.GetProperty("role").GetString() == "Legal");

        // The privacy reviewer signs off, then loses the role: the sign-off stays on record, the reading right goes.
        Assert.Equal(HttpStatusCode.OK, (await privacy.Client.PutAsJsonAsync(url + $"/reviews/{privacyId}", new { recommendation = "Approve", opinion = "Minimised.", signOff = true })).StatusCode);
        var evaluator = await UserIdAsync(app, DemoAccounts.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{hub}/members/{evaluator}/roles", new { roles = new[] { "Member" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await privacy.Client.GetAsync(url)).StatusCode);
        Assert.True(await DbAsync(app, db => db.RequestReviews.AnyAsync(r => r.Id == privacyId && r.SignedOffAt != null)));

        // The request cannot be approved on the strength of the removed reviewer's review; decided otherwise, its letter is not theirs to read.
        var refused = await manager.Client.PostAsJsonAsync(url + "/decision", Approval);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PostAsJsonAsync(url + "/decision", new { decision = "Rejected", reasons = "The data cannot be anonymised." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.GetAsync(url + "/letter.pdf")).StatusCode);
        foreach (var gone in new[] { legal, privacy })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await gone.Client.GetAsync(url + "/letter.pdf")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await gone.Client.GetAsync(url + "/letter.html")).StatusCode);
        }
    }
}
