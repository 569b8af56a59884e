using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Organisations.Pages;

/// <summary>The public profile; signed-in people also see the first members.</summary>
[AllowAnonymous]
public sealed class DetailsModel(OrganisationQueries organisations, OrganisationAccess access, CurrentUser current) : PageModel
{
    public const int MembersShown = 10;

    public OrganisationDetail? Organisation { get; private set; }
    public PagedList<OrganisationMemberRow> Members { get; private set; } = new([], 1, MembersShown, 0);
    /// <summary>Null when the person is not a member; otherwise whether they are an admin.</summary>
    public bool? MyMembership { get; private set; }
    public bool CanManage { get; private set; }
    public bool IsSignedIn => current.IsAuthenticated;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Organisation = await organisations.GetAsync(slug, ct);
        if (Organisation is null) return NotFound();
        if (current.IsAuthenticated)
        {
            MyMembership = await organisations.MemberIsAdminAsync(Organisation.Id, current.RequiredId, ct);
            CanManage = await access.CanManageAsync(Organisation.Id, ct);
            // Only names and roles are shown here, so emails are never read into the page.
            var page = await organisations.MembersAsync(Organisation.Id, new ListQuery(1, MembersShown, "name", false), ct);
            Members = page with { Items = page.Items.Select(m => m with { Email = null }).ToList() };
        }
        return Page();
    }
}
