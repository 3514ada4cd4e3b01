using Governance.Contracts.Common;

namespace Governance.Contracts.Merging;

/// <summary>
/// One report asking whether it duplicates an open case: its own case id (derived from the report), its cell,
/// category, point and time, and its category's merge distance and window.
/// </summary>
[GenerateSerializer, Immutable, Alias("MergeQuery")]
public sealed record class MergeQuery(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CellId,
    [property: Id(2)] string Category,
    [property: Id(3)] GeoLocation Point,
    [property: Id(4)] DateTimeOffset ReportedAt,
    [property: Id(5)] double MaxMeters,
    [property: Id(6)] TimeSpan Window)
{
    /// <summary>The best candidate other zones found for this report, to be weighed against the home zone's own.</summary>
    [Id(7)]
    public MergeCandidate? ElsewhereBest { get; init; }

    /// <summary>
    /// The report's own case must open whatever lies near: other reports were merged into it already (found when the
    /// journal is replayed, after a crash that lost the case's registration but not their links).
    /// </summary>
    [Id(8)]
    public bool MustOpen { get; init; }
}
