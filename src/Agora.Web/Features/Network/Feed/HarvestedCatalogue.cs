using Agora.Web.Platform.Data;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>Filters of the catalogue search that apply to harvested services too.</summary>
public sealed record HarvestedFilter(ServiceCategory? Category = null, string? Technology = null, string? Sector = null, string? Text = null, string? Region = null);

/// <summary>A harvested service as a search result: its text in the reader's language (or the source's default), and where it comes from.</summary>
public sealed record HarvestedServiceRow(int Id, string Title, string Summary, string Culture, ServiceCategory Category, string SubType,
    IReadOnlyList<string> Technologies, IReadOnlyList<string> Sectors, IReadOnlyList<string> Regions, PriceModel PriceModel,
    string ProviderName, string SourceName, string OriginUrl)
{
    /// <summary>Its page in this installation.</summary>
    public string Url => $"/network/harvested/{Id}";
}

/// <summary>A harvested service in full, for its page.</summary>
public sealed record HarvestedServiceDetail(HarvestedServiceRow Row, string Description, ServiceAudience Audiences, int TrlMin, int TrlMax,
    decimal? IndicativePrice, string Currency, DeliveryModes Delivery, IReadOnlyList<string> Languages, int? LeadTimeDays,
    string ProviderUrl, string ProviderCountry, string SourceFeedUrl, DateTimeOffset ModifiedAtSource, DateTimeOffset LastSeenAt);

/// <summary>
/// Services harvested from other installations, for the catalogue search and the network page to merge with this
/// installation's own: the same filters (category, technology, sector, region, text by LIKE in the harvested titles and
/// summaries of every language). Public: harvested services are public at their source. Only enabled sources count.
/// </summary>
public sealed class HarvestedCatalogue(AgoraDbContext db)
{
    private IQueryable<HarvestedService> Visible() =>
        db.Set<HarvestedService>().Where(h => db.Set<HarvestSource>().Any(s => s.Id == h.SourceId && s.Enabled));

    public IQueryable<HarvestedService> Filtered(HarvestedFilter filter)
    {
        var q = Visible();
        if (filter.Category is { } category) q = q.Where(h => h.Category == category);
        if (!string.IsNullOrWhiteSpace(filter.Technology)) { var token = Tags.Token(filter.Technology.Trim()); q = q.Where(h => h.Technologies.Contains(token)); }
        if (!string.IsNullOrWhiteSpace(filter.Sector)) { var token = Tags.Token(filter.Sector.Trim()); q = q.Where(h => h.Sectors.Contains(token)); }
        if (!string.IsNullOrWhiteSpace(filter.Region)) { var token = Tags.Token(filter.Region.Trim().ToUpperInvariant()); q = q.Where(h => h.ProviderRegions.Contains(token)); }
        // Every word of the search must start a word of a title or summary (in any of the service's languages), as the
        // local catalogue's full-text search matches words: "AI" finds "AI testing", not "maintenance".
        foreach (var word in SearchWords(filter.Text))
        {
            var start = Escape(word) + "%";
            var inside = "% " + start;
            q = q.Where(h => h.Texts.Any(t => EF.Functions.Like(t.Title.ToLower(), start, "\\") || EF.Functions.Like(t.Title.ToLower(), inside, "\\")
                || EF.Functions.Like(t.Summary.ToLower(), start, "\\") || EF.Functions.Like(t.Summary.ToLower(), inside, "\\")));
        }
        return q;
    }

    /// <summary>The words of a search, lower case, without punctuation around them (at most eight).</summary>
    public static IReadOnlyList<string> SearchWords(string? text) => string.IsNullOrWhiteSpace(text) ? []
        : text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation)).Where(w => w.Length > 0).Distinct().Take(8).ToList();

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '«', '»', '“', '”', '‘', '’', '-', '–', '—', '/'];

    public async Task<PagedList<HarvestedServiceRow>> SearchAsync(HarvestedFilter filter, string culture, int page, int pageSize, CancellationToken ct)
    {
        var q = Filtered(filter);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize).Include(h => h.Texts).AsNoTracking().AsSplitQuery().ToListAsync(ct);
        var sources = await SourceNamesAsync(rows.Select(r => r.SourceId), ct);
        return new PagedList<HarvestedServiceRow>(rows.Select(r => Row(r, sources[r.SourceId], culture)).ToList(), page, pageSize, total);
    }

    public Task<int> CountAsync(HarvestedFilter filter, CancellationToken ct) => Filtered(filter).CountAsync(ct);

    public async Task<HarvestedServiceDetail?> GetAsync(int id, string culture, CancellationToken ct)
    {
        var h = await Visible().Where(h => h.Id == id).Include(h => h.Texts).AsNoTracking().SingleOrDefaultAsync(ct);
        if (h is null) return null;
        var source = await db.Set<HarvestSource>().Where(s => s.Id == h.SourceId).Select(s => new { s.Name, s.FeedUrl }).SingleAsync(ct);
        var row = Row(h, source.Name, culture);
        var text = h.Texts.Single(t => t.Culture == row.Culture);
        return new HarvestedServiceDetail(row, text.Description, h.Audiences, h.TrlMin, h.TrlMax, h.IndicativePrice, h.Currency, h.Delivery,
            Tags.Split(h.Languages), h.LeadTimeDays, h.ProviderUrl, h.ProviderCountry, source.FeedUrl, h.ModifiedAtSource, h.LastSeenAt);
    }

    private async Task<Dictionary<int, string>> SourceNamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<HarvestSource>().Where(s => list.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
    }

    private static HarvestedServiceRow Row(HarvestedService h, string sourceName, string culture)
    {
        var text = Pick(h.Texts, culture, h.DefaultCulture);
        return new HarvestedServiceRow(h.Id, text.Title, text.Summary, text.Culture, h.Category, h.SubType, Tags.Split(h.Technologies), Tags.Split(h.Sectors),
            Tags.Split(h.ProviderRegions), h.PriceModel, h.ProviderName, sourceName, h.OriginUrl);
    }

    /// <summary>The reader's language, else the same language in another region, else the source's default, else any.</summary>
    private static HarvestedServiceText Pick(List<HarvestedServiceText> texts, string culture, string fallback) =>
        texts.FirstOrDefault(t => t.Culture.Equals(culture, StringComparison.OrdinalIgnoreCase))
        ?? texts.FirstOrDefault(t => t.Culture.Split('-')[0].Equals(culture.Split('-')[0], StringComparison.OrdinalIgnoreCase))
        ?? texts.FirstOrDefault(t => t.Culture.Equals(fallback, StringComparison.OrdinalIgnoreCase))
        ?? texts.OrderBy(t => t.Culture, StringComparer.Ordinal).First();

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
