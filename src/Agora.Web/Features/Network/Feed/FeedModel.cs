using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Web.Features.Network;

/// <summary>
/// The plain JSON catalogue feed (<c>/network/feed.json</c>), format <see cref="FeedFormat.Name"/>: what one installation
/// publishes and another harvests. The same records are read strictly by <see cref="FeedReader"/>; docs/catalogue-feed.md
/// describes every field.
/// </summary>
public sealed record FeedDocument
{
    public required string Format { get; init; }
    public required string Title { get; init; }
    public required FeedPublisher Publisher { get; init; }
    public required DateTimeOffset Modified { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public required int TotalItems { get; init; }
    public string? Next { get; init; }
    public string? Previous { get; init; }
    public required IReadOnlyList<FeedService> Services { get; init; }
}

public sealed record FeedPublisher
{
    public required string Name { get; init; }
    public required string Homepage { get; init; }
}

/// <summary>One published service with its providing hub. Enum values are their names; vocabulary values are keys.</summary>
public sealed record FeedService
{
    public required int Id { get; init; }
    /// <summary>The stable IRI, also the service's page at the source.</summary>
    public required string Url { get; init; }
    public required DateTimeOffset Modified { get; init; }
    public required ServiceCategory Category { get; init; }
    public required string SubType { get; init; }
    public required IReadOnlyList<ServiceAudience> Audiences { get; init; }
    public required IReadOnlyList<string> Technologies { get; init; }
    public required IReadOnlyList<string> Sectors { get; init; }
    public required int TrlMin { get; init; }
    public required int TrlMax { get; init; }
    public required PriceModel PriceModel { get; init; }
    public decimal? IndicativePrice { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<DeliveryModes> Delivery { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public int? LeadTimeDays { get; init; }
    public required string DefaultCulture { get; init; }
    public required IReadOnlyList<FeedText> Texts { get; init; }
    public required FeedProvider Provider { get; init; }
    public required IReadOnlyList<FeedHub> Partners { get; init; }
}

public sealed record FeedText
{
    public required string Culture { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Description { get; init; }
}

/// <summary>The hub that provides a service: no person's data, its front desk is a page to ask at.</summary>
public sealed record FeedProvider
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string LegalName { get; init; }
    public required HubKind Kind { get; init; }
    public required string Country { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public required string Url { get; init; }
    public string? Website { get; init; }
    /// <summary>Where to ask the hub's front desk (a page, not a person).</summary>
    public required string ContactPage { get; init; }
}

public sealed record FeedHub
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
}

public static class FeedFormat
{
    public const string Name = "agora-catalogue-feed/1";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>camelCase, enums as their names (never numbers), nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };
}
