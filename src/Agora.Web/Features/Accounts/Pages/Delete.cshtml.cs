using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>Deleting one's own account, confirmed with the password (or email) and the two-factor code.</summary>
public sealed class DeleteModel(DeleteAccount delete, UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn, CurrentUser current,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public DeleteForm Input { get; set; } = new();

    public bool HasPassword { get; private set; }
    public bool TwoFactor { get; private set; }

    public sealed class DeleteForm
    {
        public string? Password { get; set; }
        public string? ConfirmEmail { get; set; }
        public string? Code { get; set; }
        public bool DeleteContributions { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync()) return NotFound();
        var result = await delete.DeleteOwnAsync(new DeleteAccountInput(Input.Password, Input.ConfirmEmail, Input.Code, Input.DeleteContributions), ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }
        await signIn.SignOutAsync();
        TempData["Flash"] = t["Accounts.Deleted"].Value;
        return Redirect("/");
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.FindByIdAsync(current.RequiredId.ToString());
        if (user is null) return false;
        HasPassword = await users.HasPasswordAsync(user);
        TwoFactor = user.TwoFactorEnabled;
        return true;
    }
}
