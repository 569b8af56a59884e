using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>Sends a reset link; answers the same whether or not the address has an account.</summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AgoraUser> users, AccountMail mail, AuditLog audit, Validator v) : PageModel
{
    [BindProperty] public EmailForm Input { get; set; } = new();
    public bool Sent { get; private set; }

    public sealed class EmailForm
    {
        public string? Email { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = v.Email("email", Input.Email);
        if (!v.IsValid)
        {
            ModelState.AddErrors(v.Errors);
            return Page();
        }
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: true } user)
        {
            await mail.SendPasswordResetAsync(user, ct);
            await audit.RecordAsync(AuditActions.PasswordResetRequested, actorId: user.Id, actorEmail: user.Email);
        }
        Sent = true;
        return Page();
    }
}
