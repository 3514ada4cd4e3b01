namespace Governance.Contracts.Cases;

/// <summary>
/// How a case was opened, as the cell that opened it recorded it: what a case grain that has stored nothing of its own
/// yet is built from (its first reporter is the first report's link).
/// </summary>
/// <param name="CellId">The cell the case lies in.</param>
/// <param name="Header">The case as it was opened.</param>
/// <param name="Description">The first report's whole description.</param>
[GenerateSerializer, Immutable, Alias("CaseOpening")]
public sealed record class CaseOpening(
    [property: Id(0)] string CellId,
    [property: Id(1)] CaseHeader Header,
    [property: Id(2)] string Description);
