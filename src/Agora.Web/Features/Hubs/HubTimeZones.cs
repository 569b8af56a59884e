using Agora.Web.Platform.Http;

namespace Agora.Web.Features.Hubs;

/// <summary>The time zones a hub may be in: this machine's IANA zones (Windows names, which .NET also resolves, are refused).</summary>
public static class HubTimeZones
{
    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Distinct().Order(StringComparer.Ordinal).ToList());

    /// <summary>Sorted IANA ids, as the hub form offers them.</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    public static bool IsOffered(string? id) => ZonedTime.IsKnown(id) && All.Contains(id!, StringComparer.Ordinal);
}
