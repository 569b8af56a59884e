using System.Globalization;

namespace Agora.Web.Platform.Http;

/// <summary>
/// Instants as people of a place read and write them: every area stores UTC and shows a hub's wall-clock time in the
/// hub's IANA time zone (see <c>Hub.TimeZone</c>). The one place that converts.
/// </summary>
public static class ZonedTime
{
    /// <summary>The zone of this IANA id, or UTC when the id is unknown on this machine.</summary>
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnown(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>A UTC instant as the zone's wall-clock time.</summary>
    public static DateTime ToLocal(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(utc.UtcDateTime, zone);

    /// <summary>A wall-clock time of the zone in UTC; null for a time the zone skips (the spring-forward hour).</summary>
    public static DateTimeOffset? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) return null;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    /// <summary>The end of a day of the zone (23:59:59 there) in UTC, for "the last day to …" fields.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone) =>
        ToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)), zone) ?? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);

    /// <summary>Date and short time in the reader's culture, in the zone ("07/12/2026 14:00").</summary>
    public static string Text(DateTimeOffset at, string? zoneId) =>
        ToLocal(at, Find(zoneId)).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The instant's day in the zone, in the reader's culture ("07/12/2026").</summary>
    public static string Day(DateTimeOffset at, string? zoneId) =>
        ToLocal(at, Find(zoneId)).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Date and short time in the zone, naming it ("07/12/2026 14:00 (Europe/Lisbon)"), as &lt;time zone&gt; writes it.</summary>
    public static string Named(DateTimeOffset at, string? zoneId) => $"{Text(at, zoneId)} ({Find(zoneId).Id})";

    /// <summary>A value for an &lt;input type="datetime-local"&gt; in the zone.</summary>
    public static string Input(DateTimeOffset? at, string? zoneId) =>
        at is { } v ? ToLocal(v, Find(zoneId)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";
}
