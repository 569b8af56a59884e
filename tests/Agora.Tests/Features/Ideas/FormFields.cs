using AngleSharp.Html.Dom;

namespace Agora.Tests.Features.Ideas;

/// <summary>What a browser would post from a form as it is shown: every filled field, checked box and selected option.</summary>
public static class FormFields
{
    public static List<KeyValuePair<string, string>> Read(IHtmlDocument doc, string formSelector)
    {
        var form = doc.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var e in form.Elements)
        {
            switch (e)
            {
                case IHtmlInputElement { Type: "hidden" }:
                    break; // PageClient adds hidden fields itself
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    values.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "text" or "email" or "search" or "number" } input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && select.Options.Length > 0) chosen.Add(select.Options[0]!);
                    foreach (var o in chosen) values.Add(new(select.Name!, o.Value));
                    break;
            }
        }
        return values;
    }

    /// <summary>Replaces (or adds) the values of one field.</summary>
    public static List<KeyValuePair<string, string>> Set(this List<KeyValuePair<string, string>> fields, string name, params string[] values)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return fields;
    }
}
