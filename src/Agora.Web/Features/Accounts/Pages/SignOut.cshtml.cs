using Agora.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>GET shows a button (a link cannot sign anyone out); POST signs out and ends the session.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AgoraUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditActions.SignOut);
            await signIn.SignOutAsync();
            TempData["Flash"] = t["Accounts.SignedOut"].Value;
        }
        return Redirect("/");
    }
}
