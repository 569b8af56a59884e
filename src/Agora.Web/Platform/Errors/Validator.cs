using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Platform.Errors;

/// <summary>
/// Collects field errors in the person's language. Text is normalised (trimmed, NFC) and
/// refused when it carries control characters, so what is stored is what people typed.
/// </summary>
public sealed partial class Validator(IStringLocalizer<SharedResource> t)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string field, string key, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(t[key, args]);
    }

    /// <summary>A message in the person's language, for answers outside a field.</summary>
    public string Message(string key, params object[] args) => t[key, args];

    public static string Clean(string? value) =>
        (value ?? "").Normalize(NormalizationForm.FormC).Trim();

    /// <summary>Checks one text field and returns its cleaned value.</summary>
    public string Text(string field, string? value, int max, bool required = true, bool multiline = false, int min = 0)
    {
        var clean = Clean(value);
        if (multiline) clean = clean.Replace("\r\n", "\n");
        if (clean.Length == 0)
        {
            if (required) Add(field, "Validation.Required");
            return clean;
        }
        if (HasControlCharacters(clean, multiline)) Add(field, "Validation.ControlCharacters");
        else if (new StringInfo(clean).LengthInTextElements > max || clean.Length > max * 2) Add(field, "Validation.TooLong", max);
        else if (clean.Length < min) Add(field, "Validation.TooShort", min);
        return clean;
    }

    public string Slug(string field, string? value)
    {
        var clean = Clean(value).ToLowerInvariant();
        if (clean.Length == 0) Add(field, "Validation.Required");
        else if (clean.Length > 60 || !SlugPattern().IsMatch(clean)) Add(field, "Validation.Slug");
        return clean;
    }

    public string Email(string field, string? value)
    {
        var clean = Clean(value);
        if (clean.Length == 0) Add(field, "Validation.Required");
        else if (!IsEmail(clean)) Add(field, "Validation.Email");
        return clean;
    }

    public static bool IsEmail(string value) =>
        value.Length <= 254 && !HasControlCharacters(value, false) && !value.Contains(' ')
        && MailAddress.TryCreate(value, out var a) && a.Address == value && value.IndexOf('@') > 0
        && value[(value.IndexOf('@') + 1)..].Contains('.');

    public string? Url(string field, string? value)
    {
        var clean = Clean(value);
        if (clean.Length == 0) return null;
        if (clean.Length > 300 || !Uri.TryCreate(clean, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            Add(field, "Validation.Url");
        return clean;
    }

    /// <summary>Control and invisible format characters, unassigned code points and broken surrogates.</summary>
    public static bool HasControlCharacters(string value, bool allowNewlines)
    {
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var used) != System.Buffers.OperationStatus.Done) return true;
            span = span[used..];
            if (allowNewlines && (rune.Value == '\n' || rune.Value == '\t')) continue;
            var cat = Rune.GetUnicodeCategory(rune);
            if (cat is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse) return true;
            if (cat == UnicodeCategory.Format && rune.Value is not (0x200C or 0x200D)) return true;
        }
        return false;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
