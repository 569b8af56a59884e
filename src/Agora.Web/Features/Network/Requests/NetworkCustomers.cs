using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Auth;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

public sealed record CustomerInput(CustomerType? Type, CompanySize? Size, string? Sector, string? Country, string? RegionCode);

/// <summary>An organisation's standing as a customer of the network: null fields until its admins register it.</summary>
public sealed record CustomerView(Guid OrganisationId, string OrganisationSlug, string OrganisationName, bool Registered,
    CustomerType? Type, CompanySize? Size, string? Sector, string? Country, string? RegionCode, DateTimeOffset? RegisteredAt, DateTimeOffset? UpdatedAt);

/// <summary>
/// Registering an organisation as a customer of the network, with what an EDIH reports of its customers (type, size,
/// sector, country and NUTS-2 region), and keeping that data: the organisation's admins only (others: 404).
/// </summary>
public sealed class NetworkCustomers(AgoraDbContext db, NetworkAccess access, CurrentUser current, Validator v, AuditLog audit, TimeProvider clock)
{
    private async Task<(Guid Id, string Slug, string Name)?> OrganisationAsync(string slug, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(o => new { o.Id, o.Slug, o.Name }).SingleOrDefaultAsync(ct);
        return org is null ? null : (org.Id, org.Slug, org.Name);
    }

    public async Task<Result<CustomerView>> GetAsync(string organisationSlug, CancellationToken ct)
    {
        if (await OrganisationAsync(organisationSlug, ct) is not { } org || !await access.ManagesCustomerAsync(org.Id, ct)) return Result<CustomerView>.NotFound();
        var c = await db.NetworkCustomers.AsNoTracking().SingleOrDefaultAsync(x => x.OrganisationId == org.Id, ct);
        return Result<CustomerView>.Ok(c is null
            ? new CustomerView(org.Id, org.Slug, org.Name, false, null, null, null, null, null, null, null)
            : new CustomerView(org.Id, org.Slug, org.Name, true, c.Type, c.Size, c.Sector, c.Country, c.RegionCode, c.RegisteredAt, c.UpdatedAt));
    }

    /// <summary>Registers the organisation, or updates its customer data; both audited.</summary>
    public async Task<Result<Guid>> SaveAsync(string organisationSlug, CustomerInput input, CancellationToken ct)
    {
        if (await OrganisationAsync(organisationSlug, ct) is not { } org || !await access.ManagesCustomerAsync(org.Id, ct)) return Result<Guid>.NotFound();
        if (input.Type is not { } type || !Enum.IsDefined(type)) v.Add("type", input.Type is null ? "Validation.Required" : "Validation.Invalid");
        if (input.Size is not { } size || !Enum.IsDefined(size)) v.Add("size", input.Size is null ? "Validation.Required" : "Validation.Invalid");
        var sector = Validator.Clean(input.Sector);
        if (sector.Length == 0) v.Add("sector", "Validation.Required");
        else if (!NetworkTaxonomy.Sectors.Contains(sector)) v.Add("sector", "Validation.Invalid");
        var country = Validator.Clean(input.Country).ToUpperInvariant();
        var region = Validator.Clean(input.RegionCode).ToUpperInvariant();
        if (country.Length == 0) v.Add("country", "Validation.Required");
        else if (!NutsRegions.Countries.Contains(country)) v.Add("country", "Validation.Invalid");
        if (region.Length == 0) v.Add("regionCode", "Validation.Required");
        else if (NutsRegions.Find(region) is not { } r) v.Add("regionCode", "Validation.Invalid");
        else if (!string.Equals(r.Country, country, StringComparison.OrdinalIgnoreCase)) v.Add("regionCode", "Network.Requests.RegionNotInCountry");
        if (!v.IsValid) return Result<Guid>.Invalid(v.Errors);
        var now = clock.GetUtcNow();
        var existing = await db.NetworkCustomers.SingleOrDefaultAsync(c => c.OrganisationId == org.Id, ct);
        var details = $"{input.Type} {input.Size} {sector} {country} {region}";
        if (existing is null)
        {
            db.NetworkCustomers.Add(new NetworkCustomer
            {
                OrganisationId = org.Id, Type = input.Type!.Value, Size = input.Size!.Value, Sector = sector, Country = country, RegionCode = region,
                RegisteredAt = now, RegisteredById = current.Id, UpdatedAt = now,
            });
            audit.Add(AuditActions.NetworkCustomerRegistered, null, org.Name, details);
        }
        else
        {
            existing.Type = input.Type!.Value;
            existing.Size = input.Size!.Value;
            existing.Sector = sector;
            existing.Country = country;
            existing.RegionCode = region;
            existing.UpdatedAt = now;
            audit.Add(AuditActions.NetworkCustomerUpdated, null, org.Name, details);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            return Result<Guid>.Conflict("", v.Message("Network.Requests.ChangedMeanwhile"));
        }
        return Result<Guid>.Ok(org.Id);
    }
}
