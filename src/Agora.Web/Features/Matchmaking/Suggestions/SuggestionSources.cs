using Agora.Web.Features.Matchmaking.Matching;
using Agora.Web.Features.Matchmaking.Profiles;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Matchmaking.Suggestions;

/// <summary>What a matcher key names.</summary>
public enum ItemKind { Profile, Need, Service, Organisation }

/// <summary>A matcher key parsed: "profile:12", "need:5", "service:3", "organisation:{guid}".</summary>
public readonly record struct ItemRef(ItemKind Kind, string Id)
{
    public string Key => $"{Name(Kind)}:{Id}";

    public int IntId => int.Parse(Id, System.Globalization.CultureInfo.InvariantCulture);

    public static string Name(ItemKind kind) => kind.ToString().ToLowerInvariant();

    public static ItemRef Profile(int id) => new(ItemKind.Profile, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static ItemRef Need(int id) => new(ItemKind.Need, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static ItemRef Service(int id) => new(ItemKind.Service, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static ItemRef Organisation(Guid id) => new(ItemKind.Organisation, id.ToString("N"));

    public static bool TryParse(string? key, out ItemRef item)
    {
        item = default;
        var colon = key?.IndexOf(':') ?? -1;
        if (colon <= 0) return false;
        if (!Enum.TryParse<ItemKind>(key![..colon], ignoreCase: true, out var kind) || Name(kind) != key[..colon]) return false;
        var id = key[(colon + 1)..];
        var valid = kind == ItemKind.Organisation ? Guid.TryParseExact(id, "N", out _) : int.TryParse(id, System.Globalization.NumberStyles.None, null, out var n) && n > 0;
        if (!valid) return false;
        item = new ItemRef(kind, id);
        return true;
    }
}

/// <summary>
/// Reduces what the network holds to the matcher's items: the published, unexpired partnering profiles, the customers'
/// open needs (service requests not yet answered or delivered), the catalogue's published services, and the organisations
/// behind published offers. The mapping, side by side (terms in brackets are alternatives: one found is enough):
/// <list type="table">
/// <item><term>technology offer</term><description>offers its kind, technologies and keywords; seeks [technology request,
/// or a clinical validation site when it is a medical device not yet CE-marked or needs clinical data, or a data offer
/// when it needs data].</description></item>
/// <item><term>technology or business request</term><description>offers its kind; seeks [the matching offer kind, or a
/// data offer when it needs data], its technologies and keywords.</description></item>
/// <item><term>business offer</term><description>offers its kind, technologies and keywords; seeks [business request].</description></item>
/// <item><term>R&amp;D cooperation</term><description>offers its kind, technologies and keywords; seeks [R&amp;D
/// cooperation, or a data offer when it needs data] and its technologies.</description></item>
/// <item><term>clinical validation or test site offer</term><description>offers its kind, technologies and keywords; seeks
/// [technology offer, R&amp;D cooperation] and its technologies.</description></item>
/// <item><term>data offer</term><description>offers its kind, technologies and keywords; seeks [technology offer,
/// technology request, R&amp;D cooperation].</description></item>
/// <item><term>a customer's need</term><description>offers the customer's kind and region; seeks the service category and
/// the technology it names.</description></item>
/// <item><term>a catalogue service</term><description>offers its category, sub-type and technologies; seeks [the customer
/// kinds it is for] and [the regions its hub serves] (no region when it is delivered remotely or across borders).</description></item>
/// <item><term>an organisation with published offers</term><description>offers what its offers offer, and the service
/// category each kind of offer amounts to (technology, clinical validation and data offers: test before invest; business
/// offers and R&amp;D cooperation: ecosystem and networking); seeks [any kind of customer].</description></item>
/// </list>
/// Profiles meet profiles, needs meet services and organisations (<see cref="CanMeet"/>). Readiness: an offer's level,
/// the range a profile seeks. Sectors and countries as each side states them (a profile's country is its organisation's
/// customer country, else its hub's).
/// </summary>
public sealed class SuggestionSources(AgoraDbContext db, TimeProvider clock)
{
    private static readonly ServiceRequestState[] OpenNeed = [ServiceRequestState.Submitted, ServiceRequestState.Referred, ServiceRequestState.Accepted];
    private static readonly ProfileKind[] OfferKinds = [ProfileKind.TechnologyOffer, ProfileKind.BusinessOffer, ProfileKind.ClinicalValidationOffer, ProfileKind.DataOffer];

    /// <summary>The kebab-case key of a profile kind in the matcher ("technology-offer").</summary>
    public static string KindKey(ProfileKind kind) => kind switch
    {
        ProfileKind.TechnologyOffer => "technology-offer",
        ProfileKind.TechnologyRequest => "technology-request",
        ProfileKind.BusinessOffer => "business-offer",
        ProfileKind.BusinessRequest => "business-request",
        ProfileKind.ResearchCooperation => "research-cooperation",
        ProfileKind.ClinicalValidationOffer => "clinical-validation-offer",
        ProfileKind.DataOffer => "data-offer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ProfileKind? KindOf(string key) => Enum.GetValues<ProfileKind>().Cast<ProfileKind?>().FirstOrDefault(k => KindKey(k!.Value) == key);

    /// <summary>Which pairs are suggested at all: profiles with profiles, needs with services and organisations.</summary>
    public static bool CanMeet(MatchItem a, MatchItem b)
    {
        ItemRef.TryParse(a.Key, out var x);
        ItemRef.TryParse(b.Key, out var y);
        return (x.Kind, y.Kind) switch
        {
            (ItemKind.Profile, ItemKind.Profile) => true,
            (ItemKind.Need, ItemKind.Service) or (ItemKind.Service, ItemKind.Need) => true,
            (ItemKind.Need, ItemKind.Organisation) or (ItemKind.Organisation, ItemKind.Need) => true,
            _ => false,
        };
    }

    /// <summary>Published profiles that have not expired: what others may see and what is matched.</summary>
    public IQueryable<PartneringProfile> LiveProfiles() => db.PartneringProfiles.Where(PartneringAccess.IsPublished(clock.GetUtcNow()));

    /// <summary>A stamp of everything the items are made from: equal stamps, equal items.</summary>
    public async Task<string> StampAsync(CancellationToken ct)
    {
        var profiles = await LiveProfiles().GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(p => p.UpdatedAt), Id = g.Max(p => p.Id) }).FirstOrDefaultAsync(ct);
        var services = await CatalogueAccess.Catalogue(db).GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(s => s.UpdatedAt) }).FirstOrDefaultAsync(ct);
        var needs = await db.ServiceRequests.Where(r => OpenNeed.Contains(r.State)).CountAsync(ct);
        var lastStep = await db.ServiceRequestSteps.MaxAsync(s => (long?)s.Id, ct);
        var customers = await db.NetworkCustomers.MaxAsync(c => (DateTimeOffset?)c.UpdatedAt, ct);
        var hubs = await db.HubNetworkProfiles.MaxAsync(h => (DateTimeOffset?)h.UpdatedAt, ct);
        // Expiry changes what is live without an update: the next expiry is part of the stamp through the count.
        return string.Join('|', profiles?.Count, profiles?.Last.ToUnixTimeMilliseconds(), profiles?.Id, services?.Count,
            services?.Last.ToUnixTimeMilliseconds(), needs, lastStep, customers?.ToUnixTimeMilliseconds(), hubs?.ToUnixTimeMilliseconds());
    }

    public async Task<List<MatchItem>> LoadAsync(CancellationToken ct)
    {
        var countries = await db.NetworkCustomers.AsNoTracking().ToDictionaryAsync(c => c.OrganisationId, c => c.Country, ct);
        var hubCountries = await db.HubNetworkProfiles.AsNoTracking().ToDictionaryAsync(h => h.HubId, h => h.Country, ct);
        var items = new List<MatchItem>();

        var profiles = await LiveProfiles().AsNoTracking().ToListAsync(ct);
        foreach (var p in profiles)
            items.Add(FromProfile(p, countries.GetValueOrDefault(p.OrganisationId) ?? hubCountries.GetValueOrDefault(p.HubId)));

        foreach (var group in profiles.Where(p => OfferKinds.Contains(p.Kind)).GroupBy(p => p.OrganisationId))
            items.Add(FromOrganisation(group.Key, group.ToList(), countries.GetValueOrDefault(group.Key) ?? hubCountries.GetValueOrDefault(group.First().HubId)));

        var needs = await db.ServiceRequests.AsNoTracking().Where(r => OpenNeed.Contains(r.State))
            .Join(db.NetworkCustomers, r => r.CustomerId, c => c.OrganisationId, (r, c) => new { Request = r, c.Type, c.Country })
            .ToListAsync(ct);
        foreach (var n in needs) items.Add(FromNeed(n.Request, n.Type, n.Country));

        var services = await CatalogueAccess.Catalogue(db).AsNoTracking().ToListAsync(ct);
        var served = await db.HubServedRegions.AsNoTracking().ToListAsync(ct);
        var regions = served.GroupBy(r => r.HubId).ToDictionary(g => g.Key, g => g.Select(r => r.RegionCode).ToList());
        foreach (var s in services) items.Add(FromService(s, regions.GetValueOrDefault(s.HubId) ?? [], hubCountries.GetValueOrDefault(s.HubId)));
        return items;
    }

    private static MatchTerm Kind(ProfileKind kind) => new(TermKind.ProfileKind, KindKey(kind));

    private static HashSet<MatchTerm> Technologies(string tags) => Tags.Split(tags).Select(MatchTerm.Technology).ToHashSet();

    private static HashSet<MatchTerm> Keywords(string tags) => Tags.Split(tags).Select(MatchTerm.Keyword).ToHashSet();

    public static MatchItem FromProfile(PartneringProfile p, string? country)
    {
        var technologies = Technologies(p.Technologies);
        var keywords = Keywords(p.Keywords);
        var needsData = p.NeedsClinicalData || p.NeedsHealthDataPermit;
        HashSet<MatchTerm> offers = [Kind(p.Kind)];
        HashSet<MatchTerm> seeks = [];
        switch (p.Kind)
        {
            case ProfileKind.TechnologyOffer:
                offers.UnionWith(technologies); offers.UnionWith(keywords);
                seeks.Add(Kind(ProfileKind.TechnologyRequest));
                if ((p.DeviceClass != DeviceClass.NotADevice && p.CeMarking != CeMarking.Marked) || p.NeedsClinicalData)
                    seeks.Add(Kind(ProfileKind.ClinicalValidationOffer));
                if (needsData) seeks.Add(Kind(ProfileKind.DataOffer));
                break;
            case ProfileKind.TechnologyRequest or ProfileKind.BusinessRequest:
                seeks.Add(Kind(p.Kind == ProfileKind.TechnologyRequest ? ProfileKind.TechnologyOffer : ProfileKind.BusinessOffer));
                if (needsData) seeks.Add(Kind(ProfileKind.DataOffer));
                seeks.UnionWith(technologies); seeks.UnionWith(keywords);
                break;
            case ProfileKind.BusinessOffer:
                offers.UnionWith(technologies); offers.UnionWith(keywords);
                seeks.Add(Kind(ProfileKind.BusinessRequest));
                break;
            case ProfileKind.ResearchCooperation:
                offers.UnionWith(technologies); offers.UnionWith(keywords);
                seeks.Add(Kind(ProfileKind.ResearchCooperation));
                if (needsData) seeks.Add(Kind(ProfileKind.DataOffer));
                seeks.UnionWith(technologies);
                break;
            case ProfileKind.ClinicalValidationOffer:
                offers.UnionWith(technologies); offers.UnionWith(keywords);
                seeks.Add(Kind(ProfileKind.TechnologyOffer));
                seeks.Add(Kind(ProfileKind.ResearchCooperation));
                seeks.UnionWith(technologies);
                break;
            case ProfileKind.DataOffer:
                offers.UnionWith(technologies); offers.UnionWith(keywords);
                seeks.Add(Kind(ProfileKind.TechnologyOffer));
                seeks.Add(Kind(ProfileKind.TechnologyRequest));
                seeks.Add(Kind(ProfileKind.ResearchCooperation));
                break;
        }
        var isOffer = p.Kind is not (ProfileKind.TechnologyRequest or ProfileKind.BusinessRequest);
        return new MatchItem
        {
            Key = ItemRef.Profile(p.Id).Key,
            Owner = p.OrganisationId.ToString("N"),
            Offers = offers,
            Seeks = seeks,
            Sectors = Tags.Split(p.Sectors).ToHashSet(),
            Trl = isOffer ? p.Trl : null,
            TrlSought = p.TrlSoughtMin is { } min && p.TrlSoughtMax is { } max ? new TrlRange(min, max) : null,
            Country = string.IsNullOrEmpty(country) ? null : country,
            CountriesSought = Tags.Split(p.CountriesSought).ToHashSet(),
        };
    }

    private static MatchItem FromOrganisation(Guid organisationId, List<PartneringProfile> offers, string? country)
    {
        HashSet<MatchTerm> offered = [];
        foreach (var p in offers)
        {
            offered.UnionWith(Technologies(p.Technologies));
            offered.UnionWith(Keywords(p.Keywords));
            offered.Add(new MatchTerm(TermKind.Category, (p.Kind is ProfileKind.BusinessOffer or ProfileKind.ResearchCooperation
                ? ServiceCategory.EcosystemAndNetworking : ServiceCategory.TestBeforeInvest).ToString()));
        }
        return new MatchItem
        {
            Key = ItemRef.Organisation(organisationId).Key,
            Owner = organisationId.ToString("N"),
            Offers = offered,
            Seeks = Enum.GetValues<CustomerType>().Select(t => new MatchTerm(TermKind.Audience, t.ToString())).ToHashSet(),
            Sectors = offers.SelectMany(p => Tags.Split(p.Sectors)).ToHashSet(),
            Country = string.IsNullOrEmpty(country) ? null : country,
        };
    }

    public static MatchItem FromNeed(ServiceRequest r, CustomerType customer, string country)
    {
        HashSet<MatchTerm> seeks = [];
        if (r.Category is { } category) seeks.Add(new MatchTerm(TermKind.Category, category.ToString()));
        if (!string.IsNullOrEmpty(r.Technology)) seeks.Add(MatchTerm.Technology(r.Technology));
        HashSet<MatchTerm> offers = [new(TermKind.Audience, customer.ToString())];
        if (!string.IsNullOrEmpty(r.RegionCode)) offers.Add(new MatchTerm(TermKind.Region, r.RegionCode));
        return new MatchItem
        {
            Key = ItemRef.Need(r.Id).Key,
            Owner = r.CustomerId.ToString("N"),
            Offers = offers,
            Seeks = seeks,
            Sectors = string.IsNullOrEmpty(r.Sector) ? new HashSet<string>() : [r.Sector],
            Country = string.IsNullOrEmpty(country) ? null : country,
        };
    }

    public static MatchItem FromService(CatalogueService s, IReadOnlyList<string> servedRegions, string? country)
    {
        HashSet<MatchTerm> offers = [new(TermKind.Category, s.Category.ToString()), new(TermKind.SubType, s.SubType)];
        offers.UnionWith(Technologies(s.Technologies));
        HashSet<MatchTerm> seeks = [];
        foreach (var audience in Enum.GetValues<ServiceAudience>().Where(a => a != ServiceAudience.None && s.Audiences.HasFlag(a)))
            seeks.Add(new MatchTerm(TermKind.Audience, audience switch
            {
                ServiceAudience.Sme => nameof(CustomerType.Sme),
                ServiceAudience.SmallMidCap => nameof(CustomerType.SmallMidCap),
                _ => nameof(CustomerType.PublicSector),
            }));
        if ((s.Delivery & (DeliveryModes.Remote | DeliveryModes.CrossBorder)) == 0)
            foreach (var region in servedRegions) seeks.Add(new MatchTerm(TermKind.Region, region));
        return new MatchItem
        {
            Key = ItemRef.Service(s.Id).Key,
            Owner = s.HubId.ToString("N"),
            Offers = offers,
            Seeks = seeks,
            Sectors = Tags.Split(s.Sectors).ToHashSet(),
            TrlSought = s.TrlMin > 1 || s.TrlMax < 9 ? new TrlRange(s.TrlMin, s.TrlMax) : null,
            Country = string.IsNullOrEmpty(country) ? null : country,
        };
    }
}
