using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

/// <summary>The page an invitation link opens; accepting needs the invited email's account.</summary>
[AllowAnonymous]
public sealed class InvitationModel(Membership membership, HubQueries hubs, CurrentUser current, IStringLocalizer<SharedResource> t) : PageModel
{
    public string? HubName { get; private set; }
    public string? Email { get; private set; }
    public string RoleNames { get; private set; } = "";
    public bool WrongAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var found = await membership.FindInvitationAsync(token, ct);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var (invitation, slug) = found.Value;
        HubName = (await hubs.GetAsync(slug, ct))?.Name;
        Email = invitation.Email;
        RoleNames = string.Join(", ", HubRoleList.Split(invitation.Roles).Select(r => t[HubRoleList.Key(r)].Value));
        WrongAccount = current.IsAuthenticated && !string.Equals(current.Email, invitation.Email, StringComparison.OrdinalIgnoreCase);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Challenge();
        var result = await membership.AcceptInvitationAsync(token, ct);
        if (result.Outcome == Outcome.Forbidden) return await OnGetAsync(token, ct);
        if (!result.IsOk) return NotFound();
        TempData["Flash"] = t["Invitation.Accepted"].Value;
        return Redirect($"/hubs/{result.Value}");
    }
}
