using System.Globalization;
using System.Text.Json.Nodes;
using Agora.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Network;

/// <summary>
/// The feed as JSON-LD (<c>/network/feed.jsonld</c>): a DCAT-AP 3 <c>dcat:Catalog</c> whose <c>dcat:record</c>s each have
/// a CPSV-AP 3.2 <c>cpsv:PublicService</c> as <c>foaf:primaryTopic</c>, paged with Hydra. The context is inline (no
/// document to fetch), and every key is a compact IRI of a prefix it defines, so a processor expands it without loss.
/// The terms used are listed in docs/catalogue-feed.md.
/// </summary>
public sealed class FeedJsonLd(IStringLocalizer<SharedResource> t)
{
    /// <summary>Agora's own terms and concepts: for what CPSV-AP and DCAT-AP have no term (TRL, technologies, price model).</summary>
    public const string AgoraNamespace = "urn:agora:network:";

    public static readonly JsonObject Context = new()
    {
        ["cpsv"] = "http://purl.org/vocab/cpsv#",
        ["cv"] = "http://data.europa.eu/m8g/",
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["hydra"] = "http://www.w3.org/ns/hydra/core#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["agora"] = AgoraNamespace,
    };

    /// <summary>EU Publications Office language authority codes for Agora's cultures.</summary>
    public static string LanguageIri(string culture) =>
        "http://publications.europa.eu/resource/authority/language/" + (culture.Split('-')[0].ToLowerInvariant() switch
        {
            "pt" => "POR",
            "nb" or "no" => "NOB",
            "nn" => "NNO",
            "en" => "ENG",
            "fr" => "FRA",
            "de" => "DEU",
            "es" => "SPA",
            "it" => "ITA",
            _ => "MUL",
        });

    public const string NutsPrefix = "http://data.europa.eu/nuts/code/";
    public const string CurrencyPrefix = "http://publications.europa.eu/resource/authority/currency/";

    public JsonObject Write(FeedDocument feed, string feedPath, string baseUrl)
    {
        var pageUrl = $"{baseUrl}{feedPath}?page={feed.Page}&pageSize={feed.PageSize}";
        var view = new JsonObject
        {
            ["@id"] = pageUrl,
            ["@type"] = "hydra:PartialCollectionView",
            ["hydra:first"] = Id($"{baseUrl}{feedPath}?page=1&pageSize={feed.PageSize}"),
            ["hydra:last"] = Id($"{baseUrl}{feedPath}?page={Math.Max(1, (feed.TotalItems + feed.PageSize - 1) / feed.PageSize)}&pageSize={feed.PageSize}"),
        };
        if (feed.Next is { } next) view["hydra:next"] = Id(next);
        if (feed.Previous is { } previous) view["hydra:previous"] = Id(previous);
        return new JsonObject
        {
            ["@context"] = Context.DeepClone(),
            ["@id"] = baseUrl + "/network/feed.jsonld",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Labels("Network.Feed.CatalogueTitle"),
            ["dct:description"] = Labels("Network.Feed.CatalogueDescription"),
            ["dct:publisher"] = new JsonObject
            {
                ["@id"] = feed.Publisher.Homepage,
                ["@type"] = "foaf:Agent",
                ["foaf:name"] = feed.Publisher.Name,
            },
            ["dct:modified"] = DateTime(feed.Modified),
            ["dct:language"] = new JsonArray(LocalizationSetup.Cultures.Select(c => (JsonNode)Id(LanguageIri(c))).ToArray()),
            ["foaf:homepage"] = Id(baseUrl + "/network/services"),
            ["hydra:totalItems"] = new JsonObject { ["@value"] = feed.TotalItems, ["@type"] = "xsd:integer" },
            ["hydra:view"] = view,
            ["dcat:record"] = new JsonArray(feed.Services.Select(s => (JsonNode)new JsonObject
            {
                ["@type"] = "dcat:CatalogRecord",
                ["dct:modified"] = DateTime(s.Modified),
                ["foaf:primaryTopic"] = Service(s),
            }).ToArray()),
        };
    }

