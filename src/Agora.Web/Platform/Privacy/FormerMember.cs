using System.Globalization;
using System.Resources;

namespace Agora.Web.Platform.Privacy;

/// <summary>
/// What an erased person is called wherever a name is shown: "a former member" in the reader's language. An erased
/// account keeps an empty display name; the converter on AgoraUser.DisplayName turns it into this text when read,
/// so lists, threads, letters, exports and the API need no case of their own.
/// </summary>
public static class FormerMember
{
    public const string Key = "Person.FormerMember";

    private static readonly ResourceManager Resources = new("Agora.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The text in the current UI culture.</summary>
    public static string Name => Resources.GetString(Key, CultureInfo.CurrentUICulture) ?? "a former member";

    /// <summary>True for the stored value of an erased account, or the text in any language (so a loaded tombstone saves back unchanged).</summary>
    public static bool Is(string? value) =>
        string.IsNullOrEmpty(value) || Localization.LocalizationSetup.Cultures.Any(c => Resources.GetString(Key, new CultureInfo(c)) == value);

    /// <summary>The stored value: empty for an erased account.</summary>
    public static string ToStored(string value) => Is(value) ? "" : value;

    /// <summary>The value people read.</summary>
    public static string FromStored(string value) => value.Length == 0 ? Name : value;
}
