using System.Globalization;
using System.Security.Cryptography;
using Agora.Web.Features.Campaigns;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Transfer;

/// <summary>One of the first rows of a file as it will be stored (or, when refused, its title as written and why).</summary>
public sealed record ImportPreviewRow(
    int Line, bool Valid, string Title, string? Author, string Language, string Problem, string Solution, string Benefits,
    IReadOnlyList<string> WhoBenefits, string Origin, string CareLevel, string Setting, string? FocusArea, IReadOnlyList<string> Tags,
    bool Anonymous, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<string> Errors);

/// <summary>A row that will not be (or was not) stored: its line in the file and the messages, each naming its column.</summary>
public sealed record ImportRowError(int Line, IReadOnlyList<string> Messages);

/// <summary>What an import of the file would do: counts, the first rows as stored, every refused row by line.</summary>
public sealed record ImportPreview(
    int Total, int Good, int Bad, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<ImportPreviewRow> Rows, IReadOnlyList<ImportRowError> Errors);

public sealed record ImportJobRef(Guid Id, string HubSlug, string CampaignSlug, ImportStatus Status)
{
    public string Url => $"/api/v1/hubs/{HubSlug}/campaigns/{CampaignSlug}/imports/{Id}";
    public string Page => $"/hubs/{HubSlug}/campaigns/{CampaignSlug}/import/{Id}";
}

/// <summary>An upload kept for confirmation (the import page) with what it would do.</summary>
public sealed record HeldImport(ImportJobRef Job, ImportPreview Preview);

