using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<AgoraUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public CodeForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

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
        var code = (Input.Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length is < 6 or > 8 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("Input.Code", t["Accounts.InvalidCode"]);
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, actorId: user.Id, actorEmail: user.Email, details: "two-factor");
            return LocalRedirect(LocalUrl.Safe(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.SignInLockedOut, actorId: user.Id, actorEmail: user.Email);
            ModelState.AddModelError("", t["Accounts.LockedOut"]);
            return Page();
        }
        await audit.RecordAsync(AuditActions.SignInFailed, actorId: user.Id, actorEmail: user.Email, details: "wrong two-factor code");
        ModelState.AddModelError("Input.Code", t["Accounts.InvalidCode"]);
        return Page();
    }
}
