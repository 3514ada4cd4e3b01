namespace Governance.Grains.Storage;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StoreNames
{
    /// <summary>The general grain store, through Orleans' ADO.NET provider: SQLite embedded, PostgreSQL in the cluster.</summary>
    public const string Main = "main";

    /// <summary>
    /// The store of the grains that intake writes at every checkpoint (cells, cases): the same database, but many
    /// grains' writes committed in one transaction, because one transaction per grain cannot keep up with a storm.
    /// </summary>
    public const string Live = "live";
}
