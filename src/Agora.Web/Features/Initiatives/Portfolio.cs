using System.Globalization;
using Agora.Web.Features.Hubs;
using Agora.Web.Features.Ideas;
using Agora.Web.Features.Transfer;
using Agora.Web.Platform.Data;
using Agora.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Initiatives;

/// <summary>The portfolio's filters as asked in the query string (page and API), before they are checked.</summary>
public sealed record PortfolioQuery(string? From = null, string? To = null, string? Stage = null, string? Status = null, string? Verganti = null,
    string? Kind = null, string? Origin = null, string? CareLevel = null, string? Setting = null);

/// <summary>A period of whole days, both ends included, in UTC.</summary>
public sealed record PortfolioPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The current calendar year.</summary>
    public static PortfolioPeriod YearOf(DateOnly today) => new(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
}

/// <summary>The portfolio's filters, checked: the period and the values an initiative must have.</summary>
public sealed record PortfolioFilter(PortfolioPeriod Period, Guid? StageId, InitiativeStatus? Status, VergantiType? Verganti, InnovationKind? Kind,
    IdeaOrigin? Origin, CareLevel? CareLevel, CareSetting? Setting);

public static class PortfolioFilters
{
    /// <summary>Checks from and to (yyyy-MM-dd; the current calendar year when left out); errors go to <paramref name="v"/>.</summary>
    public static PortfolioPeriod? ParsePeriod(string? from, string? to, DateOnly today, Validator v)
    {
        var year = PortfolioPeriod.YearOf(today);
        var start = Date(v, "from", from) ?? year.From;
        var end = Date(v, "to", to) ?? year.To;
        if (v.IsValid && start > end) v.Add("to", "Portfolio.PeriodOrder");
        return v.IsValid ? new PortfolioPeriod(start, end) : null;
    }

    /// <summary>Checks every filter; the stage is its id or its position in the hub's process. Null with errors in <paramref name="v"/>.</summary>
    public static PortfolioFilter? Parse(PortfolioQuery q, IReadOnlyList<InnovationStage> stages, DateOnly today, Validator v)
    {
        var period = ParsePeriod(q.From, q.To, today, v);
        Guid? stage = null;
        if (!string.IsNullOrWhiteSpace(q.Stage))
        {
            var value = q.Stage.Trim();
            var found = Guid.TryParse(value, out var id) ? stages.FirstOrDefault(s => s.Id == id)
                : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? stages.FirstOrDefault(s => s.Position == position)
                : null;
            if (found is null) v.Add("stage", "Validation.Invalid");
            stage = found?.Id;
        }
        var filter = new PortfolioFilter(period!, stage, Choice<InitiativeStatus>(v, "status", q.Status), Choice<VergantiType>(v, "verganti", q.Verganti),
            Choice<InnovationKind>(v, "kind", q.Kind), Choice<IdeaOrigin>(v, "origin", q.Origin), Choice<CareLevel>(v, "careLevel", q.CareLevel),
            Choice<CareSetting>(v, "setting", q.Setting));
        return v.IsValid ? filter : null;
    }

    private static DateOnly? Date(Validator v, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= BudgetAndRiskLimits.MinYear and <= BudgetAndRiskLimits.MaxYear)
            return date;
        v.Add(field, "Validation.Invalid");
        return null;
    }

    /// <summary>An enum value by name (any case); numbers and unknown names are refused.</summary>
    private static T? Choice<T>(Validator v, string field, string? value) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (!int.TryParse(text, out _) && !text.Contains(',', StringComparison.Ordinal) && Enum.TryParse<T>(text, ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed))
            return parsed;
        v.Add(field, "Validation.Invalid");
        return null;
    }
}

/// <summary>A value of a classification (an enum name, or <see cref="Portfolio.NotStated"/>) and how many initiatives have it.</summary>
public sealed record PortfolioCount(string Value, int Count);

public sealed record StageCount(StageInfo Stage, int Count);

/// <summary>
/// An initiative in Verganti's 2×2: new technology (x) and new meaning (y). <see cref="Planned"/> is its planned budget
/// (the sum of its budget lines) for readers who may see its money (<see cref="InitiativeAccess.Scope.CanSeeMoney"/>), null for others.
/// </summary>
public sealed record VergantiBubble(int Id, string Title, VergantiType Type, bool NewTechnology, bool NewMeaning, decimal? Planned);

