using PublicHoliday;

namespace Agora.Web.Features.Network;

/// <summary>
/// The working-day calendar of a hub's country, for the front desk's first-answer time: weekends and the country's
/// national public holidays (package PublicHoliday) are not working days. A country the package does not know counts
/// weekends only.
/// </summary>
public static class WorkingDays
{
    private static readonly Dictionary<string, IPublicHolidays> Calendars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PT"] = new PortugalPublicHoliday(), ["NO"] = new NorwayPublicHoliday(), ["AT"] = new AustriaPublicHoliday(),
        ["BE"] = new BelgiumPublicHoliday(), ["HR"] = new CroatiaPublicHoliday(), ["CZ"] = new CzechRepublicPublicHoliday(),
        ["DK"] = new DenmarkPublicHoliday(), ["EE"] = new EstoniaPublicHoliday(), ["FI"] = new FinlandPublicHoliday(),
        ["FR"] = new FrancePublicHoliday(), ["DE"] = new GermanPublicHoliday(), ["EL"] = new GreecePublicHoliday(),
        ["HU"] = new HungaryPublicHoliday(), ["IE"] = new IrelandPublicHoliday(), ["IT"] = new ItalyPublicHoliday(),
        ["LV"] = new LatviaPublicHoliday(), ["LT"] = new LithuaniaPublicHoliday(), ["LU"] = new LuxembourgPublicHoliday(),
        ["NL"] = new DutchPublicHoliday(), ["PL"] = new PolandPublicHoliday(), ["RO"] = new RomanianPublicHoliday(),
        ["SK"] = new SlovakiaPublicHoliday(), ["SI"] = new SloveniaPublicHoliday(), ["ES"] = new SpainPublicHoliday(),
        ["SE"] = new SwedenPublicHoliday(), ["CH"] = new SwitzerlandPublicHoliday(),
    };

    /// <summary>Whether the country's calendar names its public holidays (otherwise only weekends are off).</summary>
    public static bool Knows(string? country) => country is not null && Calendars.ContainsKey(country);

    public static bool IsWorkingDay(string? country, DateOnly day)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        return country is null || !Calendars.TryGetValue(country, out var calendar) || !calendar.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>
    /// The day <paramref name="days"/> working days after <paramref name="from"/> (the day of submission does not count,
    /// whatever the hour): submitted on a Friday with 1 day to answer, the answer is due on Monday, or the next working day.
    /// </summary>
    public static DateOnly Add(string? country, DateOnly from, int days)
    {
        var day = from;
        for (var left = Math.Max(days, 0); left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(country, day)) left--;
        }
        return day;
    }

    /// <summary>
    /// When a hub owes its first answer to a request it received at <paramref name="received"/>: the end of the day
    /// <paramref name="days"/> working days later (its country's calendar), in the hub's time zone.
    /// </summary>
    public static DateTimeOffset AnswerDue(DateTimeOffset received, string? country, int days, string? timeZone)
    {
        var zone = Platform.Http.ZonedTime.Find(timeZone);
        var day = DateOnly.FromDateTime(Platform.Http.ZonedTime.ToLocal(received, zone));
        return Platform.Http.ZonedTime.EndOfDay(Add(country, day, days), zone).ToUniversalTime();
    }
}
