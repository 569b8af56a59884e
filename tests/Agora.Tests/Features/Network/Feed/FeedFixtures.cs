using System.Net;
using Agora.Tests.Infrastructure;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Network.Feed;

/// <summary>Catalogue services written straight into an installation's database (the catalogue part has its own use cases).</summary>
public static class FeedFixtures
{
    public static async Task<T> DbAsync<T>(AgoraFactory app, Func<AgoraDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AgoraDbContext>());
    }

    /// <summary>Gives the hub a listed network profile serving <paramref name="region"/> unless it has one.</summary>
    public static Task<Guid> EnsureProfileAsync(AgoraFactory app, string slug, string region = "PT19") => DbAsync(app, async db =>
    {
        var hubId = await db.Hubs.Where(h => h.Slug == slug).Select(h => h.Id).SingleAsync();
        if (!await db.HubNetworkProfiles.AnyAsync(p => p.HubId == hubId))
        {
            var now = DateTimeOffset.UtcNow;
            db.HubNetworkProfiles.Add(new HubNetworkProfile
            {
                HubId = hubId, LegalName = slug + " legal", Kind = HubKind.Edih, Country = region[..2], Technologies = Tags.Join(["ai"]),
                Sectors = Tags.Join(["health"]), Languages = Tags.Join(["en", "pt-PT"]), Listed = true, CreatedAt = now, UpdatedAt = now,
                Regions = [new HubServedRegion { HubId = hubId, RegionCode = region }],
            });
            await db.SaveChangesAsync();
        }
        return hubId;
    });

    public static Task<int> AddServiceAsync(AgoraFactory app, string slug, string title, ServiceStatus status = ServiceStatus.Published,
        string technology = "ai", string sector = "health") => DbAsync(app, async db =>
    {
        var hubId = await EnsureProfileAsync(app, slug);
        var now = DateTimeOffset.UtcNow;
        var service = new CatalogueService
        {
            HubId = hubId, Status = status, Category = ServiceCategory.TestBeforeInvest, SubType = "testing",
            Audiences = ServiceAudience.Sme | ServiceAudience.PublicSector, Technologies = Tags.Join([technology]), Sectors = Tags.Join([sector]),
            TrlMin = 4, TrlMax = 7, PriceModel = PriceModel.Paid, IndicativePrice = 1500m, Currency = "EUR",
            Delivery = DeliveryModes.OnSite | DeliveryModes.Remote, Languages = Tags.Join(["en", "pt-PT", "nb-NO"]), LeadTimeDays = 10,
            CreatedAt = now, UpdatedAt = now, PublishedAt = status == ServiceStatus.Published ? now : null,
            Texts =
            [
                new CatalogueServiceText { Culture = "en", Title = title, Summary = "Test an AI model on real data", Description = "We test.\n\nAnd report." },
                new CatalogueServiceText { Culture = "pt-PT", Title = title + " (pt)", Summary = "Testar um modelo de IA", Description = "Testamos." },
                new CatalogueServiceText { Culture = "nb-NO", Title = title + " (nb)", Summary = "Test en KI-modell", Description = "Vi tester." },
            ],
        };
        db.CatalogueServices.Add(service);
        await db.SaveChangesAsync();
        return service.Id;
    });

    public static Task ChangeAsync(AgoraFactory app, int id, Action<CatalogueService> change) => DbAsync(app, async db =>
    {
        var service = await db.CatalogueServices.Include(s => s.Texts).SingleAsync(s => s.Id == id);
        change(service);
        service.UpdatedAt = DateTimeOffset.UtcNow;
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// An installation whose harvest client reaches other installations through <paramref name="router"/> (instead of
    /// sockets), and that runs no harvest job of its own (the tests harvest).
    /// </summary>
    public static AgoraFactory Harvesting(string provider, FeedRouter router)
    {
        var app = new AgoraFactory(provider, new Dictionary<string, string?> { ["Jobs:Skip:2"] = HarvestJob.Kind })
        {
            Configure = b => b.ConfigureTestServices(s =>
                s.AddHttpClient(Harvester.ClientName).ConfigurePrimaryHttpMessageHandler(() => new FeedRouter.Handler(router))),
        };
        _ = app.Server;
        return app;
    }

    /// <summary>Adds a source straight into the database, due now.</summary>
    public static Task<int> AddSourceAsync(AgoraFactory app, string url, bool allowPrivate = false) => DbAsync(app, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var source = new HarvestSource { Name = "Source " + Guid.NewGuid().ToString("N")[..6], FeedUrl = url, IntervalMinutes = 60, Enabled = true,
            AllowPrivateAddress = allowPrivate, CreatedAt = now, UpdatedAt = now, NextDueAt = now };
        db.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    });

    public static async Task<HarvestOutcome?> HarvestAsync(AgoraFactory app, int sourceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Harvester>().HarvestAsync(sourceId, onlyIfDue: false, CancellationToken.None);
    }
}

/// <summary>
/// Where the harvesting installation's requests go: to another in-process installation by host name, or to an answer a
/// test made up (a feed that is too large, malformed, HTML...).
/// </summary>
public sealed class FeedRouter
{
    private readonly Dictionary<string, HttpMessageInvoker> _hosts = new(StringComparer.OrdinalIgnoreCase);
    public Func<HttpRequestMessage, HttpResponseMessage>? Answer { get; set; }
    public List<Uri> Requests { get; } = [];

    public void Route(string host, AgoraFactory app) => _hosts[host] = new HttpMessageInvoker(app.Server.CreateHandler());

    /// <summary>Forgets the routes, the made-up answer and the requests seen.</summary>
    public void Reset()
    {
        _hosts.Clear();
        Answer = null;
        lock (Requests) Requests.Clear();
    }

    public sealed class Handler(FeedRouter router) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            lock (router.Requests) router.Requests.Add(request.RequestUri!);
            if (router._hosts.TryGetValue(request.RequestUri!.Host, out var app)) return await app.SendAsync(request, ct);
            return router.Answer?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
