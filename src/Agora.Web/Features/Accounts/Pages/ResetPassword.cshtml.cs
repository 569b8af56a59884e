using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AgoraUser> users, UserSessions sessions, AuditLog audit, Validator v, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ResetForm Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class ResetForm
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email;
        Input.Code = code;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = v.Email("email", Input.Email);
        if (string.IsNullOrEmpty(Input.Password)) v.Add("password", "Validation.Required");
        else if (Input.Password != Input.ConfirmPassword) v.Add("confirmPassword", "Accounts.PasswordsDiffer");
        var token = AccountMail.Decode(Input.Code);
        if (!v.IsValid || token is null)
        {
            ModelState.AddErrors(v.Errors);
            if (token is null) ModelState.AddModelError("", t["Accounts.ResetLinkInvalid"]);
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            ModelState.AddModelError("", t["Accounts.ResetLinkInvalid"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            var errors = IdentityErrors.ToFields(result);
            if (errors.Remove("code")) ModelState.AddModelError("", t["Accounts.ResetLinkInvalid"]);
            ModelState.AddErrors(errors);
            return Page();
        }
        // A reset ends a lockout, every session and every API token.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndOtherAccessAsync(user.Id, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditActions.PasswordReset, actorId: user.Id, actorEmail: user.Email);
        Done = true;
        return Page();
    }
}
