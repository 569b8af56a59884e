using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Agora.Web.Platform.Letters;

public enum PdfTextStyle
{
    Body,
    Bold,
    Title,
    Heading,
    Small,
}

/// <summary>
/// A paragraph of a <see cref="PdfText"/> document. Its line breaks are kept; long lines wrap at spaces (and inside
/// a word only when the word alone is wider than the line). <see cref="KeepWithNext"/> keeps a heading on the page of
/// the text it introduces; <see cref="RuleAfter"/> draws a thin line under it (a letterhead).
/// </summary>
public sealed record PdfParagraph(
    string Text,
    PdfTextStyle Style = PdfTextStyle.Body,
    float SpaceBefore = 0,
    float Indent = 0,
    bool KeepWithNext = false,
    bool AlignRight = false,
    bool RuleAfter = false);

/// <summary>What a PDF says about itself (its document information).</summary>
public sealed record PdfInfo(string Title, string Author, string? Subject = null, string Creator = "Agora");

/// <summary>
/// A plain A4 text document written with SkiaSharp (<see cref="SKDocument.CreatePdf(Stream, SKDocumentPdfMetadata)"/>):
/// paragraphs laid out top to bottom, wrapped to the width, broken across pages, a footer on each page
/// (given the page number and the page count). The text is real text (selectable, searchable) in the embedded
/// <see cref="LetterFonts"/>.
/// </summary>
public static class PdfText
{
    // A4 in points (1/72 in).
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    private const float Left = 68, Right = 62, Top = 54, Bottom = 72;
    private const float FooterBaseline = PageHeight - 40;
    private const float LineSpacing = 1.36f;

    private sealed record Line(string Text, PdfTextStyle Style, float X, float Baseline);

    private sealed record Page(List<Line> Lines, List<float> Rules);

    public static byte[] Write(PdfInfo info, IReadOnlyList<PdfParagraph> paragraphs, Func<int, int, string> footer, DateTime created)
    {
        using var regular = new SKFont(LetterFonts.Regular);
        using var bold = new SKFont(LetterFonts.Bold);
        SKFont Font(PdfTextStyle style)
        {
            var font = style is PdfTextStyle.Bold or PdfTextStyle.Title or PdfTextStyle.Heading ? bold : regular;
            font.Size = Size(style);
            return font;
        }

        var pages = Layout(paragraphs, Font);

        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Subject = info.Subject ?? "",
            Creator = info.Creator,
            Producer = "Agora (SkiaSharp)",
            Creation = created,
            Modified = created,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                Draw(document.BeginPage(PageWidth, PageHeight), pages[i], footer(i + 1, pages.Count), Font);
                document.EndPage();
            }
            document.Close();
        }
        return output.ToArray();
    }

    private static void Draw(SKCanvas canvas, Page page, string footer, Func<PdfTextStyle, SKFont> font)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true, StrokeWidth = 0.6f };
        foreach (var line in page.Lines)
            canvas.DrawText(line.Text, line.X, line.Baseline, font(line.Style), ink);
        foreach (var y in page.Rules)
            canvas.DrawLine(Left, y, PageWidth - Right, y, grey);
        var small = font(PdfTextStyle.Small);
        canvas.DrawLine(Left, FooterBaseline - 14, PageWidth - Right, FooterBaseline - 14, grey);
        canvas.DrawText(Fit(Clean(footer), small, PageWidth - Left - Right), Left, FooterBaseline, small, grey);
    }

    private static float Size(PdfTextStyle style) => style switch
    {
        PdfTextStyle.Title => 16,
        PdfTextStyle.Heading => 11,
        PdfTextStyle.Small => 8.5f,
        _ => 10,
    };

    private static List<Page> Layout(IReadOnlyList<PdfParagraph> paragraphs, Func<PdfTextStyle, SKFont> font)
    {
        var width = PageWidth - Left - Right;
        var pages = new List<Page> { new([], []) };
        var y = Top; // top of the next line
        var wrapped = paragraphs.Select(p => Wrap(Clean(p.Text), font(p.Style), width - p.Indent)).ToList();

        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var lineHeight = Size(p.Style) * LineSpacing;
            var atTop = pages[^1].Lines.Count == 0 && pages[^1].Rules.Count == 0;
            if (!atTop) y += p.SpaceBefore;

            // A heading (or a short paragraph kept with the next) goes to the next page with the first line of what follows.
            if (p.KeepWithNext && !atTop)
            {
                var needed = wrapped[i].Count * lineHeight;
                if (i + 1 < paragraphs.Count)
                    needed += paragraphs[i + 1].SpaceBefore + Size(paragraphs[i + 1].Style) * LineSpacing;
                if (y + needed > PageHeight - Bottom)
                {
                    pages.Add(new([], []));
                    y = Top;
                }
            }

            var f = font(p.Style);
            var ascent = -f.Metrics.Ascent;
            foreach (var text in wrapped[i])
            {
                if (y + lineHeight > PageHeight - Bottom && pages[^1].Lines.Count > 0)
                {
                    pages.Add(new([], []));
                    y = Top;
                }
                var x = Left + p.Indent;
                if (p.AlignRight) x = PageWidth - Right - f.MeasureText(text);
                if (text.Length > 0) pages[^1].Lines.Add(new Line(text, p.Style, x, y + ascent));
                else if (pages[^1].Lines.Count == 0) continue; // no blank line at the top of a page
                y += lineHeight;
            }
            if (p.RuleAfter)
            {
                pages[^1].Rules.Add(y + 2);
                y += 8;
            }
        }
        return pages;
    }

    /// <summary>The lines of a text at a width: its own line breaks, then wrapping at spaces, a too-long word broken.</summary>
    internal static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var source in text.Split('\n'))
        {
            var current = "";
            foreach (var word in source.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current);
                    current = "";
                }
                // The word alone: break it between text elements (never inside a surrogate pair or before a combining mark).
                var chunk = new StringBuilder();
                var elements = StringInfo.GetTextElementEnumerator(word);
                while (elements.MoveNext())
                {
                    var element = elements.GetTextElement();
                    if (chunk.Length > 0 && font.MeasureText(chunk + element) > width)
                    {
                        lines.Add(chunk.ToString());
                        chunk.Clear();
                    }
                    chunk.Append(element);
                }
                current = chunk.ToString();
            }
            lines.Add(current.TrimEnd());
        }
        return lines;
    }

    /// <summary>One line, cut with an ellipsis when it is wider than <paramref name="width"/>.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        text = text.Replace('\n', ' ');
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText(text + "…") > width) text = text[..^1];
        return text + "…";
    }

    /// <summary>NFC (one glyph for "å" however it was typed), \n line breaks, tabs as spaces, no other control characters.</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        text = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\t', ' ').Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (c == '\n' || !char.IsControl(c)) sb.Append(c);
        return sb.ToString();
    }
}
