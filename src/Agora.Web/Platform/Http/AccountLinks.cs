using Microsoft.Extensions.Options;

namespace Agora.Web.Platform.Http;

/// <summary>
/// Absolute links for emails: from Agora:BaseUrl; without it, from the current request, or — for mail sent by
/// background jobs — from the last request the server answered. Set Agora:BaseUrl in production.
/// </summary>
public sealed class AccountLinks(IOptions<AgoraSettings> settings, IHttpContextAccessor accessor, LastRequestOrigin last)
{
    public string Absolute(string pathAndQuery)
    {
        var baseUrl = settings.Value.BaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            var req = accessor.HttpContext?.Request;
            baseUrl = req is null ? last.Value ?? "http://localhost:5080" : LastRequestOrigin.Of(req);
        }
        return baseUrl.TrimEnd('/') + pathAndQuery;
    }
}

/// <summary>The address the server was last reached at, for links written outside a request when no base URL is configured.</summary>
public sealed class LastRequestOrigin
{
    private volatile string? _value;

    public string? Value => _value;

    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public void Remember(HttpRequest request)
    {
        if (request.Host.HasValue) _value = Of(request);
    }
}
