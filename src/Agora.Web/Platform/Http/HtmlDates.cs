using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Agora.Web.Platform.Http;

/// <summary>Machine-readable dates in HTML: the one place that formats them.</summary>
public static class HtmlDates
{
    /// <summary>
    /// A "valid global date and time string" of HTML: UTC, whole seconds ("2026-12-07T00:57:36Z"). The round-trip
    /// format ("O") has seven fraction digits, which HTML refuses (at most three).
    /// </summary>
    public static string ToHtmlDateTime(this DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// &lt;time at="@x.CreatedAt"&gt;…&lt;/time&gt;: writes the datetime attribute in the form HTML allows.
/// With zone="@hub.TimeZone" and no content of its own, it also writes the wall-clock time of that zone and names
/// the zone ("07/12/2026 14:00 (Europe/Lisbon)"), so a deadline never shows as UTC without saying so.
/// </summary>
[HtmlTargetElement("time", Attributes = "at")]
public sealed class TimeTagHelper : TagHelper
{
    [HtmlAttributeName("at")]
    public DateTimeOffset At { get; set; }

    [HtmlAttributeName("zone")]
    public string? Zone { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("datetime", At.ToHtmlDateTime());
        if (Zone is null) return;
        var content = await output.GetChildContentAsync();
        if (!content.IsEmptyOrWhiteSpace) return;
        output.Content.SetContent(ZonedTime.Named(At, Zone));
    }
}
