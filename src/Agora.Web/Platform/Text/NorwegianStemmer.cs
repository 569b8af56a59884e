namespace Agora.Web.Platform.Text;

/// <summary>
/// The Snowball Norwegian (Bokmål) stemmer, as published by the Snowball project in release 3.1
/// (https://snowballstem.org/algorithms/norwegian/stemmer.html, algorithms/norwegian.sbl). Each method is one
/// routine of norwegian.sbl. Every suffix it removes must lie in R1, which starts no earlier than the fourth letter.
/// </summary>
public sealed class NorwegianStemmer : IStemmer
{
    public static readonly NorwegianStemmer Instance = new();

    private static readonly SuffixSet MainSuffixes = new(
        "a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar", "er", "heter", "as", "es", "edes", "endes",
        "enes", "hetenes", "ens", "hetens", "ets", "et", "het", "ast", "ers", "s", "erte", "ert");

    // What comes before -ers: after one of the first eleven the -ers belongs to the word and stays; after
    // giv, hav, skap or anything else it is an ending and goes.
    private static readonly SuffixSet BeforeErs = new("amm", "ast", "ind", "kap", "kk", "lt", "nk", "omm", "pp", "v", "øst", "giv", "hav", "skap");

    private static readonly SuffixSet ConsonantPairs = new("dt", "vt");

    private static readonly SuffixSet OtherSuffixes = new("leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov");

    public string Stem(string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        if (lowerCaseWord.Length < 3) return lowerCaseWord;
        var storage = lowerCaseWord.Length <= StemBuffer.StackSize
            ? stackalloc char[StemBuffer.StackSize]
            : new char[lowerCaseWord.Length];
        var w = new StemBuffer(storage, lowerCaseWord);

        var p1 = MarkRegions(w.Current);
        MainSuffix(ref w, p1);
        ConsonantPair(ref w, p1);
        OtherSuffix(ref w, p1);
        // An ending written after an apostrophe ("CD'en", "pc'er") has gone; the apostrophe goes with it.
        if (w.FromEnd(1) == '\'') w.Truncate(1);
        return w.ToString(lowerCaseWord);
    }

    private static bool IsVowel(char c) =>
        c is 'a' or 'e' or 'ê' or 'i' or 'o' or 'ò' or 'ó' or 'ô' or 'u' or 'y' or 'æ' or 'å' or 'ø';

    // s_ending: letters after which a final -s is a genitive or plural ending to remove.
    private static bool IsSEnding(char c) =>
        c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'l' or 'm' or 'n' or 'o' or 'p' or 't' or 'v' or 'y' or 'z';

    // R1 is after the first consonant that follows a vowel, or after an apostrophe if that comes sooner
    // (what follows an apostrophe is an ending, as in "CD'en"), but never before the fourth letter.
    private static int MarkRegions(ReadOnlySpan<char> w)
    {
        var i = 0;
        while (i < w.Length && !IsVowel(w[i])) i++;
        while (i < w.Length && IsVowel(w[i])) i++;
        var p1 = i == w.Length ? w.Length : i + 1;
        var apostrophe = w.IndexOf('\'');
        if (apostrophe >= 0) p1 = Math.Min(p1, apostrophe + 1);
        return Math.Max(p1, 3);
    }

    private static void MainSuffix(ref StemBuffer w, int p1)
    {
        var suffix = MainSuffixes.Longest(w.Current, p1);
        if (suffix is null) return;
        switch (suffix)
        {
            case "ers":
                var before = BeforeErs.Longest(w.Current[..^3]);
                if (before is null or "giv" or "hav" or "skap") w.Truncate(3);
                break;
            case "s":
                var c = w.FromEnd(2);
                if (IsSEnding(c) || c == 'r' && w.FromEnd(3) != 'e' || c == 'k' && w.FromEnd(3) is not '\0' && !IsVowel(w.FromEnd(3)))
                {
                    w.Truncate(1);
                }
                break;
            case "erte" or "ert":
                w.ReplaceEnd(suffix.Length, "er");
                break;
            default:
                w.Truncate(suffix.Length);
                break;
        }
    }

    // -dt and -vt lose the t when the pair is in R1 ("hardt" → "hard").
    private static void ConsonantPair(ref StemBuffer w, int p1)
    {
        if (ConsonantPairs.Longest(w.Current, p1) is not null) w.Truncate(1);
    }

    private static void OtherSuffix(ref StemBuffer w, int p1)
    {
        var suffix = OtherSuffixes.Longest(w.Current, p1);
        if (suffix is not null) w.Truncate(suffix.Length);
    }
}
