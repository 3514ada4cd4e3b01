namespace Governance.Grains.Storage;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StoreNames
{
    /// <summary>The one grain store: SQLite in the embedded mode, PostgreSQL in the cluster.</summary>
    public const string Main = "main";
}
