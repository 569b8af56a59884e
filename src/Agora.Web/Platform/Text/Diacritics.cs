using System.Globalization;
using System.Text;

namespace Agora.Web.Platform.Text;

/// <summary>
/// Removes accents from letters (á → a, ç → c, ã → a, ü → u) so a search matches whether or not people typed
/// them. Norwegian æ, ø and å are letters of their own, not accented a and o ("får" is sheep, "far" is father),
/// so they stay: æ and ø have no decomposition anyway, and å is kept on purpose. The result holds only letters
/// and digits: combining marks of any script are dropped.
/// </summary>
internal static class Diacritics
{
    private const char TableStart = '\u00C0';
    private const char TableEnd = '\u024F';

    // Latin-1 Supplement and Latin Extended-A/B, where nearly all of en/pt/nb's accented letters live,
    // folded once here so the common case needs no Unicode normalisation per word.
    private static readonly char[] Table = BuildTable();

    public static string Fold(string word)
    {
        var needsWork = false;
        foreach (var c in word)
        {
            if (c < TableStart) continue;
            if (c > TableEnd || Table[c - TableStart] != c)
            {
                needsWork = true;
                break;
            }
        }
        if (!needsWork) return word;

        var storage = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (c > TableEnd) return FoldSlowly(word);
            storage[length++] = c >= TableStart ? Table[c - TableStart] : c;
        }
        return new string(storage[..length]);
    }

    // Greek tonos, Vietnamese stacked accents, combining marks typed separately, and other scripts.
    private static string FoldSlowly(string word)
    {
        var kept = new StringBuilder(word.Length);
        foreach (var rune in word.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (IsMark(rune))
            {
                // a + combining ring is å, which stays (see above).
                if (rune.Value == 0x030A && kept.Length > 0 && kept[^1] is 'a' or 'A') kept.Append('\u030A');
                continue;
            }
            kept.Append(rune.ToString());
        }
        var composed = kept.ToString().Normalize(NormalizationForm.FormC);
        // Whatever is not a letter or digit now (a ring that found no a to join) goes: the promise is letters and digits only.
        kept.Clear();
        foreach (var rune in composed.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
            {
                kept.Append(rune.ToString());
            }
        }
        return kept.ToString();
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsMark(char c) => IsMark(new Rune(c));

    private static char[] BuildTable()
    {
        var table = new char[TableEnd - TableStart + 1];
        for (var c = TableStart; c <= TableEnd; c++)
        {
            var folded = c;
            if (c is not ('å' or 'Å'))
            {
                var d = c.ToString().Normalize(NormalizationForm.FormD);
                if (d.Length > 1 && d[0] < TableStart && d.AsSpan(1).ToString().All(IsMark)) folded = d[0];
            }
            table[c - TableStart] = folded;
        }
        return table;
    }
}
