using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// Who may see the network figures and the gap analysis, decided here once for the pages, the API and the CSV files:
/// <list type="bullet">
/// <item><b>Network figures</b>: aggregate, but a count per customer type and region can point at one customer when it
/// is small, so only the people who report for the network see them: managers of a hub that is in the network (it has
/// a network profile) and platform admins. Anyone else signed in is refused (403), anonymous visitors are asked to sign in.</item>
/// <item><b>Gap analysis</b>: counts of services and requests per region and category, which name no customer (a count
/// of 1 or 2 is fine): anyone signed in. Anonymous visitors are asked to sign in, which keeps the demand side of the
/// network away from crawlers; registration is open, so this is not secrecy.</item>
/// </list>
/// </summary>
public sealed class FiguresAccess(AgoraDbContext db, CurrentUser current)
{
    public async Task<bool> MaySeeFiguresAsync(CancellationToken ct)
    {
        if (!current.IsAuthenticated) return false;
        if (current.IsPlatformAdmin) return true;
        var me = current.RequiredId;
        return await db.HubMemberships.AnyAsync(m => m.UserId == me && (m.Roles & HubRoles.HubManager) == HubRoles.HubManager
            && db.HubNetworkProfiles.Any(p => p.HubId == m.HubId), ct);
    }

    public bool MaySeeGaps => current.IsAuthenticated;
}

public static class FiguresModule
{
    /// <summary>The network figures and the gap analysis: their access rule and their two queries.</summary>
    public static void AddNetworkFigures(this IServiceCollection services)
    {
        services.AddScoped<FiguresAccess>();
        services.AddScoped<NetworkFiguresQuery>();
        services.AddScoped<GapAnalysisQuery>();
    }
}
