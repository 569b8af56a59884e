using System.Globalization;
using System.Text;

namespace Agora.Web.Platform.Text;

/// <summary>The languages Agora stems; <see cref="None"/> is any other (words are only folded, not stemmed).</summary>
internal enum TextLanguage
{
    None,
    English,
    Portuguese,
    Norwegian,
}

/// <summary>
/// Turns text into the terms that search indexes and matches, the same way for SQLite (FTS5) and PostgreSQL
/// (tsvector 'simple'), so both databases find the same ideas.
/// <para>
/// The pipeline: split into words (runs of letters, digits and combining marks; anything else separates, so
/// "e-health" is "e" + "health" and "don't" is "don" + "t"); normalise each word (NFKC, then lower case with the
/// invariant culture); drop words of one character (numbers need two digits), words over
/// <see cref="MaxWordLength"/> characters and the language's stop words; stem with the language's Snowball stemmer
/// plus the few <see cref="InflectionRules"/> for plurals Snowball leaves apart (words containing digits are not
/// stemmed); then fold accents off the stem (á → a, ç → c, but Norwegian æ, ø, å
/// stay letters of their own), so "saúde" and "saude" meet.
/// </para>
/// <para>
/// Safety: every term is a non-empty run of Unicode letters and digits only (<c>[\p{L}\p{N}]+</c>) and lower case:
/// no quotes, operators, colons, asterisks, parentheses, spaces or control characters. A term can therefore be put
/// into an FTS5 MATCH expression or a PostgreSQL to_tsquery as a bare word and never be read as syntax
/// (FTS5's AND, OR, NOT and NEAR are keywords only in upper case).
/// </para>
/// </summary>
public static class TextAnalyzer
{
    /// <summary>At most this many terms are taken from one text; the rest of a very long text is not indexed.</summary>
    public const int MaxTermsPerText = 2_000;

    /// <summary>At most this many words of a search query are used.</summary>
    public const int MaxQueryWords = 12;

    /// <summary>Longer "words" are hashes, encoded data or keyboard mashing, not something anyone searches for.</summary>
    public const int MaxWordLength = 64;

    // A run of letters and marks this long is no word anyone searches for: skip it before even copying it.
    private const int MaxRawWordLength = MaxWordLength * 4;

