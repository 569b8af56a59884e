using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Agora.Web.Platform.Http;

public static class PageSupport
{
    /// <summary>Copies use-case field errors ("displayName") onto the page's input model ("Input.DisplayName").</summary>
    /// <param name="key">Where a field's errors show (default <see cref="ErrorKey"/>: under the form's prefix).</param>
    public static void AddErrors(this ModelStateDictionary state, IDictionary<string, string[]> errors, string prefix = "Input",
        Func<string, string, string>? key = null)
    {
        foreach (var (field, messages) in errors)
            foreach (var m in messages) state.AddModelError((key ?? ErrorKey)(prefix, field), m);
    }

    /// <summary>Where a use case's error (a field name as in the request, e.g. "title") shows on a page: "Input.Title".</summary>
    public static string ErrorKey(string prefix, string field) =>
        field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_");
}

/// <summary>
/// Marks a form control invalid and links it to its message (WCAG 3.3.1): aria-invalid and
/// aria-describedby pointing at the &lt;field-error&gt; of the same field.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Client-side validation is not used; drop its data-val attributes.
        foreach (var a in output.Attributes.Where(a => a.Name.StartsWith("data-val", StringComparison.Ordinal)).ToList())
            output.Attributes.Remove(a);
        var name = For.Name;
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var id = PageSupport.FieldId(name) + "-error";
            var existing = output.Attributes["aria-describedby"]?.Value?.ToString();
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(existing) ? id : existing + " " + id);
        }
    }
}

/// <summary>&lt;field-error name="Input.Email" /&gt;: the field's messages, with the id its control points to.</summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("name")]
    public string Name { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = Name;
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", PageSupport.FieldId(name) + "-error");
        output.Attributes.SetAttribute("class", "field-error");
        output.Content.SetContent(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }
}

/// <summary>Links to other pages of a list, keeping the request's other query values.</summary>
public sealed record PagerModel(int Page, int PageCount, string Path, IQueryCollection Query)
{
    public string Url(int page)
    {
        var values = Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        values.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Path + Microsoft.AspNetCore.Http.QueryString.Create(values);
    }
}
