namespace Agora.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section "Database" of the configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite the default is a file under data/.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the application starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