    /// <summary>
    /// The terms of <paramref name="text"/> written in <paramref name="culture"/> ("en", "pt-PT", "nb-NO"; also
    /// "pt", "nb", "no", "nn" and other regions of those languages). Any other culture is tokenised, cleared of
    /// English stop words and folded, without stemming.
    /// </summary>
    public static IReadOnlyList<string> Terms(string? text, string? culture)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var language = LanguageOf(culture);
        var stopWords = StopWords.For(language);
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            if (IsDropped(word, stopWords)) continue;
            var term = Analyze(word, language);
            if (term.Length == 0) continue;
            terms.Add(term);
            if (terms.Count == MaxTermsPerText) break;
        }
        return terms;
    }

    /// <summary>The terms of <paramref name="text"/> joined by single spaces: the text to put in the search index.</summary>
    public static string Document(string? text, string? culture) => string.Join(' ', Terms(text, culture));

    /// <summary>
    /// A search query whose language is not known, as groups to match with AND over the groups and OR within each:
    /// one group per query word (at most <see cref="MaxQueryWords"/>), holding the word's distinct terms as English,
    /// Portuguese and Norwegian text (the <paramref name="preferredCulture"/>'s first) and, last, as text of another
    /// language (the folded word, unstemmed). A word is left out only when it is a stop word of the preferred
    /// culture (English when that culture is unknown), since "for" or "man" may be just what someone is looking
    /// for in another language. Words with the same term in the preferred culture ("nurse nurses") share one group.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> QueryTerms(string? query, string? preferredCulture)
    {
        if (string.IsNullOrEmpty(query)) return [];
        var preferred = LanguageOf(preferredCulture);
        TextLanguage[] languages = preferred switch
        {
            TextLanguage.Portuguese => [TextLanguage.Portuguese, TextLanguage.English, TextLanguage.Norwegian, TextLanguage.None],
            TextLanguage.Norwegian => [TextLanguage.Norwegian, TextLanguage.English, TextLanguage.Portuguese, TextLanguage.None],
            _ => [TextLanguage.English, TextLanguage.Portuguese, TextLanguage.Norwegian, TextLanguage.None],
        };
        var stopWords = StopWords.For(preferred);
        var groups = new List<List<string>>();
        foreach (var word in Words(query))
        {
            if (IsDropped(word, stopWords)) continue;
            var alternatives = new List<string>(languages.Length);
            foreach (var language in languages)
            {
                var term = Analyze(word, language);
                if (term.Length > 0 && !alternatives.Contains(term)) alternatives.Add(term);
            }
            if (alternatives.Count == 0) continue;
            // "nurse nurses" is one word to the person searching: one group holding both words' alternatives.
            var same = groups.Find(g => g[0] == alternatives[0]);
            if (same is not null)
            {
                same.AddRange(alternatives.Where(a => !same.Contains(a)));
                continue;
            }
            groups.Add(alternatives);
            if (groups.Count == MaxQueryWords) break;
        }
        return groups;
    }

    internal static TextLanguage LanguageOf(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture)) return TextLanguage.None;
        var primary = culture.AsSpan().Trim();
        var separator = primary.IndexOfAny('-', '_');
        if (separator >= 0) primary = primary[..separator];
        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase)) return TextLanguage.English;
        if (primary.Equals("pt", StringComparison.OrdinalIgnoreCase)) return TextLanguage.Portuguese;
        // Nynorsk is close enough to Bokmål for the stemmer to help more than it harms.
        if (primary.Equals("nb", StringComparison.OrdinalIgnoreCase)
            || primary.Equals("no", StringComparison.OrdinalIgnoreCase)
            || primary.Equals("nn", StringComparison.OrdinalIgnoreCase))
        {
            return TextLanguage.Norwegian;
        }
        return TextLanguage.None;
    }

    /// <summary>The term for one normalised word as text in <paramref name="language"/>; empty if nothing is left.</summary>
    internal static string Analyze(string word, TextLanguage language)
    {
        // Codes and numbers (covid19, 5g, 2025) are identifiers: stemming would only damage them.
        if (ContainsDigit(word)) return Diacritics.Fold(word);
        var stem = language switch
        {
            TextLanguage.English => EnglishStemmer.Instance.Stem(word),
            TextLanguage.Portuguese => PortugueseStemmer.Instance.Stem(InflectionRules.PortugueseSingular(word)),
            TextLanguage.Norwegian => InflectionRules.NorwegianAfterStem(
                NorwegianStemmer.Instance.Stem(InflectionRules.NorwegianBeforeStem(word))),
            _ => word,
        };
        return Diacritics.Fold(stem);
    }

    private static bool IsDropped(string word, IReadOnlySet<string> stopWords)
    {
        if (word.Length > MaxWordLength) return true;
        if (word.Length == 1 || word.Length == 2 && char.IsSurrogatePair(word[0], word[1])) return true;
        return stopWords.Contains(word);
    }

    private static bool ContainsDigit(string word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.IsDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber) return true;
        }
        return false;
    }

    /// <summary>The words of <paramref name="text"/>, normalised (NFKC) and in lower case.</summary>
    private static IEnumerable<string> Words(string text, bool normalise = true)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && IsWordPart(text, i, out var width)) i += width;
            if (i > start)
            {
                if (i - start > MaxRawWordLength) continue;
                var word = normalise ? Normalise(text, start, i - start) : text.Substring(start, i - start);
                if (!normalise || IsAllWordParts(word))
                {
                    yield return word;
                }
                else
                {
                    // Compatibility forms can unfold into several words or punctuation ("½" is "1⁄2").
                    foreach (var part in Words(word, normalise: false)) yield return part;
                }
                continue;
            }
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
        }
    }

    private static string Normalise(string text, int start, int length)
    {
        var raw = text.AsSpan(start, length);
        if (Ascii.IsValid(raw))
        {
            return string.Create(length, (text, start), static (lower, source) =>
                Ascii.ToLower(source.text.AsSpan(source.start, lower.Length), lower, out _));
        }
        var word = raw.ToString();
        // Full-width letters, ligatures and decomposed accents become the ordinary letters the stemmers know;
        // lower case comes after, as NFKC can produce capitals (ℕ → N).
        if (!word.IsNormalized(NormalizationForm.FormKC)) word = word.Normalize(NormalizationForm.FormKC);
        return word.ToLowerInvariant();
    }

    private static bool IsWordPart(string text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return false;
        }
        return IsWordPart(rune);
    }

    private static bool IsWordPart(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsAllWordParts(string word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (!IsWordPart(rune)) return false;
        }
        return true;
    }
}
