using Agora.Web.Features.Ideas;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Moderation;

/// <summary>
/// Someone reports an idea or a comment with a reason. One report per person and content (the unique index
/// decides under concurrency); reporting again just answers that it was already reported.
/// </summary>
public sealed class ReportContent(AgoraDbContext db, IdeaAccess ideas, CurrentUser current, Validator v, TimeProvider clock, Platform.Security.SubmissionLimits limits)
{
    public async Task<Result<bool>> HandleAsync(ReportTarget target, long id, ReportReason reason, string? details, CancellationToken ct)
    {
        var ideaId = await ModerationTargets.IdeaOfAsync(db, target, id, ct);
        if (ideaId is null) return Result<bool>.NotFound();
        var scope = await ideas.LoadAsync(ideaId.Value, track: false, ct);
        if (scope is null || !scope.CanSee) return Result<bool>.NotFound();
        if (!ModerationRules.CanReport(scope.Viewer)) return Result<bool>.Forbidden();
        if (!Enum.IsDefined(target)) return Result<bool>.NotFound();
        if (!Enum.IsDefined(reason)) v.Add("reason", "Validation.Invalid");
        var text = v.Text("details", details, ModerationRules.MaxReasonLength, required: reason == ReportReason.Other, multiline: true);
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        var me = current.RequiredId;
        if (await limits.RefuseAsync<bool>(Platform.Security.SubmissionKinds.Reports, db.Reports.Where(r => r.ReporterId == me).Select(r => r.CreatedAt), ct) is { } tooMany)
            return tooMany;
        var report = new Report
        {
            Id = Guid.NewGuid(), HubId = scope.Idea.HubId, Target = target, TargetId = id, ReporterId = current.RequiredId,
            Reason = reason, Details = text, CreatedAt = clock.GetUtcNow(),
        };
        // False when this person had reported it already: not an error, and nothing doubles.
        return Result<bool>.Ok(await db.TryInsertAsync(report, ct));
    }
}

internal static class ModerationTargets
{
    /// <summary>The idea a reported thing belongs to (the idea itself, or the comment's idea).</summary>
    public static async Task<int?> IdeaOfAsync(AgoraDbContext db, ReportTarget target, long id, CancellationToken ct) => target switch
    {
        ReportTarget.Idea when id is > 0 and <= int.MaxValue => await db.Ideas.Where(i => i.Id == (int)id).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct),
        ReportTarget.Comment => await db.Comments.Where(c => c.Id == id).Select(c => (int?)c.IdeaId).SingleOrDefaultAsync(ct),
        _ => null,
    };
}
