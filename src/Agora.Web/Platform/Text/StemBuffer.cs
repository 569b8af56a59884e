namespace Agora.Web.Platform.Text;

/// <summary>
/// The word being stemmed, edited in place at its end (where Snowball's backward mode works). Lives on the
/// stack for ordinary words so stemming allocates only the final string, and nothing when the word is unchanged.
/// </summary>
internal ref struct StemBuffer
{
    /// <summary>Words up to this many characters are stemmed in stack memory.</summary>
    public const int StackSize = 96;

    private readonly Span<char> _chars;

    public StemBuffer(Span<char> storage, ReadOnlySpan<char> word)
    {
        _chars = storage;
        word.CopyTo(storage);
        Length = word.Length;
    }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> Current => _chars[..Length];

    public readonly char this[int index]
    {
        get => _chars[index];
        set => _chars[index] = value;
    }

    public readonly bool EndsWith(string suffix) => Current.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>The character <paramref name="back"/> places before the end (1 = last), or '\0' when there is none.</summary>
    public readonly char FromEnd(int back) => back >= 1 && back <= Length ? _chars[Length - back] : '\0';

    public void Truncate(int count) => Length -= count;

    /// <summary>Replaces the last <paramref name="count"/> characters with <paramref name="replacement"/>.</summary>
    public void ReplaceEnd(int count, string replacement)
    {
        Length -= count;
        replacement.CopyTo(_chars[Length..]);
        Length += replacement.Length;
    }

    public void Append(char c) => _chars[Length++] = c;

    public void RemoveFirst()
    {
        _chars[1..Length].CopyTo(_chars);
        Length--;
    }

    /// <summary>The result, reusing <paramref name="original"/> when the text did not change.</summary>
    public readonly string ToString(string original) =>
        Current.SequenceEqual(original) ? original : new string(Current);
}
