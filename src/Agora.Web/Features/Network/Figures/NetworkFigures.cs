using Agora.Web.Features.Hubs;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Agora.Web.Platform.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Network;

/// <summary>A count under a key (a customer type, a service category, or "Unspecified").</summary>
public sealed record KeyCount(string Key, int Count);

/// <summary>Customers in one NUTS-2 region.</summary>
public sealed record RegionCount(string Code, string Country, string Name, int Count);

/// <summary>How referrals ended: accepted, declined, or still waiting for the other hub.</summary>
public sealed record ReferralOutcomes(int Accepted, int Declined, int Pending)
{
    public int Total => Accepted + Declined + Pending;
}

/// <summary>Referrals one hub sent and received in the period.</summary>
public sealed record HubReferrals(string Hub, string Name, ReferralOutcomes Sent, ReferralOutcomes Received);

/// <summary>
/// First answers to the requests customers sent to one hub in the period, in hours from submission to the network's
/// first answer (accept, decline or referral). <see cref="Due"/>: requests answered, or unanswered past their due time;
/// <see cref="OnTime"/>: those answered by the due time the front desk set (the hub's working-day deadline).
/// </summary>
public sealed record HubAnswerTimes(string Hub, string Name, int Requests, int Answered, double? MedianHours, double? Percentile90Hours,
    int Due, int OnTime, double? OnTimeShare);

/// <summary>Feedback customers gave in the period on one hub's deliveries (rating 1–5).</summary>
public sealed record HubFeedback(string Hub, string Name, int Count, double? MeanRating);

/// <summary>
/// The network's EDIH reporting figures for a period (and optionally one hub): customers served by type and region,
/// services delivered by category, referrals per hub and their outcome, first-answer times, feedback.
/// </summary>
public sealed record NetworkFigures(
    DateOnly From, DateOnly To, string? Hub,
    int CustomersServed, IReadOnlyList<KeyCount> CustomersByType, IReadOnlyList<RegionCount> CustomersByRegion,
    int ServicesDelivered, IReadOnlyList<KeyCount> DeliveredByCategory,
    IReadOnlyList<HubReferrals> Referrals,
    IReadOnlyList<HubAnswerTimes> AnswerTimes,
    int FeedbackCount, double? MeanRating, IReadOnlyList<HubFeedback> FeedbackByHub,
    IReadOnlyList<KeyCount> MeetingsByOutcome);

/// <summary>
/// A port Network declares and another area answers (Matchmaking, which depends on Network): the 1:1 meetings of
/// matchmaking sessions held in the period (at one hub's events, or all), counted per outcome recorded by their sides.
/// Keys are stable outcome names; with no answerer the figures show none.
/// </summary>
public interface IMeetingOutcomeFigures
{
    Task<IReadOnlyList<KeyCount>> MeetingsByOutcomeAsync(Guid? hubId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct);
}

/// <summary>A CSV file made for download.</summary>
public sealed record FiguresFile(string FileName, string ContentType, byte[] Content);

/// <summary>Percentiles for the first-answer times.</summary>
public static class FiguresMath
{
    /// <summary>
    /// The <paramref name="p"/>-th percentile (0–100) of <paramref name="values"/> with linear interpolation between
    /// the closest ranks (as spreadsheets' PERCENTILE.INC); null for no values.
    /// </summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var rank = p / 100.0 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static double? Round(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>
/// Reads <see cref="NetworkFigures"/> for the page, the API and the CSV alike. Counting happens in the database
/// (GROUP BY); only the first-answer times come back one row per request (hub, submitted, answered, due: four columns),
/// since a duration between two instants is no date function SQLite can compute on its stored instants, and a percentile
/// needs the values anyway.
/// </summary>
public sealed class NetworkFiguresQuery(AgoraDbContext db, FiguresAccess access, TimeProvider clock, IEnumerable<IMeetingOutcomeFigures> meetingOutcomes)
{
    public const string Unspecified = "Unspecified";

