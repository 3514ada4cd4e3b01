using Governance.Contracts.Cases;
using Governance.Contracts.Deadlines;

namespace Governance.Contracts.Departments;

/// <summary>A case in a department's queue.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="CellId">Its grid cell.</param>
/// <param name="Category">Its category code.</param>
/// <param name="Status">Dispatched, or suspended.</param>
/// <param name="DispatchedAt">When it was last dispatched to the department (a rework dispatches it again).</param>
/// <param name="ChangedAt">When its entry last changed.</param>
[GenerateSerializer, Immutable, Alias("QueuedCaseInfo")]
public sealed record class QueuedCaseInfo(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] string Category,
    [property: Id(3)] CaseStatusKind Status,
    [property: Id(4)] DateTimeOffset DispatchedAt,
    [property: Id(5)] DateTimeOffset ChangedAt)
{
    /// <summary>Its handling clock: when it is due, or the time left while suspended; how far it has escalated.</summary>
    [Id(6)]
    public CaseDeadline? Deadline { get; init; }

    /// <summary>True when it is past due (as of the moment the queue was read); worked out then, never stored.</summary>
    [Id(7), System.Text.Json.Serialization.JsonIgnore]
    public bool Overdue { get; init; }
}