/// <summary>
/// Imports ideas from CSV into a campaign (hub managers and platform admins): preview what would be stored, then a
/// job stores the good rows in the background (<see cref="ImportJobRunner"/>). Others get 404: the import does not
/// exist for them.
/// </summary>
public sealed class ImportIdeas(AgoraDbContext db, CampaignQueries campaigns, CurrentUser current, ImportRows rows, Validator v,
    AuditLog audit, JobQueue jobs, TimeProvider clock)
{
    public const int PreviewRows = 20;

    /// <summary>Checks every row of the file and answers what an import would do, without keeping anything.</summary>
    public async Task<Result<ImportPreview>> PreviewAsync(string hubSlug, string campaignSlug, ImportUpload? upload, CancellationToken ct)
    {
        if (await TargetAsync(hubSlug, campaignSlug, ct) is not { } target) return Result<ImportPreview>.NotFound();
        if (Open(upload, target) is not { } sheet) return Result<ImportPreview>.Invalid(v.Errors);
        return Result<ImportPreview>.Ok(await PreviewAsync(target, sheet.Sheet, ct));
    }

    /// <summary>Checks the file and queues the import at once (the API); the rows are checked by the job.</summary>
    public async Task<Result<ImportJobRef>> StartAsync(string hubSlug, string campaignSlug, ImportUpload? upload, CancellationToken ct)
    {
        if (await TargetAsync(hubSlug, campaignSlug, ct) is not { } target) return Result<ImportJobRef>.NotFound();
        if (Open(upload, target) is not { } sheet) return Result<ImportJobRef>.Invalid(v.Errors);
        return Result<ImportJobRef>.Ok(await CreateJobAsync(target, upload!, sheet.Count, ImportStatus.Queued, ct));
    }

    /// <summary>Checks every row and keeps the file until the person confirms (the import page); unconfirmed uploads go after a day.</summary>
    public async Task<Result<HeldImport>> HoldAsync(string hubSlug, string campaignSlug, ImportUpload? upload, CancellationToken ct)
    {
        if (await TargetAsync(hubSlug, campaignSlug, ct) is not { } target) return Result<HeldImport>.NotFound();
        if (Open(upload, target) is not { } sheet) return Result<HeldImport>.Invalid(v.Errors);
        var preview = await PreviewAsync(target, sheet.Sheet, ct);
        var job = await CreateJobAsync(target, upload!, sheet.Count, ImportStatus.Previewed, ct);
        return Result<HeldImport>.Ok(new HeldImport(job, preview));
    }

    /// <summary>Queues a held import.</summary>
    public async Task<Result<ImportJobRef>> ConfirmAsync(string hubSlug, string campaignSlug, Guid jobId, CancellationToken ct)
    {
        if (await TargetAsync(hubSlug, campaignSlug, ct) is not { } target) return Result<ImportJobRef>.NotFound();
        var job = await db.IdeaImportJobs.AsNoTracking().Where(j => j.Id == jobId && j.CampaignId == target.CampaignId)
            .Select(j => new { j.Status, j.Total, j.FileName }).SingleOrDefaultAsync(ct);
        if (job is null) return Result<ImportJobRef>.NotFound();
        var reference = new ImportJobRef(jobId, target.HubSlug, target.Slug, ImportStatus.Queued);
        // The import, its audit entry and its background job: all or nothing.
        var queued = await db.InTransactionAsync(async () =>
        {
            var moved = await db.IdeaImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Previewed)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Queued), ct);
            if (moved == 0) return (false, false);
            audit.Add(AuditActions.IdeasImportStarted, target.HubId, target.Title, Details(jobId, job.Total, job.FileName));
            jobs.Add(ImportJobRunner.Kind, jobId.ToString());
            await db.SaveChangesAsync(ct);
            return (true, true);
        }, ct);
        // Confirming twice (a double click, the back button) is the same as once.
        if (!queued) return Result<ImportJobRef>.Ok(reference with { Status = job.Status });
        return Result<ImportJobRef>.Ok(reference);
    }

    /// <summary>Forgets a held import and its file.</summary>
    public async Task<Result<bool>> DiscardAsync(string hubSlug, string campaignSlug, Guid jobId, CancellationToken ct)
    {
        if (await TargetAsync(hubSlug, campaignSlug, ct) is not { } target) return Result<bool>.NotFound();
        var job = await db.IdeaImportJobs.AsNoTracking().Where(j => j.Id == jobId && j.CampaignId == target.CampaignId && j.Status == ImportStatus.Previewed)
            .Select(j => new { j.FileId }).SingleOrDefaultAsync(ct);
        if (job is null) return Result<bool>.NotFound();
        await db.IdeaImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Previewed).ExecuteDeleteAsync(ct);
        if (job.FileId is { } fileId) await db.Files.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>The campaign when the person manages its hub; null (404) otherwise.</summary>
    private async Task<ImportTarget?> TargetAsync(string hubSlug, string campaignSlug, CancellationToken ct)
    {
        var campaign = await campaigns.GetContextAsync(hubSlug, campaignSlug, ct);
        if (campaign is null || !campaign.Viewer.CanManage || !current.IsAuthenticated) return null;
        return await rows.TargetAsync(campaign.Id, current.RequiredId, ct);
    }

    /// <summary>The file opened and its records counted; null with errors on "file".</summary>
    private (ImportSheet Sheet, int Count)? Open(ImportUpload? upload, ImportTarget target)
    {
        if (ImportSheet.Decode(upload, v) is not { } text) return null;
        if (ImportSheet.Open(text, target.Questions, v) is not { } sheet) return null;
        if (sheet.Count(v) is not { } count) return null;
        return (sheet, count);
    }

    private async Task<ImportPreview> PreviewAsync(ImportTarget target, ImportSheet sheet, CancellationToken ct)
    {
        int total = 0, good = 0;
        var shown = new List<ImportPreviewRow>();
        var errors = new List<ImportRowError>();
        foreach (var chunk in sheet.Records().Chunk(1000))
        {
            foreach (var row in await rows.CheckAsync(target, sheet, chunk, ct))
            {
                total++;
                if (row.IsValid) good++;
                else errors.Add(new ImportRowError(row.Line, row.Errors));
                if (shown.Count < PreviewRows) shown.Add(Show(row, target, sheet, chunk.First(r => r.Line == row.Line)));
            }
        }
        return new ImportPreview(total, good, total - good, sheet.IgnoredColumns, shown, errors);
    }

    private static ImportPreviewRow Show(CheckedRow row, ImportTarget target, ImportSheet sheet, CsvRecord record)
    {
        if (row.Idea is not { } i)
        {
            return new ImportPreviewRow(row.Line, false, Validator.Clean(sheet.Value(record, ImportColumn.Title)), null, "", "", "", "", [], "", "", "",
                null, [], false, new Dictionary<string, string>(), row.Errors);
        }
        var answers = target.Questions
            .Select(q => (q.Label, Value: i.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value))
            .Where(a => a.Value is not null)
            .GroupBy(a => a.Label).ToDictionary(g => g.Key, g => g.First().Value!.Replace("\n", "; ", StringComparison.Ordinal));
        return new ImportPreviewRow(row.Line, true, i.Title, row.AuthorName, i.Language, i.Problem, i.Solution, i.Benefits,
            IdeaQueries.BeneficiaryNames(i.Beneficiaries), i.Origin.ToString(), i.CareLevel.ToString(), i.Setting.ToString(),
            target.FocusAreas.Where(f => f.Id == i.FocusAreaId).Select(f => f.Key).FirstOrDefault(), i.Tags.Select(t => t.Tag).ToList(),
            i.Anonymous, answers, []);
    }

    private async Task<ImportJobRef> CreateJobAsync(ImportTarget target, ImportUpload upload, int count, ImportStatus status, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = current.RequiredId;
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "ideas-import.csv", ContentType = "text/csv", Size = upload.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Content = upload.Content, UploadedById = me, UploadedAt = now,
        };
        var job = new IdeaImportJob
        {
            Id = Guid.NewGuid(), HubId = target.HubId, CampaignId = target.CampaignId, CreatedById = me,
            Culture = CultureInfo.CurrentCulture.Name, UiCulture = CultureInfo.CurrentUICulture.Name, Status = status,
            FileName = SafeFileName(upload.FileName), FileId = file.Id, Total = count, CreatedAt = now,
        };
        db.Files.Add(file);
        db.IdeaImportJobs.Add(job);
        if (status == ImportStatus.Queued)
        {
            audit.Add(AuditActions.IdeasImportStarted, target.HubId, target.Title, Details(job.Id, count, job.FileName));
            jobs.Add(ImportJobRunner.Kind, job.Id.ToString());
        }
        await db.SaveChangesAsync(ct);
        return new ImportJobRef(job.Id, target.HubSlug, target.Slug, status);
    }

    private static string Details(Guid jobId, int rows, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"job={jobId}; rows={rows}; file={fileName}");

    /// <summary>The uploaded name without path, control characters or anything but letters, digits and . - _ ( ) and spaces.</summary>
    public static string SafeFileName(string? name)
    {
        var baseName = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var safe = new string(Validator.Clean(baseName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '(' or ')' or ' ' ? c : '_').ToArray()).Trim();
        if (safe.Length > 100) safe = safe[..100];
        return safe.Trim('.', ' ').Length == 0 ? "import.csv" : safe;
    }
}

