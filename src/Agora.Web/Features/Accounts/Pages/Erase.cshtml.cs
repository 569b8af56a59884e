using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>A platform admin erases a person's account on their request (GDPR Art. 17).</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class EraseModel(DeleteAccount delete, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public EraseForm Input { get; set; } = new();

    public sealed class EraseForm
    {
        public string? Email { get; set; }
        public bool DeleteContributions { get; set; }
        public bool Confirm { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Input.Confirm)
        {
            ModelState.AddModelError("Input.Confirm", t["Accounts.EraseConfirmRequired"]);
            return Page();
        }
        var result = await delete.EraseAsync(new EraseAccountInput(Input.Email, Input.DeleteContributions), ct);
        if (result.Outcome == Outcome.Forbidden) return this.Refusal(result.Outcome);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }
        TempData["Flash"] = t["Accounts.Erased"].Value;
        return RedirectToPage();
    }
}
