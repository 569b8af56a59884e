namespace Agora.Web.Platform.Privacy;

/// <summary>What an erasure asks for.</summary>
/// <param name="UserId">The person being erased. Their account row stays as an empty tombstone (no name, email,
/// password or any other personal data) so that what others built on keeps its references: votes keep counting,
/// threads keep their shape, and every name shows as "a former member" in the reader's language.</param>
/// <param name="Email">Their email before erasure (for rows that hold the address itself, such as invitations), or null.</param>
/// <param name="Pseudonym">What replaces the person's email or name in records that must stay (audit subjects), e.g. "erased-3f9a1c2b".</param>
/// <param name="DeleteContributions">True when the person chose to delete what they wrote (ideas, comments) too;
/// otherwise their contributions stay, shown as by "a former member".</param>
/// <param name="At">When the erasure happens.</param>
public sealed record Erasure(Guid UserId, string? Email, string Pseudonym, bool DeleteContributions, DateTimeOffset At);

/// <summary>A file of the person's, for the downloadable archive of their export.</summary>
public sealed record PersonalFile(string ArchivePath, Func<CancellationToken, Task<Stream>> Open);

/// <summary>
/// One feature's share of what Agora holds about a person (GDPR Art. 15, 17, 20). Every table holding a person's
/// id is covered by exactly one source: a test fails when an entity with a person's id is in no source's
/// <see cref="Covers"/>. Register with <c>services.AddPersonalData&lt;T&gt;()</c>.
/// </summary>
public interface IPersonalData
{
    /// <summary>The section of the export, e.g. "ideas".</summary>
    string Section { get; }

    /// <summary>The entity types whose rows about the person this source exports and erases.</summary>
    IReadOnlyCollection<Type> Covers { get; }

    /// <summary>The person's data as a JSON-serialisable object: their own data only, never other people's or a hub's internal notes.</summary>
    Task<object?> ExportAsync(Guid userId, CancellationToken ct);

    /// <summary>The person's files for the archive (names under the section's folder).</summary>
    IAsyncEnumerable<PersonalFile> FilesAsync(Guid userId, CancellationToken ct) => AsyncEnumerable.Empty<PersonalFile>();

    /// <summary>
    /// Deletes or anonymises the person's rows. Runs inside the erasure's transaction (use ExecuteUpdate/ExecuteDelete or
    /// tracked changes; the caller saves); idempotent; never deletes what others built on unless
    /// <see cref="Erasure.DeleteContributions"/> asks for the person's own texts.
    /// </summary>
    Task EraseAsync(Erasure erasure, CancellationToken ct);

    /// <summary>Sources run in this order when erasing (lower first); the account itself is anonymised last.</summary>
    int EraseOrder => 0;
}

public static class PersonalDataRegistration
{
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services) where T : class, IPersonalData =>
        services.AddScoped<IPersonalData, T>();
}
