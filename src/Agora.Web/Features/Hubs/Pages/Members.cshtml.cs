using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

/// <summary>Members see who else is in the hub; hub managers also set roles and remove people.</summary>
public sealed class MembersModel(HubQueries hubs, Membership membership, CurrentUser current, IAuthorizationService authz,
    IStringLocalizer<SharedResource> t, DefinedRoles defined) : PageModel
{
    [FromQuery] public string? Role { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public string Slug { get; private set; } = "";
    public string HubName { get; private set; } = "";
    public bool CanManage { get; private set; }
    public bool ShowEmails { get; private set; }
    public PagedList<MemberRow> Result { get; private set; } = new([], 1, 50, 0);
    /// <summary>The hub's active defined roles, offered to managers for each member.</summary>
    public IReadOnlyList<HeldRole> DefinedRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct);

    public async Task<IActionResult> OnPostRolesAsync(string slug, Guid userId, List<string> roles, CancellationToken ct)
    {
        var parsed = HubRoleList.Parse(roles);
        if (parsed is null) return BadRequest();
        var result = await membership.SetRolesAsync(slug, userId, parsed.Value, ct);
        return await this.AnswerAsync(result, result.IsOk ? t["Hubs.RolesSaved", await hubs.DisplayNameAsync(userId, ct)].Value : null,
            _ => Request.Path + Request.QueryString, () => LoadAsync(slug, ct));
    }

    public async Task<IActionResult> OnPostDefinedRolesAsync(string slug, Guid userId, List<int> definedRoles, CancellationToken ct)
    {
        var result = await defined.SetHeldAsync(slug, userId, definedRoles, ct);
        return await this.AnswerAsync(result, result.IsOk ? t["Hubs.RolesSaved", await hubs.DisplayNameAsync(userId, ct)].Value : null,
            _ => Request.Path + Request.QueryString, () => LoadAsync(slug, ct));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, Guid userId, CancellationToken ct)
    {
        var name = await hubs.DisplayNameAsync(userId, ct);
        var result = await membership.RemoveAsync(slug, userId, ct);
        return await this.AnswerAsync(result, t["Hubs.MemberRemoved", name].Value, _ => Request.Path, () => LoadAsync(slug, ct));
    }

    private async Task<IActionResult> LoadAsync(string slug, CancellationToken ct)
    {
        var hub = await hubs.GetAsync(slug, ct);
        if (hub is null || !(await authz.AuthorizeAsync(User, new HubResource(hub.Id), HubOperations.ViewMembers)).Succeeded)
            return NotFound();
        var query = ListQuery.Parse(PageNumber, 50, Sort, HubQueries.MemberSorts, "name");
        HubRoles? role = string.IsNullOrEmpty(Role) ? null : HubRoleList.Parse([Role]);
        if (query is null || (!string.IsNullOrEmpty(Role) && role is null)) return BadRequest();
        Sort = query.Sort;
        Slug = hub.Slug;
        HubName = hub.Name;
        CanManage = await current.IsHubManagerAsync(hub.Id, ct);
        if (CanManage) DefinedRoles = await hubs.ActiveDefinedRolesAsync(hub.Id, ct);
        Result = await hubs.MembersForAsync(current, hub.Id, query, role, ct);
        ShowEmails = await HubQueries.SeesMemberEmailsAsync(current, hub.Id, ct);
        return Page();
    }
}
