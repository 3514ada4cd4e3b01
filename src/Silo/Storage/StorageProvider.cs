namespace Governance.Silo.Storage;

/// <summary>The database that holds grain state and the city register.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file: the embedded, single-silo default.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server: what a cluster of silos shares.</summary>
    PostgreSql = 1,
}
