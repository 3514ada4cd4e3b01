namespace Governance.Contracts.Evaluation;

/// <summary>
/// What the evaluation of a case's handling counts, as the case worked it out after its latest step or rating. Its cell
/// keeps it in the case's row and tallies it by the day the case opened.
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseFacts")]
public sealed record class CaseFacts
{
    [Id(0)] public bool Registered { get; init; }

    [Id(1)] public bool Rejected { get; init; }

    /// <summary>When it was first dispatched; null until then.</summary>
    [Id(2)] public DateTimeOffset? FirstDispatchedAt { get; init; }

    /// <summary>True once a department reported it handled.</summary>
    [Id(3)] public bool Handled { get; init; }

    /// <summary>When it was closed; null until then.</summary>
    [Id(4)] public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>True for a closed case its department handled by the due time.</summary>
    [Id(5)] public bool ClosedOnTime { get; init; }

    /// <summary>True when verification sent it back at least once.</summary>
    [Id(6)] public bool Reworked { get; init; }

    /// <summary>True when it was postponed at least once.</summary>
    [Id(7)] public bool Postponed { get; init; }

    [Id(8)] public int RatingSum { get; init; }

    [Id(9)] public int RatingCount { get; init; }
}
