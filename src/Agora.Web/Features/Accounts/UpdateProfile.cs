using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Accounts;

public sealed record ProfileDto(Guid Id, string Email, string DisplayName, Guid? OrganisationId, string? OrganisationName,
    string? PreferredLanguage, bool TwoFactorEnabled, bool IsPlatformAdmin, DateTimeOffset CreatedAt);

public sealed record ProfileInput(string? DisplayName, Guid? OrganisationId, string? PreferredLanguage);

/// <summary>Name, organisation (one the person belongs to) and preferred language.</summary>
public sealed class UpdateProfile(AgoraDbContext db, CurrentUser current, UserManager<AgoraUser> users,
    SignInManager<AgoraUser> signIn, Validator v, AuditLog audit, Organisations.OrganisationQueries organisations)
{
    public async Task<ProfileDto?> GetAsync(CancellationToken ct)
    {
        var id = current.RequiredId;
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new ProfileDto(u.Id, u.Email ?? "", u.DisplayName, u.OrganisationId,
                db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                u.PreferredLanguage, u.TwoFactorEnabled, u.IsPlatformAdmin, u.CreatedAt))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<Result<ProfileDto>> UpdateAsync(ProfileInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(current.RequiredId.ToString());
        if (user is null) return Result<ProfileDto>.NotFound();
        var name = v.Text("displayName", input.DisplayName, 100);
        // What an erased account is called may not be anybody's name.
        if (name.Length > 0 && Platform.Privacy.FormerMember.Is(name)) v.Add("displayName", "Accounts.NameReserved");
        string? language = null;
        if (!string.IsNullOrWhiteSpace(input.PreferredLanguage))
        {
            if (LocalizationSetup.IsSupported(input.PreferredLanguage)) language = LocalizationSetup.Normalize(input.PreferredLanguage);
            else v.Add("preferredLanguage", "Validation.Invalid");
        }
        if (input.OrganisationId is { } orgId
            && await organisations.MemberIsAdminAsync(orgId, user.Id, ct) is null)
            v.Add("organisationId", "Accounts.OrganisationNotMember");
        if (!v.IsValid) return Result<ProfileDto>.Invalid(v.Errors);

        user.DisplayName = name;
        user.PreferredLanguage = language;
        user.OrganisationId = input.OrganisationId;
        audit.Add(AuditActions.ProfileUpdated, subject: user.Email);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return Result<ProfileDto>.Invalid(IdentityErrors.ToFields(result));
        // Cookie sessions carry the language; refresh them so it applies at once.
        if (!current.Principal.HasClaim(c => c.Type == AgoraClaims.TokenId)) await signIn.RefreshSignInAsync(user);
        return Result<ProfileDto>.Ok((await GetAsync(ct))!);
    }
}
