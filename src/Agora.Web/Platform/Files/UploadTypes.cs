using System.IO.Compression;
using System.Text;

namespace Agora.Web.Platform.Files;

/// <summary>An uploaded file as the use case receives it (pages and API read the upload into this).</summary>
public sealed record UploadInput(string? FileName, byte[] Content)
{
    /// <summary>The file's size: more than <see cref="Content"/> holds when it was over the limit and not read (see <see cref="Uploads.ReadAsync"/>).</summary>
    public long Size { get; init; } = Content.Length;
}

/// <summary>Image types by content: PNG, JPEG and WebP; SVG and anything else is refused.</summary>
public static class ImageTypes
{
    /// <summary>The image type by its first bytes; SVG and anything else is refused.</summary>
    public static string? Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}

/// <summary>A file type attachments may have, recognised by content.</summary>
public sealed record AttachmentType(string ContentType, string Extension);

/// <summary>
/// Recognises an attachment's type by its bytes, never by the name or the type the browser claims: PNG, JPEG,
/// WebP, PDF, Office Open XML (docx, xlsx, pptx, without macros) and OpenDocument (odt, ods, odp). Anything
/// else (executables, HTML, SVG, scripts, other archives) is refused.
/// </summary>
public static class AttachmentTypes
{
    public static AttachmentType? Detect(byte[] content)
    {
        var image = ImageTypes.Detect(content);
        if (image is not null) return new AttachmentType(image, image switch { "image/png" => ".png", "image/jpeg" => ".jpg", _ => ".webp" });
        if (content.AsSpan().StartsWith("%PDF-"u8)) return new AttachmentType("application/pdf", ".pdf");
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return DetectZip(content);
        return null;
    }

    private static AttachmentType? DetectZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            // Macros are code: refused like any other executable content.
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return null;
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                    return new AttachmentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
                if (names.Contains("xl/workbook.xml"))
                    return new AttachmentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
                if (names.Contains("ppt/presentation.xml"))
                    return new AttachmentType("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
                return null;
            }
            // OpenDocument: the first entry is "mimetype", stored, naming the kind.
            var first = zip.Entries.FirstOrDefault();
            if (first is { FullName: "mimetype", Length: < 100 } && names.Contains("content.xml"))
            {
                using var reader = new StreamReader(first.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => new AttachmentType("application/vnd.oasis.opendocument.text", ".odt"),
                    "application/vnd.oasis.opendocument.spreadsheet" => new AttachmentType("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
                    "application/vnd.oasis.opendocument.presentation" => new AttachmentType("application/vnd.oasis.opendocument.presentation", ".odp"),
                    _ => null,
                };
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// A name safe to offer for download: no folders, no control or invisible characters, none of the characters
    /// file systems or headers choke on, at most 100 characters, and the extension of the detected type.
    /// </summary>
    public static string SafeFileName(string? name, AttachmentType type)
    {
        var raw = (name ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder();
        foreach (var rune in raw.EnumerateRunes())
        {
            var cat = Rune.GetUnicodeCategory(rune);
            if (cat is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator)
                continue;
            sb.Append(rune.Value < 128 && "<>:\"|?*;%".Contains((char)rune.Value) ? "_" : rune.ToString());
        }
        var clean = sb.ToString().Trim().Trim('.', ' ');
        var dot = clean.LastIndexOf('.');
        var stem = (dot > 0 ? clean[..dot] : clean).Trim().TrimEnd('.');
        if (stem.Length == 0) stem = "attachment";
        var max = 100 - type.Extension.Length;
        while (stem.Length > max)
        {
            // Cut whole characters (text elements), so no surrogate pair or accent is split.
            var info = new System.Globalization.StringInfo(stem);
            stem = info.SubstringByTextElements(0, Math.Min(info.LengthInTextElements - 1, max));
        }
        stem = stem.TrimEnd('.', ' ');
        if (stem.Length == 0) stem = "attachment";
        return stem + type.Extension;
    }
}
