using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Network;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

public sealed record NamedRef(string Slug, string Name);

/// <summary>One dimension of an assessment: its number (1–6), name in the reader's language, and score once submitted.</summary>
public sealed record DimensionScore(int Number, string Name, double? Score);

/// <summary>An assessment in a list or the export.</summary>
public sealed record AssessmentRow(int Id, NamedRef Organisation, NamedRef Hub, QuestionSet Set, AssessmentWave Wave, AssessmentStatus Status,
    DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, double[]? Scores, double? Overall, MaturityBand? Band);

/// <summary>An assessment with its answers (question id to values) and, once submitted, its scores.</summary>
public sealed record AssessmentView(int Id, NamedRef Organisation, NamedRef Hub, QuestionSet Set, AssessmentWave Wave, AssessmentStatus Status,
    int Version, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, IReadOnlyList<DimensionScore> Dimensions,
    double? Overall, MaturityBand? Band, IReadOnlyDictionary<string, int[]> Answers, int Answered, int Questions, bool CanFill);

/// <summary>A service delivery of the hub to the customer between the two assessments.</summary>
public sealed record DeliveryBetween(int RequestId, string Title, DeliveryStatus Status, DateOnly? StartedOn, DateOnly? CompletedOn);

/// <summary>A published catalogue service suggested for one of the weakest dimensions.</summary>
public sealed record SuggestedService(int Id, string Title, NamedRef Hub, ServiceCategory Category, string SubType, int Dimension);

/// <summary>One dimension at T0 and T1, and the change (T1 − T0) when both are submitted.</summary>
public sealed record DimensionChange(int Number, string Name, double? T0, double? T1, double? Change);

/// <summary>
/// T0 and T1 of a customer with a hub side by side: per dimension and overall with the change, the services delivered
/// between the two, and catalogue services for the two weakest dimensions of the latest submitted assessment.
/// </summary>
public sealed record AssessmentComparison(NamedRef Organisation, NamedRef Hub, QuestionSet Set, AssessmentRow? T0, AssessmentRow? T1,
    IReadOnlyList<DimensionChange> Dimensions, double? OverallChange, IReadOnlyList<DeliveryBetween> Deliveries,
    IReadOnlyList<int> WeakestDimensions, IReadOnlyList<SuggestedService> Suggestions);

public sealed class MaturityQueries(AgoraDbContext db, MaturityAccess access, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t)
{
    private static string Culture => CultureInfo.CurrentUICulture.Name;

    public string DimensionName(QuestionSet set, int number) => t[Questionnaire.For(set).DimensionKey(number)];

    public async Task<Result<AssessmentView>> GetAsync(int id, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<AssessmentView>.NotFound();
        var a = s.Assessment;
        var (org, hub) = await NamesAsync(a.OrganisationId, a.HubId, ct);
        var set = Questionnaire.For(a.Set);
        var answers = a.ReadAnswers();
        var stored = a.StoredScores();
        var dimensions = set.Dimensions.Select(d => new DimensionScore(d.Number, DimensionName(a.Set, d.Number), stored?[d.Number - 1])).ToList();
        var answered = set.Questions.Count(q => MaturityScoring.IsAnswered(q, answers.GetValueOrDefault(q.Id)));
        return Result<AssessmentView>.Ok(new AssessmentView(a.Id, org, hub, a.Set, a.Wave, a.Status, a.Version, a.StartedAt, a.UpdatedAt, a.SubmittedAt,
            dimensions, a.Overall, a.Band, answers, answered, set.Questions.Count(), s.CanFill));
    }

