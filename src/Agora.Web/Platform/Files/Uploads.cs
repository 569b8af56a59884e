namespace Agora.Web.Platform.Files;

/// <summary>Reads a form's file into an <see cref="UploadInput"/> for a use case, the same way for pages and API.</summary>
public static class Uploads
{
    /// <summary>The size limit of attachments and documents (ideas, requests, initiatives).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Null when there is no file; a file over <paramref name="maxBytes"/> is not read at all: its <see cref="UploadInput.Size"/>
    /// tells the use case, which refuses it with its own message.
    /// </summary>
    public static async Task<UploadInput?> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return null;
        if (file.Length > maxBytes) return new UploadInput(file.FileName, []) { Size = file.Length };
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return new UploadInput(file.FileName, ms.ToArray());
    }
}
