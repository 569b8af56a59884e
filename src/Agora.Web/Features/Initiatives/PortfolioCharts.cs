using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Agora.Web.Features.Initiatives;

/// <summary>
/// Charts as inline SVG built on the server: no script, no style attribute (the CSP allows neither), only presentation
/// attributes. Each is an image with a title and a description that states its figures; the page shows the same
/// figures in a table next to it. Colours are the site's, at least 4.5:1 on white for text and 3:1 for shapes.
/// </summary>
public static class PortfolioCharts
{
    private const string Ink = "#1b1f24";
    private const string Muted = "#4a5360";
    private const string Brand = "#0b5394";
    private const string Soft = "#f3f6f9";
    private const string Line = "#c9d1da";

    /// <summary>A bar: its label, its length and the text shown at its end.</summary>
    public sealed record Bar(string Label, double Value, string ValueText);

    /// <summary>A bubble of the Verganti chart: the number it is shown with, its quadrant and its planned budget.</summary>
    public sealed record Bubble(int Number, bool NewTechnology, bool NewMeaning, decimal Planned);

    /// <summary>The texts of the Verganti chart, in the reader's language.</summary>
    public sealed record VergantiLabels(string Technology, string Meaning, string EverydayImprovement, string TechnologyDriven, string MeaningDriven, string Epiphany);

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void Open(StringBuilder sb, string id, string title, string description, int width, int height) =>
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" focusable=\"false\" preserveAspectRatio=\"xMinYMin meet\"")
            .Append(" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\">")
            .Append("<title id=\"").Append(id).Append("-title\">").Append(E(title)).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(E(description)).Append("</desc>");

    private static void Text(StringBuilder sb, double x, double y, string text, string anchor = "start", int size = 13, string fill = Ink, string? extra = null) =>
        sb.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" text-anchor=\"").Append(anchor)
            .Append("\" font-size=\"").Append(size).Append("\" fill=\"").Append(fill).Append('"').Append(extra is null ? "" : " " + extra).Append('>')
            .Append(E(text)).Append("</text>");

    /// <summary>Horizontal bars, one row per item, the longest as wide as the plot.</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<Bar> bars)
    {
        const int width = 640, label = 230, value = 80, row = 30, pad = 8;
        var height = pad * 2 + Math.Max(1, bars.Count) * row;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var plot = width - label - value;
        var sb = new StringBuilder();
        Open(sb, id, title, description, width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = pad + i * row;
            var length = max <= 0 ? 0 : Math.Max(bars[i].Value > 0 ? 2 : 0, plot * bars[i].Value / max);
            Text(sb, label - 8, y + row / 2 + 4, Short(bars[i].Label, 34), "end");
            sb.Append("<rect x=\"").Append(label).Append("\" y=\"").Append(y + 5).Append("\" width=\"").Append(N(length)).Append("\" height=\"")
                .Append(row - 10).Append("\" fill=\"").Append(Brand).Append("\"/>");
            Text(sb, label + length + 6, y + row / 2 + 4, bars[i].ValueText);
        }
        sb.Append("<line x1=\"").Append(label).Append("\" y1=\"").Append(pad).Append("\" x2=\"").Append(label).Append("\" y2=\"").Append(height - pad)
            .Append("\" stroke=\"").Append(Muted).Append("\" stroke-width=\"1\"/>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>
    /// Verganti's 2×2: technology (existing left, new right) by meaning (existing below, new above). In each quadrant
    /// the bubbles sit on a grid; a bubble's area is proportional to its planned budget, with a minimum radius.
    /// </summary>
    public static IHtmlContent Verganti(string id, string title, string description, VergantiLabels labels, IReadOnlyList<Bubble> bubbles)
    {
        const int width = 640, height = 480, left = 40, top = 10, right = 630, bottom = 430;
        const double minRadius = 6;
        var midX = (left + right) / 2.0;
        var midY = (top + bottom) / 2.0;
        var qw = midX - left;
        var qh = midY - top;
        var sb = new StringBuilder();
        Open(sb, id, title, description, width, height);
        // Quadrants: the "new meaning" row tinted, the rest white, framed.
        sb.Append("<rect x=\"").Append(left).Append("\" y=\"").Append(top).Append("\" width=\"").Append(N(right - left)).Append("\" height=\"").Append(N(qh))
            .Append("\" fill=\"").Append(Soft).Append("\"/>");
        sb.Append("<rect x=\"").Append(left).Append("\" y=\"").Append(top).Append("\" width=\"").Append(N(right - left)).Append("\" height=\"").Append(N(bottom - top))
            .Append("\" fill=\"none\" stroke=\"").Append(Muted).Append("\"/>");
        sb.Append("<line x1=\"").Append(N(midX)).Append("\" y1=\"").Append(top).Append("\" x2=\"").Append(N(midX)).Append("\" y2=\"").Append(bottom)
            .Append("\" stroke=\"").Append(Line).Append("\"/>");
        sb.Append("<line x1=\"").Append(left).Append("\" y1=\"").Append(N(midY)).Append("\" x2=\"").Append(right).Append("\" y2=\"").Append(N(midY))
            .Append("\" stroke=\"").Append(Line).Append("\"/>");
        Text(sb, left + 8, midY + 20, labels.EverydayImprovement);
        Text(sb, midX + 8, midY + 20, labels.TechnologyDriven);
        Text(sb, left + 8, top + 20, labels.MeaningDriven);
        Text(sb, midX + 8, top + 20, labels.Epiphany);
        Text(sb, midX, bottom + 30, labels.Technology, "middle");
        Text(sb, 0, 0, labels.Meaning, "middle", extra: $"transform=\"translate(20 {N(midY)}) rotate(-90)\"");

        // Lay out each quadrant's bubbles on a grid below its label; one scale for the whole chart.
        var groups = bubbles.GroupBy(b => (b.NewTechnology, b.NewMeaning)).ToList();
        var cells = groups.ToDictionary(g => g.Key, g =>
        {
            var n = g.Count();
            var cols = (int)Math.Ceiling(Math.Sqrt(n));
            var rows = (int)Math.Ceiling(n / (double)cols);
            return (Cols: cols, W: qw / cols, H: (qh - 30) / rows);
        });
        var maxRadius = cells.Count == 0 ? 0 : Math.Min(60, cells.Values.Min(c => Math.Min(c.W, c.H) / 2 - 3));
        maxRadius = Math.Max(maxRadius, minRadius);
        var maxPlanned = bubbles.Count == 0 ? 0 : bubbles.Max(b => b.Planned);
        foreach (var g in groups)
        {
            var cell = cells[g.Key];
            var x0 = g.Key.NewTechnology ? midX : left;
            var y0 = (g.Key.NewMeaning ? top : midY) + 30;
            var i = 0;
            foreach (var b in g)
            {
                var cx = x0 + (i % cell.Cols + 0.5) * cell.W;
                var cy = y0 + (i / cell.Cols + 0.5) * cell.H;
                var r = maxPlanned <= 0 || b.Planned <= 0 ? minRadius : Math.Max(minRadius, maxRadius * Math.Sqrt((double)(b.Planned / maxPlanned)));
                sb.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" r=\"").Append(N(r)).Append("\" fill=\"").Append(Brand)
                    .Append("\" fill-opacity=\"0.75\" stroke=\"").Append(Ink).Append("\" stroke-width=\"1\"/>");
                Text(sb, cx, cy - r - 4, b.Number.ToString(CultureInfo.InvariantCulture), "middle", 12);
                i++;
            }
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