public sealed record PortfolioInitiative(int Id, string Title);

/// <summary>
/// A step of the funnel from ideas to used innovations. Steps IdeasPublished, IdeasAccepted and IdeasInInitiative count
/// ideas; ReachedStage (with its stage) and Used count the initiatives made from those ideas.
/// </summary>
public sealed record FunnelStep(string Step, StageInfo? Stage, int Count);

/// <summary>Days initiatives spent in a stage (each initiative's visits added up): median and mean over <see cref="Initiatives"/>.</summary>
public sealed record StageTime(StageInfo Stage, int Initiatives, double? MedianDays, double? MeanDays);

/// <summary>
/// The portfolio of a hub over the initiatives the reader may know, with the filters applied. <see cref="SizedByBudget"/>:
/// the reader may see the money of every bubble, so the chart sizes them by planned budget; otherwise they are all one size.
/// </summary>
public sealed record PortfolioView(DateOnly From, DateOnly To, string Currency, bool HubHasNone, int Total, IReadOnlyList<StageCount> ByStage,
    IReadOnlyList<VergantiBubble> Verganti, IReadOnlyList<PortfolioInitiative> Unclassified, IReadOnlyList<PortfolioCount> ByOrigin,
    IReadOnlyList<PortfolioCount> ByCareLevel, IReadOnlyList<PortfolioCount> BySetting, IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<StageTime> TimeInStage, bool SizedByBudget);

/// <summary>One initiative as exported; budgets in the hub's currency, null (an empty cell) when the reader may not see its money.</summary>
public sealed record PortfolioRow(int Id, string Title, string Stage, InitiativeStatus Status, InitiativeVisibility Visibility, VergantiType? Verganti,
    InnovationKind? Kind, IReadOnlyList<IdeaOrigin> Origins, IReadOnlyList<CareLevel> CareLevels, IReadOnlyList<CareSetting> Settings,
    decimal? Planned, decimal? Spent, string Currency, int Benefits, DateTimeOffset CreatedAt, DateTimeOffset StageEnteredAt);

/// <summary>A gate decision as the history needs it.</summary>
internal sealed record DecisionRow(int Id, int InitiativeId, Guid FromStageId, Guid ToStageId, GateOutcome Outcome, DateTimeOffset DecidedAt, string? Lessons);

/// <summary>A stay of an initiative in a stage; <see cref="LeftAt"/> is null while it is still there.</summary>
internal sealed record StageVisit(int InitiativeId, Guid StageId, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt);

/// <summary>A gate decision and when the initiative had entered the stage it was decided on.</summary>
internal sealed record DecisionWait(DecisionRow Decision, DateTimeOffset StageEnteredAt);

/// <summary>Replays an initiative's gate decisions into its stays in stages.</summary>
internal static class StageHistory
{
    /// <summary>
    /// It enters its first stage when created; a decision that changes the stage (go on, pivot back) ends the stay and
    /// starts one in the new stage; a stop or "used" ends the stay and the history. Hold, and resuming from hold, do not.
    /// </summary>
    public static (List<StageVisit> Visits, List<DecisionWait> Waits) Replay(int id, DateTimeOffset createdAt, Guid currentStage, IEnumerable<DecisionRow> decisions)
    {
        var ordered = decisions.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).ToList();
        Guid? stage = ordered.Count > 0 ? ordered[0].FromStageId : currentStage;
        var entered = createdAt;
        var visits = new List<StageVisit>();
        var waits = new List<DecisionWait>();
        foreach (var d in ordered)
        {
            if (stage is not { } at) break;
            if (d.Outcome != GateOutcome.Used) waits.Add(new DecisionWait(d, entered));
            if (d.Outcome is GateOutcome.Stop or GateOutcome.Used)
            {
                visits.Add(new StageVisit(id, at, entered, d.DecidedAt));
                stage = null;
            }
            else if (d.ToStageId != d.FromStageId)
            {
                visits.Add(new StageVisit(id, at, entered, d.DecidedAt));
                stage = d.ToStageId;
                entered = d.DecidedAt;
            }
        }
        if (stage is { } open) visits.Add(new StageVisit(id, open, entered, null));
        return (visits, waits);
    }

    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 1);
    }

    public static double? Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? null : Math.Round(values.Average(), 1);

    /// <summary>A share in percent with one decimal; null when there is nothing to divide by.</summary>
    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}

