using Agora.Web.Platform.Http;
using System.Globalization;
using Agora.Web.Features.Hubs;

namespace Agora.Web.Features.Events;

/// <summary>Event times as people read them: in the hub's time zone, in the reader's culture.</summary>
public static class EventTimes
{
    public static string When(DateTimeOffset startsAt, DateTimeOffset endsAt, bool allDay, string timeZone)
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

    public static string Time(DateTimeOffset at, string timeZone) => ZonedTime.Text(at, timeZone);

    /// <summary>A value for an &lt;input type="datetime-local"&gt; in the hub's zone.</summary>
    public static string Input(DateTimeOffset? at, string timeZone) => ZonedTime.Input(at, timeZone);

    /// <summary>A file's kind as people know it: its extension in capitals ("PDF", "PPTX").</summary>
    public static string FileKind(string fileName) => Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant();
}
