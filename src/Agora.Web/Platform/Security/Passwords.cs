using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Agora.Web.Platform.Security;

/// <summary>Length rules (NIST SP 800-63B): at least 8 characters, up to 128, no composition rules.</summary>
public sealed class PasswordRules(LocalizedIdentityErrorDescriber describer) : IPasswordValidator<AgoraUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<AgoraUser> manager, AgoraUser user, string? password)
    {
        if (password is not null && password.Length > MaxLength)
            return Task.FromResult(IdentityResult.Failed(describer.PasswordTooLong()));
        return Task.FromResult(IdentityResult.Success);
    }
}

/// <summary>Rejects passwords found in the bundled list of common breached passwords.</summary>
public sealed class BreachedPasswordValidator(LocalizedIdentityErrorDescriber describer) : IPasswordValidator<AgoraUser>
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static bool IsBreached(string password) => List.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AgoraUser> manager, AgoraUser user, string? password) =>
        Task.FromResult(password is not null && IsBreached(password)
            ? IdentityResult.Failed(describer.PasswordBreached())
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(BreachedPasswordValidator).Assembly.GetManifestResourceStream("Agora.Web.breached-passwords.txt")
            ?? throw new InvalidOperationException("The breached password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim().ToLowerInvariant());
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
