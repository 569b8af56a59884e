namespace Agora.Web.Platform.Http;

public static class LocalUrl
{
    /// <summary>Only local paths, never another site (open redirect); "/" otherwise.</summary>
    public static string Safe(string? url) =>
        url is { Length: > 0 and < 2000 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl) ? url : "/";
}
