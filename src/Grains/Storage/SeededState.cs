namespace Governance.Grains.Storage;

/// <summary>The stored state of a grain seeded from the city register: empty until the grain first changes it.</summary>
public sealed class SeededState<T>
    where T : class
{
    public T? Value { get; set; }

    /// <summary>How many times the grain wrote it; 0 while it is the register's seed.</summary>
    public long Writes { get; set; }

    /// <summary>When the grain last wrote it; null while it is the register's seed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The version a reader sees: 1 for a seed or a new record, one more for each change after.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version => Value is null ? 0 : Math.Max(1, Writes);
}
