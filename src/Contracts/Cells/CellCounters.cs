namespace Governance.Contracts.Cells;

/// <summary>Running counts of one cell.</summary>
/// <param name="ReportsReceived">Reports taken, retries not counted (merged ones counted).</param>
/// <param name="Retries">Reports taken before, answered with their case.</param>
/// <param name="CasesOpened">Cases ever opened here.</param>
/// <param name="OpenCases">Cases open now.</param>
/// <param name="MergedReports">Reports added to an open case as duplicates.</param>
[GenerateSerializer, Immutable, Alias("CellCounters")]
public sealed record class CellCounters(
    [property: Id(0)] long ReportsReceived,
    [property: Id(1)] long Retries,
    [property: Id(2)] long CasesOpened,
    [property: Id(3)] int OpenCases,
    [property: Id(4)] long MergedReports);
