using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Accounts.Pages;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<AgoraUser> signIn, UserManager<AgoraUser> users, AuditLog audit,
    IStringLocalizer<SharedResource> t, IOptions<OpenIdConnectSettings> oidc) : PageModel
{
    [BindProperty] public SignInForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool NotConfirmed { get; private set; }
    public string? External => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Validator.Clean(Input.Email);
        if (email.Length == 0) ModelState.AddModelError("Input.Email", t["Validation.Required"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", t["Validation.Required"]);
        if (email.Length > 254 || Input.Password?.Length > 1024) ModelState.AddModelError("", t["Accounts.InvalidSignIn"]);
        if (ModelState.ErrorCount > 0) return Page();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, subject: email, actorEmail: email);
            ModelState.AddModelError("", t["Accounts.InvalidSignIn"]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, actorId: user.Id, actorEmail: user.Email);
            return LocalRedirect(LocalUrl.Safe(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("SignInTwoFactor", new { returnUrl = LocalUrl.Safe(ReturnUrl), rememberMe = Input.RememberMe });
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.SignInLockedOut, actorId: user.Id, actorEmail: user.Email);
            ModelState.AddModelError("", t["Accounts.LockedOut"]);
            return Page();
        }
        await audit.RecordAsync(AuditActions.SignInFailed, actorId: user.Id, actorEmail: user.Email,
            details: result.IsNotAllowed ? "email not confirmed" : "wrong password");
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, Input.Password!)) NotConfirmed = true;
        else ModelState.AddModelError("", t["Accounts.InvalidSignIn"]);
        return Page();
    }
}
