namespace Governance.Contracts.Cells;

/// <summary>How a storm warning rated a cell: the level, its highest household probability, how many households it flagged.</summary>
[GenerateSerializer, Immutable, Alias("CellFloodRisk")]
public sealed record class CellFloodRisk(
    [property: Id(0)] FloodRiskLevel Level,
    [property: Id(1)] double HighestProbability,
    [property: Id(2)] int FlaggedHouseholds,
    [property: Id(3)] int Households,
    [property: Id(4)] string WarningId,
    [property: Id(5)] long ModelVersion,
    [property: Id(6)] DateTimeOffset IssuedAt);

/// <summary>A cell's flood risk under the latest warning, lowest first.</summary>
public enum FloodRiskLevel
{
    /// <summary>No warning has rated the cell.</summary>
    None,

    /// <summary>Every household well below the threshold.</summary>
    Low,

    /// <summary>Some household at half the threshold or more.</summary>
    Medium,

    /// <summary>Households flagged.</summary>
    High,

    /// <summary>Three or more flagged, or one at 0.8 or more.</summary>
    Severe,
}
