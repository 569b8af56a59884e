using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>A service in its hub's own list (drafts and withdrawn included).</summary>
public sealed record HubServiceRow(int Id, string Title, ServiceCategory Category, string SubType, ServiceStatus Status, int Version, DateTimeOffset UpdatedAt);

/// <summary>A hub's services as its managers see them; <see cref="InNetwork"/> false when the hub has no network profile yet.</summary>
public sealed record HubServiceList(Guid HubId, bool InNetwork, PagedList<HubServiceRow> Services);

/// <summary>A service as its form shows it to edit.</summary>
public sealed record ServiceEdit(int Id, ServiceStatus Status, int Version, ServiceInput Input);

/// <summary>The other hubs of the network a service may name as partners.</summary>
public sealed record PartnerChoice(string Slug, string Name);

/// <summary>
/// Hub managers keep their hub's catalogue services: create (a draft), edit, publish, withdraw. Only a hub with a
/// network profile has services. Every saved change keeps the previous state as a version (who, when, a note),
/// raises <see cref="CatalogueService.Version"/> and is refused as stale (409) when the writer saw an older version.
/// Everything audited.
/// </summary>
public sealed class MaintainServices(AgoraDbContext db, CatalogueAccess access, CurrentUser current, Validator v, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] Sorts = ["title", "updated", "status", "category"];

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    private async Task<(Guid Hub, Result<T>? Refused)> HubAsync<T>(string slug, CancellationToken ct)
    {
        var (hub, inNetwork, refused) = await access.ManagedHubAsync(slug, ct);
        if (refused is { } r) return (hub, CatalogueAccess.Refuse<T>(r));
        if (!inNetwork) return (hub, Result<T>.Conflict("", v.Message("Network.Catalogue.NoProfile")));
        return (hub, null);
    }

    public async Task<Result<HubServiceList>> ListAsync(string slug, ListQuery q, CancellationToken ct)
    {
        var (hub, inNetwork, refused) = await access.ManagedHubAsync(slug, ct);
        if (refused is { } r) return CatalogueAccess.Refuse<HubServiceList>(r);
        var culture = Culture;
        var rows = await db.CatalogueServices.AsNoTracking().Where(s => s.HubId == hub)
            .Select(s => new
            {
                s.Id, s.Category, s.SubType, s.Status, s.Version, s.UpdatedAt,
                Title = s.Texts.Where(t => t.Culture == culture).Select(t => t.Title).FirstOrDefault()
                    ?? s.Texts.Where(t => t.Culture == s.DefaultCulture).Select(t => t.Title).FirstOrDefault() ?? "",
            }).ToListAsync(ct);
        var list = rows.Select(x => new HubServiceRow(x.Id, x.Title, x.Category, x.SubType, x.Status, x.Version, x.UpdatedAt));
        IOrderedEnumerable<HubServiceRow> sorted = q.Sort switch
        {
            "updated" => q.Descending ? list.OrderByDescending(x => x.UpdatedAt) : list.OrderBy(x => x.UpdatedAt),
            "status" => q.Descending ? list.OrderByDescending(x => x.Status) : list.OrderBy(x => x.Status),
            "category" => q.Descending ? list.OrderByDescending(x => x.Category) : list.OrderBy(x => x.Category),
            _ => q.Descending ? list.OrderByDescending(x => x.Title, StringComparer.CurrentCultureIgnoreCase) : list.OrderBy(x => x.Title, StringComparer.CurrentCultureIgnoreCase),
        };
        var all = sorted.ThenBy(x => x.Id).ToList();
        return Result<HubServiceList>.Ok(new HubServiceList(hub, inNetwork,
            new PagedList<HubServiceRow>(all.Skip(q.Skip).Take(q.PageSize).ToList(), q.Page, q.PageSize, all.Count)));
    }

    /// <summary>Hubs of the network (with a profile) other than <paramref name="hubId"/>, named in the reader's language.</summary>
    public async Task<IReadOnlyList<PartnerChoice>> PartnerChoicesAsync(Guid hubId, CancellationToken ct)
    {
        var culture = Culture;
        var rows = await db.Hubs.AsNoTracking().Where(h => h.Id != hubId && db.HubNetworkProfiles.Any(p => p.HubId == h.Id)).Named(culture).ToListAsync(ct);
        return rows.Select(r => new PartnerChoice(r.Slug, r.Name)).OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<Result<ServiceEdit>> GetForEditAsync(string slug, int id, CancellationToken ct)
    {
        var (hub, inNetwork, refused) = await access.ManagedHubAsync(slug, ct);
        if (refused is { } r) return CatalogueAccess.Refuse<ServiceEdit>(r);
        var s = await db.CatalogueServices.AsNoTracking().Include(x => x.Texts).Include(x => x.Partners).SingleOrDefaultAsync(x => x.Id == id && x.HubId == hub, ct);
        if (s is null) return Result<ServiceEdit>.NotFound();
        var snapshot = ServiceSnapshot.Of(s, await PartnerSlugsAsync(s, ct));
        return Result<ServiceEdit>.Ok(new ServiceEdit(s.Id, s.Status, s.Version, snapshot.ToInput(s.Version)));
    }

    public async Task<Result<int>> CreateAsync(string slug, ServiceInput input, CancellationToken ct)
    {
        var (hub, refused) = await HubAsync<int>(slug, ct);
        if (refused is not null) return refused;
        return await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var s = new CatalogueService { HubId = hub, Status = ServiceStatus.Draft, Version = 1, CreatedAt = now, UpdatedAt = now };
            ServiceRules.Apply(s, input, v);
            await ApplyPartnersAsync(s, input.PartnerHubs, ct);
            if (!v.IsValid) return (false, Result<int>.Invalid(v.Errors));
            db.CatalogueServices.Add(s);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.CatalogueServiceCreated, hub, s.Id.ToString(CultureInfo.InvariantCulture), TitleOf(s));
            await db.SaveChangesAsync(ct);
            return (true, Result<int>.Ok(s.Id));
        }, ct);
    }

    public Task<Result<int>> UpdateAsync(string slug, int id, ServiceInput input, CancellationToken ct) =>
        ChangeAsync(slug, id, input.Version, input.Note, requireVersion: true, AuditActions.CatalogueServiceChanged, async s =>
        {
            ServiceRules.Apply(s, input, v);
            await ApplyPartnersAsync(s, input.PartnerHubs, ct);
        }, ct);

    /// <summary>Puts a draft or withdrawn service into the catalogue (again).</summary>
    public Task<Result<int>> PublishAsync(string slug, int id, int? version, string? note, CancellationToken ct) =>
        ChangeAsync(slug, id, version, note, requireVersion: false, AuditActions.CataloguePublished, s =>
        {
            if (s.Status == ServiceStatus.Published) v.Add("", "Network.Catalogue.AlreadyPublished");
            s.Status = ServiceStatus.Published;
            s.PublishedAt = clock.GetUtcNow();
            s.WithdrawnAt = null;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Takes a published (or draft) service out of the catalogue; its page stays for the hub's managers.</summary>
    public Task<Result<int>> WithdrawAsync(string slug, int id, int? version, string? note, CancellationToken ct) =>
        ChangeAsync(slug, id, version, note, requireVersion: false, AuditActions.CatalogueWithdrawn, s =>
        {
            if (s.Status == ServiceStatus.Withdrawn) v.Add("", "Network.Catalogue.AlreadyWithdrawn");
            s.Status = ServiceStatus.Withdrawn;
            s.WithdrawnAt = clock.GetUtcNow();
            return Task.CompletedTask;
        }, ct);

    private async Task<Result<int>> ChangeAsync(string slug, int id, int? version, string? note, bool requireVersion, string action,
        Func<CatalogueService, Task> change, CancellationToken ct)
    {
        var (hub, refused) = await HubAsync<int>(slug, ct);
        if (refused is not null) return refused;
        if (requireVersion && version is null) return Result<int>.Invalid("version", v.Message("Validation.Required"));
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var s = await db.CatalogueServices.Include(x => x.Texts).Include(x => x.Partners).SingleOrDefaultAsync(x => x.Id == id && x.HubId == hub, ct);
                if (s is null) return (false, Result<int>.NotFound());
                if (version is { } seen && seen != s.Version) return (false, Stale());
                var before = ServiceSnapshot.Of(s, await PartnerSlugsAsync(s, ct)).ToJson();
                var cleanNote = v.Text("note", note, ServiceRules.NoteMax, required: false);
                await change(s);
                if (!v.IsValid) return (false, Result<int>.Invalid(v.Errors));
                var now = clock.GetUtcNow();
                db.CatalogueServiceVersions.Add(new CatalogueServiceVersion
                {
                    ServiceId = s.Id, Version = s.Version, Snapshot = before, ChangedById = current.Id, ChangedAt = now, Note = cleanNote,
                });
                s.Version += 1;
                s.UpdatedAt = now;
                audit.Add(action, hub, s.Id.ToString(CultureInfo.InvariantCulture), $"v{s.Version} {TitleOf(s)}");
                await db.SaveChangesAsync(ct);
                return (true, Result<int>.Ok(s.Id));
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            return Stale();
        }
    }

    private Result<int> Stale() => Result<int>.Conflict("version", v.Message("Network.Catalogue.Stale"));

    private async Task ApplyPartnersAsync(CatalogueService s, List<string>? slugs, CancellationToken ct)
    {
        var wanted = (slugs ?? []).Select(x => (x ?? "").Trim()).Where(x => x.Length > 0).Distinct().ToList();
        var hubs = wanted.Count == 0
            ? []
            : await db.Hubs.Where(h => wanted.Contains(h.Slug) && h.Id != s.HubId && db.HubNetworkProfiles.Any(p => p.HubId == h.Id))
                .Select(h => h.Id).ToListAsync(ct);
        if (hubs.Count != wanted.Count) v.Add("partnerHubs", "Network.Catalogue.PartnerNotInNetwork");
        s.Partners.RemoveAll(p => !hubs.Contains(p.HubId));
        foreach (var h in hubs.Where(h => s.Partners.All(p => p.HubId != h))) s.Partners.Add(new CatalogueServicePartner { ServiceId = s.Id, HubId = h });
    }

    private async Task<List<string>> PartnerSlugsAsync(CatalogueService s, CancellationToken ct)
    {
        var ids = s.Partners.Select(p => p.HubId).ToList();
        return ids.Count == 0 ? [] : await db.Hubs.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => h.Slug).ToListAsync(ct);
    }

    private static string TitleOf(CatalogueService s) =>
        (s.Texts.FirstOrDefault(t => t.Culture == s.DefaultCulture) ?? s.Texts.FirstOrDefault())?.Title ?? "";
}
