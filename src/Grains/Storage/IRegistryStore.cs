namespace Governance.Grains.Storage;

/// <summary>
/// The city register in the same database as the grain state. Grains read their seed from it on first
/// activation; bulk writers (the demo city, imports) write many records in one transaction.
/// </summary>
public interface IRegistryStore
{
    /// <summary>Inserts or replaces the records in one transaction.</summary>
    Task UpsertManyAsync(IEnumerable<RegistryRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The record of that kind and id, or null.</summary>
    Task<RegistryRecord?> GetAsync(string kind, string id, CancellationToken cancellationToken = default);

    /// <summary>The records of that kind in one cell, ordered by id.</summary>
    Task<IReadOnlyList<RegistryRecord>> ListByCellAsync(string kind, string cell, CancellationToken cancellationToken = default);

    /// <summary>How many records of that kind there are.</summary>
    Task<long> CountAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>How many records of that kind one cell has, without reading them.</summary>
    Task<long> CountByCellAsync(string kind, string cell, CancellationToken cancellationToken = default);
}
