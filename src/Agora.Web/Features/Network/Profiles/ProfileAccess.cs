using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>
/// Who sees what of a hub's network profile, decided once for the profile page, the network page and the API:
/// a listed profile is public, an unlisted one only its managers see; a front-desk contact is shown only once the person
/// agreed, and only to the audience their visibility allows (anyone: <see cref="ContactVisibility.Public"/>; people
/// signed in: also <see cref="ContactVisibility.SignedIn"/>; the hub's members: all).
/// </summary>
public sealed class ProfileAccess(AgoraDbContext db, CurrentUser current, NetworkAccess network, IHubBlocks blocks)
{
    private static readonly ContactVisibility[] Anyone = [ContactVisibility.Public];
    private static readonly ContactVisibility[] SignedIn = [ContactVisibility.Public, ContactVisibility.SignedIn];
    private static readonly ContactVisibility[] Members = [ContactVisibility.Public, ContactVisibility.SignedIn, ContactVisibility.Members];

    /// <summary>The visibilities a person sees given their standing: the one rule.</summary>
    public static IReadOnlyList<ContactVisibility> VisibleTo(bool signedIn, bool member) => member ? Members : signedIn ? SignedIn : Anyone;

    /// <summary>
    /// For the person asking: per hub, the contact visibilities they see. Members (not blocked) and platform admins see
    /// all of a hub's contacts.
    /// </summary>
    public async Task<Func<Guid, IReadOnlyList<ContactVisibility>>> AudienceAsync(CancellationToken ct)
    {
        if (!current.IsAuthenticated || current.Id is not { } me) return _ => Anyone;
        if (current.IsPlatformAdmin) return _ => Members;
        var memberOf = new HashSet<Guid>();
        foreach (var hub in await db.HubMemberships.Where(m => m.UserId == me).Select(m => m.HubId).ToListAsync(ct))
            if (!await blocks.IsBlockedAsync(hub, me, ct)) memberOf.Add(hub);
        return hub => VisibleTo(true, memberOf.Contains(hub));
    }

    public Task<bool> ManagesAsync(Guid hubId, CancellationToken ct) => network.ManagesHubAsync(hubId, ct);

    /// <summary>Whether the hub's page links its network profile: it has one the person may see, or they manage the hub (and may make one).</summary>
    public async Task<bool> LinksProfileAsync(Guid hubId, CancellationToken ct) =>
        await db.HubNetworkProfiles.AnyAsync(p => p.HubId == hubId && p.Listed, ct) || await ManagesAsync(hubId, ct);

    /// <summary>Whether the person may see the hub's profile at all: listed, or they manage the hub.</summary>
    public async Task<bool> MaySeeAsync(Guid hubId, bool listed, CancellationToken ct) => listed || await ManagesAsync(hubId, ct);
}

public static class ProfilesModule
{
    /// <summary>Hub network profiles, front-desk contacts and the network page.</summary>
    public static void AddProfiles(this IServiceCollection services)
    {
        services.AddScoped<ProfileAccess>();
        services.AddScoped<HubProfiles>();
        services.AddScoped<FrontDesk>();
        services.AddScoped<NetworkDirectory>();
        services.AddScoped<IHubRightsEndedHandler, FrontDeskRightsEnded>();
    }
}

/// <summary>
/// The hub page's link to the hub's network profile, owned by Network so Hubs need not know it:
/// <c>@await Component.InvokeAsync("NetworkProfileLink", new { hubId, hubSlug })</c>. Shown when the hub has a listed
/// profile, or to its managers (who may make one).
/// </summary>
public sealed class NetworkProfileLinkViewComponent(ProfileAccess access) : Microsoft.AspNetCore.Mvc.ViewComponent
{
    public async Task<Microsoft.AspNetCore.Mvc.IViewComponentResult> InvokeAsync(Guid hubId, string hubSlug) =>
        await access.LinksProfileAsync(hubId, HttpContext.RequestAborted)
            ? View("/Features/Network/Pages/Profiles/_ProfileLink.cshtml", hubSlug)
            : Content("");
}
