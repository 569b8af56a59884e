using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Network;

/// <summary>
/// The open catalogue feed's content: every Published service of the listed hubs that have a network profile, one page
/// at a time, ordered by id. Links come from the configured public address (Agora:BaseUrl), never from the request.
/// </summary>
public sealed class CatalogueFeed(AgoraDbContext db, IOptions<AgoraSettings> settings)
{
    public string BaseUrl => settings.Value.PublicAddress.TrimEnd('/');

    public string ServiceIri(int id) => $"{BaseUrl}/network/services/{id}";

    private IQueryable<CatalogueService> InFeed() =>
        db.CatalogueServices.Where(s => s.Status == ServiceStatus.Published
            && db.HubNetworkProfiles.Any(p => p.HubId == s.HubId && p.Listed));

    /// <summary>
    /// What the caching headers are made of: the newest change to any service or profile that decides the feed (a
    /// withdrawal raises its service's UpdatedAt, so it counts), and how many services are in it.
    /// </summary>
    public async Task<(DateTimeOffset Modified, int Count)> StampAsync(CancellationToken ct)
    {
        var listedHubs = db.HubNetworkProfiles.Where(p => p.Listed).Select(p => p.HubId);
        // Read as lists: SQLite cannot order or aggregate DateTimeOffset columns in SQL.
        var serviceTimes = await db.CatalogueServices.Where(s => listedHubs.Contains(s.HubId)).Select(s => s.UpdatedAt).ToListAsync(ct);
        var profileTimes = await db.HubNetworkProfiles.Select(p => p.UpdatedAt).ToListAsync(ct);
        var modified = serviceTimes.Concat(profileTimes).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        return (modified, await InFeed().CountAsync(ct));
    }

    /// <summary>One page of the feed; <paramref name="path"/> is the feed's own path (the JSON or the JSON-LD one) for the paging links.</summary>
    public async Task<FeedDocument> PageAsync(int page, int pageSize, string path, DateTimeOffset modified, CancellationToken ct)
    {
        var total = await InFeed().CountAsync(ct);
        var services = await InFeed().OrderBy(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(s => s.Texts).Include(s => s.Partners).AsNoTracking().AsSplitQuery().ToListAsync(ct);
        var hubIds = services.Select(s => s.HubId).Concat(services.SelectMany(s => s.Partners.Select(p => p.HubId))).Distinct().ToList();
        var hubs = await db.Hubs.Where(h => hubIds.Contains(h.Id)).Select(h => new { h.Id, h.Slug, h.Name }).ToDictionaryAsync(h => h.Id, ct);
        var profiles = await db.HubNetworkProfiles.Where(p => hubIds.Contains(p.HubId)).Include(p => p.Regions).AsNoTracking().ToDictionaryAsync(p => p.HubId, ct);

        string Link(int p) => $"{BaseUrl}{path}?page={p}&pageSize={pageSize}";
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new FeedDocument
        {
            Format = FeedFormat.Name,
            Title = "Agora",
            Publisher = new FeedPublisher { Name = "Agora", Homepage = BaseUrl + "/" },
            Modified = modified,
            Page = page,
            PageSize = pageSize,
            TotalItems = total,
            Next = page < last ? Link(page + 1) : null,
            Previous = page > 1 ? Link(Math.Min(page - 1, last)) : null,
            Services = services.Select(s =>
            {
                var hub = hubs[s.HubId];
                var profile = profiles[s.HubId];
                return new FeedService
                {
                    Id = s.Id,
                    Url = ServiceIri(s.Id),
                    Modified = s.UpdatedAt,
                    Category = s.Category,
                    SubType = s.SubType,
                    Audiences = Flags(s.Audiences),
                    Technologies = Tags.Split(s.Technologies),
                    Sectors = Tags.Split(s.Sectors),
                    TrlMin = s.TrlMin,
                    TrlMax = s.TrlMax,
                    PriceModel = s.PriceModel,
                    IndicativePrice = s.IndicativePrice,
                    Currency = s.Currency,
                    Delivery = Flags(s.Delivery),
                    Languages = Tags.Split(s.Languages),
                    LeadTimeDays = s.LeadTimeDays,
                    DefaultCulture = s.DefaultCulture,
                    Texts = s.Texts.OrderBy(t => t.Culture, StringComparer.Ordinal)
                        .Select(t => new FeedText { Culture = t.Culture, Title = t.Title, Summary = t.Summary, Description = t.Description }).ToList(),
                    Provider = new FeedProvider
                    {
                        Slug = hub.Slug,
                        Name = hub.Name,
                        LegalName = profile.LegalName,
                        Kind = profile.Kind,
                        Country = profile.Country,
                        Regions = profile.Regions.Select(r => r.RegionCode).Order(StringComparer.Ordinal).ToList(),
                        Url = $"{BaseUrl}/hubs/{hub.Slug}/network",
                        Website = profile.Website,
                        ContactPage = $"{BaseUrl}/network/requests/new?hub={Uri.EscapeDataString(hub.Slug)}",
                    },
                    Partners = s.Partners.Where(p => hubs.ContainsKey(p.HubId)).Select(p => hubs[p.HubId])
                        .OrderBy(h => h.Slug, StringComparer.Ordinal).Select(h => new FeedHub { Slug = h.Slug, Name = h.Name }).ToList(),
                };
            }).ToList(),
        };
    }

    /// <summary>The single flags set in a [Flags] value, in declaration order.</summary>
    public static IReadOnlyList<T> Flags<T>(T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt32(f) != 0 && value.HasFlag(f)).ToList();
}
