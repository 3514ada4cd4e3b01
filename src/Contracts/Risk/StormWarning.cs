using System.Collections.Immutable;
using Governance.Contracts.Cells;

namespace Governance.Contracts.Risk;

/// <summary>
/// A storm warning as issued: its id, where, the forecast, who is flagged (those from the threshold, or each cell's
/// <see cref="TopPerCell"/> likeliest), how many cases a cell gets at most, and from which probability a case is an
/// evacuation rather than a visit.
/// </summary>
[GenerateSerializer, Immutable, Alias("StormWarningRequest")]
public sealed record class StormWarningRequest(
    [property: Id(0)] string WarningId,
    [property: Id(1)] string Area,
    [property: Id(2)] StormForecastInput Forecast,
    [property: Id(3)] double? Threshold,
    [property: Id(4)] int MaxCasesPerCell,
    [property: Id(5)] int ListLimit,
    [property: Id(6)] int TopPerCell = 0,
    [property: Id(7)] double? EvacuateFrom = null);

/// <summary>A flagged household: its score, its visit case (empty when the cell's limit left it out), the cell's grid worker, and why.</summary>
[GenerateSerializer, Immutable, Alias("WarnedHousehold")]
public sealed record class WarnedHousehold(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] string CellId,
    [property: Id(2)] double Probability,
    [property: Id(3)] string CaseId,
    [property: Id(4)] string GridWorkerId,
    [property: Id(5)] ImmutableArray<float> Features,
    [property: Id(6)] ImmutableArray<float> Contributions);

/// <summary>What a storm warning did; <see cref="ModelVersion"/> 0 when no model is promoted (and nothing was done).</summary>
[GenerateSerializer, Immutable, Alias("StormWarningResult")]
public sealed record class StormWarningResult(
    [property: Id(0)] long ModelVersion,
    [property: Id(1)] long HouseholdsScored,
    [property: Id(2)] int CellsRated,
    [property: Id(3)] int HouseholdsFlagged,
    [property: Id(4)] int CasesOpened,
    [property: Id(5)] ImmutableArray<WarnedHousehold> Households,
    [property: Id(6)] ImmutableArray<(string CellId, CellFloodRisk Risk)> Cells);

/// <summary>Issues storm warnings, on whichever silo is asked. A stateless worker. Key it 0.</summary>
[Alias("IStormWarningGrain")]
public interface IStormWarningGrain : IGrainWithIntegerKey
{
    [Alias("Issue")]
    Task<StormWarningResult> IssueAsync(StormWarningRequest request);
}
