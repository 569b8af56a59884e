using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Localization;

/// <summary>Texts people write in Agora's three languages (stage names, effect goals, criteria, forms): which one a reader gets.</summary>
public static class ThreeLanguages
{
    /// <summary>The text for the culture asked for: Portuguese, Norwegian, or English for anything else.</summary>
    public static string Pick(string culture, string en, string pt, string nb) =>
        culture.StartsWith("pt", StringComparison.OrdinalIgnoreCase) ? pt
        : culture.StartsWith("nb", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("no", StringComparison.OrdinalIgnoreCase) ? nb
        : en;

    /// <summary>A text of Agora's own (a resource key) in all three languages, for content kept in all three (e.g. a new form's first section).</summary>
    public static (string En, string Pt, string Nb) Of(IStringLocalizer t, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            string In(string culture)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                return t[key].Value;
            }
            return (In("en"), In("pt-PT"), In("nb-NO"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
