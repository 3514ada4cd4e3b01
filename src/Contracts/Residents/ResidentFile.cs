namespace Governance.Contracts.Residents;

/// <summary>A resident's file as stored: what it says, the cell of the resident's household, and its version.</summary>
/// <param name="Details">What the file says.</param>
/// <param name="CellId">The cell of the resident's household.</param>
/// <param name="Version">Counts the file's changes (1 as the register seeded or a create wrote it); an update names the version it changes.</param>
/// <param name="UpdatedAt">When it last changed; null for a file as the register seeded it.</param>
[GenerateSerializer, Immutable, Alias("ResidentFile")]
public sealed record class ResidentFile(
    [property: Id(0)] ResidentDetails Details,
    [property: Id(1)] string CellId,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset? UpdatedAt);
