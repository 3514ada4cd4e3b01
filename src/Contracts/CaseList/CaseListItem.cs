using Governance.Contracts.Cases;
using Governance.Contracts.Common;

namespace Governance.Contracts.CaseList;

/// <summary>A case as a list shows it: enough to choose which to open.</summary>
[GenerateSerializer, Immutable, Alias("CaseListItem")]
public sealed record class CaseListItem(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] CaseKind Kind,
    [property: Id(3)] string Category,
    [property: Id(4)] CaseStatusKind Status,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] string Headline,
    [property: Id(7)] GeoLocation Location)
{
    /// <summary>The department it was last dispatched to; empty until dispatched.</summary>
    [Id(8)]
    public string Department { get; init; } = "";

    /// <summary>When it is due while its handling clock runs; null otherwise.</summary>
    [Id(9)]
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>True when it is past due, as of the moment the list was made.</summary>
    [Id(10)]
    public bool Overdue { get; init; }
}
