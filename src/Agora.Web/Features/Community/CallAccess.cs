using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Community;

/// <summary>What a person's standing in a hub lets them do with the hub's calls for community roles.</summary>
public static class CommunityOperations
{
    /// <summary>Hub managers prepare, open, close and decide calls, and pick their reviewers.</summary>
    public static readonly HubOperation ManageCalls = new(nameof(ManageCalls), v => v.IsManager);
}

/// <summary>
/// Who may know and do what with one call. A draft is its hub managers' alone. An open call is known to those who may
/// apply (the hub's members; anyone for a call open to everyone signed in; the invited people of an invitation-only
/// call, and the hub's members), to its reviewers and to everyone who applied. Everyone else gets 404.
/// A reviewer's rights last as long as their membership (see <see cref="CallRightsEnded"/>).
/// </summary>
public sealed class CallAccess(AgoraDbContext db, Viewers viewers, CurrentUser current)
{
    /// <summary>What the person asking is to one call.</summary>
    public sealed record Standing(CommunityCall Call, string HubSlug, Viewer Viewer, Guid? UserId, bool IsReviewer, bool Invited, CallApplication? Application)
    {
        public bool IsManager => Viewer.May(CommunityOperations.ManageCalls);

        public bool Knows => Call.State == CallState.Draft
            ? IsManager
            : IsManager || IsReviewer || Application is not null || Call.Audience switch
            {
                CallAudience.HubMembers => Viewer.IsMember,
                CallAudience.SignedIn => true,
                _ => Viewer.IsMember || Invited,
            };

        /// <summary>Whether the person is one the call is open to (the deadline aside).</summary>
        public bool MayApply => UserId is not null && !Viewer.IsBlocked && Call.Audience switch
        {
            CallAudience.HubMembers => Viewer.IsMember,
            CallAudience.SignedIn => true,
            _ => Invited,
        };

        public Result<T> Refuse<T>() => Knows ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>The call of the hub with the person's rights on it; null when there is none or the person may not know it.</summary>
    public async Task<Standing?> LoadAsync(string hubSlug, int id, CancellationToken ct)
    {
        var call = await db.CommunityCalls.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id && db.Hubs.Any(h => h.Id == c.HubId && h.Slug == hubSlug), ct);
        if (call is null) return null;
        Standing scope;
        if (!current.IsAuthenticated) scope = new Standing(call, hubSlug, Viewer.Anonymous, null, false, false, null);
        else
        {
            var me = current.RequiredId;
            var viewer = await viewers.ForHubAsync(call.HubId, ct);
            // An assignment alone is no right: the reviewer must still be a member of the hub, not blocked.
            var reviewer = viewer.IsMember && !viewer.IsBlocked && await db.CallReviewers.AnyAsync(r => r.CallId == id && r.UserId == me, ct);
            var invited = call.Audience == CallAudience.InvitedOnly && await db.CallInvitations.AnyAsync(i => i.CallId == id && i.AcceptedById == me, ct);
            var application = await db.CallApplications.AsNoTracking().SingleOrDefaultAsync(a => a.CallId == id && a.ApplicantId == me, ct);
            scope = new Standing(call, hubSlug, viewer, me, reviewer, invited, application);
        }
        return scope.Knows ? scope : null;
    }
}
