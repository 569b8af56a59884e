using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

public sealed class PasswordModel(UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn, UserSessions sessions, AuditLog audit, Validator v, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public PasswordForm Input { get; set; } = new();

    public sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.CurrentPassword)) v.Add("currentPassword", "Validation.Required");
        if (string.IsNullOrEmpty(Input.Password)) v.Add("password", "Validation.Required");
        else if (Input.Password != Input.ConfirmPassword) v.Add("confirmPassword", "Accounts.PasswordsDiffer");
        if (!v.IsValid)
        {
            ModelState.AddErrors(v.Errors);
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.Password!);
        if (!result.Succeeded)
        {
            var errors = IdentityErrors.ToFields(result);
            if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
            {
                errors.Remove("password");
                errors["currentPassword"] = [t["Accounts.WrongPassword"]];
            }
            ModelState.AddErrors(errors);
            return Page();
        }
        await audit.RecordAsync(AuditActions.PasswordChanged);
        await sessions.EndOtherAccessAsync(user.Id, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = t["Accounts.PasswordChanged"].Value;
        return Redirect("/account");
    }
}
