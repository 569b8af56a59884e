using System.Security.Cryptography;
using System.Text;
using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Transfer;

/// <summary>The imports source of the personal-data export and erasure (issue 13).</summary>
[Collection(AppsCollection.Name)]
public sealed class TransferPersonalDataTests(AgoraApps apps)
{
    private const string Csv = "title,problem,solution,benefits,author email,language,origin,care level,setting,focus area,tags,who benefits,"
        + "Which ward are you in?,Which shift?,Who is involved?,Patients a week\r\n"
        + "Imported lounge,Patients wait.,A lounge.,Beds free up,,en,PrimaryCareEmployee,Specialist,City,ehealth,discharge,Patients,Ward 3,night,Nurses,12\r\n";

    [Theory, BothDatabases]
    public async Task Erase_DeletesPreviewsWithTheirFiles_KeepsConfirmedImportsAnonymised(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app, withQuestions: true);
        var person = await PersonalDataFixtures.RegisterAsync(app);
        var manager = await SignInAsync(app, DemoAccounts.Manager);
        var userId = await UserIdAsync(app, person.Email);

        // A confirmed import made through the API, and a held preview with its uploaded file. Importing needs a hub
        // manager with two-factor sign-in, so the demo manager imports and the jobs are then handed to the person.
        var jobUrl = await TransferFixtures.StartAsync(manager.Client, c, Csv);
        await TransferFixtures.WaitAsync(manager.Client, jobUrl);
        var done = TransferFixtures.JobId(jobUrl);
        var preview = Guid.NewGuid();
        var fileId = Guid.NewGuid();
        await DbAsync(app, async db =>
        {
            var bytes = Encoding.UTF8.GetBytes(Csv);
            var now = DateTimeOffset.UtcNow;
            db.Files.Add(new StoredFile
            {
                Id = fileId, FileName = "held.csv", ContentType = "text/csv", Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Content = bytes, UploadedById = userId, UploadedAt = now,
            });
            db.IdeaImportJobs.Add(new IdeaImportJob
            {
                Id = preview, HubId = c.HubId, CampaignId = c.Id, CreatedById = userId, Status = ImportStatus.Previewed, FileName = "held.csv",
                FileId = fileId, Total = 1, CreatedAt = now,
            });
            await db.SaveChangesAsync();
            return await db.IdeaImportJobs.Where(j => j.Id == done).ExecuteUpdateAsync(s => s.SetProperty(j => j.CreatedById, userId));
        });

        var json = await PersonalDataFixtures.ExportAsync(app, "imports", userId);
        Assert.Contains("held.csv", json);
        Assert.Contains("\"status\":\"Completed\"", json);
        Assert.Contains("\"status\":\"Previewed\"", json);

        await PersonalDataFixtures.EraseTwiceAsync(app, "imports", person, deleteContributions: false);

        await DbAsync(app, async db =>
        {
            Assert.False(await db.IdeaImportJobs.AnyAsync(j => j.Id == preview));
            Assert.False(await db.Files.AnyAsync(f => f.Id == fileId));
            Assert.True(await db.IdeaImportJobs.AnyAsync(j => j.Id == done && j.CreatedById == userId));
            Assert.Equal(1, await db.Ideas.CountAsync(i => i.CampaignId == c.Id));
            return 0;
        });
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/import/{done}", person);
        await PersonalDataFixtures.AssertNotNamedAsync(manager, $"/hubs/{c.HubSlug}/campaigns/{c.Slug}/import", person);
    }
}
