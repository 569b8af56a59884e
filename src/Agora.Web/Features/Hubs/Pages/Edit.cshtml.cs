using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Hubs.Pages;

public sealed class EditModel(HubQueries hubs, SaveHub save, CurrentUser current, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public HubForm Input { get; set; } = new();
    public IReadOnlyList<string> FocusAreas { get; private set; } = [];
    public bool HasLogo { get; private set; }
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var hub = await hubs.GetAsync(slug, ct);
        if (hub is null) return NotFound();
        if (!await current.IsHubManagerAsync(hub.Id, ct)) return Forbid();
        Input = HubForm.From(hub);
        await LoadAsync(hub, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var result = await save.UpdateAsync(slug, Input.ToInput(slug), await Input.ReadLogoAsync(ct), Input.RemoveLogo, ct);
        return await this.AnswerAsync(result, t["Common.Saved"].Value, _ => $"/hubs/{slug}", async () =>
        {
            var hub = await hubs.GetAsync(slug, ct);
            if (hub is null) return NotFound();
            Input.Slug = slug;
            await LoadAsync(hub, ct);
            return Page();
        });
    }

    private async Task LoadAsync(HubDetail hub, CancellationToken ct)
    {
        Slug = hub.Slug;
        HasLogo = hub.HasLogo;
        FocusAreas = await hubs.FocusAreaKeysAsync(ct);
    }
}
