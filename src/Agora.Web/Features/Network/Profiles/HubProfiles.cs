using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>A partner as a manager writes it; a row without a name is left out.</summary>
public sealed record PartnerInput(string? Name, Guid? OrganisationId, string? Website, string? Role);

/// <summary>
/// A hub's network profile as its managers write it. <see cref="Kind"/>: Edih, Dih, SealOfExcellence or Other;
/// <see cref="Country"/>: a NUTS country code (PT, NO, EL…); <see cref="Regions"/>: NUTS 2024 level-2 codes;
/// <see cref="Technologies"/>, <see cref="Sectors"/>: vocabulary keys; <see cref="Languages"/>: culture names
/// (<see cref="HubProfiles.LanguageChoices"/>); <see cref="FirstAnswerDays"/>: 1–30 working days (default 5).
/// <see cref="Partners"/> replaces the hub's partners.
/// </summary>
/// <summary>A profile as its managers write it; <see cref="Version"/> is the version the writer saw (required to change an existing profile).</summary>
public sealed record ProfileInput(string? LegalName, string? Kind, string? Country, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Technologies,
    IReadOnlyList<string>? Sectors, IReadOnlyList<string>? Languages, string? Website, int? FirstAnswerDays, bool? Listed, IReadOnlyList<PartnerInput>? Partners,
    int? Version = null);

public sealed record RegionView(string Code, string Country, string Name);

public sealed record PartnerView(int Id, string Name, Guid? OrganisationId, string? OrganisationSlug, string? Website, string Role);

/// <summary>A confirmed front-desk contact as the person asking may see it.</summary>
public sealed record ContactView(int Id, Guid UserId, string Name, string Role, IReadOnlyList<string> Languages, string Hours, ContactVisibility Visibility);

public sealed record HubProfileView(string HubSlug, string HubName, string LegalName, HubKind Kind, string Country, IReadOnlyList<RegionView> Regions,
    IReadOnlyList<string> Technologies, IReadOnlyList<string> Sectors, IReadOnlyList<string> Languages, string? Website, int FirstAnswerDays, bool Listed,
    IReadOnlyList<PartnerView> Partners, IReadOnlyList<ContactView> Contacts, int PublishedServices, bool CanManage, DateTimeOffset UpdatedAt, int Version);

/// <summary>
/// Hub network profiles: reading one as the person asking may see it, and its managers creating or changing it
/// (creating it puts the hub in the network). Regions are checked against <see cref="NutsRegions"/>, technologies and
/// sectors against <see cref="NetworkTaxonomy"/>.
/// </summary>
public sealed class HubProfiles(AgoraDbContext db, ProfileAccess access, Validator v, AuditLog audit, TimeProvider clock)
{
    /// <summary>The languages a front desk may answer in (culture names).</summary>
    public static readonly string[] LanguageChoices = ["en", "pt-PT", "nb-NO", "nn-NO", "es", "fr", "de", "it", "sv", "da", "fi", "nl", "pl", "el"];

    public const int MaxPartners = 20, MaxRegions = 40;

