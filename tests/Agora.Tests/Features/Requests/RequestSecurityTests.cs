using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Requests;
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
}
