using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

[AllowAnonymous]
public sealed class SignInRecoveryModel(SignInManager<AgoraUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public CodeForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class CodeForm
    {
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("SignIn");
        var code = (Input.Code ?? "").Replace(" ", "");
        if (code.Length is 0 or > 20)
        {
            ModelState.AddModelError("Input.Code", t["Accounts.InvalidCode"]);
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, actorId: user.Id, actorEmail: user.Email, details: "recovery code");
            return LocalRedirect(LocalUrl.Safe(ReturnUrl));
        }
        await audit.RecordAsync(result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, actorId: user.Id, actorEmail: user.Email, details: "recovery code");
        ModelState.AddModelError(result.IsLockedOut ? "" : "Input.Code", result.IsLockedOut ? t["Accounts.LockedOut"] : t["Accounts.InvalidCode"]);
        return Page();
    }
}
