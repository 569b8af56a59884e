using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organisations;

/// <summary>What an organisation's profile is made of, as sent by the form or the API.</summary>
public sealed record OrganisationInput
{
    /// <summary>Only read when creating; the address does not change afterwards.</summary>
    public string? Slug { get; init; }
    public string? Name { get; init; }
    /// <summary>One of <see cref="OrganisationType"/> by name, e.g. "Hospital".</summary>
    public string? Type { get; init; }
    public string? Description { get; init; }
    public string? Website { get; init; }
    public string? Country { get; init; }
}

/// <summary>Creating an organisation (anyone signed in, who becomes its admin) and editing it (its admins or a platform admin).</summary>
public sealed class SaveOrganisation(AgoraDbContext db, CurrentUser current, OrganisationAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    /// <summary>Slugs that name pages under /organisations/.</summary>
    private static readonly string[] Reserved = ["new", "invitations"];

    public async Task<Result<string>> CreateAsync(OrganisationInput input, CancellationToken ct)
    {
        if (!current.IsAuthenticated) return Result<string>.Forbidden();
        var organisation = new Organisation { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow() };
        var slug = v.Slug("slug", input.Slug);
        if (v.IsValid && (Reserved.Contains(slug) || await db.Organisations.AnyAsync(o => o.Slug == slug, ct)))
            v.Add("slug", "Validation.SlugTaken");
        organisation.Slug = slug;
        Apply(organisation, input);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);
        db.Organisations.Add(organisation);
        // The creator looks after the new organisation until they hand it over.
        db.OrganisationMembers.Add(new OrganisationMember
        {
            OrganisationId = organisation.Id, UserId = current.RequiredId, IsAdmin = true, JoinedAt = organisation.CreatedAt,
        });
        audit.Add(AuditActions.OrganisationCreated, subject: organisation.Slug, details: organisation.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the same address between the check and the insert.
            db.ChangeTracker.Clear();
            return Result<string>.Conflict("slug", v.Message("Validation.SlugTaken"));
        }
        return Result<string>.Ok(organisation.Slug);
    }

    public async Task<Result<string>> UpdateAsync(string slug, OrganisationInput input, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == slug, ct);
        if (organisation is null || !await access.CanManageAsync(organisation.Id, ct)) return Result<string>.NotFound();
        Apply(organisation, input);
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);
        audit.Add(AuditActions.OrganisationUpdated, subject: organisation.Slug);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Deleted or changed underneath us; nothing half-done is kept.
            db.ChangeTracker.Clear();
            return Result<string>.Conflict("", v.Message("Organisations.ChangedMeanwhile"));
        }
        return Result<string>.Ok(organisation.Slug);
    }

    /// <summary>Validates the input and copies it onto the organisation.</summary>
    private void Apply(Organisation organisation, OrganisationInput input)
    {
        organisation.Name = v.Text("name", input.Name, 160);
        if (string.IsNullOrWhiteSpace(input.Type)) v.Add("type", "Validation.Required");
        else if (OrganisationTypes.Parse(input.Type) is { } type) organisation.Type = type;
        else v.Add("type", "Validation.Invalid");
        organisation.Description = v.Text("description", input.Description, 4000, required: false, multiline: true);
        organisation.Website = v.Url("website", input.Website);
        organisation.Country = v.Text("country", input.Country, 80);
    }
}
