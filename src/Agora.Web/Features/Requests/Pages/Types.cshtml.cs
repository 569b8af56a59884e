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
        return await this.AnswerAsync(result, t["Requests.Types.Created"].Value, key => $"/hubs/{slug}/requests/types/{key}", ShowAgain(slug, ct));
    }

    /// <summary>Offers a kind of request, or stops offering it (requests already made stay).</summary>
    public async Task<IActionResult> OnPostToggleAsync(string slug, string key, bool active, CancellationToken ct)
    {
        var list = await admin.ListAsync(slug, ct);
        if (list.Value?.FirstOrDefault(x => x.Type.Key == key) is not { } type) return this.Refusal(Outcome.NotFound);
        var result = await admin.UpdateAsync(slug, key, new TypeInput(key, type.NameEn, type.NamePt, type.NameNb, type.DescriptionEn, type.DescriptionPt,
            type.DescriptionNb, type.Type.DecisionMonths, type.Type.SignOffs, active, type.Type.SeparateDecider), ct);
        return await this.AnswerAsync(result, t["Common.Saved"].Value, _ => $"/hubs/{slug}/requests/types", ShowAgain(slug, ct));
    }

    /// <summary>The page again after an error.</summary>
    private Func<Task<IActionResult>> ShowAgain(string slug, CancellationToken ct) => async () => await LoadAsync(slug, ct) ?? Page();

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
