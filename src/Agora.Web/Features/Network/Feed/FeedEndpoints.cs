using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Agora.Web.Features.Network;

/// <summary>
/// <c>/network/feed.json</c> and <c>/network/feed.jsonld</c>: the open catalogue feed, anonymous and cacheable. The
/// <c>ETag</c> is a hash of the answer's bytes, <c>Last-Modified</c> the newest change to the feed's services and
/// profiles; <c>If-None-Match</c> (or, without it, <c>If-Modified-Since</c>) answers 304.
/// </summary>
public static class FeedEndpoints
{
    public const string JsonPath = "/network/feed.json";
    public const string JsonLdPath = "/network/feed.jsonld";

    public static void MapNetworkFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(JsonPath, (HttpContext http, CatalogueFeed feed, int? page, int? pageSize, CancellationToken ct) =>
                AnswerAsync(http, feed, null, JsonPath, "application/json", page, pageSize, ct))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet(JsonLdPath, (HttpContext http, CatalogueFeed feed, FeedJsonLd jsonLd, int? page, int? pageSize, CancellationToken ct) =>
                AnswerAsync(http, feed, jsonLd, JsonLdPath, "application/ld+json", page, pageSize, ct))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, CatalogueFeed feed, FeedJsonLd? jsonLd, string path, string contentType,
        int? page, int? pageSize, CancellationToken ct)
    {
        var size = pageSize ?? FeedFormat.DefaultPageSize;
        var number = page ?? 1;
        if (size is < 1 or > FeedFormat.MaxPageSize || number is < 1 or > 100_000)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest);
        var (modified, _) = await feed.StampAsync(ct);
        var document = await feed.PageAsync(number, size, path, modified, ct);
        var bytes = jsonLd is null
            ? JsonSerializer.SerializeToUtf8Bytes(document, FeedFormat.Json)
            : JsonSerializer.SerializeToUtf8Bytes(jsonLd.Write(document, path, feed.BaseUrl), FeedFormat.Json);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
        var lastModified = new DateTimeOffset(modified.UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        http.Response.Headers.Vary = "Accept-Encoding";

        var request = http.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && lastModified <= since;
        if (notModified) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(bytes, contentType + "; charset=utf-8");
    }
}
