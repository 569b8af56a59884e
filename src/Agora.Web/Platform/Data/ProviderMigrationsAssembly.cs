#pragma warning disable EF1001 // MigrationsAssembly is EF's internal base; we only narrow how migrations are found.
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Agora.Web.Platform.Data;

/// <summary>
/// Finds migrations in a provider's migration assembly without the [DbContext] attribute.
/// The migration projects cannot reference Agora.Web (it references them), so the
/// add-migration script strips that attribute; every migration and snapshot in those
/// assemblies belongs to <see cref="AgoraDbContext"/>.
/// </summary>
public sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        _migrations ??= Assembly.DefinedTypes
            .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract)
            .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
            .Where(x => x.Id is not null)
            .OrderBy(x => x.Id, StringComparer.Ordinal)
            .ToDictionary(x => x.Id!, x => x.Type);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotLoaded)
            {
                var type = Assembly.DefinedTypes.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract);
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                _snapshotLoaded = true;
            }
            return _snapshot;
        }
    }
}
