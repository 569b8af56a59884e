using System.Text;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Agora.Web.Features.Accounts.Pages;

/// <summary>TOTP two-factor sign-in with recovery codes; required for hub managers and platform admins.</summary>
public sealed class TwoFactorModel(UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn, CurrentUser current, UserSessions sessions,
    AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public CodeForm Input { get; set; } = new();
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public sealed class CodeForm
    {
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        var code = (Input.Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", t["Accounts.InvalidCode"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await audit.RecordAsync(AuditActions.RecoveryCodesGenerated);
        await sessions.EndOtherAccessAsync(user.Id, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = t["Accounts.OtherAccessEnded"].Value;
        await LoadAsync(user, justEnabled: true);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await audit.RecordAsync(AuditActions.RecoveryCodesGenerated);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (current.State?.IsPlatformAdmin == true || current.State?.ManagesAHub == true)
        {
            ModelState.AddModelError("", t["Accounts.TwoFactorCannotDisable"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled);
        await sessions.EndOtherAccessAsync(user.Id, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = t["Accounts.TwoFactorDisabled"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(AgoraUser user, bool justEnabled = false)
    {
        Enabled = justEnabled || user.TwoFactorEnabled;
        Required = current.State?.IsPlatformAdmin == true || current.State?.ManagesAHub == true;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        FormattedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Agora")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Agora&digits=6";
        var png = new PngByteQRCode(QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q)).GetGraphic(5);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
