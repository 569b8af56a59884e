using Agora.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Accounts.Pages;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<AgoraUser> users, AuditLog audit) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountMail.Decode(code);
        if (token is null || !Guid.TryParse(userId, out var id)) return;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return;
        if (user.EmailConfirmed)
        {
            Confirmed = true;
            return;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        Confirmed = result.Succeeded;
        if (Confirmed) await audit.RecordAsync(AuditActions.EmailConfirmed, actorId: user.Id, actorEmail: user.Email);
    }
}
