using Agora.Tests.Features.Ideas;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Demo;
using Agora.Web.Platform.Files;
using Agora.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Transfer;

/// <summary>The hourly import clean-up: unconfirmed uploads go after a day; an import left without its job gets one.</summary>
[Collection(AppsCollection.Name)]
public sealed class ImportCleanupTests(AgoraApps apps)
{
    [Theory, BothDatabases]
    public async Task Cleanup_ForgetsDayOldPreviews_KeepsFreshOnes_AndQueuesOrphanedImports(string provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await IdeaFixtures.CampaignAsync(app);
        var manager = await UserIdAsync(app, DemoAccounts.Manager);
        var now = DateTimeOffset.UtcNow;
        IdeaImportJob Import(ImportStatus status, DateTimeOffset createdAt, Guid? fileId) => new()
        {
            Id = Guid.NewGuid(), HubId = c.HubId, CampaignId = c.Id, CreatedById = manager, Culture = "en-GB", UiCulture = "en",
            Status = status, FileName = "ideas.csv", FileId = fileId, Total = 1, CreatedAt = createdAt,
        };
        StoredFile File() => new()
        {
            Id = Guid.NewGuid(), FileName = "ideas-import.csv", ContentType = "text/csv", Size = 1, Sha256 = "", Content = [1],
            UploadedById = manager, UploadedAt = now,
        };
        var (staleFile, freshFile) = (File(), File());
        var stale = Import(ImportStatus.Previewed, now.AddDays(-2), staleFile.Id);
        var fresh = Import(ImportStatus.Previewed, now.AddHours(-1), freshFile.Id);
        // Queued without a job (as one confirmed before jobs were kept in the database) and without its file.
        var orphan = Import(ImportStatus.Queued, now.AddMinutes(-5), null);
        await DbAsync(app, db =>
        {
            db.Files.AddRange(staleFile, freshFile);
            db.IdeaImportJobs.AddRange(stale, fresh, orphan);
            return db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ImportCleanup>().RunAsync(new JobContext(ImportCleanup.Kind, "", 1), default);

        Assert.False(await DbAsync(app, db => db.IdeaImportJobs.AnyAsync(j => j.Id == stale.Id)));
        Assert.False(await DbAsync(app, db => db.Files.AnyAsync(f => f.Id == staleFile.Id)));
        Assert.True(await DbAsync(app, db => db.IdeaImportJobs.AnyAsync(j => j.Id == fresh.Id)));
        Assert.True(await DbAsync(app, db => db.Files.AnyAsync(f => f.Id == freshFile.Id)));
        // The orphan now has its job, which the background worker runs: with no file to read, it fails instead of waiting forever.
        var until = DateTime.UtcNow.AddSeconds(60);
        ImportStatus status;
        while ((status = await DbAsync(app, db => db.IdeaImportJobs.Where(j => j.Id == orphan.Id).Select(j => j.Status).SingleAsync())) is ImportStatus.Queued or ImportStatus.Running
               && DateTime.UtcNow < until)
            await Task.Delay(100);
        Assert.Equal(ImportStatus.Failed, status);
    }
}
