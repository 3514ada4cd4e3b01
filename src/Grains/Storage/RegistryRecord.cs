namespace Governance.Grains.Storage;

/// <summary>
/// One row of the city register: the generated or imported city (kind "city"), and the seed of each
/// household and resident (kinds "household", "resident"), kept as JSON so the register needs no
/// migration when a record gains a field.
/// </summary>
/// <param name="Kind">What the record is: "city", "household", "resident".</param>
/// <param name="Id">Its id within the kind.</param>
/// <param name="Cell">The grid cell code it belongs to, when it has one; indexed for per-cell listing.</param>
/// <param name="Body">The record as JSON.</param>
public sealed record RegistryRecord(string Kind, string Id, string? Cell, string Body);
