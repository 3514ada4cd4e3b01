namespace Governance.Contracts.Residents;

/// <summary>A visit a resident's need calls for: when it is due, and when the need was last served.</summary>
[GenerateSerializer, Immutable, Alias("DueVisit")]
public sealed record class DueVisit(
    [property: Id(0)] string ResidentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string CellId,
    [property: Id(3)] string Kind,
    [property: Id(4)] ServiceCadenceKind Cadence,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] DateTimeOffset? LastVisitAt);

/// <summary>Which due visits to list: of one cell, or of the cells a grid worker looks after; due before a time; soonest due first.</summary>
[GenerateSerializer, Immutable, Alias("DueVisitQuery")]
public sealed record class DueVisitQuery(
    [property: Id(0)] string CellId,
    [property: Id(1)] string WorkerId,
    [property: Id(2)] DateTimeOffset DueBefore,
    [property: Id(3)] int Limit)
{
    /// <summary>The page before's last visit (due time, resident id, kind); null for the first page.</summary>
    [Id(4)]
    public DateTimeOffset? AfterDueAt { get; init; }

    [Id(5)]
    public string AfterResidentId { get; init; } = "";

    [Id(6)]
    public string AfterKind { get; init; } = "";
}
