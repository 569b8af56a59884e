using Agora.Web.Features.Campaigns;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Requests;

/// <summary>
/// Who may do what with one request. Only its applicant, the reviewers assigned to it and the hub's managers know it
/// exists: everyone else gets 404, for the request and for its documents, in pages and API alike. Until it is
/// submitted a request is the applicant's alone: a draft is unknown to the hub's side. A reviewer's rights last as long
/// as their membership and matching reviewer role in the hub (see <see cref="RequestRightsEnded"/>).
/// </summary>
public sealed class RequestAccess(AgoraDbContext db, Viewers viewers, CurrentUser current)
{
    /// <summary>What the person asking is to one request: its applicant, a reviewer, a manager of its hub, or none.</summary>
    public sealed record Standing(HubRequest Request, RequestType Type, Viewer Viewer, Guid UserId, IReadOnlyList<ReviewRole> ReviewerRoles)
    {
        public bool IsApplicant => Request.ApplicantId == UserId;
        /// <summary>Sent to the hub at least once; before that (a draft, or a draft withdrawn) only the applicant knows it.</summary>
        public bool Submitted => Request.SubmittedAt is not null && Request.State != RequestState.Draft;
        /// <summary>The hub's side; a manager who applies in their own hub is only the applicant of their request.</summary>
        public bool IsManager => Viewer.IsManager && Submitted && !IsApplicant;
        public bool IsReviewer => ReviewerRoles.Count > 0 && Submitted && !IsApplicant;
        public bool Knows => IsApplicant || IsManager || IsReviewer;
        /// <summary>The applicant edits a draft, and a request returned to them for completion.</summary>
        public bool CanEdit => IsApplicant && Request.State is RequestState.Draft or RequestState.Returned;
        /// <summary>Internal notes, reviews and who reviews: the hub's side only.</summary>
        public bool SeesInternal => IsManager || IsReviewer;

        public Result<T> Refuse<T>() => Knows ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>The request of the hub with the person's rights on it; null when there is none or the person may not know it.</summary>
    public async Task<Standing?> LoadAsync(string hubSlug, int id, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return null;
        var request = await db.Requests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == id && db.Hubs.Any(h => h.Id == r.HubId && h.Slug == hubSlug), ct);
        if (request is null) return null;
        var me = current.RequiredId;
        var viewer = await viewers.ForHubAsync(request.HubId, ct);
        // A review row alone is no right: its reviewer must still be a member of the hub, not blocked, with the matching role.
        IReadOnlyList<ReviewRole> allowed = viewer.IsBlocked ? [] : ReviewRoles.AllowedBy(await current.RolesInAsync(request.HubId, ct));
        var roles = (await db.RequestReviews.Where(r => r.RequestId == id && r.ReviewerId == me).Select(r => r.Role).ToListAsync(ct))
            .Where(allowed.Contains).ToList();
        var type = await db.RequestTypes.AsNoTracking().SingleAsync(t => t.Id == request.TypeId, ct);
        var scope = new Standing(request, type, viewer, me, roles);
        return scope.Knows ? scope : null;
    }

    /// <summary>The person's standing on a request known by its id alone (another area linking one, e.g. a partnering profile's data application).</summary>
    public async Task<Standing?> LoadAsync(int id, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return null;
        var slug = await db.Requests.AsNoTracking().Where(r => r.Id == id).Join(db.Hubs, r => r.HubId, h => h.Id, (r, h) => h.Slug).SingleOrDefaultAsync(ct);
        return slug is null ? null : await LoadAsync(slug, id, ct);
    }
}
