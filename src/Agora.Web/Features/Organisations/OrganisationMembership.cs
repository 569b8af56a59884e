using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organisations;

/// <summary>
/// An organisation's members: anyone signed in may see who belongs; its admins (or a platform admin)
/// add people by email, make or unmake admins and remove members; a member may leave. An
/// organisation always keeps at least one admin.
/// </summary>
public sealed class OrganisationMembership(
    AgoraDbContext db, CurrentUser current, OrganisationQueries queries, OrganisationAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    /// <summary>The members, for anyone signed in; email addresses only for the organisation's admins and platform admins.</summary>
    public async Task<Result<PagedList<OrganisationMemberRow>>> ListAsync(string slug, ListQuery q, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<PagedList<OrganisationMemberRow>>.NotFound();
        var id = await queries.FindIdAsync(slug, ct);
        if (id is null) return Result<PagedList<OrganisationMemberRow>>.NotFound();
        var page = await queries.MembersAsync(id.Value, q, ct);
        if (!await access.CanSeeEmailsAsync(id.Value, ct))
            page = page with { Items = page.Items.Select(m => m with { Email = null }).ToList() };
        return Result<PagedList<OrganisationMemberRow>>.Ok(page);
    }

    /// <summary>Adds the person who has an account with this email.</summary>
    public async Task<Result<OrganisationMemberRow>> AddAsync(string slug, string? email, bool isAdmin, CancellationToken ct)
    {
        var organisation = await ManagedAsync(slug, ct);
        if (organisation is null) return Result<OrganisationMemberRow>.NotFound();
        var address = v.Email("email", email);
        if (!v.IsValid) return Result<OrganisationMemberRow>.Invalid(v.Errors);
        var normalized = address.ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        if (user is null) return Result<OrganisationMemberRow>.Invalid("email", v.Message("Organisations.NoAccount"));
        if (await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisation.Id && m.UserId == user.Id, ct))
            return Result<OrganisationMemberRow>.Invalid("email", v.Message("Organisations.AlreadyMember"));
        var member = new OrganisationMember { OrganisationId = organisation.Id, UserId = user.Id, IsAdmin = isAdmin, JoinedAt = clock.GetUtcNow() };
        db.OrganisationMembers.Add(member);
        audit.Add(AuditActions.OrganisationMemberAdded, subject: organisation.Slug, details: Describe(user.Email, isAdmin));
        if (!await TrySaveAsync(ct)) return Result<OrganisationMemberRow>.Conflict("email", v.Message("Organisations.AlreadyMember"));
        return Result<OrganisationMemberRow>.Ok(new OrganisationMemberRow(user.Id, user.DisplayName, user.Email ?? "", isAdmin, member.JoinedAt));
    }

    /// <summary>Makes a member an admin or takes that away; the last admin stays one.</summary>
    public async Task<Result<bool>> SetAdminAsync(string slug, Guid userId, bool? wanted, CancellationToken ct)
    {
        var organisation = await ManagedAsync(slug, ct);
        if (organisation is null) return Result<bool>.NotFound();
        var member = await db.OrganisationMembers.SingleOrDefaultAsync(m => m.OrganisationId == organisation.Id && m.UserId == userId, ct);
        if (member is null) return Result<bool>.NotFound();
        // Checked after authorization so that a stranger learns nothing from the answer.
        if (wanted is not { } isAdmin) return Result<bool>.Invalid("isAdmin", v.Message("Validation.Required"));
        if (member.IsAdmin == isAdmin) return Result<bool>.Ok(isAdmin);
        if (!isAdmin && !await HasOtherAdminAsync(organisation.Id, userId, ct))
            return Result<bool>.Invalid("isAdmin", v.Message("Organisations.LastAdmin"));
        member.IsAdmin = isAdmin;
        var email = await EmailOfAsync(userId, ct);
        // No audit code of its own: a change of who may edit the organisation is an update of it.
        audit.Add(AuditActions.OrganisationUpdated, subject: organisation.Slug, details: Describe(email, isAdmin));
        if (!await TrySaveAsync(ct)) return Result<bool>.Conflict("", v.Message("Organisations.ChangedMeanwhile"));
        return Result<bool>.Ok(isAdmin);
    }

    /// <summary>An admin removes a member, or a member leaves; the last admin cannot go.</summary>
    public async Task<Result<bool>> RemoveAsync(string slug, Guid userId, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<bool>.NotFound();
        var organisation = await db.Organisations.Where(o => o.Slug == slug).Select(o => new { o.Id, o.Slug }).SingleOrDefaultAsync(ct);
        if (organisation is null) return Result<bool>.NotFound();
        var self = current.Id == userId;
        if (!self && !await access.CanManageAsync(organisation.Id, ct)) return Result<bool>.NotFound();
        var member = await db.OrganisationMembers.SingleOrDefaultAsync(m => m.OrganisationId == organisation.Id && m.UserId == userId, ct);
        if (member is null) return Result<bool>.NotFound();
        if (member.IsAdmin && !await HasOtherAdminAsync(organisation.Id, userId, ct))
            return Result<bool>.Invalid("", v.Message("Organisations.LastAdmin"));
        db.OrganisationMembers.Remove(member);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        // The profile names an organisation the person belongs to; once they leave it, it names none.
        if (user.OrganisationId == organisation.Id) user.OrganisationId = null;
        audit.Add(AuditActions.OrganisationMemberRemoved, subject: organisation.Slug, details: user.Email);
        if (!await TrySaveAsync(ct)) return Result<bool>.Conflict("", v.Message("Organisations.ChangedMeanwhile"));
        return Result<bool>.Ok(true);
    }

    /// <summary>The organisation when the current person may manage it; null otherwise (they get 404).</summary>
    private async Task<ManagedOrganisation?> ManagedAsync(string slug, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return null;
        var organisation = await db.Organisations.Where(o => o.Slug == slug)
            .Select(o => new ManagedOrganisation(o.Id, o.Slug)).SingleOrDefaultAsync(ct);
        return organisation is not null && await access.CanManageAsync(organisation.Id, ct) ? organisation : null;
    }

    private sealed record ManagedOrganisation(Guid Id, string Slug);

    private Task<bool> HasOtherAdminAsync(Guid organisationId, Guid userId, CancellationToken ct) =>
        db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId != userId && m.IsAdmin, ct);

    private Task<string?> EmailOfAsync(Guid userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);

    private static string Describe(string? email, bool isAdmin) => $"{email}: {(isAdmin ? "admin" : "member")}";

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent change hit a unique key or removed the row; nothing half-done is kept.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
