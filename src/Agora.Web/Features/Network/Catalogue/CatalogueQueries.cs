using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Agora.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>A hub named in the reader's language, linked by slug.</summary>
public sealed record NetworkHubRef(string Slug, string Name);

/// <summary>A service's text in one culture.</summary>
public sealed record ServiceTextView(string Culture, string Title, string Summary, string Description);

/// <summary>
/// Everything about a service: its text in the reader's language (<see cref="Culture"/> names the language shown, the
/// service's default when the reader's is missing) and in every language it has.
/// </summary>
public sealed record ServiceDetail(int Id, ServiceStatus Status, int Version, NetworkHubRef Hub, string TimeZone, ServiceCategory Category, string SubType,
    string[] Audiences, string[] Technologies, string[] Sectors, int TrlMin, int TrlMax, PriceModel PriceModel, decimal? IndicativePrice, string Currency,
    string[] Delivery, string[] Languages, int? LeadTimeDays, string DefaultCulture, string Culture, string Title, string Summary, string Description,
    IReadOnlyList<ServiceTextView> Texts, IReadOnlyList<NetworkHubRef> Partners, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, bool CanManage);

/// <summary>What the catalogue search asks for; every filter optional (values are the vocabulary keys).</summary>
public sealed record CatalogueFilter(string? Q = null, string? Category = null, string? SubType = null, string? Technology = null, string? Sector = null,
    string? Audience = null, string? Delivery = null, string? Price = null, int? Trl = null, string? Language = null, string? Hub = null, string? Region = null);

/// <summary>A service found in the catalogue, in the reader's language (<see cref="Culture"/>: the language shown).</summary>
public sealed record CatalogueRow(int Id, string Title, string Summary, string Culture, NetworkHubRef Hub, ServiceCategory Category, string SubType,
    PriceModel PriceModel, int TrlMin, int TrlMax, string[] Technologies, string[] Delivery, DateTimeOffset? PublishedAt);

