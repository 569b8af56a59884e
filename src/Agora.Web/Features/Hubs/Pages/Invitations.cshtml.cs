using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

public sealed class InvitationsModel(HubQueries hubs, Membership membership, CurrentUser current, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InviteForm Input { get; set; } = new();
    public string Slug { get; private set; } = "";
    public string HubName { get; private set; } = "";
    public IReadOnlyList<InvitationRow> Open { get; private set; } = [];

    public sealed class InviteForm
    {
        public string? Email { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct);

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var roles = HubRoleList.Parse(Input.Roles);
        if (roles is null) return BadRequest();
        var result = await membership.InviteAsync(slug, Input.Email, roles.Value, ct);
        return await this.AnswerAsync(result, t["Hubs.Invited", Validator.Clean(Input.Email)].Value, _ => Url.Page(null, new { slug })!,
            () => LoadAsync(slug, ct));
    }

    public async Task<IActionResult> OnPostRevokeAsync(string slug, Guid id, CancellationToken ct)
    {
        var result = await membership.RevokeInvitationAsync(slug, id, ct);
        if (!result.IsOk) return NotFound();
        TempData["Flash"] = t["Hubs.InvitationRevoked"].Value;
        return RedirectToPage(new { slug });
    }

    private async Task<IActionResult> LoadAsync(string slug, CancellationToken ct)
    {
        var hub = await hubs.GetAsync(slug, ct);
        if (hub is null || !await current.IsHubManagerAsync(hub.Id, ct)) return NotFound();
        Slug = hub.Slug;
        HubName = hub.Name;
        Open = await hubs.OpenInvitationsAsync(hub.Id, clock.GetUtcNow(), ct);
        return Page();
    }
}
