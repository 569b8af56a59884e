using System.Text.Json;
using Agora.Web.Platform.Errors;

namespace Agora.Web.Features.Network;

/// <summary>Kinds of harvest failure; people see "Network.Feed.Error.{code}".</summary>
public static class HarvestErrors
{
    public const string Address = "address";
    public const string Network = "network";
    public const string Timeout = "timeout";
    public const string Status = "status";
    public const string Redirect = "redirect";
    public const string ContentType = "content-type";
    public const string TooLarge = "too-large";
    public const string Malformed = "malformed";
    public const string Schema = "schema";
    public const string TooManyPages = "too-many-pages";

    public static readonly string[] All = [Address, Network, Timeout, Status, Redirect, ContentType, TooLarge, Malformed, Schema, TooManyPages];
}

/// <summary>A harvest that cannot go on: a code of <see cref="HarvestErrors"/> and the detail for the admin.</summary>
public sealed class HarvestException(string code, string detail) : Exception(detail)
{
    public string Code { get; } = code;
}

/// <summary>
/// Reads one page of another installation's plain JSON feed strictly: parsed into <see cref="FeedDocument"/> (required
/// members, no nulls where none are allowed, enums only by name), then every service checked for lengths, ranges,
/// vocabulary keys and absolute http(s) links. Anything wrong refuses the whole page: a harvest keeps all or nothing.
/// Unknown members are ignored, so a newer installation may add fields.
/// </summary>
public static class FeedReader
{
    public static FeedDocument Read(ReadOnlySpan<byte> json)
    {
        FeedDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<FeedDocument>(json, FeedFormat.Json);
        }
        catch (JsonException e)
        {
            // Syntax errors and shape errors both end here; a reader of JSON tells them apart by whether the text parses at all.
            throw IsWellFormed(json)
                ? new HarvestException(HarvestErrors.Schema, "Not the feed's shape: " + e.Message)
                : new HarvestException(HarvestErrors.Malformed, "Not JSON: " + e.Message);
        }
        if (doc is null) throw new HarvestException(HarvestErrors.Schema, "Not the feed's shape: the document is null.");
        var problems = Check(doc);
        if (problems.Count > 0) throw new HarvestException(HarvestErrors.Schema, "Not the feed's shape: " + string.Join("; ", problems.Take(5)));
        return doc;
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static List<string> Check(FeedDocument doc)
    {
        var problems = new List<string>();
        if (doc.Format != FeedFormat.Name) problems.Add($"format is '{Short(doc.Format)}', expected '{FeedFormat.Name}'");
        if (doc.Page < 1 || doc.PageSize is < 1 or > 1000 || doc.TotalItems < 0) problems.Add("page, pageSize or totalItems out of range");
        if (doc.Services.Count > 1000) problems.Add("more than 1000 services on a page");
        if (doc.Next is { } next && !IsHttpUrl(next)) problems.Add("next is not an absolute http(s) URL");
        for (var i = 0; i < doc.Services.Count && problems.Count < 10; i++)
        {
            var s = doc.Services[i];
            var at = $"services[{i}]";
            if (s is null) { problems.Add(at + " is null"); continue; }
            if (s.Id < 1) problems.Add(at + ".id must be positive");
            if (!IsHttpUrl(s.Url)) problems.Add(at + ".url is not an absolute http(s) URL");
            if (!Enum.IsDefined(s.Category)) problems.Add(at + ".category is unknown");
            else if (!NetworkTaxonomy.IsSubType(s.Category, s.SubType)) problems.Add($"{at}.subType '{Short(s.SubType)}' is not a sub-type of {s.Category}");
            if (s.Audiences.Any(a => !Enum.IsDefined(a) || a == ServiceAudience.None)) problems.Add(at + ".audiences has an unknown value");
            if (s.Delivery.Any(d => !Enum.IsDefined(d) || d == DeliveryModes.None)) problems.Add(at + ".delivery has an unknown value");
            if (!Enum.IsDefined(s.PriceModel)) problems.Add(at + ".priceModel is unknown");
            if (s.Technologies.FirstOrDefault(k => !NetworkTaxonomy.Technologies.Contains(k)) is { } tech) problems.Add($"{at}.technologies has unknown key '{Short(tech)}'");
            if (s.Sectors.FirstOrDefault(k => !NetworkTaxonomy.Sectors.Contains(k)) is { } sector) problems.Add($"{at}.sectors has unknown key '{Short(sector)}'");
            if (s.TrlMin is < 1 or > 9 || s.TrlMax is < 1 or > 9 || s.TrlMin > s.TrlMax) problems.Add(at + ".trlMin/trlMax out of 1–9");
            if (s.IndicativePrice is < 0 or > 9_999_999_999m) problems.Add(at + ".indicativePrice out of range");
            if (s.Currency.Length != 3 || !s.Currency.All(char.IsAsciiLetterUpper)) problems.Add(at + ".currency is not an ISO 4217 code");
            if (s.LeadTimeDays is < 0 or > 3650) problems.Add(at + ".leadTimeDays out of range");
            if (s.Languages.Count > 10 || s.Languages.Any(l => !IsCulture(l))) problems.Add(at + ".languages has an invalid culture");
            if (!IsCulture(s.DefaultCulture)) problems.Add(at + ".defaultCulture is invalid");
            if (s.Texts.Count is < 1 or > 10) problems.Add(at + ".texts must hold 1 to 10 languages");
            foreach (var t in s.Texts)
            {
                if (t is null || !IsCulture(t.Culture)) { problems.Add(at + ".texts has an invalid culture"); continue; }
                if (!IsText(t.Title, 200, false) || t.Title.Length == 0) problems.Add(at + ".texts.title empty, too long or with control characters");
                if (!IsText(t.Summary, 500, false)) problems.Add(at + ".texts.summary too long or with control characters");
                if (!IsText(t.Description, 8000, true)) problems.Add(at + ".texts.description too long or with control characters");
            }
            if (s.Texts.Select(t => t?.Culture).Distinct(StringComparer.OrdinalIgnoreCase).Count() != s.Texts.Count) problems.Add(at + ".texts repeats a culture");
            var p = s.Provider;
            if (p is null) { problems.Add(at + ".provider is missing"); continue; }
            if (!IsText(p.Name, 200, false) || p.Name.Length == 0) problems.Add(at + ".provider.name empty or too long");
            if (!IsText(p.Slug, 60, false) || !IsText(p.LegalName, 200, false)) problems.Add(at + ".provider.slug or legalName too long");
            if (!IsHttpUrl(p.Url) || !IsHttpUrl(p.ContactPage) || (p.Website is { } w && !IsHttpUrl(w))) problems.Add(at + ".provider has a link that is not absolute http(s)");
            if (p.Country.Length != 2 || !p.Country.All(char.IsAsciiLetterUpper)) problems.Add(at + ".provider.country is not a two-letter code");
            if (p.Regions.Count > 40 || p.Regions.Any(r => r is null || r.Length is < 3 or > 5 || !r.All(char.IsAsciiLetterOrDigit))) problems.Add(at + ".provider.regions has an invalid NUTS code");
            if (s.Partners.Count > 40 || s.Partners.Any(h => h is null || !IsText(h.Name, 200, false))) problems.Add(at + ".partners invalid");
        }
        if (doc.Services.Where(s => s is not null).Select(s => s.Id).Distinct().Count() != doc.Services.Count(s => s is not null)) problems.Add("a service id is repeated");
        return problems;
    }

    private static bool IsHttpUrl(string? value) =>
        value is { Length: > 0 and <= 500 } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsCulture(string? value) =>
        value is { Length: >= 2 and <= 10 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsText(string? value, int max, bool multiline) =>
        value is not null && value.Length <= max && !Validator.HasControlCharacters(value, multiline);

    private static string Short(string? value) => value is null ? "null" : value.Length > 40 ? value[..40] + "…" : value;
}
