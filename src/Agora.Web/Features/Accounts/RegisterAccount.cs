using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;

namespace Agora.Web.Features.Accounts;

public sealed record RegisterInput(string? DisplayName, string? Email, string? Password, string? ConfirmPassword);

/// <summary>
/// Creates an account and sends the confirmation email. When the address already has an account
/// the answer is the same and that person gets a notice instead, so nobody learns who is registered.
/// </summary>
public sealed class RegisterAccount(UserManager<AgoraUser> users, Validator v, AuditLog audit, AccountMail mail, TimeProvider clock)
{
    public async Task<Result<bool>> RegisterAsync(RegisterInput input, string culture, CancellationToken ct)
    {
        var name = v.Text("displayName", input.DisplayName, 100);
        // What an erased account is called may not be anybody's name.
        if (name.Length > 0 && Platform.Privacy.FormerMember.Is(name)) v.Add("displayName", "Accounts.NameReserved");
        var email = v.Email("email", input.Email);
        if (string.IsNullOrEmpty(input.Password)) v.Add("password", "Validation.Required");
        else if (input.Password != input.ConfirmPassword) v.Add("confirmPassword", "Accounts.PasswordsDiffer");
        if (!v.IsValid) return Result<bool>.Invalid(v.Errors);

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            await mail.SendAlreadyRegisteredAsync(existing, ct);
            return Result<bool>.Ok(true);
        }
        var user = new AgoraUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            DisplayName = name,
            PreferredLanguage = LocalizationSetup.IsSupported(culture) ? LocalizationSetup.Normalize(culture) : null,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) return Result<bool>.Invalid(IdentityErrors.ToFields(created));
        await audit.RecordAsync(AuditActions.Registered, actorId: user.Id, actorEmail: email);
        await mail.SendConfirmationAsync(user, ct);
        return Result<bool>.Ok(true);
    }
}

public static class IdentityErrors
{
    /// <summary>Identity's errors placed on the field they are about.</summary>
    public static IDictionary<string, string[]> ToFields(IdentityResult result, string passwordField = "password") =>
        result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : e.Code == "InvalidToken" ? "code" : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
