using Governance.Contracts.Common;

namespace Governance.Contracts.Cases;

/// <summary>What a cell tells a case when its first report arrives.</summary>
/// <param name="CellId">The cell the case lies in.</param>
/// <param name="Location">The case's location: the reported point or the cell's centre.</param>
/// <param name="Report">The report that opens it.</param>
[GenerateSerializer, Immutable, Alias("CaseOpening")]
public sealed record class CaseOpening(
    [property: Id(0)] string CellId,
    [property: Id(1)] GeoLocation Location,
    [property: Id(2)] IncomingReport Report);
