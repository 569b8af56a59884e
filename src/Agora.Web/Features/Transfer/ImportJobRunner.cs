using System.Globalization;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Transfer;

/// <summary>
/// Works through one import job: reads the stored CSV, skips the records already done, checks the next
/// <see cref="BatchSize"/> and stores the good ones as published ideas, in one transaction per batch that also moves the
/// job's counters. The batch first claims its records (Processed moves from where this runner found it, or nothing
/// happens), so a second runner on the same job, or the same job resumed after a crash on another instance, never
/// stores a row twice. A one-off background job keyed by the import's id, queued when the import is confirmed.
/// </summary>
public sealed class ImportJobRunner(AgoraDbContext db, ImportRows rows, AuditLog audit, IStringLocalizer<SharedResource> t, TimeProvider clock,
    ILogger<ImportJobRunner> logger) : IJob
{
    public const string Kind = "transfer.import";
    public const int BatchSize = 200;

    Task IJob.RunAsync(JobContext job, CancellationToken ct) => RunAsync(Guid.Parse(job.Key), ct);

    /// <summary>Runs the job to its end unless it is not queued or running (then nothing happens).</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        var job = await db.IdeaImportJobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new { j.Status, j.Culture, j.UiCulture }).SingleOrDefaultAsync(ct);
        if (job is null || job.Status is not (ImportStatus.Queued or ImportStatus.Running)) return;
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // Row messages in the language of the person who started the import, numbers read as in their formats.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(job.Culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(job.UiCulture);
            await WorkAsync(jobId, ct);
        }
        // A shutdown or a lost lease is not a failure: the job stays running and continues on the instance that takes it.
        catch (Exception e) when (e is not OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Import job {JobId} failed.", jobId);
            db.ChangeTracker.Clear();
            await FinishAsync(jobId, ImportStatus.Failed, CancellationToken.None);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task WorkAsync(Guid jobId, CancellationToken ct)
    {
        await db.IdeaImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.StartedAt, clock.GetUtcNow()), ct);
        var job = await db.IdeaImportJobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new { j.Status, j.CampaignId, j.CreatedById, j.FileId, j.Processed }).SingleOrDefaultAsync(ct);
        if (job is not { Status: ImportStatus.Running }) return;
        var content = job.FileId is { } fileId
            ? await db.Files.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).SingleOrDefaultAsync(ct)
            : null;
        var target = await rows.TargetAsync(job.CampaignId, job.CreatedById, ct);
        var v = new Platform.Errors.Validator(t);
        var text = content is null ? null : ImportSheet.Decode(new ImportUpload("", content), v);
        var sheet = text is null || target is null ? null : ImportSheet.Open(text, target.Questions, v);
        if (sheet is null || target is null)
        {
            // Checked when the job was made; only a vanished file or campaign ends up here.
            logger.LogWarning("Import job {JobId} has no readable file or campaign.", jobId);
            await FinishAsync(jobId, ImportStatus.Failed, ct);
            return;
        }

        var processed = job.Processed;
        while (!await StoreFromAsync(jobId, target, sheet, processed, ct))
        {
            // Another runner stored a batch first (or a commit was acknowledged too late and retried): carry on from
            // wherever the job is now; the claim keeps every record stored once.
            var state = await db.IdeaImportJobs.AsNoTracking().Where(j => j.Id == jobId)
                .Select(j => new { j.Status, j.Processed }).SingleOrDefaultAsync(ct);
            if (state is not { Status: ImportStatus.Running }) return;
            processed = state.Processed;
        }
        await FinishAsync(jobId, ImportStatus.Completed, ct);
    }

    /// <summary>Stores the records after <paramref name="processed"/> batch by batch; false when a batch was already claimed.</summary>
    private async Task<bool> StoreFromAsync(Guid jobId, ImportTarget target, ImportSheet sheet, int processed, CancellationToken ct)
    {
        var batch = new List<CsvRecord>(BatchSize);
        foreach (var record in sheet.Records().Skip(processed))
        {
            batch.Add(record);
            if (batch.Count < BatchSize) continue;
            if (!await StoreAsync(jobId, target, sheet, batch, processed, ct)) return false;
            processed += batch.Count;
            batch.Clear();
        }
        return batch.Count == 0 || await StoreAsync(jobId, target, sheet, batch, processed, ct);
    }

    /// <summary>Stores one batch; false when the job is no longer where this runner found it (someone else stored these records).</summary>
    private async Task<bool> StoreAsync(Guid jobId, ImportTarget target, ImportSheet sheet, List<CsvRecord> batch, int from, CancellationToken ct)
    {
        var checkedRows = await rows.CheckAsync(target, sheet, batch, ct);
        var good = checkedRows.Where(r => r.IsValid).ToList();
        var bad = checkedRows.Where(r => !r.IsValid).ToList();
        var now = clock.GetUtcNow();
        var stored = await db.InTransactionAsync(async () =>
        {
            var claimed = await db.IdeaImportJobs
                .Where(j => j.Id == jobId && j.Status == ImportStatus.Running && j.Processed == from)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Processed, from + batch.Count)
                    .SetProperty(j => j.Good, j => j.Good + good.Count)
                    .SetProperty(j => j.Bad, j => j.Bad + bad.Count), ct);
            if (claimed == 0) return (false, false);
            // The steps of publishing (IdeaLifecycle.PublishAsync) for a whole batch: published state and dates, the
            // history event, the author following, the campaign's count. The search index follows in one more save
            // (SearchIndexInterceptor). No notification per idea: a thousand imported ideas would flood followers.
            var ideas = good.Select(r => Published(r.Idea!, target, now)).ToList();
            db.Ideas.AddRange(ideas);
            await db.SaveChangesAsync(ct);
            foreach (var idea in ideas)
            {
                db.IdeaEvents.Add(new IdeaEvent
                {
                    IdeaId = idea.Id, FromState = IdeaState.Draft, ToState = IdeaState.Published, ActorId = target.ImporterId, OccurredAt = now,
                });
                db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, UserId = idea.AuthorId, FollowedAt = now });
            }
            db.IdeaImportErrors.AddRange(bad.Select(r => new IdeaImportError { JobId = jobId, Line = r.Line, Messages = Messages(r.Errors) }));
            await db.SaveChangesAsync(ct);
            if (ideas.Count > 0)
                await db.Campaigns.Where(c => c.Id == target.CampaignId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, c => c.IdeaCount + ideas.Count), ct);
            return (true, true);
        }, ct);
        // Keep the tracker small: thousands of tracked ideas would make every later save slower.
        db.ChangeTracker.Clear();
        return stored;
    }

    /// <summary>A fresh entity for each attempt of the transaction (a retry starts from a clean tracker).</summary>
    private static Idea Published(Idea t, ImportTarget target, DateTimeOffset now) => new()
    {
        HubId = target.HubId, CampaignId = target.CampaignId, AuthorId = t.AuthorId, Language = t.Language, Title = t.Title,
        Problem = t.Problem, Solution = t.Solution, Benefits = t.Benefits, Beneficiaries = t.Beneficiaries, Origin = t.Origin,
        CareLevel = t.CareLevel, Setting = t.Setting, FocusAreaId = t.FocusAreaId, Anonymous = t.Anonymous,
        State = IdeaState.Published, CreatedAt = now, PublishedAt = now, UpdatedAt = now, LastActivityAt = now,
        // The author follows their idea, as when they publish it themselves.
        FollowerCount = 1,
        Tags = t.Tags.Select(x => new IdeaTag { Tag = x.Tag }).ToList(),
        Answers = t.Answers.Select(a => new IdeaAnswer { QuestionId = a.QuestionId, Value = a.Value }).ToList(),
    };

    public static string Messages(IEnumerable<string> errors)
    {
        var text = string.Join('\n', errors);
        return text.Length <= 4000 ? text : text[..3999] + "…";
    }

    /// <summary>Ends the job once (completed or failed), drops the uploaded file and records what was imported.</summary>
    private async Task FinishAsync(Guid jobId, ImportStatus status, CancellationToken ct)
    {
        var job = await db.IdeaImportJobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new
            {
                j.HubId, j.CreatedById, j.FileId, j.Total, j.Processed, j.Good, j.Bad,
                Campaign = db.Campaigns.Where(c => c.Id == j.CampaignId).Select(c => c.Title).FirstOrDefault(),
                Email = db.Users.Where(u => u.Id == j.CreatedById).Select(u => u.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (job is null) return;
        // A completed job's total is what was worked through (the same file, so the same count as when it was made).
        var total = status == ImportStatus.Completed ? job.Processed : job.Total;
        var ended = await db.IdeaImportJobs.Where(j => j.Id == jobId && (j.Status == ImportStatus.Running || j.Status == ImportStatus.Queued))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow())
                .SetProperty(j => j.Total, total)
                .SetProperty(j => j.FileId, (Guid?)null), ct);
        if (ended == 0) return;
        if (job.FileId is { } fileId) await db.Files.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
        audit.Add(status == ImportStatus.Completed ? AuditActions.IdeasImported : AuditActions.IdeasImportFailed, job.HubId, job.Campaign,
            string.Create(CultureInfo.InvariantCulture, $"job={jobId}; rows={job.Processed}; stored={job.Good}; refused={job.Bad}"),
            actorId: job.CreatedById, actorEmail: job.Email);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Hourly: forgets uploads checked but never confirmed, and queues the job of any import left queued or running
/// without one (an import confirmed before jobs were kept in the database).
/// </summary>
public sealed class ImportCleanup(AgoraDbContext db, JobQueue jobs, TimeProvider clock) : IJob
{
    public const string Kind = "transfer.cleanup";

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        while (await DeleteStalePreviewsAsync(clock.GetUtcNow(), ct)) { }
        var unfinished = await db.IdeaImportJobs.Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(ct);
        var queued = (await db.BackgroundJobs.Where(j => j.Kind == ImportJobRunner.Kind).Select(j => j.Key).ToListAsync(ct)).ToHashSet();
        foreach (var id in unfinished.Where(id => !queued.Contains(id.ToString())))
            await jobs.EnsureAsync(ImportJobRunner.Kind, id.ToString(), ct);
    }

    /// <summary>How long an uploaded, checked but unconfirmed import is kept.</summary>
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromDays(1);

    /// <summary>Deletes up to 500 stale previews and their files; answers whether there may be more.</summary>
    private async Task<bool> DeleteStalePreviewsAsync(DateTimeOffset now, CancellationToken ct)
    {
        const int batch = 500;
        var before = now - PreviewLifetime;
        var stale = await db.IdeaImportJobs.Where(j => j.Status == ImportStatus.Previewed && j.CreatedAt < before)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).Select(j => new { j.Id, j.FileId }).Take(batch).ToListAsync(ct);
        if (stale.Count == 0) return false;
        var ids = stale.Select(s => s.Id).ToList();
        var files = stale.Where(s => s.FileId != null).Select(s => s.FileId!.Value).ToList();
        // Still previews only: one confirmed meanwhile keeps its row and its file.
        await db.IdeaImportJobs.Where(j => ids.Contains(j.Id) && j.Status == ImportStatus.Previewed).ExecuteDeleteAsync(ct);
        await db.Files.Where(f => files.Contains(f.Id) && !db.IdeaImportJobs.Any(j => j.FileId == f.Id)).ExecuteDeleteAsync(ct);
        return stale.Count == batch;
    }
}
