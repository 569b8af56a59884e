using System.Linq.Expressions;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Profiles;

/// <summary>
/// Who may know and do what with partnering profiles, decided here once for pages, API and notifications:
/// <list type="bullet">
/// <item>a <b>published</b>, unexpired profile is seen by everyone, anonymous visitors too, but without who is behind it
/// (as in the Enterprise Europe Network: the organisation's name, the author and the contact are hidden; the
/// organisation's country and kind are shown);</item>
/// <item>the profile's <b>organisation members</b> see and edit its profiles in any state; its author and the
/// organisation's admins submit, withdraw, renew and answer the expressions of interest;</item>
/// <item>the reviewing hub's <b>front desk</b> (its managers and confirmed front-desk contacts) sees profiles once
/// submitted and reviews those in review: never one of their own organisation's (separation of duties);</item>
/// <item>the two sides of an <b>accepted</b> expression of interest see each other's contact;</item>
/// <item>everyone else does not learn that a profile exists (404).</item>
/// </list>
/// </summary>
public sealed class PartneringAccess(AgoraDbContext db, NetworkAccess network, CurrentUser current, TimeProvider clock)
{
    /// <summary>The person's standing towards one profile.</summary>
    public sealed record Standing(PartneringProfile Profile, Guid? UserId, bool IsMember, bool IsOrganisationAdmin, bool IsDesk, bool IsPublic, bool IsCounterpart)
    {
        public bool IsAuthor => UserId is { } me && Profile.AuthorId == me;
        /// <summary>Sees and edits the profile in any state.</summary>
        public bool CanEdit => IsMember && Profile.Status != ProfileStatus.Withdrawn;
        /// <summary>Submits, withdraws, renews, answers interests: its author and its organisation's admins.</summary>
        public bool CanManage => IsMember && (IsAuthor || IsOrganisationAdmin);
        /// <summary>The hub's desk, outside the profile's organisation, once submitted.</summary>
        public bool IsReviewer => IsDesk && !IsMember && !IsAuthor && Profile.SubmittedAt is not null && Profile.Status != ProfileStatus.Draft;
        public bool CanReview => IsReviewer && Profile.Status == ProfileStatus.InReview;
        public bool Knows => IsMember || IsReviewer || IsPublic;
        /// <summary>Who is behind the profile (its organisation's name and website): members, reviewers and accepted counterparts.</summary>
        public bool SeesOrganisation => IsMember || IsReviewer || IsCounterpart;
        /// <summary>The author's name and email: members and accepted counterparts.</summary>
        public bool SeesContact => IsMember || IsCounterpart;
        /// <summary>May send an expression of interest: signed in, published, outside the profile's organisation.</summary>
        public bool CanExpressInterest => UserId is not null && IsPublic && !IsMember;
        public Result<T> Refuse<T>() => Knows ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>Published and not expired at <paramref name="now"/>: what everyone sees.</summary>
    public static Expression<Func<PartneringProfile, bool>> IsPublished(DateTimeOffset now) =>
        p => p.Status == ProfileStatus.Published && (p.ExpiresAt == null || p.ExpiresAt > now);

    public static bool IsPublishedNow(PartneringProfile p, DateTimeOffset now) =>
        p.Status == ProfileStatus.Published && (p.ExpiresAt is null || p.ExpiresAt > now);

    public Guid? Me => current.IsAuthenticated ? current.Id : null;

    public Task<bool> IsMemberAsync(Guid organisationId, CancellationToken ct) =>
        Me is { } me ? db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == me, ct) : Task.FromResult(false);

    /// <summary>The hub's front desk (managers and confirmed contacts): they review the hub's profiles.</summary>
    public Task<bool> IsDeskAsync(Guid hubId, CancellationToken ct) => network.IsFrontDeskAsync(hubId, ct);

    /// <summary>The profile with the person's standing; null when there is none or the person may not know it exists.</summary>
    public async Task<Standing?> LoadAsync(int id, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.PartneringProfiles : db.PartneringProfiles.AsNoTracking();
        var p = await query.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var s = await StandingAsync(p, ct);
        return s.Knows ? s : null;
    }

    public async Task<Standing> StandingAsync(PartneringProfile p, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = Me;
        var isPublic = IsPublishedNow(p, now);
        if (me is null) return new Standing(p, null, false, false, false, isPublic, false);
        var membership = await db.OrganisationMembers.AsNoTracking().Where(m => m.OrganisationId == p.OrganisationId && m.UserId == me)
            .Select(m => new { m.IsAdmin }).SingleOrDefaultAsync(ct);
        var desk = p.Status != ProfileStatus.Draft && await network.IsFrontDeskAsync(p.HubId, ct);
        var counterpart = membership is null && await db.ExpressionsOfInterest.AnyAsync(e => e.ProfileId == p.Id && e.State == InterestState.Accepted
            && (e.SenderId == me || db.OrganisationMembers.Any(m => m.OrganisationId == e.SenderOrganisationId && m.UserId == me)), ct);
        return new Standing(p, me, membership is not null, membership?.IsAdmin == true, desk, isPublic, counterpart);
    }
}
