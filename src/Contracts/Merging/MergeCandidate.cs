namespace Governance.Contracts.Merging;

/// <summary>An open case a report could merge into: which, in which cell, and how far from the report.</summary>
[GenerateSerializer, Immutable, Alias("MergeCandidate")]
public sealed record class MergeCandidate(
    [property: Id(0)] string CaseId,
    [property: Id(1)] double DistanceMeters,
    [property: Id(2)] string CellId);