    private JsonObject Service(FeedService s)
    {
        var hubIri = s.Provider.Url;
        var service = new JsonObject
        {
            ["@id"] = s.Url,
            ["@type"] = "cpsv:PublicService",
            ["dct:identifier"] = s.Url,
            ["dct:title"] = new JsonArray(s.Texts.Select(x => (JsonNode)Text(x.Title, x.Culture)).ToArray()),
            ["dct:description"] = new JsonArray(s.Texts.Select(x => (JsonNode)Text(x.Summary + "\n\n" + x.Description, x.Culture)).ToArray()),
            ["dct:type"] = Concept("subtype/" + s.SubType, s.SubType, "Network.SubType." + s.SubType,
                Concept("category/" + s.Category, s.Category.ToString(), "Network.Category." + s.Category, null)),
            ["dct:audience"] = new JsonArray(s.Audiences.Select(a => (JsonNode)Concept("audience/" + a, a.ToString(), "Network.Audience." + a, null)).ToArray()),
            ["cv:sector"] = new JsonArray(s.Sectors.Select(k => (JsonNode)Concept("sector/" + k, k, "Network.Sector." + k, null)).ToArray()),
            ["dcat:keyword"] = new JsonArray(s.Technologies.SelectMany(k => Labels("Network.Technology." + k)).Select(n => n!.DeepClone()).ToArray()),
            ["agora:technology"] = new JsonArray(s.Technologies.Select(k => (JsonNode)Concept("technology/" + k, k, "Network.Technology." + k, null)).ToArray()),
            ["dct:language"] = new JsonArray(s.Languages.Select(c => (JsonNode)Id(LanguageIri(c))).ToArray()),
            ["dct:spatial"] = new JsonArray(s.Provider.Regions.Select(r => (JsonNode)Id(NutsPrefix + r)).ToArray()),
            ["cv:hasCompetentAuthority"] = new JsonObject
            {
                ["@id"] = hubIri,
                ["@type"] = "cv:PublicOrganisation",
                ["skos:prefLabel"] = s.Provider.Name,
                ["foaf:name"] = s.Provider.LegalName,
                ["dct:spatial"] = new JsonArray(s.Provider.Regions.Select(r => (JsonNode)Id(NutsPrefix + r)).ToArray()),
                ["agora:hubKind"] = Concept("hub-kind/" + s.Provider.Kind, s.Provider.Kind.ToString(), "Network.HubKind." + s.Provider.Kind, null),
            },
            ["cv:hasChannel"] = new JsonArray(s.Delivery.Select(d => (JsonNode)new JsonObject
            {
                ["@type"] = "cv:Channel",
                ["dct:type"] = Concept("delivery/" + d, d.ToString(), "Network.Delivery." + d, null),
                ["cv:ownedBy"] = Id(hubIri),
            }).ToArray()),
            ["cv:contactPoint"] = new JsonObject
            {
                ["@type"] = "cv:ContactPoint",
                ["cv:contactPage"] = Id(s.Provider.ContactPage),
            },
            ["cv:hasCost"] = Cost(s),
            ["agora:trlMin"] = new JsonObject { ["@value"] = s.TrlMin, ["@type"] = "xsd:integer" },
            ["agora:trlMax"] = new JsonObject { ["@value"] = s.TrlMax, ["@type"] = "xsd:integer" },
            ["agora:priceModel"] = Concept("price/" + s.PriceModel, s.PriceModel.ToString(), "Network.Price." + s.PriceModel, null),
            ["agora:partnerHub"] = new JsonArray(s.Partners.Select(p => (JsonNode)new JsonObject
            {
                ["@id"] = s.Provider.Url.Replace($"/hubs/{s.Provider.Slug}/", $"/hubs/{p.Slug}/", StringComparison.Ordinal),
                ["skos:prefLabel"] = p.Name,
            }).ToArray()),
        };
        // Working days from acceptance to the start of delivery, written as days: xsd:duration has no working days.
        if (s.LeadTimeDays is { } days) service["cv:processingTime"] = new JsonObject { ["@value"] = $"P{days}D", ["@type"] = "xsd:duration" };
        return service;
    }

    private static JsonObject Cost(FeedService s)
    {
        var cost = new JsonObject
        {
            ["@type"] = "cv:Cost",
            ["cv:currency"] = Id(CurrencyPrefix + s.Currency),
        };
        decimal? value = s.PriceModel == PriceModel.Free ? 0m : s.IndicativePrice;
        if (value is { } v) cost["cv:hasValue"] = new JsonObject { ["@value"] = v.ToString("0.00", CultureInfo.InvariantCulture), ["@type"] = "xsd:decimal" };
        return cost;
    }

    private JsonObject Concept(string path, string key, string labelKey, JsonObject? broader)
    {
        var concept = new JsonObject
        {
            ["@id"] = AgoraNamespace + path,
            ["@type"] = "skos:Concept",
            ["skos:notation"] = key,
            ["skos:prefLabel"] = Labels(labelKey),
        };
        if (broader is not null) concept["skos:broader"] = broader;
        return concept;
    }

    private JsonArray Labels(string key)
    {
        var (en, pt, nb) = ThreeLanguages.Of(t, key);
        return [Text(en, "en"), Text(pt, "pt-PT"), Text(nb, "nb-NO")];
    }

    private static JsonObject Text(string value, string culture) => new() { ["@value"] = value, ["@language"] = culture };

    private static JsonObject Id(string iri) => new() { ["@id"] = iri };

    private static JsonObject DateTime(DateTimeOffset at) =>
        new() { ["@value"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["@type"] = "xsd:dateTime" };
}
