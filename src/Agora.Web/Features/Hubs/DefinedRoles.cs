using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Hubs;

/// <summary>A role as a manager writes it: a key (only when creating), its name in the three languages and a short description.</summary>
public sealed record DefinedRoleInput(string? Key, string? NameEn, string? NamePt, string? NameNb, string? Description);

/// <summary>A hub's defined role as its managers see it, with how many people hold it.</summary>
public sealed record DefinedRoleView(int Id, string Key, string Name, string NameEn, string NamePt, string NameNb, string Description,
    DateTimeOffset? RetiredAt, int Holders);

/// <summary>A defined role a person holds (or a call is for), named in the reader's language.</summary>
public sealed record HeldRole(int Id, string Key, string Name);

/// <summary>
/// Another area that uses a hub's defined roles (a call for one) says here whether retiring it now would leave that
/// use without its role. Lets Hubs ask without knowing the area.
/// </summary>
public interface IDefinedRoleUse
{
    Task<bool> InUseAsync(int roleId, CancellationToken ct);
}

/// <summary>
/// Hub managers define the hub's own community roles, rename them, retire them, and give or take them from members.
/// Retiring is refused while an undecided call is for the role (its selection would grant it); people holding a
/// retired role keep it. Everything audited.
/// </summary>
public sealed partial class DefinedRoles(AgoraDbContext db, CurrentUser current, IAuthorizationService authz, Validator v, AuditLog audit,
    HubRoleGrants grants, IEnumerable<IDefinedRoleUse> uses, TimeProvider clock)
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    private async Task<(Guid Hub, Outcome? Refused)> ManagedAsync(string slug, CancellationToken ct)
    {
        if (await db.HubIdAsync(slug, ct) is not { } hub) return (Guid.Empty, Outcome.NotFound);
        if (!current.IsAuthenticated) return (hub, Outcome.Forbidden);
        var ok = (await authz.AuthorizeAsync(current.Principal, new HubResource(hub), HubOperations.Manage)).Succeeded;
        return (hub, ok ? null : Outcome.Forbidden);
    }

    private static Result<T> Refuse<T>(Outcome o) => o == Outcome.NotFound ? Result<T>.NotFound() : Result<T>.Forbidden();

    public async Task<Result<IReadOnlyList<DefinedRoleView>>> ListAsync(string slug, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(slug, ct);
        if (refused is { } r) return Refuse<IReadOnlyList<DefinedRoleView>>(r);
        var culture = Culture;
        var rows = await db.HubDefinedRoles.AsNoTracking().Where(x => x.HubId == hub)
            .Select(x => new { Role = x, Holders = db.HubRoleHolders.Count(h => h.RoleId == x.Id) }).ToListAsync(ct);
        return Result<IReadOnlyList<DefinedRoleView>>.Ok(rows
            .Select(x => new DefinedRoleView(x.Role.Id, x.Role.Key, x.Role.Name(culture), x.Role.NameEn, x.Role.NamePt, x.Role.NameNb, x.Role.Description,
                x.Role.RetiredAt, x.Holders))
            .OrderBy(x => x.RetiredAt is not null).ThenBy(x => x.Name, StringComparer.CurrentCulture).ToList());
    }

    public async Task<Result<int>> CreateAsync(string slug, DefinedRoleInput input, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(slug, ct);
        if (refused is { } r) return Refuse<int>(r);
        var key = (input.Key ?? "").Trim().ToLowerInvariant();
        if (key.Length == 0) v.Add("key", "Validation.Required");
        else if (!KeyPattern().IsMatch(key) || key.Length > DefinedRoleLimits.Key) v.Add("key", "Validation.Slug");
        else if (await db.HubDefinedRoles.AnyAsync(x => x.HubId == hub && x.Key == key, ct)) v.Add("key", "Validation.SlugTaken");
        if (await db.HubDefinedRoles.CountAsync(x => x.HubId == hub && x.RetiredAt == null, ct) >= DefinedRoleLimits.MaxActive)
            v.Add("key", "HubRoles.TooMany", DefinedRoleLimits.MaxActive);
        var role = new HubDefinedRole { HubId = hub, Key = key, CreatedAt = clock.GetUtcNow() };
        await ApplyAsync(role, input, ct);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        db.HubDefinedRoles.Add(role);
        audit.Add(AuditActions.DefinedRoleCreated, hub, key, role.NameEn);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<int>.Conflict("key", v.Message("Validation.SlugTaken"));
        }
        return Result<int>.Ok(role.Id);
    }

    /// <summary>Renames a role or changes its description (its key stays); retired roles may be renamed too.</summary>
    public async Task<Result<int>> UpdateAsync(string slug, int id, DefinedRoleInput input, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(slug, ct);
        if (refused is { } r) return Refuse<int>(r);
        var role = await db.HubDefinedRoles.SingleOrDefaultAsync(x => x.Id == id && x.HubId == hub, ct);
        if (role is null) return Result<int>.NotFound();
        var before = role.NameEn;
        await ApplyAsync(role, input, ct);
        if (!v.IsValid) return Result<int>.Invalid(v.Errors);
        audit.Add(AuditActions.DefinedRoleChanged, hub, role.Key, before == role.NameEn ? role.NameEn : $"{before} -> {role.NameEn}");
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(role.Id);
    }

    /// <summary>Retires a role: refused while a call for it is undecided; its holders keep it.</summary>
    public async Task<Result<int>> RetireAsync(string slug, int id, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(slug, ct);
        if (refused is { } r) return Refuse<int>(r);
        var role = await db.HubDefinedRoles.SingleOrDefaultAsync(x => x.Id == id && x.HubId == hub, ct);
        if (role is null) return Result<int>.NotFound();
        if (role.RetiredAt is not null) return Result<int>.Ok(id);
        foreach (var use in uses)
            if (await use.InUseAsync(id, ct)) return Result<int>.Conflict("", v.Message("HubRoles.InUse"));
        var now = clock.GetUtcNow();
        var rows = await db.HubDefinedRoles.Where(x => x.Id == id && x.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RetiredAt, now), ct);
        if (rows > 0)
        {
            audit.Add(AuditActions.DefinedRoleRetired, hub, role.Key, role.NameEn);
            await db.SaveChangesAsync(ct);
        }
        return Result<int>.Ok(id);
    }

    /// <summary>
    /// Sets the defined roles a member holds: new ones are given (active roles only), missing ones taken back. Answers the
    /// roles they hold afterwards.
    /// </summary>
    public async Task<Result<IReadOnlyList<HeldRole>>> SetHeldAsync(string slug, Guid userId, IReadOnlyList<int>? roleIds, CancellationToken ct)
    {
        var (hub, refused) = await ManagedAsync(slug, ct);
        if (refused is { } r) return Refuse<IReadOnlyList<HeldRole>>(r);
        if (!await db.HubMemberships.AnyAsync(m => m.HubId == hub && m.UserId == userId, ct)) return Result<IReadOnlyList<HeldRole>>.NotFound();
        var wanted = (roleIds ?? []).Distinct().ToList();
        var roles = await db.HubDefinedRoles.Where(x => x.HubId == hub).ToListAsync(ct);
        var held = await db.HubRoleHolders.Where(h => h.HubId == hub && h.UserId == userId).Select(h => h.RoleId).ToListAsync(ct);
        if (wanted.Any(id => roles.All(x => x.Id != id) || (!held.Contains(id) && roles.Single(x => x.Id == id).RetiredAt is not null)))
            return Result<IReadOnlyList<HeldRole>>.Invalid("roleIds", v.Message("Validation.Invalid"));
        foreach (var id in wanted.Where(id => !held.Contains(id))) await grants.GrantDefinedAsync(hub, userId, id, "by a hub manager", ct);
        foreach (var id in held.Where(id => !wanted.Contains(id))) await grants.RevokeDefinedAsync(hub, userId, id, "by a hub manager", ct);
        await db.SaveChangesAsync(ct);
        var culture = Culture;
        return Result<IReadOnlyList<HeldRole>>.Ok(roles.Where(x => wanted.Contains(x.Id)).Select(x => new HeldRole(x.Id, x.Key, x.Name(culture)))
            .OrderBy(x => x.Name, StringComparer.CurrentCulture).ToList());
    }

    private async Task ApplyAsync(HubDefinedRole role, DefinedRoleInput input, CancellationToken ct)
    {
        role.NameEn = v.Text("nameEn", input.NameEn, DefinedRoleLimits.Name);
        role.NamePt = v.Text("namePt", input.NamePt, DefinedRoleLimits.Name);
        role.NameNb = v.Text("nameNb", input.NameNb, DefinedRoleLimits.Name);
        role.Description = v.Text("description", input.Description, DefinedRoleLimits.Description, required: false, multiline: true);
        if (!v.IsValid) return;
        // A name is unique in the hub, in each language (compared without case), so people never see two roles alike.
        var others = await db.HubDefinedRoles.AsNoTracking().Where(x => x.HubId == role.HubId && x.Id != role.Id)
            .Select(x => new { x.NameEn, x.NamePt, x.NameNb }).ToListAsync(ct);
        static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.CurrentCultureIgnoreCase);
        if (others.Any(o => Same(o.NameEn, role.NameEn))) v.Add("nameEn", "HubRoles.NameTaken");
        if (others.Any(o => Same(o.NamePt, role.NamePt))) v.Add("namePt", "HubRoles.NameTaken");
        if (others.Any(o => Same(o.NameNb, role.NameNb))) v.Add("nameNb", "HubRoles.NameTaken");
    }
}
