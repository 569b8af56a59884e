using Agora.Web.Features.Network;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// Who may know and do what with digital maturity assessments, decided here once for pages, API and export:
/// <list type="bullet">
/// <item>the customer organisation's <b>members</b> and the hub's <b>front desk</b> (its managers and confirmed
/// front-desk contacts) fill an assessment and read it;</item>
/// <item><b>platform admins</b> read every assessment (their admin right alone does not let them answer for a customer);</item>
/// <item>everyone else does not learn that an assessment exists (404).</item>
/// </list>
/// The export of a hub's assessments is for its managers; of all assessments, for platform admins.
/// </summary>
public sealed class MaturityAccess(AgoraDbContext db, NetworkAccess network, CurrentUser current)
{
    public sealed record Standing(MaturityAssessment Assessment, Guid UserId, bool CanFill, bool CanRead)
    {
        public bool IsDraft => Assessment.Status == AssessmentStatus.Draft;
        public Result<T> Refuse<T>() => CanRead ? Result<T>.Forbidden() : Result<T>.NotFound();
    }

    /// <summary>Filling assessments of this customer with this hub: the customer's members and the hub's front desk.</summary>
    public async Task<bool> MayFillAsync(Guid organisationId, Guid hubId, CancellationToken ct)
    {
        if (!current.IsAuthenticated || current.Id is not { } me) return false;
        if (await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == me, ct)) return true;
        return await IsDeskAsync(hubId, me, ct);
    }

    /// <summary>The hub's front desk in their own right (a platform admin acts as every hub's manager; that alone does not count here).</summary>
    private async Task<bool> IsDeskAsync(Guid hubId, Guid me, CancellationToken ct)
    {
        if (!await network.IsFrontDeskAsync(hubId, ct)) return false;
        if (!current.IsPlatformAdmin) return true;
        // A platform admin counts only as what they are in the hub themselves: its manager or a confirmed desk contact.
        return await db.HubMemberships.AnyAsync(m => m.HubId == hubId && m.UserId == me && (m.Roles & HubRoles.HubManager) == HubRoles.HubManager, ct)
            || await db.FrontDeskContacts.AnyAsync(c => c.HubId == hubId && c.UserId == me && c.ConfirmedAt != null, ct);
    }

    /// <summary>Reading a customer's assessments with a hub: those who fill them, and platform admins.</summary>
    public async Task<bool> MayReadAsync(Guid organisationId, Guid hubId, CancellationToken ct) =>
        current.IsAuthenticated && (current.IsPlatformAdmin || await MayFillAsync(organisationId, hubId, ct));

    /// <summary>Reading the list of an organisation's assessments: its members and platform admins (hubs see theirs through the hub list).</summary>
    public async Task<bool> MayReadOrganisationAsync(Guid organisationId, CancellationToken ct) =>
        current.IsAuthenticated && current.Id is { } me
        && (current.IsPlatformAdmin || await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == me, ct));

    /// <summary>Reading a hub's list of assessments: its front desk and platform admins.</summary>
    public async Task<bool> MayReadHubAsync(Guid hubId, CancellationToken ct) =>
        current.IsAuthenticated && current.Id is { } me && (current.IsPlatformAdmin || await IsDeskAsync(hubId, me, ct));

    /// <summary>Exporting a hub's assessments for the network's reporting: its managers (and platform admins).</summary>
    public Task<bool> MayExportHubAsync(Guid hubId, CancellationToken ct) => network.ManagesHubAsync(hubId, ct);

    /// <summary>Exporting every hub's assessments: platform admins.</summary>
    public bool MayExportAll => current.IsAuthenticated && current.IsPlatformAdmin;

    /// <summary>The assessment with the person's standing; null when there is none or the person may not know it exists.</summary>
    public async Task<Standing?> LoadAsync(int id, CancellationToken ct)
    {
        if (!current.IsAuthenticated || current.Id is not { } me) return null;
        var a = await db.MaturityAssessments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var fill = await MayFillAsync(a.OrganisationId, a.HubId, ct);
        var read = fill || current.IsPlatformAdmin;
        return read ? new Standing(a, me, fill, read) : null;
    }
}
