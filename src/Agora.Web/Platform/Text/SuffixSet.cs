using System.Collections.Frozen;

namespace Agora.Web.Platform.Text;

/// <summary>
/// A Snowball <c>among</c> read backwards: finds the longest listed suffix of a word. Suffixes are bucketed
/// by their last character so a lookup compares only a handful of candidates, without allocating.
/// </summary>
internal sealed class SuffixSet
{
    private readonly FrozenDictionary<char, string[]> _byLastChar;

    public SuffixSet(params string[] suffixes)
    {
        _byLastChar = suffixes
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(s => s[^1])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(s => s.Length).ToArray());
    }

    /// <summary>
    /// The longest suffix of <paramref name="word"/> in the set that starts at or after <paramref name="limit"/>
    /// (Snowball's <c>setlimit tomark p for ([substring])</c>; pass 0 for no limit), or null.
    /// </summary>
    public string? Longest(ReadOnlySpan<char> word, int limit = 0)
    {
        if (word.IsEmpty || !_byLastChar.TryGetValue(word[^1], out var candidates)) return null;
        foreach (var s in candidates)
        {
            if (s.Length <= word.Length - limit && word.EndsWith(s, StringComparison.Ordinal)) return s;
        }
        return null;
    }
}
