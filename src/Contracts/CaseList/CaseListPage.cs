using System.Collections.Immutable;

namespace Governance.Contracts.CaseList;

/// <summary>One page of a list of cases, and where the next one starts (null on the last page).</summary>
[GenerateSerializer, Immutable, Alias("CaseListPage")]
public sealed record class CaseListPage(
    [property: Id(0)] ImmutableArray<CaseListItem> Cases,
    [property: Id(1)] CaseListCursor? Next);
