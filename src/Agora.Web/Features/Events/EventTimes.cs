using Agora.Web.Platform.Http;
using System.Globalization;
using Agora.Web.Features.Hubs;

namespace Agora.Web.Features.Events;

/// <summary>Event times as people read them: in the hub's time zone, in the reader's culture.</summary>
public static class EventTimes
{
    /// <summary>When the event (or session) takes place in the hub's zone, naming the zone unless <paramref name="sayZone"/> is false (a column header says it).</summary>
    public static string When(DateTimeOffset startsAt, DateTimeOffset endsAt, bool allDay, string timeZone, bool sayZone = true) =>
        sayZone ? $"{Span(startsAt, endsAt, allDay, timeZone)} ({ZonedTime.Find(timeZone).Id})" : Span(startsAt, endsAt, allDay, timeZone);

    private static string Span(DateTimeOffset startsAt, DateTimeOffset endsAt, bool allDay, string timeZone)
    {
        var zone = ZonedTime.Find(timeZone);
        var culture = CultureInfo.CurrentCulture;
        var start = ZonedTime.ToLocal(startsAt, zone);
        var end = ZonedTime.ToLocal(endsAt, zone);
        if (allDay)
        {
            var last = end.AddDays(-1);
            return last.Date == start.Date ? start.ToString("D", culture) : $"{start.ToString("D", culture)} – {last.ToString("D", culture)}";
        }
        return start.Date == end.Date
            ? $"{start.ToString("D", culture)}, {start.ToString("t", culture)} – {end.ToString("t", culture)}"
            : $"{start.ToString("f", culture)} – {end.ToString("f", culture)}";
    }

    /// <summary>
    /// An instant in the hub's zone for a text that reaches people in a language not known when it is written (a
    /// notification, its email): ISO-like and naming the zone ("2026-12-07 14:00 (Europe/Lisbon)"); a date alone for whole days.
    /// </summary>
    public static string Neutral(DateTimeOffset at, string timeZone, bool dateOnly = false)
    {
        var zone = ZonedTime.Find(timeZone);
        return $"{ZonedTime.ToLocal(at, zone).ToString(dateOnly ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    /// <summary>A file's kind as people know it: its extension in capitals ("PDF", "PPTX").</summary>
    public static string FileKind(string fileName) => Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant();
}