/// <summary>An import job as its page and the API show it, with one page of refused rows.</summary>
public sealed record ImportJobView(
    Guid Id, string HubSlug, string CampaignSlug, string CampaignTitle, ImportStatus Status, string FileName, int Total, int Processed,
    int Good, int Bad, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, PagedList<ImportRowError> Errors)
{
    public bool IsRunning => Status is ImportStatus.Queued or ImportStatus.Running;

    /// <summary>Whole percent done, for people (the progress element carries the exact numbers).</summary>
    public int Percent => Total == 0 ? (IsRunning ? 0 : 100) : (int)Math.Min(100, Processed * 100L / Total);
}

public sealed record ImportJobSummary(Guid Id, ImportStatus Status, string FileName, int Total, int Processed, int Good, int Bad, DateTimeOffset CreatedAt);

/// <summary>Read side of imports, for hub managers of the campaign's hub.</summary>
public sealed class ImportQueries(AgoraDbContext db, CampaignQueries campaigns, CurrentUser current)
{
    public async Task<ImportJobView?> GetAsync(string hubSlug, string campaignSlug, Guid jobId, int page, int pageSize, CancellationToken ct)
    {
        var campaign = await campaigns.GetContextAsync(hubSlug, campaignSlug, ct);
        if (campaign is null || !campaign.Viewer.CanManage || !current.IsAuthenticated) return null;
        var job = await db.IdeaImportJobs.AsNoTracking().Where(j => j.Id == jobId && j.CampaignId == campaign.Id)
            .Select(j => new { j.Status, j.FileName, j.Total, j.Processed, j.Good, j.Bad, j.CreatedAt, j.StartedAt, j.FinishedAt })
            .SingleOrDefaultAsync(ct);
        if (job is null) return null;
        var errors = db.IdeaImportErrors.AsNoTracking().Where(e => e.JobId == jobId);
        var count = await errors.CountAsync(ct);
        var items = await errors.OrderBy(e => e.Line).Skip((page - 1) * pageSize).Take(pageSize).Select(e => new { e.Line, e.Messages }).ToListAsync(ct);
        return new ImportJobView(jobId, campaign.HubSlug, campaign.Slug, campaign.Title, job.Status, job.FileName, job.Total, job.Processed,
            job.Good, job.Bad, job.CreatedAt, job.StartedAt, job.FinishedAt,
            new PagedList<ImportRowError>(items.Select(e => new ImportRowError(e.Line, e.Messages.Split('\n'))).ToList(), page, pageSize, count));
    }

    /// <summary>The campaign's latest imports (not those still waiting for confirmation).</summary>
    public async Task<IReadOnlyList<ImportJobSummary>> RecentAsync(Guid campaignId, CancellationToken ct) =>
        await db.IdeaImportJobs.AsNoTracking().Where(j => j.CampaignId == campaignId && j.Status != ImportStatus.Previewed)
            .OrderByDescending(j => j.CreatedAt).Take(10)
            .Select(j => new ImportJobSummary(j.Id, j.Status, j.FileName, j.Total, j.Processed, j.Good, j.Bad, j.CreatedAt))
            .ToListAsync(ct);
}