/// <summary>Reading the catalogue: a service's page, and the search over every published service of the network's listed hubs.</summary>
public sealed class CatalogueQueries(AgoraDbContext db, CatalogueAccess access, ServiceTextSearch text, Validator v)
{
    public static readonly string[] Sorts = ["relevance", "title", "newest"];
    public const int MaxQueryLength = 200;

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    private async Task<Dictionary<Guid, NetworkHubRef>> HubNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var culture = Culture;
        return await db.Hubs.AsNoTracking().Where(h => ids.Contains(h.Id)).Named(culture)
            .ToDictionaryAsync(h => h.Id, h => new NetworkHubRef(h.Slug, h.Name), ct);
    }

    /// <summary>The text a reader sees: theirs, else the service's default culture, else any.</summary>
    private static T? Pick<T>(IReadOnlyCollection<T> texts, Func<T, string> culture, string reader, string fallback) where T : class =>
        texts.FirstOrDefault(t => culture(t) == reader) ?? texts.FirstOrDefault(t => culture(t) == fallback) ?? texts.FirstOrDefault();

    public async Task<Result<ServiceDetail>> GetAsync(int id, CancellationToken ct)
    {
        var s = await db.CatalogueServices.AsNoTracking().Include(x => x.Texts).Include(x => x.Partners).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<ServiceDetail>.NotFound();
        var manages = await access.ManagesHubAsync(s.HubId, ct);
        if (!manages && !await CatalogueAccess.Catalogue(db).AnyAsync(x => x.Id == id, ct)) return Result<ServiceDetail>.NotFound();
        var partnerIds = s.Partners.Select(p => p.HubId).ToList();
        var names = await HubNamesAsync([s.HubId, .. partnerIds], ct);
        var zone = await db.Hubs.AsNoTracking().Where(h => h.Id == s.HubId).Select(h => h.TimeZone).SingleAsync(ct);
        var shown = Pick(s.Texts, t => t.Culture, Culture, s.DefaultCulture)!;
        var texts = ServiceVocabulary.TextCultures.SelectMany(c => s.Texts.Where(t => t.Culture == c))
            .Select(t => new ServiceTextView(t.Culture, t.Title, t.Summary, t.Description)).ToList();
        return Result<ServiceDetail>.Ok(new ServiceDetail(s.Id, s.Status, s.Version, names[s.HubId], zone, s.Category, s.SubType,
            ServiceVocabulary.AudienceKeys(s.Audiences), [.. Tags.Split(s.Technologies)], [.. Tags.Split(s.Sectors)], s.TrlMin, s.TrlMax, s.PriceModel,
            s.IndicativePrice, s.Currency, ServiceVocabulary.DeliveryKeys(s.Delivery), [.. Tags.Split(s.Languages)], s.LeadTimeDays, s.DefaultCulture,
            shown.Culture, shown.Title, shown.Summary, shown.Description, texts,
            partnerIds.Where(names.ContainsKey).Select(h => names[h]).OrderBy(h => h.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            s.UpdatedAt, s.PublishedAt, manages));
    }

    /// <summary>
    /// Every published service of the network's listed hubs that passes the filters, sorted (relevance when searching
    /// text, else title or newest) and paged. The catalogue is small (a few services per hub), so the matching rows
    /// are sorted in memory in the reader's language.
    /// </summary>
    public async Task<Result<PagedList<CatalogueRow>>> SearchAsync(CatalogueFilter f, ListQuery page, CancellationToken ct)
    {
        var all = await FindAsync(f, page.Sort, page.Descending, ct);
        if (!all.IsOk) return all.Select(_ => new PagedList<CatalogueRow>([], page.Page, page.PageSize, 0));
        var rows = all.Value!;
        return Result<PagedList<CatalogueRow>>.Ok(new PagedList<CatalogueRow>(rows.Skip(page.Skip).Take(page.PageSize).ToList(), page.Page, page.PageSize, rows.Count));
    }

    /// <summary>Every row of a search, sorted (for the page, the API and the CSV export).</summary>
    public async Task<Result<IReadOnlyList<CatalogueRow>>> FindAsync(CatalogueFilter f, string sort, bool descending, CancellationToken ct)
    {
        var q = CatalogueAccess.Catalogue(db).AsNoTracking();
        if (Parse<ServiceCategory>(f.Category, "category") is { } category) q = q.Where(s => s.Category == category);
        if (!string.IsNullOrEmpty(f.SubType))
        {
            if (NetworkTaxonomy.CategoryOf(f.SubType) is null) v.Add("subType", "Validation.Invalid");
            else q = q.Where(s => s.SubType == f.SubType);
        }
        if (Key(f.Technology, NetworkTaxonomy.Technologies, "technology") is { } tech) q = q.Where(s => s.Technologies.Contains(Tags.Token(tech)));
        if (Key(f.Sector, NetworkTaxonomy.Sectors, "sector") is { } sector) q = q.Where(s => s.Sectors.Contains(Tags.Token(sector)));
        if (Key(f.Language, ServiceVocabulary.Languages, "language") is { } language) q = q.Where(s => s.Languages.Contains(Tags.Token(language)));
        if (Parse<ServiceAudience>(f.Audience, "audience") is { } audience)
        {
            if (!ServiceVocabulary.AudienceValues.Contains(audience)) v.Add("audience", "Validation.Invalid");
            q = q.Where(s => (s.Audiences & audience) == audience);
        }
        if (Parse<DeliveryModes>(f.Delivery, "delivery") is { } delivery)
        {
            if (!ServiceVocabulary.DeliveryValues.Contains(delivery)) v.Add("delivery", "Validation.Invalid");
            q = q.Where(s => (s.Delivery & delivery) == delivery);
        }
        if (Parse<PriceModel>(f.Price, "price") is { } price) q = q.Where(s => s.PriceModel == price);
        if (f.Trl is { } trl)
        {
            if (trl is < 1 or > 9) v.Add("trl", "Validation.Range", 1, 9);
            q = q.Where(s => s.TrlMin <= trl && s.TrlMax >= trl);
        }
        if (!string.IsNullOrEmpty(f.Hub))
        {
            var hub = await db.HubIdAsync(f.Hub, ct);
            q = q.Where(s => s.HubId == (hub ?? Guid.Empty));
        }
        if (!string.IsNullOrEmpty(f.Region))
        {
            var region = f.Region.Trim().ToUpperInvariant();
            if (region.Length is < 3 or > 5 || !region.All(char.IsLetterOrDigit)) v.Add("region", "Validation.Invalid");
            q = q.Where(s => db.HubServedRegions.Any(r => r.HubId == s.HubId && r.RegionCode == region));
        }
        var words = (f.Q ?? "").Trim();
        if (words.Length > MaxQueryLength) v.Add("q", "Validation.TooLong", MaxQueryLength);
        if (!v.IsValid) return Result<IReadOnlyList<CatalogueRow>>.Invalid(v.Errors);

        var culture = Culture;
        Dictionary<int, double>? scores = null;
        if (words.Length > 0)
        {
            var hubs = await q.Select(s => s.HubId).Distinct().ToListAsync(ct);
            scores = await text.FindAsync(TextAnalyzer.QueryTerms(words, culture), hubs, culture, ct);
            var ids = scores.Keys.ToList();
            q = q.Where(s => ids.Contains(s.Id));
        }
        var found = await q.Select(s => new
        {
            s.Id, s.HubId, s.Category, s.SubType, s.PriceModel, s.TrlMin, s.TrlMax, s.Technologies, s.Delivery, s.PublishedAt, s.DefaultCulture,
            Texts = s.Texts.Select(t => new { t.Culture, t.Title, t.Summary }).ToList(),
        }).ToListAsync(ct);
        var names = await HubNamesAsync(found.Select(s => s.HubId).Distinct().ToList(), ct);
        var rows = found.Select(s =>
        {
            var shown = Pick(s.Texts, t => t.Culture, culture, s.DefaultCulture);
            return new CatalogueRow(s.Id, shown?.Title ?? "", shown?.Summary ?? "", shown?.Culture ?? s.DefaultCulture, names[s.HubId], s.Category, s.SubType,
                s.PriceModel, s.TrlMin, s.TrlMax, [.. Tags.Split(s.Technologies)], ServiceVocabulary.DeliveryKeys(s.Delivery), s.PublishedAt);
        });
        var effective = sort == "relevance" && scores is null ? "title" : sort;
        var sorted = effective switch
        {
            "relevance" => rows.OrderByDescending(r => scores![r.Id]).ThenBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase),
            "newest" => descending ? rows.OrderBy(r => r.PublishedAt) : rows.OrderByDescending(r => r.PublishedAt),
            _ => descending ? rows.OrderByDescending(r => r.Title, StringComparer.CurrentCultureIgnoreCase) : rows.OrderBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase),
        };
        return Result<IReadOnlyList<CatalogueRow>>.Ok(sorted.ThenBy(r => r.Id).ToList());
    }

    private T? Parse<T>(string? value, string field) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
        v.Add(field, "Validation.Invalid");
        return null;
    }

    private string? Key(string? value, string[] allowed, string field)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (allowed.Contains(value)) return value;
        v.Add(field, "Validation.Invalid");
        return null;
    }
}
