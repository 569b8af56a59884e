using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// Who may know and do what with one service request. The customer's members (and platform admins) follow it; the
/// front desk of the hub that holds it answers it; the front desk of a hub it was referred to answers the referral;
/// the desks of the hubs it passed through read it. Everyone else gets 404, in pages and API alike. Separation of
/// duties: a front-desk person who is a member of the customer organisation does not answer their own organisation's
/// request (another person at the desk does).
/// </summary>
public sealed class ServiceRequestAccess(AgoraDbContext db, NetworkAccess network, CurrentUser current)
{
    public sealed record Standing(ServiceRequest Request, Guid UserId, bool IsCustomer, bool IsCustomerMember, bool IsHolderDesk,
        ServiceReferral? PendingReferral, bool IsReferralDesk, bool IsInvolvedDesk)
    {
        public bool Knows => IsCustomer || IsHolderDesk || IsReferralDesk || IsInvolvedDesk;
        /// <summary>Sees the desk's side: the actions, the customer's contact.</summary>
        public bool IsDesk => IsHolderDesk || IsReferralDesk || IsInvolvedDesk;
        public bool CanAnswer => IsHolderDesk && Request.State == ServiceRequestState.Submitted;
        public bool CanAnswerReferral => IsReferralDesk && Request.State == ServiceRequestState.Referred && PendingReferral is not null;
        public bool CanRecordDelivery => IsHolderDesk && Request.State is ServiceRequestState.Accepted or ServiceRequestState.Delivered;
        public bool CanWithdraw => IsCustomer && Request.State is ServiceRequestState.Submitted or ServiceRequestState.Referred;
        public bool CanGiveFeedback => IsCustomerMember && Request.State == ServiceRequestState.Delivered;

        public Result<T> Refuse<T>() => Knows ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>The request with the person's standing; null when there is none or the person may not know it exists.</summary>
    public async Task<Standing?> LoadAsync(int id, CancellationToken ct)
    {
        if (!current.IsAuthenticated || current.Id is not { } me) return null;
        var request = await db.ServiceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var member = await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == request.CustomerId && m.UserId == me, ct);
        var customer = member || await network.ActsForCustomerAsync(request.CustomerId, ct);
        var holder = await network.IsFrontDeskAsync(request.HubId, ct);
        var referrals = await db.ServiceReferrals.AsNoTracking().Where(r => r.RequestId == id).ToListAsync(ct);
        var pending = request.State == ServiceRequestState.Referred ? referrals.Where(r => r.Accepted == null).OrderByDescending(r => r.SentAt).FirstOrDefault() : null;
        var referralDesk = pending is not null && await network.IsFrontDeskAsync(pending.ToHubId, ct);
        var involved = false;
        foreach (var hub in referrals.SelectMany(r => new[] { r.FromHubId, r.ToHubId }).Append(request.FirstHubId).Distinct())
        {
            if (hub == request.HubId || hub == pending?.ToHubId) continue;
            if (await network.IsFrontDeskAsync(hub, ct)) { involved = true; break; }
        }
        var standing = new Standing(request, me, customer, member, holder, pending, referralDesk, involved);
        return standing.Knows ? standing : null;
    }
}
