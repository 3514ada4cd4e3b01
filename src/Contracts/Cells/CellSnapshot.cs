using System.Collections.Immutable;
using Governance.Contracts.Cases;
using Governance.Contracts.Sensors;

namespace Governance.Contracts.Cells;

/// <summary>The live state of a cell. Its geography comes from the city map, not from here.</summary>
/// <param name="CellId">The cell id (without the grain key prefix).</param>
/// <param name="HouseholdCount">Households the register places in the cell.</param>
/// <param name="Counters">Running counts.</param>
/// <param name="OpenCases">Open cases, newest first.</param>
/// <param name="Sensors">Sensors in the cell with their latest readings, by sensor id.</param>
[GenerateSerializer, Immutable, Alias("CellSnapshot")]
public sealed record class CellSnapshot(
    [property: Id(0)] string CellId,
    [property: Id(1)] int HouseholdCount,
    [property: Id(2)] CellCounters Counters,
    [property: Id(3)] ImmutableArray<CaseSummaryInfo> OpenCases,
    [property: Id(4)] ImmutableArray<SensorStatusInfo> Sensors)
{
    /// <summary>The latest storm warning's rating of the cell; null before any.</summary>
    [Id(5)]
    public CellFloodRisk? FloodRisk { get; init; }
}
