namespace Agora.Web.Platform.Auth;

/// <summary>Named authorization policies. The fallback policy requires a signed-in person.</summary>
public static class Policies
{
    public const string PlatformAdmin = "PlatformAdmin";
}

public static class AgoraClaims
{
    public const string SessionId = "agora:sid";
    public const string Language = "agora:lang";
    public const string Scope = "scope";
    public const string TokenId = "agora:token";
}

public static class AgoraSchemes
{
    /// <summary>Chooses the token scheme for "Authorization: Bearer", the cookie otherwise.</summary>
    public const string Default = "Agora";
    public const string Token = "AgoraToken";
}
