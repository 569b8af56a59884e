using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Security;

/// <summary>Identity's messages in the person's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) => new() { Code = code, Description = t["Identity." + code, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => E(nameof(InvalidToken));
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed));
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated));
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName));
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail));
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateEmail));
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail));
    public override IdentityError InvalidRoleName(string? role) => E(nameof(DefaultError));
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DefaultError));
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword));
    public override IdentityError UserLockoutNotEnabled() => E(nameof(DefaultError));
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(DefaultError));
    public override IdentityError UserNotInRole(string role) => E(nameof(DefaultError));
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(DefaultError));
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(DefaultError));
    public override IdentityError PasswordRequiresDigit() => E(nameof(DefaultError));
    public override IdentityError PasswordRequiresLower() => E(nameof(DefaultError));
    public override IdentityError PasswordRequiresUpper() => E(nameof(DefaultError));
    public IdentityError PasswordBreached() => E(nameof(PasswordBreached));
    public IdentityError PasswordTooLong() => E(nameof(PasswordTooLong), PasswordRules.MaxLength);
}
