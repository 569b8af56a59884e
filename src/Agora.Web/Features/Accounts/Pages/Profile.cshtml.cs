using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Agora.Web.Features.Organisations;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

public sealed class ProfileModel(UpdateProfile profiles, OrganisationQueries organisations, CurrentUser current, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ProfileForm Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public IReadOnlyList<OrganisationRef> Organisations { get; private set; } = [];

    public sealed class ProfileForm
    {
        public string? DisplayName { get; set; }
        public Guid? OrganisationId { get; set; }
        public string? PreferredLanguage { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var p = await profiles.GetAsync(ct);
        if (p is null) return NotFound();
        Input = new ProfileForm { DisplayName = p.DisplayName, OrganisationId = p.OrganisationId, PreferredLanguage = p.PreferredLanguage };
        Email = p.Email;
        Organisations = await organisations.MembershipsOfAsync(current.RequiredId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var result = await profiles.UpdateAsync(new ProfileInput(Input.DisplayName, Input.OrganisationId, Input.PreferredLanguage), ct);
        if (result.Outcome == Outcome.Ok)
        {
            TempData["Flash"] = t["Common.Saved"].Value;
            return RedirectToPage();
        }
        ModelState.AddErrors(result.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Email = current.Email ?? "";
        Organisations = await organisations.MembershipsOfAsync(current.RequiredId, ct);
    }
}
