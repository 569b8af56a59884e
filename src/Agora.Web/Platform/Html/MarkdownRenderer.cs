using Ganss.Xss;
using Markdig;

namespace Agora.Web.Platform.Html;

/// <summary>
/// Turns people's Markdown into HTML that is safe to show: raw HTML in the source is not
/// interpreted, and the output passes an allowlist sanitiser (no script, no event handlers,
/// no style, links only to http, https and mailto, opened without referrer or opener).
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[]
                 {
                     "p", "br", "strong", "em", "del", "ins", "mark", "code", "pre", "blockquote", "ul", "ol", "li",
                     "a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "sub", "sup",
                 })
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        s.AllowedAttributes.Add("href");
        s.AllowedAttributes.Add("title");
        s.AllowedAttributes.Add("start");
        s.AllowedCssProperties.Clear();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAtRules.Clear();
        s.AllowDataAttributes = false;
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a)
                a.SetAttribute("rel", "nofollow ugc noopener noreferrer");
        };
        _sanitizer = s;
    }

    /// <summary>Safe HTML for the Markdown source; headings start at h3 so they never compete with the page's own.</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdown.ToHtml(markdown, Pipeline);
        html = html.Replace("<h1", "<h3", StringComparison.Ordinal).Replace("</h1>", "</h3>", StringComparison.Ordinal)
            .Replace("<h2", "<h4", StringComparison.Ordinal).Replace("</h2>", "</h4>", StringComparison.Ordinal);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Plain text of the Markdown (for summaries, search and mail).</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();
}
