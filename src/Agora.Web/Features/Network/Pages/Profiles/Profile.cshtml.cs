using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Network.Pages.Profiles;

/// <summary>A hub's profile in the network: what it is, where it works, what it knows, who answers at its front desk.</summary>
[AllowAnonymous]
public sealed class ProfileModel(HubProfiles profiles) : PageModel
{
    public HubProfileView Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await profiles.GetAsync(slug, ct) is { } profile)
        {
            Profile = profile;
            return Page();
        }
        // A hub not yet in the network: its managers are taken to make the profile, others are told nothing.
        return await profiles.InputForAsync(slug, ct) is { Exists: false } ? Redirect($"/hubs/{slug}/network/edit") : NotFound();
    }
}
