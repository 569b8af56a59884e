namespace Agora.Web.Platform.Localization;

/// <summary>Texts people write in Agora's three languages (stage names, effect goals, criteria, forms): which one a reader gets.</summary>
public static class ThreeLanguages
{
    /// <summary>The text for the culture asked for: Portuguese, Norwegian, or English for anything else.</summary>
    public static string Pick(string culture, string en, string pt, string nb) =>
        culture.StartsWith("pt", StringComparison.OrdinalIgnoreCase) ? pt
        : culture.StartsWith("nb", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("no", StringComparison.OrdinalIgnoreCase) ? nb
        : en;
}