/// <summary>
/// The portfolio dashboard of a hub: its initiatives by stage, Verganti type, origin, care level and setting, the
/// funnel from ideas to used innovations and the time spent in each stage, and its export. Always over the initiatives
/// the reader may know (<see cref="InitiativeQueries.VisibleAsync"/>), never more; money only of the initiatives whose
/// money the reader may see (<see cref="InitiativeAccess.MoneyVisibleAsync"/>).
/// </summary>
public sealed class Portfolio(AgoraDbContext db, InitiativeQueries initiatives, InitiativeAccess access, InnovationProcess process, Validator v,
    TimeProvider clock)
{
    /// <summary>The value counted for initiatives started directly, without ideas.</summary>
    public const string NotStated = "NotStated";

    public static readonly string[] ExportHeaders =
    [
        "id", "title", "stage", "status", "visibility", "verganti", "kind", "origins", "care levels", "settings", "planned budget",
        "spent budget", "currency", "benefits", "created", "stage entered",
    ];

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    private static StageInfo Info(InnovationStage s) => new(s.Id, s.Position, s.Step, InnovationStage.NameIn(Culture, s.NameEn, s.NamePt, s.NameNb));

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private sealed record Context(Guid HubId, string Slug, string Currency, List<InnovationStage> Stages, PortfolioFilter Filter);

    private sealed record Row(int Id, string Title, Guid StageId, InitiativeStatus Status, InitiativeVisibility Visibility, VergantiType? Verganti,
        InnovationKind? Kind, DateTimeOffset CreatedAt, DateTimeOffset StageEnteredAt);

    private sealed record IdeaClass(int InitiativeId, IdeaOrigin Origin, CareLevel CareLevel, CareSetting Setting);

    /// <summary><see cref="Budget"/> holds the initiatives whose money the reader may see (zero when they have no budget lines), no others.</summary>
    private sealed record Loaded(List<Row> Rows, ILookup<int, IdeaClass> Ideas, Dictionary<int, (decimal Planned, decimal Spent)> Budget,
        Dictionary<int, int> Benefits, IQueryable<int> Ids);

    private async Task<Result<Context>> ContextAsync(string hubSlug, PortfolioQuery q, CancellationToken ct)
    {
        var hub = await db.Hubs.AsNoTracking().Where(h => h.Slug == hubSlug).Select(h => new { h.Id, h.Slug, h.Currency }).SingleOrDefaultAsync(ct);
        if (hub is null) return Result<Context>.NotFound();
        var stages = await process.StagesAsync(hub.Id, ct);
        return PortfolioFilters.Parse(q, stages, Today, v) is { } filter
            ? Result<Context>.Ok(new Context(hub.Id, hub.Slug, hub.Currency, stages, filter))
            : Result<Context>.Invalid(v.Errors);
    }

    private static Result<T> Fail<T, TFrom>(Result<TFrom> r) => r.Outcome == Outcome.NotFound ? Result<T>.NotFound() : Result<T>.Invalid(r.Errors);

    /// <summary>
    /// The initiatives the reader may know that were under way at some time in the period (started before its end, not
    /// stopped or marked used before its start) and match the filters.
    /// </summary>
    private async Task<IQueryable<Initiative>> FilteredAsync(Context c, CancellationToken ct)
    {
        var f = c.Filter;
        var start = f.Period.Start;
        var end = f.Period.End;
        var q = (await initiatives.VisibleAsync(c.HubId, ct)).Where(i => i.CreatedAt < end
            && !db.GateDecisions.Any(g => g.InitiativeId == i.Id && (g.Outcome == GateOutcome.Stop || g.Outcome == GateOutcome.Used) && g.DecidedAt < start));
        if (f.StageId is { } stage) q = q.Where(i => i.StageId == stage);
        if (f.Status is { } status) q = q.Where(i => i.Status == status);
        if (f.Verganti is { } verganti) q = q.Where(i => i.Verganti == verganti);
        if (f.Kind is { } kind) q = q.Where(i => i.Kind == kind);
        if (f.Origin is { } origin)
            q = q.Where(i => db.InitiativeIdeas.Any(x => x.InitiativeId == i.Id && db.Ideas.Any(d => d.Id == x.IdeaId && d.Origin == origin)));
        if (f.CareLevel is { } care)
            q = q.Where(i => db.InitiativeIdeas.Any(x => x.InitiativeId == i.Id && db.Ideas.Any(d => d.Id == x.IdeaId && d.CareLevel == care)));
        if (f.Setting is { } setting)
            q = q.Where(i => db.InitiativeIdeas.Any(x => x.InitiativeId == i.Id && db.Ideas.Any(d => d.Id == x.IdeaId && d.Setting == setting)));
        return q;
    }

    private async Task<Loaded> LoadAsync(Context c, CancellationToken ct)
    {
        var filtered = await FilteredAsync(c, ct);
        var rows = await filtered.OrderBy(i => i.Id)
            .Select(i => new Row(i.Id, i.Title, i.StageId, i.Status, i.Visibility, i.Verganti, i.Kind, i.CreatedAt, i.StageEnteredAt)).ToListAsync(ct);
        var ids = filtered.Select(i => i.Id);
        var ideas = await (from x in db.InitiativeIdeas
                           join d in db.Ideas on x.IdeaId equals d.Id
                           where ids.Contains(x.InitiativeId)
                           select new IdeaClass(x.InitiativeId, d.Origin, d.CareLevel, d.Setting)).ToListAsync(ct);
        var money = await access.MoneyVisibleAsync(c.HubId, ct);
        var seen = await ids.Where(id => money.Contains(id)).ToListAsync(ct);
        // Summed here, not in SQL: SQLite keeps decimals as text and cannot add them up.
        var lines = (await db.BudgetLines.Where(b => ids.Contains(b.InitiativeId) && money.Contains(b.InitiativeId))
            .Select(b => new { b.InitiativeId, b.Planned, b.Spent }).ToListAsync(ct)).ToLookup(b => b.InitiativeId);
        var budget = seen.ToDictionary(id => id, id => (lines[id].Sum(b => b.Planned), lines[id].Sum(b => b.Spent)));
        var benefits = await db.Benefits.Where(b => ids.Contains(b.InitiativeId)).GroupBy(b => b.InitiativeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new Loaded(rows, ideas.ToLookup(i => i.InitiativeId), budget, benefits, ids);
    }

    private static List<PortfolioCount> CountBy<T>(Loaded data, Func<IdeaClass, T> value) where T : struct, Enum =>
        Enum.GetValues<T>().Select(e => new PortfolioCount(e.ToString(), data.Rows.Count(r => data.Ideas[r.Id].Any(i => value(i).Equals(e)))))
            .Append(new PortfolioCount(NotStated, data.Rows.Count(r => !data.Ideas[r.Id].Any()))).ToList();

    public async Task<Result<PortfolioView>> GetAsync(string hubSlug, PortfolioQuery q, CancellationToken ct)
    {
        var context = await ContextAsync(hubSlug, q, ct);
        if (!context.IsOk) return Fail<PortfolioView, Context>(context);
        var c = context.Value!;
        var data = await LoadAsync(c, ct);
        var stages = c.Stages.Select(Info).ToList();
        var none = data.Rows.Count == 0 && !await (await initiatives.VisibleAsync(c.HubId, ct)).AnyAsync(ct);

        var bubbles = data.Rows.Where(r => r.Verganti is not null).Select(r => new VergantiBubble(r.Id, r.Title, r.Verganti!.Value,
            r.Verganti is VergantiType.TechnologyDriven or VergantiType.Epiphany, r.Verganti is VergantiType.MeaningDriven or VergantiType.Epiphany,
            data.Budget.TryGetValue(r.Id, out var b) ? b.Planned : null)).ToList();

        var decisions = await Decisions(data.Ids).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var byInitiative = decisions.ToLookup(d => d.InitiativeId);
        var visits = data.Rows.SelectMany(r => StageHistory.Replay(r.Id, r.CreatedAt, r.StageId, byInitiative[r.Id]).Visits
            // The current stage counts up to now only while the initiative is active (not on hold).
            .Where(s => s.LeftAt is not null || r.Status == InitiativeStatus.Active)).ToList();
        var times = stages.Select(s =>
        {
            var days = visits.Where(x => x.StageId == s.Id).GroupBy(x => x.InitiativeId)
                .Select(g => g.Sum(x => ((x.LeftAt ?? now) - x.EnteredAt).TotalDays)).ToList();
            return new StageTime(s, days.Count, StageHistory.Median(days), StageHistory.Mean(days));
        }).ToList();

        return Result<PortfolioView>.Ok(new PortfolioView(c.Filter.Period.From, c.Filter.Period.To, c.Currency, none, data.Rows.Count,
            stages.Select(s => new StageCount(s, data.Rows.Count(r => r.StageId == s.Id))).ToList(),
            bubbles, data.Rows.Where(r => r.Verganti is null).Select(r => new PortfolioInitiative(r.Id, r.Title)).ToList(),
            CountBy(data, i => i.Origin), CountBy(data, i => i.CareLevel), CountBy(data, i => i.Setting),
            await FunnelAsync(c, stages, ct), times, bubbles.All(b => b.Planned is not null)));
    }

    private IQueryable<DecisionRow> Decisions(IQueryable<int> ids) =>
        db.GateDecisions.AsNoTracking().Where(g => ids.Contains(g.InitiativeId))
            .Select(g => new DecisionRow(g.Id, g.InitiativeId, g.FromStageId, g.ToStageId, g.Outcome, g.DecidedAt, g.Lessons));

    /// <summary>
    /// Ideas published in the hub in the period (with the origin, care level and setting filters) → accepted (accepted,
    /// implemented or gone on as an initiative) → in an initiative the reader may know → those initiatives that reached
    /// each stage (their furthest stage, pivots notwithstanding) → in use.
    /// </summary>
    private async Task<List<FunnelStep>> FunnelAsync(Context c, List<StageInfo> stages, CancellationToken ct)
    {
        var f = c.Filter;
        var start = f.Period.Start;
        var end = f.Period.End;
        var published = db.Ideas.AsNoTracking().Where(i => i.HubId == c.HubId && i.PublishedAt >= start && i.PublishedAt < end);
        if (f.Origin is { } origin) published = published.Where(i => i.Origin == origin);
        if (f.CareLevel is { } care) published = published.Where(i => i.CareLevel == care);
        if (f.Setting is { } setting) published = published.Where(i => i.Setting == setting);
        var ideas = await published.Select(i => new
        {
            i.Id,
            Accepted = i.State == IdeaState.Accepted || i.State == IdeaState.Implemented || db.InitiativeIdeas.Any(x => x.IdeaId == i.Id),
        }).ToListAsync(ct);
        var visible = await initiatives.VisibleAsync(c.HubId, ct);
        var ideaIds = published.Select(i => i.Id);
        var made = await (from x in db.InitiativeIdeas
                          join i in visible on x.InitiativeId equals i.Id
                          where ideaIds.Contains(x.IdeaId)
                          select new { x.IdeaId, i.Id, i.StageId, i.Status }).ToListAsync(ct);
        var madeIds = visible.Where(i => db.InitiativeIdeas.Any(x => x.InitiativeId == i.Id && ideaIds.Contains(x.IdeaId))).Select(i => i.Id);
        var reachedTo = (await db.GateDecisions.Where(g => madeIds.Contains(g.InitiativeId)).Select(g => new { g.InitiativeId, g.ToStageId }).ToListAsync(ct))
            .ToLookup(g => g.InitiativeId, g => g.ToStageId);
        int Position(Guid stage) => stages.FirstOrDefault(s => s.Id == stage)?.Position ?? 0;
        var furthest = made.DistinctBy(m => m.Id)
            .Select(m => new { m.Status, Reached = reachedTo[m.Id].Select(Position).Append(Position(m.StageId)).Max() }).ToList();
        return
        [
            new FunnelStep("IdeasPublished", null, ideas.Count),
            new FunnelStep("IdeasAccepted", null, ideas.Count(i => i.Accepted)),
            new FunnelStep("IdeasInInitiative", null, made.Select(m => m.IdeaId).Distinct().Count()),
            .. stages.Select(s => new FunnelStep("ReachedStage", s, furthest.Count(x => x.Reached >= s.Position))),
            new FunnelStep("Used", null, furthest.Count(x => x.Status == InitiativeStatus.Used)),
        ];
    }

    /// <summary>The filtered portfolio, one row per initiative the reader may know, by id.</summary>
    public async Task<Result<IReadOnlyList<PortfolioRow>>> RowsAsync(string hubSlug, PortfolioQuery q, CancellationToken ct)
    {
        var context = await ContextAsync(hubSlug, q, ct);
        if (!context.IsOk) return Fail<IReadOnlyList<PortfolioRow>, Context>(context);
        var c = context.Value!;
        var data = await LoadAsync(c, ct);
        var names = c.Stages.ToDictionary(s => s.Id, s => Info(s).Name);
        return Result<IReadOnlyList<PortfolioRow>>.Ok(data.Rows.Select(r =>
        {
            var ideas = data.Ideas[r.Id].ToList();
            var (planned, spent) = data.Budget.TryGetValue(r.Id, out var b) ? ((decimal?)b.Planned, (decimal?)b.Spent) : (null, null);
            return new PortfolioRow(r.Id, r.Title, names[r.StageId], r.Status, r.Visibility, r.Verganti, r.Kind,
                ideas.Select(i => i.Origin).Distinct().Order().ToList(), ideas.Select(i => i.CareLevel).Distinct().Order().ToList(),
                ideas.Select(i => i.Setting).Distinct().Order().ToList(), planned, spent, c.Currency, data.Benefits.GetValueOrDefault(r.Id),
                r.CreatedAt, r.StageEnteredAt);
        }).ToList());
    }

    /// <summary>"csv" (also when empty) or "xlsx"; null for anything else.</summary>
    public static ExportFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>The filtered portfolio as a CSV or XLSX download (the same writers as the ideas' export).</summary>
    public async Task<Result<IdeaExport>> ExportAsync(string hubSlug, PortfolioQuery q, string? format, CancellationToken ct)
    {
        var chosen = ParseFormat(format);
        var rows = await RowsAsync(hubSlug, q, ct);
        if (chosen is null) v.Add("format", "Portfolio.UnknownFormat");
        if (!rows.IsOk) return rows.Outcome == Outcome.NotFound ? Result<IdeaExport>.NotFound() : Result<IdeaExport>.Invalid(v.Errors);
        if (chosen is null) return Result<IdeaExport>.Invalid(v.Errors);
        var period = PortfolioFilters.ParsePeriod(q.From, q.To, Today, v)!;
        var name = $"{hubSlug}-portfolio-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
        var list = rows.Value!;
        return Result<IdeaExport>.Ok(chosen == ExportFormat.Xlsx
            ? new IdeaExport(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", async (s, token) =>
            {
                await using var xlsx = XlsxSheetWriter.Create(s, "Portfolio");
                xlsx.AddRow(ExportHeaders);
                foreach (var r in list) xlsx.AddRow(Cells(r));
                await xlsx.FlushAsync(token);
            })
            : new IdeaExport(name + ".csv", "text/csv; charset=utf-8", async (s, token) =>
            {
                var csv = new CsvSheetWriter(s);
                csv.AddRow(ExportHeaders);
                foreach (var r in list) csv.AddRow(Cells(r));
                await csv.FlushAsync(token);
            }));
    }

    private static object?[] Cells(PortfolioRow r) =>
    [
        r.Id, r.Title, r.Stage, r.Status, r.Visibility, r.Verganti, r.Kind, r.Origins.Select(o => o.ToString()).ToList(),
        r.CareLevels.Select(o => o.ToString()).ToList(), r.Settings.Select(o => o.ToString()).ToList(), r.Planned, r.Spent, r.Currency, r.Benefits,
        r.CreatedAt, r.StageEnteredAt,
    ];
}
