using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Agora.Web.Features.Accounts;

/// <summary>What deleting one's account asks for: the password (or, for an account without one, the email address) and the two-factor code when it is on.</summary>
public sealed record DeleteAccountInput(string? Password, string? ConfirmEmail, string? Code, bool DeleteContributions);

/// <summary>Input for an erasure a platform admin carries out on a person's request.</summary>
public sealed record EraseAccountInput(string? Email, bool DeleteContributions);

/// <summary>The right to be forgotten (GDPR Art. 17): a person deletes their account, or a platform admin erases one on request.</summary>
public sealed class DeleteAccount(UserManager<AgoraUser> users, CurrentUser current, PersonalDataService data, Validator v)
{
    public async Task<Result<bool>> DeleteOwnAsync(DeleteAccountInput input, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<bool>.Forbidden();
        var user = await users.FindByIdAsync(current.RequiredId.ToString());
        if (user is null) return Result<bool>.NotFound();
        if (await users.IsLockedOutAsync(user)) return Result<bool>.Invalid("password", v.Message("Accounts.LockedOut"));
        if (await users.HasPasswordAsync(user))
        {
            if (string.IsNullOrEmpty(input.Password)) v.Add("password", "Validation.Required");
            else if (!await users.CheckPasswordAsync(user, input.Password))
            {
                await users.AccessFailedAsync(user);
                v.Add("password", "Accounts.WrongPassword");
            }
        }
        else if (!string.Equals(input.ConfirmEmail?.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
        {
            v.Add("confirmEmail", "Accounts.DeleteConfirmEmailWrong");
        }
        if (user.TwoFactorEnabled)
        {
            var code = (input.Code ?? "").Replace(" ", "").Replace("-", "");
            if (code.Length == 0) v.Add("code", "Validation.Required");
            else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                     && !(await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded)
            {
                await users.AccessFailedAsync(user);
                v.Add("code", "Accounts.InvalidCode");
            }
        }
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        await data.EraseAsync(user.Id, input.DeleteContributions, ErasureRequester.Self, null, ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>A platform admin erases someone else's account; an admin deletes their own on their account page.</summary>
    public async Task<Result<bool>> EraseAsync(EraseAccountInput input, CancellationToken ct)
    {
        if (!current.IsPlatformAdmin) return Result<bool>.Forbidden();
        var email = v.Email("email", input.Email);
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);
        var user = await users.FindByEmailAsync(email);
        if (user is null) return Result<bool>.Invalid("email", v.Message("Accounts.EraseNoAccount"));
        if (user.Id == current.RequiredId) return Result<bool>.Invalid("email", v.Message("Accounts.EraseNotYourself"));
        await data.EraseAsync(user.Id, input.DeleteContributions, ErasureRequester.PlatformAdmin, current.RequiredId, ct);
        return Result<bool>.Ok(true);
    }
}
