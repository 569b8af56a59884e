using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Requests.Pages;

/// <summary>A hub manager's kinds of request: the built-in ones (offered or not) and the hub's own, and a form to define one.</summary>
public sealed class TypesModel(HubQueries hubs, RequestTypeAdmin admin, IStringLocalizer<SharedResource> t) : PageModel
{
    public HubDetail Hub { get; private set; } = null!;
    public IReadOnlyList<RequestTypeDetail> Types { get; private set; } = [];

    public sealed class NewForm
    {
        public string? Key { get; set; }
        public string? NameEn { get; set; }
        public string? NamePt { get; set; }
        public string? NameNb { get; set; }
        public int? DecisionMonths { get; set; } = 2;
    }

    [BindProperty] public NewForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var result = await admin.CreateAsync(slug, new TypeInput(Input.Key, Input.NameEn, Input.NamePt, Input.NameNb, null, null, null, Input.DecisionMonths, []), ct);
        if (result.IsOk)
        {
            TempData["Flash"] = t["Requests.Types.Created"].Value;
            return Redirect($"/hubs/{slug}/requests/types/{result.Value}");
        }
        return await FailAsync(slug, result.Select(_ => 0), ct);
    }

    /// <summary>Offers a kind of request, or stops offering it (requests already made stay).</summary>
    public async Task<IActionResult> OnPostToggleAsync(string slug, string key, bool active, CancellationToken ct)
    {
        var list = await admin.ListAsync(slug, ct);
        if (list.Value?.FirstOrDefault(x => x.Type.Key == key) is not { } type) return await FailAsync(slug, Result<int>.NotFound(), ct);
        var result = await admin.UpdateAsync(slug, key, new TypeInput(key, type.NameEn, type.NamePt, type.NameNb, type.DescriptionEn, type.DescriptionPt,
            type.DescriptionNb, type.Type.DecisionMonths, type.Type.SignOffs, active, type.Type.SeparateDecider), ct);
        if (!result.IsOk) return await FailAsync(slug, result.Select(_ => 0), ct);
        TempData["Flash"] = t["Common.Saved"].Value;
        return Redirect($"/hubs/{slug}/requests/types");
    }

    private async Task<IActionResult> FailAsync(string slug, Result<int> result, CancellationToken ct)
    {
        if (result.Outcome is Outcome.NotFound or Outcome.Forbidden) return this.Refusal(result.Outcome);
        foreach (var (field, messages) in result.Errors)
            foreach (var m in messages) ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", m);
        return await LoadAsync(slug, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await hubs.GetAsync(slug, ct) is not { } hub) return NotFound();
        var list = await admin.ListAsync(slug, ct);
        if (list.Outcome is Outcome.NotFound or Outcome.Forbidden) return this.Refusal(list.Outcome);
        Hub = hub;
        Types = list.Value!;
        return null;
    }
}
