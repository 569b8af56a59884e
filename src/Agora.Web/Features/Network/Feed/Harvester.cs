using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Network;

/// <summary>Section "Network:Harvest": how strict a harvest is.</summary>
public sealed class HarvestSettings
{
    public const string Section = "Network:Harvest";
    public int TimeoutSeconds { get; set; } = 20;
    /// <summary>Most bytes one page of a feed may have, counted while reading.</summary>
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxPages { get; set; } = 50;
    /// <summary>How long a claim on a source lasts: a harvest whose instance died is taken up again after this.</summary>
    public int LeaseMinutes { get; set; } = 5;
}

/// <summary>What one harvest did: counts on success, the error's code and detail on failure.</summary>
public sealed record HarvestOutcome(bool Ok, int Added, int Updated, int Removed, int Unchanged, string? ErrorCode, string? Error);

/// <summary>
/// Harvests one source: claims it with a lease (a guarded UPDATE, so one instance at a time), reads every page of its
/// plain JSON feed strictly (http(s) only, public addresses unless the admin allowed private ones, no redirects, a
/// time limit, a size limit counted while reading, JSON content type, the feed's schema), then in one transaction adds
/// new services, rewrites changed ones (by content hash) and removes those the source no longer publishes. Any failure
/// records the error on the source and leaves the services of the last good harvest as they were.
/// </summary>
public sealed class Harvester(AgoraDbContext db, IHttpClientFactory clients, TimeProvider clock, IOptions<HarvestSettings> options, ILogger<Harvester> log)
{
    public const string ClientName = "network-harvest";
    /// <summary>Set on each request: whether the source lets the connection go to a private address.</summary>
    public static readonly HttpRequestOptionsKey<bool> AllowPrivateOption = new("agora.harvest.allow-private");

    private HarvestSettings Settings => options.Value;

