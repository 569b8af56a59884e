using System.Security.Cryptography;
using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hackathons;

public sealed record SubmissionInput(string? Description, string? CodeUrl, string? VideoUrl);

/// <summary>
/// A team's submission: description, links to code and video (http or https only) and up to five files checked by
/// content; changed by the team's members until the challenge's deadline, once the team has its minimum size.
/// </summary>
public sealed class HackathonSubmissions(AgoraDbContext db, HackathonAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    public const long MaxBytes = Uploads.MaxBytes;

    public async Task<Result<int>> SaveAsync(string hubSlug, int eventId, int teamId, SubmissionInput input, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.IsMember || !t.Hackathon.CanTakePart) return t.Hackathon.Refuse<int>();
        var description = v.Text("description", input.Description, HackathonLimits.Description, multiline: true);
        var code = v.Url("codeUrl", input.CodeUrl);
        var video = v.Url("videoUrl", input.VideoUrl);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        if (t.Challenge.Challenge.SubmissionDeadline <= now) return Result<int>.Conflict("", v.Message("Hackathons.DeadlinePassed"));
        if (t.Team.MemberCount < t.Challenge.Challenge.MinTeamSize)
            return Result<int>.Conflict("", v.Message("Hackathons.TeamTooSmall", t.Challenge.Challenge.MinTeamSize));
        var me = t.Hackathon.UserId!.Value;
        return Result<int>.Ok(await db.InTransactionAsync(async token =>
        {
            var existing = await db.HackathonSubmissions.SingleOrDefaultAsync(s => s.TeamId == teamId, token);
            if (existing is null)
            {
                existing = new HackathonSubmission { TeamId = teamId, SubmittedById = me, SubmittedAt = now };
                db.HackathonSubmissions.Add(existing);
            }
            existing.Description = description;
            existing.CodeUrl = code;
            existing.VideoUrl = video;
            existing.UpdatedAt = now;
            audit.Add(AuditActions.HackathonSubmissionSaved, t.Hackathon.HubId, HackathonTeams.Subject(t.Team));
            await db.SaveChangesAsync(token);
            return existing.Id;
        }, ct));
    }

    /// <summary>A member attaches a file to the team's submission (before the deadline).</summary>
    public async Task<Result<int>> AddFileAsync(string hubSlug, int eventId, int teamId, UploadInput? upload, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { } t) return Result<int>.NotFound();
        if (!t.IsMember || !t.Hackathon.CanTakePart) return t.Hackathon.Refuse<int>();
        if (t.Challenge.Challenge.SubmissionDeadline <= clock.GetUtcNow()) return Result<int>.Conflict("", v.Message("Hackathons.DeadlinePassed"));
        var submission = await db.HackathonSubmissions.AsNoTracking().Where(s => s.TeamId == teamId).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (submission is null) return Result<int>.Conflict("file", v.Message("Hackathons.SubmitFirst"));
        if (upload is null || upload.Size == 0) v.Add("file", "Validation.Required");
        else if (upload.Size > MaxBytes) v.Add("file", "Ideas.AttachmentTooLarge", MaxBytes / 1024 / 1024);
        var type = upload is { Size: > 0 and <= MaxBytes } ? AttachmentTypes.Detect(upload.Content) : null;
        if (upload is { Size: > 0 and <= MaxBytes } && type is null) v.Add("file", "Ideas.AttachmentType");
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        var name = AttachmentTypes.SafeFileName(upload!.FileName, type!);
        var me = t.Hackathon.UserId!.Value;
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            if (await db.HackathonSubmissionFiles.CountAsync(f => f.SubmissionId == submission, ct) >= HackathonLimits.MaxFiles)
                return (false, Result<int>.Invalid("file", v.Message("Hackathons.TooManyFiles", HackathonLimits.MaxFiles)));
            var file = new StoredFile
            {
                Id = Guid.NewGuid(), FileName = name, ContentType = type!.ContentType, Size = upload.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Content = upload.Content, UploadedById = me, UploadedAt = now,
            };
            db.Files.Add(file);
            var row = new HackathonSubmissionFile { SubmissionId = submission.Value, FileId = file.Id, UploadedById = me, UploadedAt = now };
            db.HackathonSubmissionFiles.Add(row);
            audit.Add(AuditActions.HackathonSubmissionSaved, t.Hackathon.HubId, HackathonTeams.Subject(t.Team), name);
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(row.Id));
        }, ct);
    }

    /// <summary>A submission's file for those who read the submission; null for everyone else.</summary>
    public async Task<AttachmentDownload?> DownloadAsync(string hubSlug, int eventId, int teamId, int fileId, CancellationToken ct)
    {
        if (await access.TeamAsync(hubSlug, eventId, teamId, ct) is not { SeesSubmission: true }) return null;
        return await (from x in db.HackathonSubmissionFiles.AsNoTracking()
                      join s in db.HackathonSubmissions on x.SubmissionId equals s.Id
                      join f in db.Files on x.FileId equals f.Id
                      where x.Id == fileId && s.TeamId == teamId
                      select new AttachmentDownload(f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(ct);
    }
}
