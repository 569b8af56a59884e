using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Agora.Web.Platform.Audit;
using Agora.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Platform.Privacy;

/// <summary>Who asked for an erasure.</summary>
public enum ErasureRequester
{
    /// <summary>The person deleted their own account.</summary>
    Self,
    /// <summary>A platform admin erased the account on the person's request.</summary>
    PlatformAdmin,
}

/// <summary>
/// The person's data from every registered <see cref="IPersonalData"/> source: the export (JSON and an archive with
/// their files) and the erasure (one transaction over every source, the account anonymised last, audited without the
/// erased data).
/// </summary>
public sealed class PersonalDataService(IEnumerable<IPersonalData> sources, AgoraDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public IReadOnlyList<IPersonalData> Sources { get; } = sources.OrderBy(s => s.Section, StringComparer.Ordinal).ToList();

    /// <summary>Everything Agora holds about the person, section by section (audited).</summary>
    public async Task<IReadOnlyDictionary<string, object?>> ExportAsync(Guid userId, CancellationToken ct)
    {
        var export = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in Sources) export[source.Section] = await source.ExportAsync(userId, ct);
        await audit.RecordAsync(AuditActions.DataExported, actorId: userId);
        return export;
    }

    /// <summary>
    /// A zip archive: personal-data.json and every file of the person's under files/ (audited), written to
    /// <paramref name="output"/> (a response body too). The archive is made in a buffer that spills to a temporary
    /// file beyond 32 KB (the zip writer writes synchronously now and then, which a response body refuses), so a large
    /// export never sits in memory, and a failure half-way answers an error instead of a broken file.
    /// </summary>
    public async Task WriteArchiveAsync(Guid userId, Stream output, CancellationToken ct)
    {
        await using var buffer = new Microsoft.AspNetCore.WebUtilities.FileBufferingWriteStream();
        await WriteZipAsync(userId, buffer, ct);
        await buffer.DrainBufferAsync(output, ct);
    }

    private async Task WriteZipAsync(Guid userId, Stream output, CancellationToken ct)
    {
        var export = await ExportAsync(userId, ct);
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        await using (var json = await zip.CreateEntry("personal-data.json", CompressionLevel.Optimal).OpenAsync(ct))
            await JsonSerializer.SerializeAsync(json, export, Json, ct);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            await foreach (var file in source.FilesAsync(userId, ct))
            {
                var name = "files/" + SafePath(file.ArchivePath);
                if (!names.Add(name)) continue;
                await using var target = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
                await using var content = await file.Open(ct);
                await content.CopyToAsync(target, ct);
            }
        }
    }

    /// <summary>The pseudonym that replaces a person in records that must stay: the same for the same id, nothing else.</summary>
    public static string Pseudonym(Guid userId) =>
        "erased-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("agora-erasure:" + userId.ToString("N"))))[..10];

    /// <summary>
    /// Erases the person: every source deletes or anonymises its rows in one transaction, the account last. Idempotent:
    /// erasing an erased account changes nothing and is not audited again. Returns false when there is no such account.
    /// </summary>
    public async Task<bool> EraseAsync(Guid userId, bool deleteContributions, ErasureRequester by, Guid? adminId, CancellationToken ct)
    {
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.UserName }).SingleOrDefaultAsync(ct);
        if (account is null) return false;
        var pseudonym = Pseudonym(userId);
        if (account.UserName == pseudonym) return true;
        var erasure = new Erasure(userId, account.Email, pseudonym, deleteContributions, clock.GetUtcNow());
        await db.InTransactionAsync(async token =>
        {
            foreach (var source in Sources.OrderBy(s => s.EraseOrder).ThenBy(s => s.Section, StringComparer.Ordinal))
            {
                await source.EraseAsync(erasure, token);
                await db.SaveChangesAsync(token);
            }
            // Recorded by hand: the entry names the pseudonym only, never the erased address, IP or browser.
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = erasure.At,
                Action = AuditActions.AccountErased,
                ActorId = by == ErasureRequester.Self ? userId : adminId,
                ActorEmail = by == ErasureRequester.Self ? pseudonym : null,
                Subject = pseudonym,
                Details = $"by={by}, contributions={(deleteContributions ? "deleted" : "kept")}",
            });
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        return true;
    }

    private static string SafePath(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p is not "." and not "..")
            .Select(p => new string(p.Select(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray())));
}
