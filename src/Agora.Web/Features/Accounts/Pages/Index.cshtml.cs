using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Accounts.Pages;

public sealed class IndexModel(UpdateProfile profiles, HubQueries hubs, CurrentUser current) : PageModel
{
    public ProfileDto? Profile { get; private set; }
    public IReadOnlyList<MembershipRow> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        if (Profile is null) return NotFound();
        Memberships = await hubs.MembershipsOfAsync(current.RequiredId, ct);
        return Page();
    }
}
