namespace Governance.Contracts.CaseList;

/// <summary>Where a page of cases ended: the last case's sort key (UTC ticks of its opening or due time) and its id.</summary>
[GenerateSerializer, Immutable, Alias("CaseListCursor")]
public sealed record class CaseListCursor(
    [property: Id(0)] long SortKey,
    [property: Id(1)] string CaseId);