    public static IReadOnlyList<RegionView> Regions(IEnumerable<string> codes) =>
        codes.Select(NutsRegions.Find).OfType<NutsRegion>().OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new RegionView(r.Code, r.Country, r.Name)).ToList();

    public async Task<HubProfileView?> GetAsync(string slug, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == slug).Select(h => new { h.Id, h.Slug, h.Name }).SingleOrDefaultAsync(ct);
        if (hub is null) return null;
        var p = await db.HubNetworkProfiles.AsNoTracking().Include(x => x.Regions).SingleOrDefaultAsync(x => x.HubId == hub.Id, ct);
        if (p is null || !await access.MaySeeAsync(hub.Id, p.Listed, ct)) return null;
        var audience = await access.AudienceAsync(ct);
        var contacts = await ContactsAsync([hub.Id], audience, ct);
        var partners = await (from x in db.HubPartners.AsNoTracking()
                              where x.HubId == hub.Id
                              join o in db.Organisations on x.OrganisationId equals o.Id into os
                              from o in os.DefaultIfEmpty()
                              orderby x.Id
                              select new PartnerView(x.Id, x.Name, x.OrganisationId, o == null ? null : o.Slug, x.Website, x.Role)).ToListAsync(ct);
        var services = await db.CatalogueServices.CountAsync(s => s.HubId == hub.Id && s.Status == ServiceStatus.Published, ct);
        return new HubProfileView(hub.Slug, hub.Name, p.LegalName, p.Kind, p.Country, Regions(p.Regions.Select(r => r.RegionCode)),
            Tags.Split(p.Technologies), Tags.Split(p.Sectors), Tags.Split(p.Languages), p.Website, p.FirstAnswerDays, p.Listed, partners,
            contacts.GetValueOrDefault(hub.Id) ?? [], services, await access.ManagesAsync(hub.Id, ct), p.UpdatedAt, p.Version);
    }

    /// <summary>The confirmed contacts of <paramref name="hubIds"/> the person asking may see (<see cref="ProfileAccess"/>), per hub, in the order they were proposed.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ContactView>>> ContactsAsync(IReadOnlyCollection<Guid> hubIds,
        Func<Guid, IReadOnlyList<ContactVisibility>> audience, CancellationToken ct)
    {
        var rows = await (from c in db.FrontDeskContacts.AsNoTracking()
                          where hubIds.Contains(c.HubId) && c.ConfirmedAt != null
                              && db.HubMemberships.Any(m => m.HubId == c.HubId && m.UserId == c.UserId)
                          join u in db.Users on c.UserId equals u.Id
                          orderby c.ProposedAt, c.Id
                          select new { c.HubId, c.Id, c.UserId, u.DisplayName, c.Role, c.Languages, c.Hours, c.Visibility }).ToListAsync(ct);
        return rows.Where(r => audience(r.HubId).Contains(r.Visibility))
            .GroupBy(r => r.HubId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ContactView>)g.Select(r =>
                new ContactView(r.Id, r.UserId, r.DisplayName, r.Role, Tags.Split(r.Languages), r.Hours, r.Visibility)).ToList());
    }

    /// <summary>The profile as its edit form starts: the saved one, or an empty one in the hub's region's country.</summary>
    public async Task<(ProfileInput Input, bool Exists)?> InputForAsync(string slug, CancellationToken ct)
    {
        if (await db.HubIdAsync(slug, ct) is not { } hub || !await access.ManagesAsync(hub, ct)) return null;
        var p = await db.HubNetworkProfiles.AsNoTracking().Include(x => x.Regions).SingleOrDefaultAsync(x => x.HubId == hub, ct);
        var partners = await db.HubPartners.AsNoTracking().Where(x => x.HubId == hub).OrderBy(x => x.Id)
            .Select(x => new PartnerInput(x.Name, x.OrganisationId, x.Website, x.Role)).ToListAsync(ct);
        if (p is null)
            return (new ProfileInput(await db.Hubs.Where(h => h.Id == hub).Select(h => h.Name).SingleAsync(ct), nameof(HubKind.Edih), null, [], [], [], [], null, 5, true, []), false);
        return (new ProfileInput(p.LegalName, p.Kind.ToString(), p.Country, p.Regions.Select(r => r.RegionCode).Order(StringComparer.Ordinal).ToList(),
            Tags.Split(p.Technologies), Tags.Split(p.Sectors), Tags.Split(p.Languages), p.Website, p.FirstAnswerDays, p.Listed, partners, p.Version), true);
    }

    /// <summary>
    /// Creates or replaces the hub's profile (hub managers). Answers the hub's slug; a change of an existing profile
    /// needs the version the writer saw, and is refused (409) when someone saved in between.
    /// </summary>
    public async Task<Result<string>> SaveAsync(string slug, ProfileInput input, CancellationToken ct)
    {
        if (await db.HubIdAsync(slug, ct) is not { } hub) return Result<string>.NotFound();
        if (!await access.ManagesAsync(hub, ct)) return Result<string>.Forbidden();
        var legalName = v.Text("legalName", input.LegalName, 200);
        if (!Enum.TryParse<HubKind>(input.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _)) v.Add("kind", "Validation.Invalid");
        var country = Validator.Clean(input.Country).ToUpperInvariant();
        if (country.Length == 0) v.Add("country", "Validation.Required");
        else if (!NutsRegions.Countries.Contains(country)) v.Add("country", "Network.Profiles.UnknownCountry");
        var regions = (input.Regions ?? []).Select(r => Validator.Clean(r).ToUpperInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        if (regions.Count == 0) v.Add("regions", "Network.Profiles.RegionRequired");
        else if (regions.Count > MaxRegions) v.Add("regions", "Network.Profiles.TooManyRegions", MaxRegions);
        var unknown = regions.Where(r => !NutsRegions.IsKnown(r)).ToList();
        if (unknown.Count > 0) v.Add("regions", "Network.Profiles.UnknownRegion", string.Join(", ", unknown.Take(5)));
        var technologies = Keys("technologies", input.Technologies, NetworkTaxonomy.Technologies);
        var sectors = Keys("sectors", input.Sectors, NetworkTaxonomy.Sectors);
        var languages = Keys("languages", input.Languages, LanguageChoices);
        if (languages.Count == 0) v.Add("languages", "Network.Profiles.LanguageRequired");
        var website = v.Url("website", input.Website);
        var days = input.FirstAnswerDays ?? 5;
        if (days is < 1 or > 30) v.Add("firstAnswerDays", "Network.Profiles.FirstAnswerRange", 1, 30);
        var partners = new List<HubPartner>();
        var rows = input.Partners ?? [];
        if (rows.Count(p => !string.IsNullOrWhiteSpace(p.Name)) > MaxPartners) v.Add("partners", "Network.Profiles.TooManyPartners", MaxPartners);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Role) && string.IsNullOrWhiteSpace(row.Website) && row.OrganisationId is null) continue;
            var partner = new HubPartner
            {
                HubId = hub,
                Name = v.Text($"partners[{i}].name", row.Name, 200),
                OrganisationId = row.OrganisationId,
                Website = v.Url($"partners[{i}].website", row.Website),
                Role = v.Text($"partners[{i}].role", row.Role, 500, required: false),
            };
            partners.Add(partner);
        }
        var organisations = partners.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        if (organisations.Count > 0)
        {
            var known = await db.Organisations.Where(o => organisations.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
            for (var i = 0; i < rows.Count; i++)
                if (rows[i].OrganisationId is { } o && !known.Contains(o)) v.Add($"partners[{i}].organisationId", "Validation.Invalid");
        }
        if (!v.IsValid) return Result<string>.Invalid(v.Errors);

        var now = clock.GetUtcNow();
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                var profile = await db.HubNetworkProfiles.Include(x => x.Regions).SingleOrDefaultAsync(x => x.HubId == hub, token);
                if (profile is not null && input.Version is null) return Result<string>.Invalid("version", v.Message("Validation.Required"));
                if (profile is not null && input.Version != profile.Version) return Stale();
                var created = profile is null;
                if (profile is null)
                {
                    profile = new HubNetworkProfile { HubId = hub, CreatedAt = now };
                    db.HubNetworkProfiles.Add(profile);
                }
                profile.LegalName = legalName;
                profile.Kind = kind;
                profile.Country = country;
                profile.Technologies = Tags.Join(technologies);
                profile.Sectors = Tags.Join(sectors);
                profile.Languages = Tags.Join(languages);
                profile.Website = website;
                profile.FirstAnswerDays = days;
                profile.Listed = input.Listed ?? true;
                profile.UpdatedAt = now;
                profile.Version = created ? 1 : profile.Version + 1;
                profile.Regions.RemoveAll(r => !regions.Contains(r.RegionCode));
                foreach (var code in regions.Where(c => profile.Regions.All(r => r.RegionCode != c)))
                    profile.Regions.Add(new HubServedRegion { HubId = hub, RegionCode = code });
                await db.HubPartners.Where(p => p.HubId == hub).ExecuteDeleteAsync(token);
                db.HubPartners.AddRange(partners);
                audit.Add(created ? AuditActions.NetworkProfileCreated : AuditActions.NetworkProfileChanged, hub, legalName,
                    $"{kind}; {country}; {string.Join(' ', regions)}; {partners.Count} partners");
                await db.SaveChangesAsync(token);
                return Result<string>.Ok(slug);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            // Two first saves at once: the other one created the profile.
            return Stale();
        }
    }

    private Result<string> Stale() => Result<string>.Conflict("version", v.Message("Network.Profiles.Stale"));

    private List<string> Keys(string field, IReadOnlyList<string>? given, IReadOnlyCollection<string> allowed)
    {
        var keys = (given ?? []).Select(k => Validator.Clean(k)).Where(k => k.Length > 0).Distinct().ToList();
        if (keys.Any(k => !allowed.Contains(k))) v.Add(field, "Validation.Invalid");
        return keys.Where(allowed.Contains).ToList();
    }
}
