using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Initiatives;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HubMembership = Agora.Web.Features.Hubs.HubMembership;
using HubRoles = Agora.Web.Platform.Auth.HubRoles;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Initiatives;

/// <summary>The initiatives' share of a person's export and erasure (issue 13, GDPR Art. 15, 17, 20).</summary>
[Collection(AppsCollection.Name)]
public sealed class InitiativesPersonalDataTests(AgoraApps apps)
{
    private static async Task<int> InitiativeAsync(PageClient manager, string title)
    {
        var created = await manager.Client.PostAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives", new { title, summary = "Internal work.", visibility = "HubInternal" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static MultipartFormDataContent Document(string kind, string name)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent("%PDF-1.4\n% plan\n"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return form;
    }

    private static async Task EraseAsync(AgoraFactory app, Guid personId, string email, bool deleteContributions)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
        var source = scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "initiatives");
        await source.EraseAsync(new Erasure(personId, email, "erased-test", deleteContributions, DateTimeOffset.UtcNow), CancellationToken.None);
        await db.SaveChangesAsync();
        await db.Users.Where(u => u.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, ""));
    }

    [Theory, BothDatabases]
    public async Task ExportAndErase_TeamSeatsEndOwnershipPasses_EvaluationsKeepCounting_CommentsGoOnlyWhenAsked(string provider)
    {
        var app = await apps.GetAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await TestPeople.RegisterAsync(app, "Ivo Initiative " + tag);
        var personId = await DbAsync(app, async db =>
        {
            var hub = await db.Hubs.SingleAsync(h => h.Slug == Hub);
            var user = await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync();
            db.HubMemberships.Add(new HubMembership { HubId = hub.Id, UserId = user, Roles = HubRoles.Member | HubRoles.Evaluator | HubRoles.Gatekeeper, JoinedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return user;
        });
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var me = person.Browser;

        // Their initiative (they own it) with a document they uploaded, and a seat on another.
        var owned = await InitiativeAsync(manager, "Owned by them " + tag);
        var seat = await InitiativeAsync(manager, "Their seat " + tag);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{owned}/team", new { email = person.Email, role = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.PutAsJsonAsync($"/api/v1/hubs/{Hub}/initiatives/{seat}/team", new { email = person.Email, role = "ClinicalLead" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsync($"/api/v1/hubs/{Hub}/initiatives/{owned}/documents", Document("ConceptDescription", $"plan-{tag}.pdf"))).StatusCode);

        // An initiative of others they evaluate, then take its gate decision.
        var judged = await InitiativeAsync(manager, "Judged by them " + tag);
        var url = $"/api/v1/hubs/{Hub}/initiatives/{judged}";
        var criteria = (await GetJsonAsync(me.Client, $"/api/v1/hubs/{Hub}/evaluation-criteria")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsJsonAsync(url + "/evaluations", new
        {
            scores = criteria.ToDictionary(c => c, _ => 4), comment = "Their comment " + tag,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.Client.PostAsync(url + "/documents", Document("ConceptDescription", "concept.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.Client.PostAsJsonAsync(url + "/gate", new { outcome = "Go", rationale = "Their rationale " + tag })).StatusCode);
        var scores = await DbAsync(app, db => db.EvaluationScores.CountAsync(s => db.Evaluations.Any(x => x.Id == s.EvaluationId && x.InitiativeId == judged)));

        using (var scope = app.Services.CreateScope())
        {
            var source = scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "initiatives");
            var json = JsonSerializer.Serialize(await source.ExportAsync(personId, CancellationToken.None), JsonSerializerOptions.Web);
            foreach (var expected in new[] { "Owned by them " + tag, "Their seat " + tag, "\"role\":\"ClinicalLead\"", "\"role\":\"Owner\"", "Their comment " + tag,
                         "\"score\":4", "Their rationale " + tag, $"plan-{tag}.pdf" })
                Assert.Contains(expected, json, StringComparison.Ordinal);
            Assert.DoesNotContain("concept.pdf", json, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoAccounts.Manager, json, StringComparison.Ordinal);
        }

        await EraseAsync(app, personId, person.Email, deleteContributions: false);
        await EraseAsync(app, personId, person.Email, deleteContributions: false);

        await DbAsync(app, async db =>
        {
            Assert.False(await db.InitiativeMembers.AnyAsync(m => m.UserId == personId));
            Assert.NotEqual(personId, await db.Initiatives.Where(i => i.Id == owned).Select(i => i.OwnerId).SingleAsync());
            Assert.True(await db.InitiativeMembers.AnyAsync(m => m.InitiativeId == owned && m.Role == TeamRole.Owner));
            // Their evaluation still counts, with its comment; their gate decision and document stay.
            Assert.Equal(scores, await db.EvaluationScores.CountAsync(s => db.Evaluations.Any(x => x.Id == s.EvaluationId && x.InitiativeId == judged)));
            Assert.True(await db.Evaluations.AnyAsync(x => x.InitiativeId == judged && x.EvaluatorId == personId && x.Comment == "Their comment " + tag));
            Assert.True(await db.GateDecisions.AnyAsync(d => d.InitiativeId == judged && d.DecidedById == personId));
            Assert.True(await db.InitiativeDocuments.AnyAsync(d => d.InitiativeId == owned && d.UploadedById == personId));
            return 0;
        });

        // Deleting contributions blanks their comment; the scores keep counting. Twice is harmless.
        await EraseAsync(app, personId, person.Email, deleteContributions: true);
        await EraseAsync(app, personId, person.Email, deleteContributions: true);
        await DbAsync(app, async db =>
        {
            Assert.False(await db.Evaluations.AnyAsync(x => x.Comment.Contains(tag)));
            Assert.Equal(scores, await db.EvaluationScores.CountAsync(s => db.Evaluations.Any(x => x.Id == s.EvaluationId && x.InitiativeId == judged)));
            return 0;
        });

        // The pages that showed them still answer, without their name or email.
        foreach (var path in new[]
                 {
                     $"/hubs/{Hub}/initiatives/{owned}", $"/hubs/{Hub}/initiatives/{owned}/team", $"/hubs/{Hub}/initiatives/{seat}/team",
                     $"/hubs/{Hub}/initiatives/{judged}", $"/hubs/{Hub}/initiatives/{judged}/evaluation", $"/hubs/{Hub}/initiatives",
                     $"/hubs/{Hub}/initiatives/portfolio",
                 })
        {
            var (response, doc) = await manager.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(person.Name, doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Email, doc.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync(url + "/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync($"/api/v1/hubs/{Hub}/portfolio/export")).StatusCode);
    }
}
