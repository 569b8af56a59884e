using SkiaSharp;

namespace Agora.Web.Platform.Letters;

/// <summary>
/// The fonts of generated documents: DejaVu Sans, regular and bold, embedded in the assembly (Fonts/, with its licence),
/// so a PDF looks the same on every machine, with or without system fonts, and has every Latin letter (æøå, ãçõ),
/// Greek and Cyrillic. Loaded once; a typeface is immutable and shared between threads.
/// </summary>
public static class LetterFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("Agora.Web.Letters.DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("Agora.Web.Letters.DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string resource)
    {
        using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded font {resource} is missing.");
        // The typeface reads its tables lazily: give it its own copy of the bytes, not the resource stream disposed here.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return SKTypeface.FromStream(new MemoryStream(bytes, writable: false))
            ?? throw new InvalidOperationException($"Embedded font {resource} could not be read.");
    }
}
