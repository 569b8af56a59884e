using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

/// <summary>Hub managers define the hub's own community roles, rename and retire them.</summary>
public sealed class RolesModel(HubQueries hubs, DefinedRoles roles, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class RoleForm
    {
        public string? Key { get; set; }
        public string? NameEn { get; set; }
        public string? NamePt { get; set; }
        public string? NameNb { get; set; }
        public string? Description { get; set; }

        public DefinedRoleInput ToInput() => new(Key, NameEn, NamePt, NameNb, Description);
    }

    [BindProperty] public RoleForm Input { get; set; } = new();
    [BindProperty] public RoleForm Edit { get; set; } = new();
    public string Slug { get; private set; } = "";
    public string HubName { get; private set; } = "";
    public IReadOnlyList<DefinedRoleView> Roles { get; private set; } = [];
    /// <summary>The role whose rename failed, shown open with its errors.</summary>
    public int? Editing { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => LoadAsync(slug, ct);

    public async Task<IActionResult> OnPostCreateAsync(string slug, CancellationToken ct)
    {
        var result = await roles.CreateAsync(slug, Input.ToInput(), ct);
        return await this.AnswerAsync(result, t["HubRoles.Created"].Value, _ => $"/hubs/{slug}/roles", () => LoadAsync(slug, ct));
    }

    public async Task<IActionResult> OnPostUpdateAsync(string slug, int id, CancellationToken ct)
    {
        var result = await roles.UpdateAsync(slug, id, Edit.ToInput(), ct);
        Editing = id;
        return await this.AnswerAsync(result, t["HubRoles.Saved"].Value, _ => $"/hubs/{slug}/roles", () => LoadAsync(slug, ct), prefix: "Edit");
    }

    public async Task<IActionResult> OnPostRetireAsync(string slug, int id, CancellationToken ct)
    {
        var result = await roles.RetireAsync(slug, id, ct);
        return await this.AnswerAsync(result, t["HubRoles.RetiredDone"].Value, _ => $"/hubs/{slug}/roles", () => LoadAsync(slug, ct));
    }

    private async Task<IActionResult> LoadAsync(string slug, CancellationToken ct)
    {
        var list = await roles.ListAsync(slug, ct);
        if (!list.IsOk) return this.Refusal(list.Outcome);
        var hub = (await hubs.GetAsync(slug, ct))!;
        Slug = hub.Slug;
        HubName = hub.Name;
        Roles = list.Value!;
        return Page();
    }
}
