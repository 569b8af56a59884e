using System.Collections.Frozen;

namespace Agora.Web.Platform.Text;

/// <summary>
/// The Snowball English ("Porter2") stemmer, as published by the Snowball project in release 3.1
/// (https://snowballstem.org/algorithms/english/stemmer.html, algorithms/english.sbl). Each method below is
/// one routine of english.sbl, in the same order and with the same names, so the two can be read side by side.
/// </summary>
public sealed class EnglishStemmer : IStemmer
{
    public static readonly EnglishStemmer Instance = new();

    // exception1: whole words with a fixed stem; a null value means the word is its own stem.
    private static readonly FrozenDictionary<string, string?> Exceptions = new Dictionary<string, string?>
    {
        ["skis"] = "ski", ["skies"] = "sky",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = null, ["news"] = null, ["howe"] = null,
        ["atlas"] = null, ["cosmos"] = null, ["bias"] = null, ["andes"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // mark_regions: stems whose R1 starts after the listed prefix, so e.g. general/generous stay apart.
    private static readonly string[] RegionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

    private static readonly SuffixSet Step1aApostrophe = new("'", "'s", "'s'");
    private static readonly SuffixSet Step1aSuffixes = new("sses", "ied", "ies", "s", "us", "ss");
    private static readonly SuffixSet Step1bSuffixes = new("eed", "eedly", "ed", "edly", "ing", "ingly");
    private static readonly SuffixSet Step1bIngExceptions = new("y", "inn", "out", "cann", "herr", "earr", "even");
    private static readonly SuffixSet Step1bEndings = new("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt");

    private static readonly SuffixSet Step2Suffixes = new(
        "tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator", "alism", "aliti", "alli",
        "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogist", "ogi", "fulli", "lessli", "li");

    private static readonly SuffixSet Step3Suffixes = new("tional", "ational", "alize", "icate", "iciti", "ical", "ful", "ness", "ative");

    private static readonly SuffixSet Step4Suffixes = new(
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion");

    public string Stem(string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        if (Exceptions.TryGetValue(lowerCaseWord, out var exceptional)) return exceptional ?? lowerCaseWord;
        if (lowerCaseWord.Length < 3) return lowerCaseWord;

        var storage = lowerCaseWord.Length + 2 <= StemBuffer.StackSize
            ? stackalloc char[StemBuffer.StackSize]
            : new char[lowerCaseWord.Length + 2];
        var w = new StemBuffer(storage, lowerCaseWord);

        var yFound = Prelude(ref w);
        var (p1, p2) = MarkRegions(w.Current);

        Step1a(ref w);
        Step1b(ref w, p1);
        Step1c(ref w);
        Step2(ref w, p1);
        Step3(ref w, p1, p2);
        Step4(ref w, p2);
        Step5(ref w, p1, p2);

        if (yFound)
        {
            for (var i = 0; i < w.Length; i++)
            {
                if (w[i] == 'Y') w[i] = 'y';
            }
        }
        return w.ToString(lowerCaseWord);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsVowelWxy(char c) => IsVowel(c) || c is 'w' or 'x' or 'Y';

    private static bool ContainsVowel(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (IsVowel(c)) return true;
        }
        return false;
    }

    // A leading apostrophe goes; y acting as a consonant (initial, or after a vowel) becomes Y so it is not a vowel.
    private static bool Prelude(ref StemBuffer w)
    {
        if (w[0] == '\'') w.RemoveFirst();
        var yFound = false;
        if (w.Length > 0 && w[0] == 'y')
        {
            w[0] = 'Y';
            yFound = true;
        }
        for (var i = 1; i < w.Length; i++)
        {
            if (w[i] == 'y' && IsVowel(w[i - 1]))
            {
                w[i] = 'Y';
                yFound = true;
            }
        }
        return yFound;
    }

    private static (int P1, int P2) MarkRegions(ReadOnlySpan<char> w)
    {
        int p1 = w.Length, p2 = w.Length;
        var start = -1;
        foreach (var prefix in RegionPrefixes)
        {
            if (w.StartsWith(prefix, StringComparison.Ordinal))
            {
                start = prefix.Length;
                break;
            }
        }
        if (start < 0) start = AfterVowelThenConsonant(w, 0);
        if (start < 0) return (p1, p2);
        p1 = start;
        var r2 = AfterVowelThenConsonant(w, p1);
        if (r2 >= 0) p2 = r2;
        return (p1, p2);
    }

    // gopast v gopast non-v: the position just after the first non-vowel that follows a vowel, or -1.
    private static int AfterVowelThenConsonant(ReadOnlySpan<char> w, int from)
    {
        var i = from;
        while (i < w.Length && !IsVowel(w[i])) i++;
        if (i == w.Length) return -1;
        while (i < w.Length && IsVowel(w[i])) i++;
        return i == w.Length ? -1 : i + 1;
    }

    // shortv, tested just before position end: consonant-vowel-consonant (last not w, x or Y),
    // vowel-consonant at the very start, or the stem "past" (pasted/pasting → paste).
    private static bool EndsInShortSyllable(ReadOnlySpan<char> w, int end)
    {
        if (end >= 3 && !IsVowelWxy(w[end - 1]) && IsVowel(w[end - 2]) && !IsVowel(w[end - 3])) return true;
        if (end == 2 && !IsVowel(w[1]) && IsVowel(w[0])) return true;
        return end >= 4 && w[(end - 4)..end].SequenceEqual("past");
    }

    private static void Step1a(ref StemBuffer w)
    {
        var apostrophe = Step1aApostrophe.Longest(w.Current);
        if (apostrophe is not null) w.Truncate(apostrophe.Length);

        var suffix = Step1aSuffixes.Longest(w.Current);
        var start = w.Length - (suffix?.Length ?? 0);
        switch (suffix)
        {
            case "sses":
                w.Truncate(2);
                break;
            case "ied" or "ies":
                // ties → tie, cries → cri
                w.ReplaceEnd(3, start >= 2 ? "i" : "ie");
                break;
            case "s":
                // gas and this keep their s; gaps and kiwis lose it: a vowel must come before the letter before s.
                if (start >= 1 && ContainsVowel(w.Current[..(start - 1)])) w.Truncate(1);
                break;
        }
    }

    private static void Step1b(ref StemBuffer w, int p1)
    {
        var suffix = Step1bSuffixes.Longest(w.Current);
        if (suffix is null) return;
        var start = w.Length - suffix.Length;
        var stem = w.Current[..start];

        if (suffix is "eed" or "eedly")
        {
            // proceed, exceed, succeed keep their -eed.
            if (stem is "proc" or "exc" or "succ") return;
            if (start >= p1) w.ReplaceEnd(suffix.Length, "ee");
            return;
        }

        if (suffix == "ing")
        {
            var exception = Step1bIngExceptions.Longest(stem);
            if (exception == "y" && start == 2 && !IsVowel(stem[0]))
            {
                // dying → die, lying → lie, tying → tie, vying → vie
                w.ReplaceEnd(4, "ie");
                return;
            }
            // inning, outing, canning, herring, earring, evening are words of their own.
            if (exception is not null and not "y" && stem.Length == exception.Length) return;
        }

        if (!ContainsVowel(stem)) return;
        w.Truncate(suffix.Length);

        switch (Step1bEndings.Longest(w.Current))
        {
            case "at" or "bl" or "iz":
                w.Append('e');
                break;
            case string:
                // Undouble (hopp → hop) except after a lone initial a, e or o: add, egg, off stay.
                if (!(w.Length == 3 && w[0] is 'a' or 'e' or 'o')) w.Truncate(1);
                break;
            case null:
                // A short word gets its e back: hop(ed) → hope.
                if (w.Length == p1 && EndsInShortSyllable(w.Current, w.Length)) w.Append('e');
                break;
        }
    }

    private static void Step1c(ref StemBuffer w)
    {
        if (w.Length >= 3 && w.FromEnd(1) is 'y' or 'Y' && !IsVowel(w.FromEnd(2))) w[w.Length - 1] = 'i';
    }

    private static void Step2(ref StemBuffer w, int p1)
    {
        var suffix = Step2Suffixes.Longest(w.Current);
        if (suffix is null || w.Length - suffix.Length < p1) return;
        var before = w.FromEnd(suffix.Length + 1);
        switch (suffix)
        {
            case "tional": w.ReplaceEnd(6, "tion"); break;
            case "enci": w.ReplaceEnd(4, "ence"); break;
            case "anci": w.ReplaceEnd(4, "ance"); break;
            case "abli": w.ReplaceEnd(4, "able"); break;
            case "entli": w.ReplaceEnd(5, "ent"); break;
            case "izer" or "ization": w.ReplaceEnd(suffix.Length, "ize"); break;
            case "ational" or "ation" or "ator": w.ReplaceEnd(suffix.Length, "ate"); break;
            case "alism" or "aliti" or "alli": w.ReplaceEnd(suffix.Length, "al"); break;
            case "fulness": w.ReplaceEnd(7, "ful"); break;
            case "ousli" or "ousness": w.ReplaceEnd(suffix.Length, "ous"); break;
            case "iveness" or "iviti": w.ReplaceEnd(suffix.Length, "ive"); break;
            case "biliti" or "bli": w.ReplaceEnd(suffix.Length, "ble"); break;
            case "ogist": w.ReplaceEnd(5, "og"); break;
            case "ogi" when before == 'l': w.ReplaceEnd(3, "og"); break;
            case "fulli": w.ReplaceEnd(5, "ful"); break;
            case "lessli": w.ReplaceEnd(6, "less"); break;
            case "li" when before is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't': w.Truncate(2); break;
        }
    }

    private static void Step3(ref StemBuffer w, int p1, int p2)
    {
        var suffix = Step3Suffixes.Longest(w.Current);
        if (suffix is null) return;
        var start = w.Length - suffix.Length;
        if (start < p1) return;
        switch (suffix)
        {
            case "tional": w.ReplaceEnd(6, "tion"); break;
            case "ational": w.ReplaceEnd(7, "ate"); break;
            case "alize": w.ReplaceEnd(5, "al"); break;
            case "icate" or "iciti" or "ical": w.ReplaceEnd(suffix.Length, "ic"); break;
            case "ful" or "ness": w.Truncate(suffix.Length); break;
            case "ative" when start >= p2: w.Truncate(5); break;
        }
    }

    private static void Step4(ref StemBuffer w, int p2)
    {
        var suffix = Step4Suffixes.Longest(w.Current);
        if (suffix is null || w.Length - suffix.Length < p2) return;
        if (suffix == "ion" && w.FromEnd(4) is not ('s' or 't')) return;
        w.Truncate(suffix.Length);
    }

    private static void Step5(ref StemBuffer w, int p1, int p2)
    {
        var start = w.Length - 1;
        switch (w.FromEnd(1))
        {
            case 'e' when start >= p2 || start >= p1 && !EndsInShortSyllable(w.Current, start):
                w.Truncate(1);
                break;
            case 'l' when start >= p2 && w.FromEnd(2) == 'l':
                w.Truncate(1);
                break;
        }
    }
}
