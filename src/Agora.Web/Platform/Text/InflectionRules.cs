namespace Agora.Web.Platform.Text;

/// <summary>
/// Agora's additions around the Snowball stemmers, which stay exactly as published. Snowball leaves some everyday
/// plural forms apart from their singular; these rules bring them together before (or, in one case, after)
/// stemming, so that "hospitais" finds "hospital" and "sykepleierne" finds "sykepleier".
/// </summary>
internal static class InflectionRules
{
    private const int ShortestPortuguesePlural = 5;

    // Words that end in -erne where -ern is part of the word (stjerne, moderne), not er + the plural ending -ne.
    private static readonly string[] NorwegianErneWords =
    [
        "stjerne", "kjerne", "hjerne", "fjerne", "gjerne", "kverne", "moderne", "interne", "eksterne", "lanterne",
        "kaserne", "cisterne", "sisterne", "lucerne", "nøkterne", "subalterne",
    ];

    // Adverbs, not plurals of -al.
    private static readonly string[] PortugueseAisWords = ["demais", "jamais"];

    // -óis words that are not plurals of -ol: heróis (herói) and forms of construir, destruir, corroer, remoer.
    private static readonly string[] PortugueseOisWords = ["heróis", "stróis", "rróis", "móis"];

    /// <summary>
    /// Portuguese plurals that Snowball does not reduce to the singular's stem: -ais → -al (hospitais),
    /// -éis → -el (papéis), -veis → -vel (possíveis), -óis → -ol (espanhóis), -ões → -ão (corações).
    /// Short words are left alone: mais, pais and cais are not plurals of -al.
    /// </summary>
    public static string PortugueseSingular(string word)
    {
        if (word.Length < ShortestPortuguesePlural) return word;
        var w = word.AsSpan();
        if (w.EndsWith("ões")) return string.Concat(w[..^3], "ão");
        if (w.EndsWith("ais") && !EndsWithAny(w, PortugueseAisWords)) return string.Concat(w[..^3], "al");
        if (w.EndsWith("éis")) return string.Concat(w[..^3], "el");
        if (w.EndsWith("veis")) return string.Concat(w[..^4], "vel");
        if (w.EndsWith("óis") && !EndsWithAny(w, PortugueseOisWords)) return string.Concat(w[..^3], "ol");
        return word;
    }

    /// <summary>
    /// Norwegian definite plurals in -erne (sykepleierne, lærerne) become -er before stemming: Snowball removes
    /// only the final -e, which would leave "sykepleiern" apart from "sykepleier".
    /// </summary>
    public static string NorwegianBeforeStem(string word) =>
        word.Length >= 6 && word.EndsWith("erne", StringComparison.Ordinal) && !EndsWithAny(word, NorwegianErneWords)
            ? word[..^2]
            : word;

    /// <summary>
    /// A Norwegian stem still ending in -er (from sykepleieren, sykepleiere, vinteren) is stemmed once more, as the
    /// bare word (sykepleier, vinter) is: Snowball removes only one ending per word.
    /// </summary>
    public static string NorwegianAfterStem(string stem) =>
        stem.EndsWith("er", StringComparison.Ordinal) ? NorwegianStemmer.Instance.Stem(stem) : stem;

    private static bool EndsWithAny(ReadOnlySpan<char> word, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
