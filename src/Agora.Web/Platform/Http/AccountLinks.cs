using Microsoft.Extensions.Options;

namespace Agora.Web.Platform.Http;

/// <summary>Absolute links for emails: from Agora:BaseUrl, else from the current request.</summary>
public sealed class AccountLinks(IOptions<AgoraSettings> settings, IHttpContextAccessor accessor)
{
    public string Absolute(string pathAndQuery)
    {
        var baseUrl = settings.Value.BaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            var req = accessor.HttpContext?.Request;
            baseUrl = req is null ? "http://localhost:5080" : $"{req.Scheme}://{req.Host}{req.PathBase}";
        }
        return baseUrl.TrimEnd('/') + pathAndQuery;
    }
}
