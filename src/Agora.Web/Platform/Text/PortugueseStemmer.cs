namespace Agora.Web.Platform.Text;

/// <summary>
/// The Snowball Portuguese stemmer, as published by the Snowball project in release 3.1
/// (https://snowballstem.org/algorithms/portuguese/stemmer.html, algorithms/portuguese.sbl). Each method is one
/// routine of portuguese.sbl. Like the original, ã and õ are handled as a vowel followed by the consonant '~'
/// while stemming, which is what decides where the regions RV, R1 and R2 start in words such as "mão".
/// </summary>
public sealed class PortugueseStemmer : IStemmer
{
    public static readonly PortugueseStemmer Instance = new();

    // Standard suffixes, grouped by what happens when they are found (the among of standard_suffix).
    private static readonly string[] DeleteInR2 =
    [
        "eza", "ezas", "ico", "ica", "icos", "icas", "ismo", "ismos", "ável", "ível", "ista", "istas", "oso", "osa", "osos", "osas",
        "amento", "amentos", "imento", "imentos", "adora", "ador", "aça~o", "adoras", "adores", "aço~es", "ante", "antes", "ância",
    ];

    private static readonly SuffixSet StandardSuffixes = new(
        [.. DeleteInR2, "logia", "logias", "uça~o", "uço~es", "ência", "ências", "amente", "mente", "idade", "idades",
            "iva", "ivo", "ivas", "ivos", "ira", "iras"]);

    private static readonly SuffixSet AfterAmente = new("iv", "os", "ic", "ad");
    private static readonly SuffixSet AfterMente = new("ante", "avel", "ível");
    private static readonly SuffixSet AfterIdade = new("abil", "ic", "iv");

    private static readonly SuffixSet VerbSuffixes = new(
        "ada", "ida", "ia", "aria", "eria", "iria", "ará", "ara", "erá", "era", "irá", "ava", "asse", "esse", "isse", "aste", "este",
        "iste", "ei", "arei", "erei", "irei", "am", "iam", "ariam", "eriam", "iriam", "aram", "eram", "iram", "avam", "em", "arem",
        "erem", "irem", "assem", "essem", "issem", "ado", "ido", "ando", "endo", "indo", "ara~o", "era~o", "ira~o", "ar", "er", "ir",
        "as", "adas", "idas", "ias", "arias", "erias", "irias", "arás", "aras", "erás", "eras", "irás", "avas", "es", "ardes", "erdes",
        "irdes", "ares", "eres", "ires", "asses", "esses", "isses", "astes", "estes", "istes", "is", "ais", "eis", "íeis", "aríeis",
        "eríeis", "iríeis", "áreis", "areis", "éreis", "ereis", "íreis", "ireis", "ásseis", "ésseis", "ísseis", "áveis", "ados",
        "idos", "ámos", "amos", "íamos", "aríamos", "eríamos", "iríamos", "áramos", "éramos", "íramos", "ávamos", "emos", "aremos",
        "eremos", "iremos", "ássemos", "êssemos", "íssemos", "imos", "armos", "ermos", "irmos", "eu", "iu", "ou", "ira", "iras");

    private static readonly SuffixSet ResidualSuffixes = new("os", "a", "i", "o", "á", "í", "ó");

