using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Web.Platform.Errors;

namespace Agora.Web.Features.Requests;

/// <summary>
/// A request's answers as stored: a JSON object of field key to value. Texts, choices, dates (yyyy-MM-dd) and numbers
/// (invariant) are strings, multiple choices arrays of strings, groups arrays of objects of the same. Files are not
/// answers: they are <see cref="RequestFile"/>s under the field's key.
/// </summary>
public static class RequestAnswers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static RequestForm ReadForm(string json) => JsonSerializer.Deserialize<RequestForm>(json, Json)!;

    public static string WriteForm(RequestForm form) => JsonSerializer.Serialize(form, Json);

    public static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>The defaults of the form's choices, for a new draft.</summary>
    public static JsonObject Defaults(RequestForm form)
    {
        var answers = new JsonObject();
        foreach (var f in form.Fields.Where(f => f.Default is not null && f.Kind == FieldKind.Choice)) answers[f.Key] = f.Default;
        return answers;
    }

    public static string? Text(JsonObject answers, string key) => answers[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IReadOnlyList<string> Many(JsonObject answers, string key) =>
        answers[key] is JsonArray a ? a.OfType<JsonValue>().Select(x => x.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() : [];

    public static IReadOnlyList<JsonObject> Rows(JsonObject answers, string key) => answers[key] is JsonArray a ? a.OfType<JsonObject>().ToList() : [];

    /// <summary>
    /// The answers posted by the edit page: "a.{key}" (several values for a multiple choice) and "a.{group}.{row}.{key}"
    /// for groups; rows left empty are dropped. Unknown names are ignored.
    /// </summary>
    public static JsonObject FromForm(RequestForm form, Func<string, IReadOnlyList<string>> posted)
    {
        var answers = new JsonObject();
        foreach (var field in form.Fields) Read(field, "a." + field.Key, answers, posted);
        return answers;
    }

    private static void Read(RequestField field, string name, JsonObject into, Func<string, IReadOnlyList<string>> posted)
    {
        switch (field.Kind)
        {
            case FieldKind.File:
                return;
            case FieldKind.MultiChoice:
                var values = posted(name).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
                if (values.Count > 0) into[field.Key] = new JsonArray(values.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
                return;
            case FieldKind.Group:
                var rows = new JsonArray();
                for (var i = 0; i < RequestFormRules.MaxRepeats; i++)
                {
                    var row = new JsonObject();
                    foreach (var sub in field.Fields ?? []) Read(sub, $"{name}.{i}.{sub.Key}", row, posted);
                    if (row.Count > 0) rows.Add(row);
                }
                if (rows.Count > 0) into[field.Key] = rows;
                return;
            default:
                var text = posted(name).FirstOrDefault();
                if (!string.IsNullOrWhiteSpace(text)) into[field.Key] = text;
                return;
        }
    }

    /// <summary>The answers sent to the API, kept to the form's fields and shapes (values become strings).</summary>
    public static JsonObject FromJson(RequestForm form, JsonObject? input)
    {
        var answers = new JsonObject();
        if (input is null) return answers;
        foreach (var field in form.Fields) Copy(field, input[field.Key], answers);
        return answers;
    }

    private static void Copy(RequestField field, JsonNode? value, JsonObject into)
    {
        if (value is null || field.Kind == FieldKind.File) return;
        switch (field.Kind)
        {
            case FieldKind.MultiChoice when value is JsonArray a:
                var values = a.Select(Scalar).OfType<string>().Where(s => s.Length > 0).Distinct().ToList();
                if (values.Count > 0) into[field.Key] = new JsonArray(values.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
                break;
            case FieldKind.Group when value is JsonArray a:
                var rows = new JsonArray();
                foreach (var item in a.OfType<JsonObject>().Take(RequestFormRules.MaxRepeats + 1))
                {
                    var row = new JsonObject();
                    foreach (var sub in field.Fields ?? []) Copy(sub, item[sub.Key], row);
                    if (row.Count > 0) rows.Add(row);
                }
                if (rows.Count > 0) into[field.Key] = rows;
                break;
            case FieldKind.MultiChoice or FieldKind.Group:
                into[field.Key] = "\u0000"; // the wrong shape: reported as not valid
                break;
            default:
                if (Scalar(value) is { Length: > 0 } s) into[field.Key] = s;
                break;
        }
    }

    private static string? Scalar(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s.Trim()
        : v.TryGetValue<decimal>(out var d) ? d.ToString(CultureInfo.InvariantCulture)
        : v.TryGetValue<bool>(out var b) ? (b ? "yes" : "no") : null
        : null;

    /// <summary>
    /// Checks the answers against the form: shapes, lengths, options, dates and numbers always; what is required only
    /// when submitting (a draft may be incomplete). Errors go under <paramref name="prefix"/> + the field's key
    /// ("{group}.{row}.{key}" inside groups). <paramref name="files"/> are the keys of the file fields that have documents.
    /// </summary>
    public static void Validate(RequestForm form, JsonObject answers, IReadOnlySet<string> files, bool submitting, Validator v, string prefix)
    {
        foreach (var field in form.Fields) Check(field, answers, answers, files, submitting, v, prefix + field.Key);
    }

    private static void Check(RequestField field, JsonObject scope, JsonObject all, IReadOnlySet<string> files, bool submitting, Validator v, string name)
    {
        var required = field.Required || (field.RequiredIf is { } when && Answered(all, when.Field).Intersect(when.Values).Any());
        var node = scope[field.Key];
        switch (field.Kind)
        {
            case FieldKind.File:
                if (submitting && required && !files.Contains(field.Key)) v.Add(name, "Requests.FileRequired");
                return;
            case FieldKind.Group:
                if (node is not null and not JsonArray) { v.Add(name, "Validation.Invalid"); return; }
                var rows = node is JsonArray a ? a.OfType<JsonObject>().ToList() : [];
                if (rows.Count > RequestFormRules.MaxRepeats) v.Add(name, "Requests.TooManyRows", RequestFormRules.MaxRepeats);
                if (submitting && required && rows.Count == 0) v.Add(name, "Requests.RowRequired");
                for (var i = 0; i < rows.Count && i < RequestFormRules.MaxRepeats; i++)
                    foreach (var sub in field.Fields ?? []) Check(sub, rows[i], all, files, submitting, v, $"{name}.{i}.{sub.Key}");
                return;
            case FieldKind.MultiChoice:
                if (node is not null and not JsonArray) { v.Add(name, "Validation.Invalid"); return; }
                var chosen = node is JsonArray m ? m.Select(x => x?.GetValue<string>()).ToList() : [];
                if (chosen.Any(c => field.Options?.Any(o => o.Key == c) != true)) v.Add(name, "Validation.Invalid");
                else if (submitting && required && chosen.Count == 0) v.Add(name, "Validation.Required");
                return;
        }
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node is null ? null : "\u0000";
        if (text is null)
        {
            if (submitting && required) v.Add(name, "Validation.Required");
            return;
        }
        switch (field.Kind)
        {
            case FieldKind.Choice when field.Options?.Any(o => o.Key == text) != true:
            case FieldKind.Date when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
            case FieldKind.Number when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _):
                v.Add(name, "Validation.Invalid");
                return;
            case FieldKind.Text or FieldKind.LongText:
                var max = field.MaxLength ?? (field.Kind == FieldKind.Text ? RequestFormRules.TextLength : RequestFormRules.LongTextLength);
                v.Text(name, text, max, required: false, multiline: field.Kind == FieldKind.LongText);
                return;
        }
    }

    /// <summary>What a choice or multiple choice was answered with (empty when not).</summary>
    private static IEnumerable<string> Answered(JsonObject answers, string key) =>
        answers[key] switch
        {
            JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>(),
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
}
