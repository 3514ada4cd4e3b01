namespace Governance.Contracts.Households;

/// <summary>A household's record as stored, with its version.</summary>
/// <param name="Details">What the record says, members included.</param>
/// <param name="Version">Counts the record's changes (1 as the register seeded or a create wrote it).</param>
/// <param name="UpdatedAt">When it last changed; null for a record as the register seeded it.</param>
[GenerateSerializer, Immutable, Alias("HouseholdFile")]
public sealed record class HouseholdFile(
    [property: Id(0)] HouseholdDetails Details,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset? UpdatedAt);