    /// <summary>
    /// Harvests the source if nobody holds it (and, with <paramref name="onlyIfDue"/>, if it is enabled and due); null
    /// when it was not taken.
    /// </summary>
    public async Task<HarvestOutcome?> HarvestAsync(int sourceId, bool onlyIfDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var owner = Guid.NewGuid().ToString("N");
        var until = now.AddMinutes(Settings.LeaseMinutes);
        var candidates = db.Set<HarvestSource>().Where(s => s.Id == sourceId && (s.LeaseUntil == null || s.LeaseUntil < now));
        if (onlyIfDue) candidates = candidates.Where(s => s.Enabled && s.NextDueAt <= now);
        if (await candidates.ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, owner).SetProperty(s => s.LeaseUntil, until), ct) != 1)
            return null;

        var source = await db.Set<HarvestSource>().AsNoTracking().SingleAsync(s => s.Id == sourceId, ct);
        HarvestOutcome outcome;
        List<FeedService>? services = null;
        try
        {
            services = await FetchAsync(source, ct);
            outcome = await ApplyAsync(source, services, ct);
        }
        catch (HarvestException e)
        {
            outcome = new HarvestOutcome(false, 0, 0, 0, 0, e.Code, e.Message);
        }
        db.ChangeTracker.Clear();
        var done = clock.GetUtcNow();
        var next = done.AddMinutes(Math.Max(1, source.IntervalMinutes));
        var error = outcome.Error is { Length: > 1000 } text ? text[..1000] : outcome.Error;
        var mine = db.Set<HarvestSource>().Where(s => s.Id == sourceId && s.LeaseOwner == owner);
        if (outcome.Ok)
        {
            await mine.ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(s => s.LastAttemptAt, done).SetProperty(s => s.LastSuccessAt, done).SetProperty(s => s.NextDueAt, next)
                .SetProperty(s => s.LastError, (string?)null).SetProperty(s => s.LastErrorCode, (string?)null), CancellationToken.None);
            log.LogInformation("Harvested source {Source}: {Added} added, {Updated} updated, {Removed} removed", sourceId, outcome.Added, outcome.Updated, outcome.Removed);
        }
        else
        {
            await mine.ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(s => s.LastAttemptAt, done).SetProperty(s => s.NextDueAt, next)
                .SetProperty(s => s.LastError, error).SetProperty(s => s.LastErrorCode, outcome.ErrorCode).SetProperty(s => s.LastErrorAt, done), CancellationToken.None);
            log.LogWarning("Harvest of source {Source} failed ({Code}): {Error}", sourceId, outcome.ErrorCode, error);
        }
        return outcome;
    }

    private async Task<List<FeedService>> FetchAsync(HarvestSource source, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        var first = new Uri(source.FeedUrl);
        var services = new List<FeedService>();
        Uri? url = first;
        for (var page = 1; url is not null; page++)
        {
            if (page > Settings.MaxPages) throw new HarvestException(HarvestErrors.TooManyPages, $"More than {Settings.MaxPages} pages.");
            var doc = await FetchPageAsync(client, url, source.AllowPrivateAddress, ct);
            services.AddRange(doc.Services);
            if (doc.Next is null) break;
            var next = new Uri(doc.Next);
            // Paging stays at the source: the next page is on the same host and port (http may become https).
            if (!next.Host.Equals(first.Host, StringComparison.OrdinalIgnoreCase) || next.Port != first.Port && !(next.Scheme == Uri.UriSchemeHttps && next.IsDefaultPort))
                throw new HarvestException(HarvestErrors.Schema, $"The next page {next} is not at the source's address.");
            url = next;
        }
        if (services.Select(s => s.Id).Distinct().Count() != services.Count)
            throw new HarvestException(HarvestErrors.Schema, "A service appears on two pages.");
        return services;
    }

    private async Task<FeedDocument> FetchPageAsync(HttpClient client, Uri url, bool allowPrivate, CancellationToken ct)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            throw new HarvestException(HarvestErrors.Address, $"Only http and https addresses are harvested, not {url.Scheme}.");
        if (!allowPrivate && !HarvestAddresses.IsPublicHost(url))
            throw new HarvestException(HarvestErrors.Address, $"{url.Host} is a private, loopback or link-local address; the source does not allow those.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Settings.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(AllowPrivateOption, allowPrivate);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            if (code is >= 300 and < 400) throw new HarvestException(HarvestErrors.Redirect, $"{url} answered {code} (a redirect); redirects are not followed, use the address it points to.");
            if (!response.IsSuccessStatusCode) throw new HarvestException(HarvestErrors.Status, $"{url} answered {code}.");
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
                throw new HarvestException(HarvestErrors.ContentType, $"{url} answered {mediaType ?? "no content type"}, not application/json.");
            var bytes = await ReadLimitedAsync(response.Content, Settings.MaxBytes, timeout.Token);
            return FeedReader.Read(bytes);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new HarvestException(HarvestErrors.Timeout, $"{url} did not answer within {Settings.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e) when (e.InnerException is HarvestException inner)
        {
            throw inner;
        }
        catch (HttpRequestException e)
        {
            throw new HarvestException(HarvestErrors.Network, $"{url}: {e.Message}");
        }
    }

    /// <summary>Reads the body up to <paramref name="max"/> bytes, whatever Content-Length says.</summary>
    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, int max, CancellationToken ct)
    {
        if (content.Headers.ContentLength > max) throw new HarvestException(HarvestErrors.TooLarge, $"The feed is larger than {max / 1024} KiB.");
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw new HarvestException(HarvestErrors.TooLarge, $"The feed is larger than {max / 1024} KiB.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private Task<HarvestOutcome> ApplyAsync(HarvestSource source, List<FeedService> services, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var existing = await db.Set<HarvestedService>().Where(h => h.SourceId == source.Id).Include(h => h.Texts).ToDictionaryAsync(h => h.ExternalId, token);
            int added = 0, updated = 0, unchanged = 0;
            foreach (var s in services)
            {
                var hash = Hash(s);
                if (existing.Remove(s.Id, out var row))
                {
                    row.LastSeenAt = now;
                    if (row.ContentHash == hash) { unchanged++; continue; }
                    Copy(s, row, hash, now);
                    updated++;
                }
                else
                {
                    row = new HarvestedService { SourceId = source.Id, ExternalId = s.Id, FirstSeenAt = now, LastSeenAt = now };
                    Copy(s, row, hash, now);
                    db.Add(row);
                    added++;
                }
            }
            db.RemoveRange(existing.Values);
            await db.SaveChangesAsync(token);
            return new HarvestOutcome(true, added, updated, existing.Count, unchanged, null, null);
        }, ct);

    private static void Copy(FeedService s, HarvestedService row, string hash, DateTimeOffset now)
    {
        row.OriginUrl = s.Url;
        row.ProviderName = s.Provider.Name;
        row.ProviderUrl = s.Provider.Url;
        row.ProviderCountry = s.Provider.Country;
        row.ProviderRegions = Tags.Join(s.Provider.Regions);
        row.Category = s.Category;
        row.SubType = s.SubType;
        row.Audiences = s.Audiences.Aggregate(ServiceAudience.None, (a, b) => a | b);
        row.Technologies = Tags.Join(s.Technologies);
        row.Sectors = Tags.Join(s.Sectors);
        row.TrlMin = s.TrlMin;
        row.TrlMax = s.TrlMax;
        row.PriceModel = s.PriceModel;
        row.IndicativePrice = s.IndicativePrice;
        row.Currency = s.Currency;
        row.Delivery = s.Delivery.Aggregate(DeliveryModes.None, (a, b) => a | b);
        row.Languages = Tags.Join(s.Languages);
        row.LeadTimeDays = s.LeadTimeDays;
        row.DefaultCulture = s.DefaultCulture;
        row.ContentHash = hash;
        row.ModifiedAtSource = s.Modified;
        row.UpdatedAt = now;
        // Texts are updated in place by culture (their key), new cultures added, dropped ones removed.
        row.Texts.RemoveAll(t => !s.Texts.Any(x => x.Culture == t.Culture));
        foreach (var x in s.Texts)
        {
            var text = row.Texts.FirstOrDefault(t => t.Culture == x.Culture);
            if (text is null) row.Texts.Add(text = new HarvestedServiceText { Culture = x.Culture });
            text.Title = x.Title;
            text.Summary = x.Summary;
            text.Description = x.Description;
        }
    }

    public static string Hash(FeedService s) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(s, FeedFormat.Json)));

    /// <summary>
    /// The harvest client's connection: the name is resolved here and every address it gives is checked before the
    /// socket connects, so DNS cannot point a public name at an inside address (unless the source allows it).
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, ct) =>
        {
            var allowPrivate = context.InitialRequestMessage.Options.TryGetValue(AllowPrivateOption, out var allowed) && allowed;
            var addresses = IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var usable = addresses.Where(a => allowPrivate || HarvestAddresses.IsPublic(a)).ToList();
            if (usable.Count == 0)
                throw new HarvestException(HarvestErrors.Address,
                    $"{context.DnsEndPoint.Host} resolves to a private, loopback or link-local address; the source does not allow those.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable.ToArray(), context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
