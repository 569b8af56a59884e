using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agora.Tests.Infrastructure;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Agora.Tests.Features.Ideas.IdeaFixtures;

namespace Agora.Tests.Features.Organisations;

/// <summary>The organisations' share of a person's export and erasure (issue 13, GDPR Art. 15, 17, 20).</summary>
[Collection(AppsCollection.Name)]
public sealed class OrganisationsPersonalDataTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task ExportAndErase_TheirMembershipsGo_TheOrganisationStays(string provider)
    {
        var app = await apps.GetAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = await TestPeople.RegisterAsync(app, "Olga Organisations " + tag);
        var slug = "pd-org-" + tag;
        var created = await person.Browser.Client.PostAsJsonAsync("/api/v1/organisations",
            new { slug, name = "Personal data clinic " + tag, type = "Hospital", description = "A test organisation.", country = "NO" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var personId = await DbAsync(app, db => db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync());

        using (var scope = app.Services.CreateScope())
        {
            var source = scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "organisations");
            var json = JsonSerializer.Serialize(await source.ExportAsync(personId, CancellationToken.None), JsonSerializerOptions.Web);
            Assert.Contains(slug, json, StringComparison.Ordinal);
            Assert.Contains("\"isAdmin\":true", json, StringComparison.Ordinal);
        }
        for (var run = 0; run < 2; run++)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDbContext>();
            await scope.ServiceProvider.GetServices<IPersonalData>().Single(s => s.Section == "organisations")
                .EraseAsync(new Erasure(personId, person.Email, "erased-test", false, DateTimeOffset.UtcNow), CancellationToken.None);
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, ""));
        }

        Assert.False(await DbAsync(app, db => db.OrganisationMembers.AnyAsync(m => m.UserId == personId)));
        Assert.True(await DbAsync(app, db => db.Organisations.AnyAsync(o => o.Slug == slug)));
        var (response, doc) = await (await SignInAsync(app, Agora.Web.Platform.Demo.DemoAccounts.Manager)).GetAsync($"/organisations/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(person.Name, doc.Body!.TextContent, StringComparison.Ordinal);
    }
}
