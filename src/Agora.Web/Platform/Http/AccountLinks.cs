using Microsoft.Extensions.Options;

namespace Agora.Web.Platform.Http;

/// <summary>
/// Absolute links for email (reset, confirmation, invitations, notifications, digests, exports), always from the
/// configured public address (Agora:BaseUrl), never from a request: a request's Host header is the sender's to choose.
/// </summary>
public sealed class AccountLinks(IOptions<AgoraSettings> settings)
{
    public string Absolute(string pathAndQuery) => settings.Value.PublicAddress.TrimEnd('/') + pathAndQuery;
}
