using System.Globalization;

namespace Agora.Web.Features.Network;

/// <summary>
/// The period the network figures cover: whole days in UTC, <see cref="From"/> to <see cref="To"/> inclusive. Asked as
/// <c>period=this-year | last-year | 2026 | 2026-q1</c> or as <c>from=2026-01-01&amp;to=2026-03-31</c>; this year by default.
/// </summary>
public sealed record FiguresPeriod(DateOnly From, DateOnly To, string? Preset)
{
    /// <summary>The longest period asked for at once: ten years.</summary>
    public const int MaxDays = 3660;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The presets the page offers: this year, last year, and the quarters of this year.</summary>
    public static IReadOnlyList<string> Presets(DateOnly today) =>
        ["this-year", "last-year", .. Enumerable.Range(1, 4).Select(q => $"{today.Year}-q{q}")];

    /// <summary>The period asked for, or null when it cannot be read (unknown preset, bad date, to before from, over ten years).</summary>
    public static FiguresPeriod? Parse(string? period, string? from, string? to, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(period)) return FromPreset(period.Trim().ToLowerInvariant(), today);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to)) return FromPreset("this-year", today);
        DateOnly f, t;
        if (string.IsNullOrWhiteSpace(from)) f = new DateOnly(today.Year, 1, 1);
        else if (!DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out f)) return null;
        if (string.IsNullOrWhiteSpace(to)) t = today;
        else if (!DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out t)) return null;
        if (t < f || t.DayNumber - f.DayNumber > MaxDays) return null;
        return new FiguresPeriod(f, t, null);
    }

    private static FiguresPeriod? FromPreset(string preset, DateOnly today)
    {
        if (preset == "this-year") return Year(today.Year, preset);
        if (preset == "last-year") return Year(today.Year - 1, preset);
        if (preset.Length == 4 && int.TryParse(preset, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            return Year(y, preset);
        if (preset.Length == 7 && preset[4..6] == "-q" && int.TryParse(preset[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var qy)
            && qy is >= 2000 and <= 2100 && preset[6] is >= '1' and <= '4')
        {
            var q = preset[6] - '0';
            var start = new DateOnly(qy, (q - 1) * 3 + 1, 1);
            return new FiguresPeriod(start, start.AddMonths(3).AddDays(-1), preset);
        }
        return null;
    }

    private static FiguresPeriod Year(int year, string preset) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), preset);

    /// <summary>The query string that asks for this period again.</summary>
    public string Query => Preset is not null ? "period=" + Uri.EscapeDataString(Preset)
        : $"from={From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