    public string Stem(string lowerCaseWord)
    {
        ArgumentNullException.ThrowIfNull(lowerCaseWord);
        if (lowerCaseWord.Length == 0) return lowerCaseWord;

        // prelude can double the length (every ã/õ becomes two characters)
        var capacity = lowerCaseWord.Length * 2;
        var storage = capacity <= StemBuffer.StackSize ? stackalloc char[StemBuffer.StackSize] : new char[capacity];
        var w = new StemBuffer(storage, []);
        foreach (var c in lowerCaseWord)
        {
            switch (c)
            {
                case 'ã': w.Append('a'); w.Append('~'); break;
                case 'õ': w.Append('o'); w.Append('~'); break;
                default: w.Append(c); break;
            }
        }

        var (pV, p1, p2) = MarkRegions(w.Current);

        if (StandardSuffix(ref w, pV, p1, p2) || VerbSuffix(ref w, pV))
        {
            // A stem left ending in -ci loses the i when it is in RV ("agenciar" → "agenc").
            if (w.FromEnd(1) == 'i' && w.FromEnd(2) == 'c' && w.Length - 1 >= pV) w.Truncate(1);
        }
        else
        {
            ResidualSuffix(ref w, pV);
        }
        ResidualForm(ref w, pV);

        return Postlude(ref w, lowerCaseWord);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'â' or 'ê' or 'ô';

    private static (int PV, int P1, int P2) MarkRegions(ReadOnlySpan<char> w)
    {
        int pV = w.Length, p1 = w.Length, p2 = w.Length;

        // RV: after the next vowel if the second letter is a consonant; after the next consonant if the first two
        // letters are vowels; otherwise (consonant-vowel) after the third letter.
        if (w.Length >= 2)
        {
            int found;
            if (IsVowel(w[0]))
            {
                found = IsVowel(w[1]) ? AfterFirst(w, 2, vowel: false) : AfterFirst(w, 2, vowel: true);
            }
            else
            {
                found = IsVowel(w[1]) ? (w.Length >= 3 ? 3 : -1) : AfterFirst(w, 2, vowel: true);
            }
            if (found >= 0) pV = found;
        }

        var afterVowel = AfterFirst(w, 0, vowel: true);
        var r1 = afterVowel < 0 ? -1 : AfterFirst(w, afterVowel, vowel: false);
        if (r1 < 0) return (pV, p1, p2);
        p1 = r1;
        afterVowel = AfterFirst(w, p1, vowel: true);
        var r2 = afterVowel < 0 ? -1 : AfterFirst(w, afterVowel, vowel: false);
        if (r2 >= 0) p2 = r2;
        return (pV, p1, p2);
    }

    // gopast v (vowel: true) or gopast non-v (vowel: false) from position from: just after the first match, or -1.
    private static int AfterFirst(ReadOnlySpan<char> w, int from, bool vowel)
    {
        for (var i = from; i < w.Length; i++)
        {
            if (IsVowel(w[i]) == vowel) return i + 1;
        }
        return -1;
    }

    private static bool StandardSuffix(ref StemBuffer w, int pV, int p1, int p2)
    {
        var suffix = StandardSuffixes.Longest(w.Current);
        if (suffix is null) return false;
        var start = w.Length - suffix.Length;
        switch (suffix)
        {
            case "logia" or "logias":
                if (start < p2) return false;
                w.ReplaceEnd(suffix.Length, "log");
                return true;
            case "uça~o" or "uço~es":
                if (start < p2) return false;
                w.ReplaceEnd(suffix.Length, "u");
                return true;
            case "ência" or "ências":
                if (start < p2) return false;
                w.ReplaceEnd(suffix.Length, "ente");
                return true;
            case "amente":
                if (start < p1) return false;
                w.Truncate(6);
                var more = AfterAmente.Longest(w.Current);
                if (more is not null && w.Length - more.Length >= p2)
                {
                    w.Truncate(more.Length);
                    if (more == "iv" && w.EndsWith("at") && w.Length - 2 >= p2) w.Truncate(2);
                }
                return true;
            case "mente":
                if (start < p2) return false;
                w.Truncate(5);
                TruncateInR2(ref w, AfterMente.Longest(w.Current), p2);
                return true;
            case "idade" or "idades":
                if (start < p2) return false;
                w.Truncate(suffix.Length);
                TruncateInR2(ref w, AfterIdade.Longest(w.Current), p2);
                return true;
            case "iva" or "ivo" or "ivas" or "ivos":
                if (start < p2) return false;
                w.Truncate(suffix.Length);
                if (w.EndsWith("at") && w.Length - 2 >= p2) w.Truncate(2);
                return true;
            case "ira" or "iras":
                // -eira(s) is usually a noun (enfermeira), not a verb form: keep -eir.
                if (start < pV || w.FromEnd(suffix.Length + 1) != 'e') return false;
                w.ReplaceEnd(suffix.Length, "ir");
                return true;
            default:
                if (start < p2) return false;
                w.Truncate(suffix.Length);
                return true;
        }
    }

    private static void TruncateInR2(ref StemBuffer w, string? suffix, int p2)
    {
        if (suffix is not null && w.Length - suffix.Length >= p2) w.Truncate(suffix.Length);
    }

    private static bool VerbSuffix(ref StemBuffer w, int pV)
    {
        var suffix = VerbSuffixes.Longest(w.Current, pV);
        if (suffix is null) return false;
        w.Truncate(suffix.Length);
        return true;
    }

    private static void ResidualSuffix(ref StemBuffer w, int pV)
    {
        var suffix = ResidualSuffixes.Longest(w.Current);
        if (suffix is not null && w.Length - suffix.Length >= pV) w.Truncate(suffix.Length);
    }

    private static void ResidualForm(ref StemBuffer w, int pV)
    {
        switch (w.FromEnd(1))
        {
            case 'e' or 'é' or 'ê':
                if (w.Length - 1 < pV) return;
                w.Truncate(1);
                // -gue/-cie: the u or i was only there to keep the consonant's sound.
                if ((w.FromEnd(1) == 'u' && w.FromEnd(2) == 'g' || w.FromEnd(1) == 'i' && w.FromEnd(2) == 'c') && w.Length - 1 >= pV)
                {
                    w.Truncate(1);
                }
                break;
            case 'ç':
                w[w.Length - 1] = 'c';
                break;
        }
    }

    private static string Postlude(ref StemBuffer w, string original)
    {
        var changed = false;
        var write = 0;
        for (var read = 0; read < w.Length; read++, write++)
        {
            var c = w[read];
            if (c is 'a' or 'o' && read + 1 < w.Length && w[read + 1] == '~')
            {
                c = c == 'a' ? 'ã' : 'õ';
                read++;
                changed = true;
            }
            w[write] = c;
        }
        if (changed) w.Truncate(w.Length - write);
        return w.ToString(original);
    }
}