    private async Task<(NamedRef Organisation, NamedRef Hub)> NamesAsync(Guid organisationId, Guid hubId, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new NamedRef(o.Slug, o.Name)).SingleAsync(ct);
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Id == hubId).Named(Culture).Select(h => new NamedRef(h.Slug, h.Name)).SingleAsync(ct);
        return (org, hub);
    }

    /// <summary>The assessments as rows, organisations and hubs named in the reader's language.</summary>
    private async Task<List<AssessmentRow>> RowsAsync(IQueryable<MaturityAssessment> assessments, CancellationToken ct)
    {
        var list = await assessments.AsNoTracking().ToListAsync(ct);
        var orgIds = list.Select(a => a.OrganisationId).Distinct().ToList();
        var hubIds = list.Select(a => a.HubId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new NamedRef(o.Slug, o.Name), ct);
        var hubs = await db.Hubs.AsNoTracking().Where(h => hubIds.Contains(h.Id)).Named(Culture).ToDictionaryAsync(h => h.Id, h => new NamedRef(h.Slug, h.Name), ct);
        return list.Select(a => new AssessmentRow(a.Id, orgs[a.OrganisationId], hubs[a.HubId], a.Set, a.Wave, a.Status, a.StartedAt, a.UpdatedAt, a.SubmittedAt,
            a.StoredScores(), a.Overall, a.Band)).ToList();
    }

    private static List<AssessmentRow> Ordered(IEnumerable<AssessmentRow> rows) =>
        rows.OrderBy(r => r.Organisation.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Hub.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Wave).ToList();

    /// <summary>An organisation's assessments, with every hub: for its members and platform admins.</summary>
    public async Task<Result<List<AssessmentRow>>> ForOrganisationAsync(string slug, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        if (org is null || !await access.MayReadOrganisationAsync(org.Value, ct)) return Result<List<AssessmentRow>>.NotFound();
        return Result<List<AssessmentRow>>.Ok(Ordered(await RowsAsync(db.MaturityAssessments.Where(a => a.OrganisationId == org), ct)));
    }

    /// <summary>A hub's assessments of its customers: for its front desk and platform admins.</summary>
    public async Task<Result<List<AssessmentRow>>> ForHubAsync(string slug, CancellationToken ct)
    {
        var hub = await db.HubIdAsync(slug, ct);
        if (hub is null || !await access.MayReadHubAsync(hub.Value, ct)) return Result<List<AssessmentRow>>.NotFound();
        return Result<List<AssessmentRow>>.Ok(Ordered(await RowsAsync(db.MaturityAssessments.Where(a => a.HubId == hub), ct)));
    }

    /// <summary>
    /// The export for the network's reporting: a hub's assessments for its managers, every hub's for platform admins
    /// (<paramref name="hubSlug"/> null). Drafts are included (their scores empty) so a hub sees what is under way.
    /// </summary>
    public async Task<Result<List<AssessmentRow>>> ExportAsync(string? hubSlug, CancellationToken ct)
    {
        var all = db.MaturityAssessments.AsNoTracking();
        if (hubSlug is null)
        {
            // The network-wide export is no secret, only not everyone's: 403.
            if (!access.MayExportAll) return Result<List<AssessmentRow>>.Forbidden();
        }
        else
        {
            var hub = await db.HubIdAsync(hubSlug, ct);
            if (hub is null || !await access.MayExportHubAsync(hub.Value, ct)) return Result<List<AssessmentRow>>.NotFound();
            all = all.Where(a => a.HubId == hub);
        }
        return Result<List<AssessmentRow>>.Ok(Ordered(await RowsAsync(all, ct)));
    }

    /// <summary>The listed hubs of the network, for an organisation starting an assessment.</summary>
    public async Task<List<NamedRef>> NetworkHubsAsync(CancellationToken ct) =>
        (await db.Hubs.AsNoTracking().Where(h => db.HubNetworkProfiles.Any(p => p.HubId == h.Id && p.Listed)).Named(Culture).ToListAsync(ct))
            .OrderBy(h => h.Name, StringComparer.CurrentCultureIgnoreCase).Select(h => new NamedRef(h.Slug, h.Name)).ToList();

    /// <summary>The customers that asked the hub for a service (and so have met its front desk), for the desk starting an assessment.</summary>
    public Task<List<NamedRef>> CustomersOfHubAsync(Guid hubId, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => db.NetworkCustomers.Any(c => c.OrganisationId == o.Id)
                && (db.ServiceRequests.Any(r => r.CustomerId == o.Id && (r.HubId == hubId || r.FirstHubId == hubId))
                    || db.MaturityAssessments.Any(a => a.OrganisationId == o.Id && a.HubId == hubId)))
            .OrderBy(o => o.Name).Select(o => new NamedRef(o.Slug, o.Name)).ToListAsync(ct);

    /// <summary>T0 and T1 of the customer and hub of assessment <paramref name="id"/>, side by side.</summary>
    public async Task<Result<AssessmentComparison>> CompareAsync(int id, CancellationToken ct)
    {
        var s = await access.LoadAsync(id, ct);
        if (s is null) return Result<AssessmentComparison>.NotFound();
        var a = s.Assessment;
        var (org, hub) = await NamesAsync(a.OrganisationId, a.HubId, ct);
        var rows = await RowsAsync(db.MaturityAssessments.Where(x => x.OrganisationId == a.OrganisationId && x.HubId == a.HubId), ct);
        var t0 = rows.FirstOrDefault(r => r.Wave == AssessmentWave.T0);
        var t1 = rows.FirstOrDefault(r => r.Wave == AssessmentWave.T1);
        var dimensions = Enumerable.Range(1, 6).Select(n =>
        {
            var before = t0?.Scores?[n - 1];
            var after = t1?.Scores?[n - 1];
            return new DimensionChange(n, DimensionName(a.Set, n), before, after, before is { } b && after is { } f ? f - b : null);
        }).ToList();
        var overallChange = t0?.Overall is { } o0 && t1?.Overall is { } o1 && t1.Status == AssessmentStatus.Submitted && t0.Status == AssessmentStatus.Submitted
            ? o1 - o0 : (double?)null;

        var deliveries = new List<DeliveryBetween>();
        if (t0?.SubmittedAt is { } from)
        {
            var until = t1?.SubmittedAt ?? DateTimeOffset.MaxValue;
            var found = await db.ServiceDeliveries.AsNoTracking()
                .Where(d => d.HubId == a.HubId && d.Status != DeliveryStatus.Cancelled)
                .Join(db.ServiceRequests.Where(r => r.CustomerId == a.OrganisationId), d => d.RequestId, r => r.Id,
                    (d, r) => new { d.RequestId, r.Title, d.Status, d.StartedOn, d.CompletedOn, d.CreatedAt })
                .ToListAsync(ct);
            // A delivery falls between the two when it was under way or done after T0 and began before T1.
            var fromDay = DateOnly.FromDateTime(from.UtcDateTime);
            var untilDay = until == DateTimeOffset.MaxValue ? DateOnly.MaxValue : DateOnly.FromDateTime(until.UtcDateTime);
            deliveries = found
                .Where(d => (d.CompletedOn ?? DateOnly.MaxValue) >= fromDay && (d.StartedOn ?? DateOnly.FromDateTime(d.CreatedAt.UtcDateTime)) <= untilDay)
                .OrderBy(d => d.StartedOn ?? DateOnly.FromDateTime(d.CreatedAt.UtcDateTime))
                .Select(d => new DeliveryBetween(d.RequestId, d.Title, d.Status, d.StartedOn, d.CompletedOn)).ToList();
        }

        var latest = t1?.Scores ?? t0?.Scores;
        var weakest = latest is null ? [] : MaturitySuggestions.Weakest(latest);
        var suggestions = weakest.Count == 0 ? [] : await SuggestAsync(a.Set, a.HubId, weakest, ct);
        return Result<AssessmentComparison>.Ok(new AssessmentComparison(org, hub, a.Set, t0, t1, dimensions, overallChange, deliveries, weakest, suggestions));
    }

    /// <summary>Up to three published services of the network per weak dimension, the assessing hub's own first.</summary>
    private async Task<List<SuggestedService>> SuggestAsync(QuestionSet set, Guid hubId, IReadOnlyList<int> weakest, CancellationToken ct)
    {
        var culture = Culture;
        var services = await CatalogueAccess.Catalogue(db).AsNoTracking()
            .Select(x => new
            {
                x.Id, x.HubId, x.Category, x.SubType, x.Technologies, x.DefaultCulture,
                Texts = x.Texts.Select(t => new { t.Culture, t.Title }).ToList(),
            }).ToListAsync(ct);
        var hubIds = services.Select(x => x.HubId).Distinct().ToList();
        var hubs = await db.Hubs.AsNoTracking().Where(h => hubIds.Contains(h.Id)).Named(culture).ToDictionaryAsync(h => h.Id, h => new NamedRef(h.Slug, h.Name), ct);
        var result = new List<SuggestedService>();
        foreach (var dimension in weakest)
        {
            var fit = MaturitySuggestions.For(set, dimension);
            result.AddRange(services.Where(x => MaturitySuggestions.Fits(fit, x.SubType, x.Technologies) && result.All(r => r.Id != x.Id))
                .OrderBy(x => x.HubId == hubId ? 0 : 1).ThenBy(x => x.Id).Take(3)
                .Select(x =>
                {
                    var text = x.Texts.FirstOrDefault(t => t.Culture == culture) ?? x.Texts.FirstOrDefault(t => t.Culture == x.DefaultCulture) ?? x.Texts.FirstOrDefault();
                    return new SuggestedService(x.Id, text?.Title ?? "", hubs[x.HubId], x.Category, x.SubType, dimension);
                }));
        }
        return result;
    }
}
