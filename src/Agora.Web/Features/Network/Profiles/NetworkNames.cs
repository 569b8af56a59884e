using System.Globalization;

namespace Agora.Web.Features.Network;

/// <summary>Names the pages show for NUTS country codes: the platform's own region data in the person's language.</summary>
public static class NetworkNames
{
    /// <summary>A NUTS country code's name ("EL" is Greece, ISO "GR"), from .NET's region data in the current UI culture.</summary>
    public static string Country(string code)
    {
        var iso = code == "EL" ? "GR" : code;
        try { return new RegionInfo(iso).DisplayName; }
        catch (ArgumentException) { return code; }
    }

    /// <summary>"PT1A Grande Lisboa".</summary>
    public static string Region(string code) => NutsRegions.Find(code) is { } r ? $"{r.Code} {r.Name}" : code;

    /// <summary>The hub's page culture name for a language key (<see cref="HubProfiles.LanguageChoices"/>).</summary>
    public static string LanguageKey(string culture) => "Network.Profiles.Language." + culture;
}
