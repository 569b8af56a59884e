using Agora.Web.Platform.Data;
using Agora.Web.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Accounts;

/// <summary>
/// The account itself: profile, sign-in methods, sessions and tokens. Erased last: the row stays as an empty
/// tombstone (no name, email, password, organisation, language; locked for ever) so that what others built on keeps
/// its references, and the address can register again as a new person.
/// </summary>
public sealed class AccountsPersonalData(AgoraDbContext db) : IPersonalData
{
    public string Section => "account";

    public IReadOnlyCollection<Type> Covers { get; } =
    [
        typeof(AgoraUser), typeof(UserSession), typeof(ApiToken),
        typeof(IdentityUserClaim<Guid>), typeof(IdentityUserLogin<Guid>), typeof(IdentityUserToken<Guid>), typeof(IdentityUserRole<Guid>),
    ];

    public int EraseOrder => 1000;

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        return new
        {
            profile = new
            {
                user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.OrganisationId,
                Organisation = db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                user.PreferredLanguage, user.TwoFactorEnabled, user.IsPlatformAdmin, user.CreatedAt,
            },
            externalSignIns = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId)
                .Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToListAsync(ct),
            sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
                .Select(s => new { s.CreatedAt, s.LastSeenAt, s.IpAddress, s.UserAgent, s.RevokedAt }).ToListAsync(ct),
            tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt)
                .Select(t => new { t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt }).ToListAsync(ct),
        };
    }

    public async Task EraseAsync(Erasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.UserSessions.Where(s => s.UserId == id).ExecuteDeleteAsync(ct);
        await db.ApiTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return;
        user.UserName = erasure.Pseudonym;
        user.NormalizedUserName = erasure.Pseudonym.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.AccessFailedCount = 0;
        user.DisplayName = "";
        user.OrganisationId = null;
        user.PreferredLanguage = null;
        user.IsPlatformAdmin = false;
    }

    /// <summary>An erased account: its user name is the pseudonym.</summary>
    public static bool IsErased(AgoraUser user) => user.UserName == PersonalDataService.Pseudonym(user.Id);
}
