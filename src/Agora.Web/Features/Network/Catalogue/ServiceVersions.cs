using System.Globalization;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network;

/// <summary>One field that differs between two versions of a service, in words.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>A kept version: who changed it into the next one, when, why, and what changed.</summary>
public sealed record ServiceVersionView(int Version, string ChangedBy, DateTimeOffset ChangedAt, string Note, IReadOnlyList<FieldChange> Changes);

public sealed record ServiceVersionsView(int ServiceId, string HubSlug, string TimeZone, string Title, int CurrentVersion, IReadOnlyList<ServiceVersionView> Versions);

/// <summary>
/// A service's kept versions, newest first, each compared with the one after it (the last with the service as it is now),
/// for the providing hub's managers (404 for everyone else: versions name the people who made them).
/// </summary>
public sealed class ServiceVersions(AgoraDbContext db, CatalogueAccess access, IStringLocalizer<SharedResource> t)
{
    private const int ShownText = 300;

    public async Task<Result<ServiceVersionsView>> ListAsync(int id, CancellationToken ct)
    {
        var s = await db.CatalogueServices.AsNoTracking().Include(x => x.Texts).Include(x => x.Partners).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await access.ManagesHubAsync(s.HubId, ct)) return Result<ServiceVersionsView>.NotFound();
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Id == s.HubId).Select(h => new { h.Slug, h.TimeZone }).SingleAsync(ct);
        var partnerIds = s.Partners.Select(p => p.HubId).ToList();
        var slugs = await db.Hubs.AsNoTracking().Where(h => partnerIds.Contains(h.Id)).Select(h => h.Slug).ToListAsync(ct);
        var current = ServiceSnapshot.Of(s, slugs);
        var versions = await (from v in db.CatalogueServiceVersions.AsNoTracking()
                              where v.ServiceId == id
                              join u in db.Users on v.ChangedById equals u.Id into who
                              from u in who.DefaultIfEmpty()
                              orderby v.Version descending
                              select new { v.Version, v.Snapshot, v.ChangedAt, v.Note, Name = u == null ? null : u.DisplayName }).ToListAsync(ct);
        var views = new List<ServiceVersionView>();
        var next = current;
        foreach (var v in versions)
        {
            var snapshot = ServiceSnapshot.FromJson(v.Snapshot);
            var changes = snapshot is null || next is null ? [] : Diff(snapshot, next);
            views.Add(new ServiceVersionView(v.Version, v.Name ?? FormerMember.Name, v.ChangedAt, v.Note, changes));
            next = snapshot;
        }
        var culture = CultureInfo.CurrentUICulture.Name;
        var title = (s.Texts.FirstOrDefault(x => x.Culture == culture) ?? s.Texts.FirstOrDefault(x => x.Culture == s.DefaultCulture) ?? s.Texts.FirstOrDefault())?.Title ?? "";
        return Result<ServiceVersionsView>.Ok(new ServiceVersionsView(s.Id, hub.Slug, hub.TimeZone, title, s.Version, views));
    }

    /// <summary>Field by field, what <paramref name="after"/> changed of <paramref name="before"/>.</summary>
    public IReadOnlyList<FieldChange> Diff(ServiceSnapshot before, ServiceSnapshot after)
    {
        var changes = new List<FieldChange>();
        void Add(string label, string a, string b)
        {
            if (a != b) changes.Add(new FieldChange(label, a, b));
        }
        string Words(IEnumerable<string> keys, string prefix) => string.Join(", ", keys.Select(k => t[prefix + k].Value));
        string None(string s) => s.Length == 0 ? t["Network.Catalogue.Diff.None"] : s;

        Add(t["Network.Catalogue.Field.Status"], t["Network.ServiceStatus." + before.Status], t["Network.ServiceStatus." + after.Status]);
        Add(t["Network.Catalogue.Field.Category"], t["Network.Category." + before.Category], t["Network.Category." + after.Category]);
        Add(t["Network.Catalogue.Field.SubType"], t["Network.SubType." + before.SubType], t["Network.SubType." + after.SubType]);
        Add(t["Network.Catalogue.Field.Audiences"], None(Words(before.Audiences, "Network.Audience.")), None(Words(after.Audiences, "Network.Audience.")));
        Add(t["Network.Catalogue.Field.Technologies"], None(Words(before.Technologies, "Network.Technology.")), None(Words(after.Technologies, "Network.Technology.")));
        Add(t["Network.Catalogue.Field.Sectors"], None(Words(before.Sectors, "Network.Sector.")), None(Words(after.Sectors, "Network.Sector.")));
        Add(t["Network.Catalogue.Field.Trl"], t["Network.Catalogue.TrlRange", before.TrlMin, before.TrlMax], t["Network.Catalogue.TrlRange", after.TrlMin, after.TrlMax]);
        Add(t["Network.Catalogue.Field.Price"], Price(before), Price(after));
        Add(t["Network.Catalogue.Field.Delivery"], None(Words(before.Delivery, "Network.Delivery.")), None(Words(after.Delivery, "Network.Delivery.")));
        Add(t["Network.Catalogue.Field.Languages"], None(string.Join(", ", before.Languages.Select(ServiceVocabulary.LanguageName))),
            None(string.Join(", ", after.Languages.Select(ServiceVocabulary.LanguageName))));
        Add(t["Network.Catalogue.Field.LeadTime"], LeadTime(before.LeadTimeDays), LeadTime(after.LeadTimeDays));
        Add(t["Network.Catalogue.Field.DefaultCulture"], ServiceVocabulary.LanguageName(before.DefaultCulture), ServiceVocabulary.LanguageName(after.DefaultCulture));
        Add(t["Network.Catalogue.Field.Partners"], None(string.Join(", ", before.PartnerHubs)), None(string.Join(", ", after.PartnerHubs)));
        foreach (var culture in ServiceVocabulary.TextCultures)
        {
            before.Texts.TryGetValue(culture, out var a);
            after.Texts.TryGetValue(culture, out var b);
            var language = ServiceVocabulary.LanguageName(culture);
            Add(t["Network.Catalogue.Field.Title", language], None(Shown(a?.Title)), None(Shown(b?.Title)));
            Add(t["Network.Catalogue.Field.Summary", language], None(Shown(a?.Summary)), None(Shown(b?.Summary)));
            Add(t["Network.Catalogue.Field.Description", language], None(Shown(a?.Description)), None(Shown(b?.Description)));
        }
        return changes;
    }

    private string Price(ServiceSnapshot s) => s.IndicativePrice is { } p
        ? $"{t["Network.Price." + s.PriceModel]}, {p.ToString("N2", CultureInfo.CurrentCulture)} {s.Currency}"
        : t["Network.Price." + s.PriceModel];

    private string LeadTime(int? days) => days is { } d ? t["Network.Catalogue.LeadTimeDays", d] : t["Network.Catalogue.Diff.None"];

    private static string Shown(string? text)
    {
        var s = (text ?? "").ReplaceLineEndings(" ");
        return s.Length <= ShownText ? s : s[..ShownText].TrimEnd() + "…";
    }
}
