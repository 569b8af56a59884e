using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Agora.Web.Platform.Errors;

namespace Agora.Web.Features.Network;

/// <summary>A service's title, summary and description in one language, as written.</summary>
public sealed record ServiceTextInput(string? Title, string? Summary, string? Description);

/// <summary>
/// A service as a hub manager writes it (the page's form, the API's body). Vocabulary values are the stable keys
/// (<see cref="NetworkTaxonomy"/>, enum names); <see cref="Texts"/> are keyed by culture ("en", "pt-PT", "nb-NO");
/// <see cref="PartnerHubs"/> are hub slugs. <see cref="Version"/> is the version the writer saw (a stale one is refused);
/// <see cref="Note"/> says what changed.
/// </summary>
public sealed record ServiceInput
{
    public string? Category { get; init; }
    public string? SubType { get; init; }
    public List<string>? Audiences { get; init; }
    public List<string>? Technologies { get; init; }
    public List<string>? Sectors { get; init; }
    public int? TrlMin { get; init; }
    public int? TrlMax { get; init; }
    public string? PriceModel { get; init; }
    public decimal? IndicativePrice { get; init; }
    public string? Currency { get; init; }
    public List<string>? Delivery { get; init; }
    public List<string>? Languages { get; init; }
    public int? LeadTimeDays { get; init; }
    public List<string>? PartnerHubs { get; init; }
    public string? DefaultCulture { get; init; }
    public Dictionary<string, ServiceTextInput>? Texts { get; init; }
    public int? Version { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// The plain form of a service at one version: what a <see cref="CatalogueServiceVersion"/> keeps as JSON and what the
/// versions page compares field by field.
/// </summary>
public sealed record ServiceSnapshot(
    ServiceStatus Status, ServiceCategory Category, string SubType, string[] Audiences, string[] Technologies, string[] Sectors,
    int TrlMin, int TrlMax, PriceModel PriceModel, decimal? IndicativePrice, string Currency, string[] Delivery, string[] Languages,
    int? LeadTimeDays, string DefaultCulture, string[] PartnerHubs, Dictionary<string, ServiceTextInput> Texts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static ServiceSnapshot Of(CatalogueService s, IReadOnlyCollection<string> partnerSlugs) => new(
        s.Status, s.Category, s.SubType, ServiceVocabulary.AudienceKeys(s.Audiences), [.. Tags.Split(s.Technologies)], [.. Tags.Split(s.Sectors)],
        s.TrlMin, s.TrlMax, s.PriceModel, s.IndicativePrice, s.Currency, ServiceVocabulary.DeliveryKeys(s.Delivery), [.. Tags.Split(s.Languages)],
        s.LeadTimeDays, s.DefaultCulture, [.. partnerSlugs.Order(StringComparer.Ordinal)],
        s.Texts.OrderBy(t => t.Culture, StringComparer.Ordinal).ToDictionary(t => t.Culture, t => new ServiceTextInput(t.Title, t.Summary, t.Description)));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ServiceSnapshot? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ServiceSnapshot>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The same service as a form to edit.</summary>
    public ServiceInput ToInput(int version) => new()
    {
        Category = Category.ToString(), SubType = SubType, Audiences = [.. Audiences], Technologies = [.. Technologies], Sectors = [.. Sectors],
        TrlMin = TrlMin, TrlMax = TrlMax, PriceModel = PriceModel.ToString(), IndicativePrice = IndicativePrice, Currency = Currency,
        Delivery = [.. Delivery], Languages = [.. Languages], LeadTimeDays = LeadTimeDays, PartnerHubs = [.. PartnerHubs],
        DefaultCulture = DefaultCulture, Texts = new Dictionary<string, ServiceTextInput>(Texts), Version = version,
    };
}

/// <summary>The catalogue's fixed lists besides <see cref="NetworkTaxonomy"/>: the cultures of its texts and the languages services are delivered in.</summary>
public static partial class ServiceVocabulary
{
    /// <summary>The cultures a service's texts are written in (Agora's three).</summary>
    public static readonly string[] TextCultures = ["en", "pt-PT", "nb-NO"];

    /// <summary>Languages a service may be delivered in (culture names; people see their native names).</summary>
    public static readonly string[] Languages = ["en", "pt-PT", "nb-NO", "es", "fr", "de", "sv", "da"];

    public static readonly ServiceAudience[] AudienceValues = [ServiceAudience.Sme, ServiceAudience.SmallMidCap, ServiceAudience.PublicSector];
    public static readonly DeliveryModes[] DeliveryValues = [DeliveryModes.OnSite, DeliveryModes.Remote, DeliveryModes.CrossBorder];

    public const int MaxLeadTimeDays = 365;
    public const decimal MaxPrice = 9_999_999_999m;

    public static string[] AudienceKeys(ServiceAudience a) => AudienceValues.Where(x => a.HasFlag(x)).Select(x => x.ToString()).ToArray();
    public static string[] DeliveryKeys(DeliveryModes d) => DeliveryValues.Where(x => d.HasFlag(x)).Select(x => x.ToString()).ToArray();

    /// <summary>A language's own name ("português (Portugal)"), from the platform's culture data.</summary>
    public static string LanguageName(string culture) => CultureInfo.GetCultureInfo(culture).NativeName;

    [GeneratedRegex("^[A-Z]{3}$")]
    public static partial Regex CurrencyPattern();
}

/// <summary>Checks a <see cref="ServiceInput"/> and writes it onto a service (field errors in the person's language).</summary>
internal static class ServiceRules
{
    public const int TitleMax = 200;
    public const int SummaryMax = 500;
    public const int DescriptionMax = 8000;
    public const int NoteMax = 500;

    /// <summary>The error field of a text: "texts.pt-PT.title".</summary>
    public static string TextField(string culture, string field) => $"texts.{culture}.{field}";

    /// <summary>Writes everything but the partners (the caller checks those against the network) onto <paramref name="s"/>.</summary>
    public static void Apply(CatalogueService s, ServiceInput input, Validator v)
    {
        if (!TryEnum<ServiceCategory>(input.Category, out var category)) v.Add("category", input.Category is null ? "Validation.Required" : "Validation.Invalid");
        else s.Category = category;
        var subType = Validator.Clean(input.SubType);
        if (subType.Length == 0) v.Add("subType", "Validation.Required");
        else if (TryEnum<ServiceCategory>(input.Category, out _) && !NetworkTaxonomy.IsSubType(category, subType)) v.Add("subType", "Network.Catalogue.SubTypeOfOther");
        s.SubType = subType;

        var audiences = ServiceAudience.None;
        foreach (var a in input.Audiences ?? [])
        {
            if (TryEnum<ServiceAudience>(a, out var one) && ServiceVocabulary.AudienceValues.Contains(one)) audiences |= one;
            else v.Add("audiences", "Validation.Invalid");
        }
        if (audiences == ServiceAudience.None && (input.Audiences ?? []).Count == 0) v.Add("audiences", "Network.Catalogue.AudienceRequired");
        s.Audiences = audiences;

        s.Technologies = Vocabulary(v, "technologies", input.Technologies, NetworkTaxonomy.Technologies);
        s.Sectors = Vocabulary(v, "sectors", input.Sectors, NetworkTaxonomy.Sectors);
        s.Languages = Vocabulary(v, "languages", input.Languages, ServiceVocabulary.Languages);

        var min = input.TrlMin ?? 1;
        var max = input.TrlMax ?? 9;
        if (min is < 1 or > 9) v.Add("trlMin", "Validation.Range", 1, 9);
        if (max is < 1 or > 9) v.Add("trlMax", "Validation.Range", 1, 9);
        else if (min is >= 1 and <= 9 && min > max) v.Add("trlMax", "Network.Catalogue.TrlOrder");
        s.TrlMin = min;
        s.TrlMax = max;

        if (!TryEnum<PriceModel>(input.PriceModel, out var price)) v.Add("priceModel", input.PriceModel is null ? "Validation.Required" : "Validation.Invalid");
        s.PriceModel = price;
        if (input.IndicativePrice is { } amount && (amount < 0 || amount > ServiceVocabulary.MaxPrice)) v.Add("indicativePrice", "Validation.Range", 0, ServiceVocabulary.MaxPrice);
        if (price == PriceModel.Paid && input.IndicativePrice is null) v.Add("indicativePrice", "Network.Catalogue.PriceRequired");
        // A free service has no price: whatever the form still held is dropped.
        s.IndicativePrice = price == PriceModel.Free ? null : input.IndicativePrice is { } p ? decimal.Round(p, 2) : null;
        var currency = Validator.Clean(input.Currency).ToUpperInvariant();
        if (currency.Length == 0) currency = "EUR";
        if (!ServiceVocabulary.CurrencyPattern().IsMatch(currency)) v.Add("currency", "Network.Catalogue.Currency");
        s.Currency = currency;

        var delivery = DeliveryModes.None;
        foreach (var d in input.Delivery ?? [])
        {
            if (TryEnum<DeliveryModes>(d, out var one) && ServiceVocabulary.DeliveryValues.Contains(one)) delivery |= one;
            else v.Add("delivery", "Validation.Invalid");
        }
        if (delivery == DeliveryModes.None && (input.Delivery ?? []).Count == 0) v.Add("delivery", "Network.Catalogue.DeliveryRequired");
        s.Delivery = delivery;

        if (input.LeadTimeDays is < 0 or > ServiceVocabulary.MaxLeadTimeDays) v.Add("leadTimeDays", "Validation.Range", 0, ServiceVocabulary.MaxLeadTimeDays);
        s.LeadTimeDays = input.LeadTimeDays;

        var defaultCulture = string.IsNullOrWhiteSpace(input.DefaultCulture) ? "en" : input.DefaultCulture.Trim();
        if (!ServiceVocabulary.TextCultures.Contains(defaultCulture)) { v.Add("defaultCulture", "Validation.Invalid"); defaultCulture = "en"; }
        s.DefaultCulture = defaultCulture;

        var texts = input.Texts ?? [];
        if (texts.Keys.Any(k => !ServiceVocabulary.TextCultures.Contains(k))) v.Add("texts", "Validation.Invalid");
        foreach (var culture in ServiceVocabulary.TextCultures)
        {
            texts.TryGetValue(culture, out var t);
            var required = culture == defaultCulture;
            var given = !string.IsNullOrWhiteSpace(t?.Title) || !string.IsNullOrWhiteSpace(t?.Summary) || !string.IsNullOrWhiteSpace(t?.Description);
            var title = v.Text(TextField(culture, "title"), t?.Title, TitleMax, required: required || given);
            var summary = v.Text(TextField(culture, "summary"), t?.Summary, SummaryMax, required: required || given, multiline: true);
            var description = v.Text(TextField(culture, "description"), t?.Description, DescriptionMax, required: false, multiline: true);
            var existing = s.Texts.FirstOrDefault(x => x.Culture == culture);
            if (!required && !given)
            {
                if (existing is not null) s.Texts.Remove(existing);
                continue;
            }
            if (existing is null) s.Texts.Add(existing = new CatalogueServiceText { ServiceId = s.Id, Culture = culture });
            existing.Title = title;
            existing.Summary = summary;
            existing.Description = description;
        }
    }

    private static string Vocabulary(Validator v, string field, List<string>? keys, string[] allowed)
    {
        var list = (keys ?? []).Select(k => (k ?? "").Trim()).Where(k => k.Length > 0).Distinct().ToList();
        if (list.Any(k => !allowed.Contains(k))) v.Add(field, "Validation.Invalid");
        return Tags.Join(allowed.Where(list.Contains));
    }

    private static bool TryEnum<T>(string? value, out T result) where T : struct, Enum =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);
}