    /// <summary>The hubs of the network (with a profile), by name: the hub filter of the figures and the gap analysis.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> NetworkHubsAsync(CancellationToken ct) =>
        (await db.Hubs.Where(h => db.HubNetworkProfiles.Any(p => p.HubId == h.Id)).Select(h => new { h.Slug, h.Name }).ToListAsync(ct))
            .OrderBy(h => h.Name, StringComparer.CurrentCulture).Select(h => new KeyValuePair<string, string>(h.Slug, h.Name)).ToList();

    public async Task<Result<NetworkFigures>> GetAsync(FiguresPeriod period, string? hubSlug, CancellationToken ct)
    {
        if (!await access.MaySeeFiguresAsync(ct)) return Result<NetworkFigures>.Forbidden();
        Guid? hub = null;
        if (!string.IsNullOrWhiteSpace(hubSlug))
        {
            hub = await db.HubIdAsync(hubSlug, ct);
            if (hub is null) return Result<NetworkFigures>.NotFound();
        }
        var (from, to, start, end) = (period.From, period.To, period.Start, period.End);

        // Customers served: a delivery that was under way at some time in the period (started on or before its last
        // day, not completed before its first), counted once per customer.
        var deliveries = db.ServiceDeliveries.Where(d => d.Status != DeliveryStatus.Cancelled
            && (d.StartedOn ?? d.CompletedOn) != null && (d.StartedOn ?? d.CompletedOn) <= to && (d.CompletedOn == null || d.CompletedOn >= from));
        if (hub is { } h1) deliveries = deliveries.Where(d => d.HubId == h1);
        var served = (from d in deliveries
                      join r in db.ServiceRequests on d.RequestId equals r.Id
                      join c in db.NetworkCustomers on r.CustomerId equals c.OrganisationId
                      select new { c.OrganisationId, c.Type, c.RegionCode }).Distinct();
        var byType = await served.GroupBy(x => x.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byRegion = await served.GroupBy(x => x.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        // Services delivered: completed in the period, by the service's category, or the request's when there is no service.
        var completed = db.ServiceDeliveries.Where(d => d.Status == DeliveryStatus.Completed && d.CompletedOn >= from && d.CompletedOn <= to);
        if (hub is { } h2) completed = completed.Where(d => d.HubId == h2);
        var delivered = await (from d in completed
                               join r in db.ServiceRequests on d.RequestId equals r.Id
                               join s0 in db.CatalogueServices on (d.ServiceId ?? r.ServiceId) equals (int?)s0.Id into services
                               from s in services.DefaultIfEmpty()
                               group d by new { Service = (ServiceCategory?)s.Category, Request = r.Category } into g
                               select new { g.Key.Service, g.Key.Request, Count = g.Count() }).ToListAsync(ct);

        // Referrals sent in the period, by the hub that sent and the hub that received them.
        var referrals = db.ServiceReferrals.Where(f => f.SentAt >= start && f.SentAt < end);
        var sent = await (hub is { } h3 ? referrals.Where(f => f.FromHubId == h3) : referrals)
            .GroupBy(f => new { f.FromHubId, f.Accepted }).Select(g => new { Hub = g.Key.FromHubId, g.Key.Accepted, Count = g.Count() }).ToListAsync(ct);
        var received = await (hub is { } h4 ? referrals.Where(f => f.ToHubId == h4) : referrals)
            .GroupBy(f => new { f.ToHubId, f.Accepted }).Select(g => new { Hub = g.Key.ToHubId, g.Key.Accepted, Count = g.Count() }).ToListAsync(ct);

        // First answers to the requests submitted in the period, by the hub the customer sent them to.
        var requests = db.ServiceRequests.Where(r => r.SubmittedAt >= start && r.SubmittedAt < end);
        if (hub is { } h5) requests = requests.Where(r => r.FirstHubId == h5);
        var answers = await requests.Select(r => new { r.FirstHubId, r.SubmittedAt, r.FirstAnsweredAt, r.FirstAnswerDueAt }).ToListAsync(ct);

        // Feedback given in the period.
        var rated = db.ServiceDeliveries.Where(d => d.FeedbackRating != null && d.FeedbackAt >= start && d.FeedbackAt < end);
        if (hub is { } h6) rated = rated.Where(d => d.HubId == h6);
        var feedback = await rated.GroupBy(d => d.HubId).Select(g => new { Hub = g.Key, Count = g.Count(), Sum = g.Sum(d => d.FeedbackRating!.Value) }).ToListAsync(ct);

        var hubIds = sent.Select(x => x.Hub).Concat(received.Select(x => x.Hub)).Concat(answers.Select(a => a.FirstHubId)).Concat(feedback.Select(f => f.Hub))
            .Distinct().ToList();
        var hubs = await db.Hubs.Where(x => hubIds.Contains(x.Id)).Select(x => new { x.Id, x.Slug, x.Name }).ToDictionaryAsync(x => x.Id, ct);
        string Slug(Guid id) => hubs.TryGetValue(id, out var x) ? x.Slug : id.ToString();
        string Name(Guid id) => hubs.TryGetValue(id, out var x) ? x.Name : id.ToString();
        IEnumerable<Guid> ByName(IEnumerable<Guid> ids) => ids.Distinct().OrderBy(Name, StringComparer.CurrentCulture).ThenBy(id => id);

        static ReferralOutcomes Outcomes(IEnumerable<(bool? Accepted, int Count)> rows)
        {
            var list = rows.ToList();
            return new(list.Where(r => r.Accepted == true).Sum(r => r.Count), list.Where(r => r.Accepted == false).Sum(r => r.Count),
                list.Where(r => r.Accepted is null).Sum(r => r.Count));
        }
        var referralRows = ByName(sent.Select(x => x.Hub).Concat(received.Select(x => x.Hub))).Select(id => new HubReferrals(Slug(id), Name(id),
            Outcomes(sent.Where(x => x.Hub == id).Select(x => (x.Accepted, x.Count))),
            Outcomes(received.Where(x => x.Hub == id).Select(x => (x.Accepted, x.Count))))).ToList();

        var now = clock.GetUtcNow();
        var answerRows = ByName(answers.Select(a => a.FirstHubId)).Select(id =>
        {
            var mine = answers.Where(a => a.FirstHubId == id).ToList();
            var hours = mine.Where(a => a.FirstAnsweredAt is not null).Select(a => (a.FirstAnsweredAt!.Value - a.SubmittedAt).TotalHours).ToList();
            var due = mine.Count(a => a.FirstAnsweredAt is not null || a.FirstAnswerDueAt < now);
            var onTime = mine.Count(a => a.FirstAnsweredAt is { } at && at <= a.FirstAnswerDueAt);
            return new HubAnswerTimes(Slug(id), Name(id), mine.Count, hours.Count, FiguresMath.Round(FiguresMath.Percentile(hours, 50)),
                FiguresMath.Round(FiguresMath.Percentile(hours, 90)), due, onTime, due == 0 ? null : Math.Round((double)onTime / due, 3));
        }).ToList();

        var feedbackRows = ByName(feedback.Select(f => f.Hub)).Select(id =>
        {
            var f = feedback.Single(x => x.Hub == id);
            return new HubFeedback(Slug(id), Name(id), f.Count, f.Count == 0 ? null : Math.Round((double)f.Sum / f.Count, 2));
        }).ToList();
        var feedbackCount = feedback.Sum(f => f.Count);

        var categories = delivered.GroupBy(x => x.Service ?? x.Request).Select(g => (Key: g.Key, Count: g.Sum(x => x.Count))).ToList();
        var deliveredByCategory = NetworkTaxonomy.Categories.Select(c => new KeyCount(c.ToString(), categories.Where(x => x.Key == c).Sum(x => x.Count)))
            .Append(new KeyCount(Unspecified, categories.Where(x => x.Key is null).Sum(x => x.Count))).ToList();

        var meetings = new List<KeyCount>();
        foreach (var source in meetingOutcomes) meetings.AddRange(await source.MeetingsByOutcomeAsync(hub, start, end, ct));

        return Result<NetworkFigures>.Ok(new NetworkFigures(from, to, hub is null ? null : hubSlug,
            byType.Sum(x => x.Count),
            Enum.GetValues<CustomerType>().Select(t => new KeyCount(t.ToString(), byType.Where(x => x.Key == t).Sum(x => x.Count))).ToList(),
            byRegion.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => NutsRegions.Find(x.Key) is { } n
                ? new RegionCount(n.Code, n.Country, n.Name, x.Count)
                : new RegionCount(x.Key, x.Key.Length >= 2 ? x.Key[..2] : x.Key, x.Key, x.Count)).ToList(),
            deliveredByCategory.Sum(x => x.Count), deliveredByCategory,
            referralRows, answerRows,
            feedbackCount, feedbackCount == 0 ? null : Math.Round((double)feedback.Sum(f => f.Sum) / feedbackCount, 2), feedbackRows,
            meetings.GroupBy(x => x.Key).Select(g => new KeyCount(g.Key, g.Sum(x => x.Count))).ToList()));
    }

    /// <summary>The same figures as one CSV table: a row per number (section, key, hub, measure, value).</summary>
    public async Task<Result<FiguresFile>> CsvAsync(FiguresPeriod period, string? hubSlug, CancellationToken ct)
    {
        var result = await GetAsync(period, hubSlug, ct);
        if (!result.IsOk) return result.Select(_ => (FiguresFile)null!);
        var f = result.Value!;
        using var stream = new MemoryStream();
        var csv = new CsvSheetWriter(stream);
        csv.AddRow(["section", "key", "hub", "measure", "value"]);
        csv.AddRow(["period", "from", "", "date", f.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        csv.AddRow(["period", "to", "", "date", f.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        csv.AddRow(["customers", "all", f.Hub ?? "", "served", f.CustomersServed]);
        foreach (var x in f.CustomersByType) csv.AddRow(["customers-by-type", x.Key, f.Hub ?? "", "served", x.Count]);
        foreach (var x in f.CustomersByRegion) csv.AddRow(["customers-by-region", x.Code, f.Hub ?? "", "served", x.Count]);
        csv.AddRow(["services", "all", f.Hub ?? "", "delivered", f.ServicesDelivered]);
        foreach (var x in f.DeliveredByCategory) csv.AddRow(["services-by-category", x.Key, f.Hub ?? "", "delivered", x.Count]);
        foreach (var r in f.Referrals)
        {
            foreach (var (dir, o) in new[] { ("sent", r.Sent), ("received", r.Received) })
            {
                csv.AddRow(["referrals", dir, r.Hub, "accepted", o.Accepted]);
                csv.AddRow(["referrals", dir, r.Hub, "declined", o.Declined]);
                csv.AddRow(["referrals", dir, r.Hub, "pending", o.Pending]);
            }
        }
        foreach (var a in f.AnswerTimes)
        {
            csv.AddRow(["first-answers", "", a.Hub, "requests", a.Requests]);
            csv.AddRow(["first-answers", "", a.Hub, "answered", a.Answered]);
            csv.AddRow(["first-answers", "", a.Hub, "median-hours", a.MedianHours]);
            csv.AddRow(["first-answers", "", a.Hub, "p90-hours", a.Percentile90Hours]);
            csv.AddRow(["first-answers", "", a.Hub, "due", a.Due]);
            csv.AddRow(["first-answers", "", a.Hub, "on-time", a.OnTime]);
            csv.AddRow(["first-answers", "", a.Hub, "on-time-share", a.OnTimeShare]);
        }
        csv.AddRow(["feedback", "all", f.Hub ?? "", "count", f.FeedbackCount]);
        csv.AddRow(["feedback", "all", f.Hub ?? "", "mean-rating", f.MeanRating]);
        foreach (var x in f.FeedbackByHub)
        {
            csv.AddRow(["feedback", "", x.Hub, "count", x.Count]);
            csv.AddRow(["feedback", "", x.Hub, "mean-rating", x.MeanRating]);
        }
        foreach (var x in f.MeetingsByOutcome) csv.AddRow(["matchmaking-meetings-by-outcome", x.Key, f.Hub ?? "", "sides", x.Count]);
        await csv.FlushAsync(ct);
        var name = $"network-figures-{f.From:yyyyMMdd}-{f.To:yyyyMMdd}{(f.Hub is null ? "" : "-" + f.Hub)}.csv";
        return Result<FiguresFile>.Ok(new FiguresFile(name, "text/csv; charset=utf-8", stream.ToArray()));
    }
}
