namespace Agora.Web.Platform.Files;

/// <summary>Reads a form's file into an <see cref="UploadInput"/> for a use case, the same way for pages and API.</summary>
public static class Uploads
{
    /// <summary>The size limit of attachments and documents (ideas, requests, initiatives).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Null when there is no file; a file over <paramref name="maxBytes"/> is not read whole but answered by a stand-in
    /// one byte too long, so the use case refuses it with its own message.
    /// </summary>
    public static async Task<UploadInput?> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return null;
        if (file.Length > maxBytes) return new UploadInput(file.FileName, new byte[maxBytes + 1]);
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return new UploadInput(file.FileName, ms.ToArray());
    }
}
