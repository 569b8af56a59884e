using System.Security.Claims;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>
/// Sign-in through the configured OpenID Connect provider (eID broker, Entra ID, Keycloak).
/// POST starts it; GET with handler=callback finishes it. A new person gets an account from the
/// provider's verified email; an existing account is linked only when the provider verified the email.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(SignInManager<AgoraUser> signIn, UserManager<AgoraUser> users, AuditLog audit,
    IOptions<OpenIdConnectSettings> oidc, TimeProvider clock) : PageModel
{
    public string MessageKey { get; private set; } = "Accounts.ExternalFailed";

    public IActionResult OnGet() => oidc.Value.Enabled ? Page() : NotFound();

    public IActionResult OnPost(string? returnUrl)
    {
        if (!oidc.Value.Enabled) return NotFound();
        var redirect = Url.Page("External", "Callback", new { returnUrl = LocalUrl.Safe(returnUrl) });
        var props = signIn.ConfigureExternalAuthenticationProperties(AuthSetup.ExternalScheme, redirect);
        return Challenge(props, AuthSetup.ExternalScheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        if (!oidc.Value.Enabled) return NotFound();
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return Page();
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            var linked = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
            await audit.RecordAsync(AuditActions.SignInSucceeded, actorId: linked?.Id, actorEmail: linked?.Email, details: "external");
            return LocalRedirect(LocalUrl.Safe(returnUrl));
        }
        if (result.RequiresTwoFactor) return RedirectToPage("SignInTwoFactor", new { returnUrl = LocalUrl.Safe(returnUrl) });
        if (result.IsLockedOut)
        {
            MessageKey = "Accounts.LockedOut";
            return Page();
        }
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var verified = string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        if (email is null || !Validator.IsEmail(email) || !verified)
        {
            MessageKey = "Accounts.ExternalNoEmail";
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var name = info.Principal.FindFirstValue(ClaimTypes.Name) ?? info.Principal.FindFirstValue("name") ?? email;
            user = new AgoraUser
            {
                Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = name.Length > 100 ? name[..100] : name, CreatedAt = clock.GetUtcNow(), LockoutEnabled = true,
            };
            if (!(await users.CreateAsync(user)).Succeeded) return Page();
            await audit.RecordAsync(AuditActions.Registered, actorId: user.Id, actorEmail: email, details: info.LoginProvider);
        }
        // Anyone can register an address without owning it: linking to an unconfirmed account would hand
        // the provider's person an account whose password someone else may have chosen (pre-hijacking).
        else if (!user.EmailConfirmed) return Page();
        if (!(await users.AddLoginAsync(user, info)).Succeeded) return Page();
        var again = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (again.RequiresTwoFactor) return RedirectToPage("SignInTwoFactor", new { returnUrl = LocalUrl.Safe(returnUrl) });
        if (!again.Succeeded) return Page();
        await audit.RecordAsync(AuditActions.SignInSucceeded, actorId: user.Id, actorEmail: user.Email, details: "external");
        return LocalRedirect(LocalUrl.Safe(returnUrl));
    }
}
