namespace Governance.Contracts.Cases;

/// <summary>Where a case stands after a step, as its cell's row keeps it for lists of cases.</summary>
/// <param name="Status">Its status.</param>
/// <param name="Department">The department it was last dispatched to; empty until dispatched.</param>
/// <param name="DueAt">When it is due while its handling clock runs; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("CaseProgress")]
public sealed record class CaseProgress(
    [property: Id(0)] CaseStatusKind Status,
    [property: Id(1)] string Department,
    [property: Id(2)] DateTimeOffset? DueAt)
{
    /// <summary>What its evaluation counts, after this step.</summary>
    [Id(3)]
    public Evaluation.CaseFacts Facts { get; init; } = new();
}
